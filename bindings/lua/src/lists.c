/* A Lua array of objects as the sts_object_list the library takes
 * (claim collisions, DNS).
 *
 * Objects in Lua belong to the lists of their loads, and the library has
 * no list that borrows objects. The common call passes exactly what one
 * load returned, so that list is used as it is; any other array (objects
 * of several loads, or a subset, where the library must not see the
 * others) becomes a list of clones. The clones live in a userdata so a
 * Lua error anywhere cannot leak them. */
#include <stdlib.h>

#include "lsts.h"

#define TMPLIST_MT "statefulset.TempList"

typedef struct tmplist_ud {
    sts_object_list *list;
} tmplist_ud;

static int tmplist_gc(lua_State *L)
{
    tmplist_ud *t = luaL_checkudata(L, 1, TMPLIST_MT);
    sts_object_list_free(t->list);
    t->list = NULL;
    return 0;
}

/* The open Object at array slot @p i, raising a readable error otherwise. */
static lsts_object_ud *element(lua_State *L, int idx, lua_Integer i, const char *what)
{
    lua_rawgeti(L, idx, i);
    lsts_object_ud *o = luaL_testudata(L, -1, LSTS_OBJECT_MT);
    if (!o || !o->obj)
        luaL_error(L, "%s[%d] is not an open statefulset object (%s)", what, (int)i,
                   o ? "closed" : luaL_typename(L, -1));
    lua_pop(L, 1);
    return o;
}

/* The array is the whole list of one load, in order. */
static const sts_object_list *whole_list(lua_State *L, int idx, size_t n, const char *what)
{
    if (n == 0)
        return NULL;
    lsts_owner *owner = element(L, idx, 1, what)->owner;
    if (sts_object_list_count(owner->list) != n)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        lsts_object_ud *o = element(L, idx, (lua_Integer)i + 1, what);
        if (o->owner != owner || o->obj != sts_object_list_at(owner->list, i))
            return NULL;
    }
    return owner->list;
}

const sts_object_list *lsts_object_list(lua_State *L, int idx, const char *what, int *rc,
                                        sts_error **err)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "%s must be an array of statefulset objects, not %s", what,
                   luaL_typename(L, idx));
    size_t n = lua_rawlen(L, idx);
    for (size_t i = 0; i < n; i++) /* every check before anything is allocated */
        element(L, idx, (lua_Integer)i + 1, what);
    *rc = 0;
    const sts_object_list *whole = whole_list(L, idx, n, what);
    if (whole) {
        lua_pushnil(L);
        return whole;
    }
    tmplist_ud *t = lua_newuserdatauv(L, sizeof *t, 0);
    t->list = NULL;
    luaL_setmetatable(L, TMPLIST_MT);
    if ((*rc = sts_object_list_new(&t->list)) != 0)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i + 1);
        lsts_object_ud *o = lua_touserdata(L, -1); /* checked above */
        lua_pop(L, 1);
        sts_object *copy = NULL;
        if ((*rc = sts_object_clone(&copy, o->obj, err)) != 0 ||
            (*rc = sts_object_list_take(t->list, copy)) != 0)
            return NULL;
    }
    return t->list;
}

void lsts_release_list(lua_State *L, int idx)
{
    tmplist_ud *t = luaL_testudata(L, idx, TMPLIST_MT);
    if (t) {
        sts_object_list_free(t->list);
        t->list = NULL;
    }
}

void lsts_open_lists(lua_State *L)
{
    luaL_newmetatable(L, TMPLIST_MT);
    lua_pushcfunction(L, tmplist_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
}
