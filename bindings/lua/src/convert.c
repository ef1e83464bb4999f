/* Document nodes <-> plain Lua values.
 *
 * Lua tables cannot tell an empty array from an empty map, nor hold nil,
 * so tables made from documents carry a marker metatable (Array or Map)
 * and JSON null is the sentinel sts.null (a NULL light userdata, as
 * lua-cjson does). Going back, a marked table keeps its kind; an unmarked
 * one is an array when its keys are exactly 1..n, a map when they are all
 * strings (empty = map, the common `emptyDir: {}`). Map keys are written
 * in sorted order so the output does not depend on Lua's hash order. */
#include <stdlib.h>
#include <string.h>

#include "lsts.h"

const char lsts_array_key[] = "statefulset.Array";
const char lsts_map_key[] = "statefulset.Map";

/* Deeper than any decoder allows (default max_depth 256), and shallow
 * enough that a cyclic table is reported instead of exhausting the stack. */
#define MAX_DEPTH 1000

static void push_node(lua_State *L, const sts_node *node, int depth)
{
    if (depth > MAX_DEPTH)
        luaL_error(L, "document nested more than %d levels", MAX_DEPTH);
    luaL_checkstack(L, 4, "document nested too deeply");
    switch (sts_node_get_type(node)) {
    case STS_NODE_BOOL: {
        int b = 0;
        sts_node_get_bool(&b, node);
        lua_pushboolean(L, b);
        break;
    }
    case STS_NODE_INT: {
        int64_t i = 0;
        sts_node_get_int(&i, node);
        lua_pushinteger(L, (lua_Integer)i);
        break;
    }
    case STS_NODE_FLOAT: {
        double f = 0;
        sts_node_get_float(&f, node);
        lua_pushnumber(L, (lua_Number)f);
        break;
    }
    case STS_NODE_STRING: {
        const char *s = "";
        size_t len = 0;
        sts_node_get_string(&s, &len, node);
        lua_pushlstring(L, s, len);
        break;
    }
    case STS_NODE_MAP: {
        size_t n = sts_node_count(node);
        lua_createtable(L, 0, n > INT32_MAX ? 0 : (int)n);
        for (size_t i = 0; i < n; i++) {
            const char *k = "";
            size_t klen = 0;
            sts_node_get_string(&k, &klen, sts_node_map_key_at(node, i));
            lua_pushlstring(L, k, klen);
            push_node(L, sts_node_map_value_at(node, i), depth + 1);
            lua_rawset(L, -3);
        }
        luaL_setmetatable(L, lsts_map_key);
        break;
    }
    case STS_NODE_SEQ: {
        size_t n = sts_node_count(node);
        lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            push_node(L, sts_node_seq_at(node, i), depth + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        luaL_setmetatable(L, lsts_array_key);
        break;
    }
    default:
        lua_pushlightuserdata(L, NULL);
        break;
    }
}

void lsts_push_node(lua_State *L, const sts_node *node)
{
    push_node(L, node, 0);
}

/* ---- Lua -> node ---------------------------------------------------------- */

static void check(lua_State *L, int rc)
{
    if (rc)
        luaL_error(L, "cannot build document node: %s", sts_strerror(rc));
}

static int has_mt(lua_State *L, int idx, const char *key)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, key);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

typedef struct key_ref {
    const char *s;
    size_t len;
} key_ref;

static int key_cmp(const void *a, const void *b)
{
    const key_ref *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static sts_node *to_node(lua_State *L, int idx, sts_doc *doc, int depth);

static sts_node *seq_from(lua_State *L, int idx, sts_doc *doc, int depth, lua_Integer n)
{
    sts_node *seq;
    check(L, sts_doc_new_seq(&seq, doc));
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        if (lua_isnil(L, -1))
            luaL_error(L, "array has a hole at index %d", (int)i);
        sts_node *item = to_node(L, lua_gettop(L), doc, depth + 1);
        lua_pop(L, 1);
        check(L, sts_node_seq_append(seq, item));
    }
    return seq;
}

static sts_node *map_from(lua_State *L, int idx, sts_doc *doc, int depth, size_t nkeys)
{
    /* the keys, kept alive on the stack by the table itself */
    key_ref *keys = lua_newuserdatauv(L, (nkeys ? nkeys : 1) * sizeof *keys, 0);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "map key must be a string, not %s", luaL_typename(L, -1));
        if (n < nkeys) {
            keys[n].s = lua_tolstring(L, -1, &keys[n].len);
            n++;
        }
    }
    qsort(keys, n, sizeof *keys, key_cmp);
    sts_node *map;
    check(L, sts_doc_new_map(&map, doc));
    for (size_t i = 0; i < n; i++) {
        lua_pushlstring(L, keys[i].s, keys[i].len);
        lua_rawget(L, idx);
        sts_node *value = to_node(L, lua_gettop(L), doc, depth + 1);
        lua_pop(L, 1);
        check(L, sts_node_map_set(map, keys[i].s, keys[i].len, value));
    }
    lua_pop(L, 1); /* keys */
    return map;
}

static sts_node *table_to_node(lua_State *L, int idx, sts_doc *doc, int depth)
{
    if (has_mt(L, idx, lsts_array_key))
        return seq_from(L, idx, doc, depth, (lua_Integer)lua_rawlen(L, idx));
    size_t count = 0, strings = 0;
    lua_Integer maxint = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
        if (lua_type(L, -1) == LUA_TSTRING)
            strings++;
        else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) > 0 &&
                 lua_tointeger(L, -1) > maxint)
            maxint = lua_tointeger(L, -1);
    }
    if (has_mt(L, idx, lsts_map_key) || count == strings)
        return map_from(L, idx, doc, depth, count);
    if (strings == 0 && (size_t)maxint == count)
        return seq_from(L, idx, doc, depth, maxint);
    luaL_error(L, "table is neither an array (keys 1..n) nor a map (string keys); "
                  "mark it with sts.array() or sts.map()");
    return NULL;
}

static sts_node *to_node(lua_State *L, int idx, sts_doc *doc, int depth)
{
    if (depth > MAX_DEPTH)
        luaL_error(L, "value nested more than %d levels (cyclic table?)", MAX_DEPTH);
    luaL_checkstack(L, 6, "value nested too deeply");
    sts_node *node = NULL;
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        check(L, sts_doc_new_bool(&node, doc, lua_toboolean(L, idx)));
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            check(L, sts_doc_new_int(&node, doc, (int64_t)lua_tointeger(L, idx)));
        else
            check(L, sts_doc_new_float(&node, doc, (double)lua_tonumber(L, idx)));
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        check(L, sts_doc_new_string(&node, doc, s, len));
        break;
    }
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) {
            check(L, sts_doc_new_null(&node, doc));
            break;
        }
        /* fall through */
    case LUA_TTABLE:
        if (lua_type(L, idx) == LUA_TTABLE) {
            node = table_to_node(L, idx, doc, depth);
            break;
        }
        /* fall through */
    default:
        luaL_error(L, "a %s cannot be stored in a document", luaL_typename(L, idx));
    }
    return node;
}

sts_node *lsts_to_node(lua_State *L, int idx, sts_doc *doc)
{
    return to_node(L, lua_absindex(L, idx), doc, 0);
}

static void new_marker(lua_State *L, int module, const char *key, const char *field)
{
    luaL_newmetatable(L, key);
    lua_setfield(L, module, field);
}

void lsts_open_convert(lua_State *L, int module)
{
    new_marker(L, module, lsts_array_key, "Array");
    new_marker(L, module, lsts_map_key, "Map");
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, module, "null");
}
