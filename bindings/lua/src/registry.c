/* Registry userdata: a set of serializers, loading and dumping.
 * The module creates one default registry; sts.registry() makes more
 * (for run-time plugins, or an empty one). */
#include <stdlib.h>
#include <string.h>

#include "lsts.h"

lsts_registry_ud *lsts_check_registry(lua_State *L, int idx)
{
    lsts_registry_ud *r = luaL_checkudata(L, idx, LSTS_REGISTRY_MT);
    if (!r->box)
        luaL_error(L, "attempt to use a closed registry");
    return r;
}

static int reg_new(lua_State *L)
{
    uint32_t flags = 0;
    if (!lua_isnoneornil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_getfield(L, 1, "empty");
        if (lua_toboolean(L, -1))
            flags |= STS_REGISTRY_EMPTY;
        lua_pop(L, 1);
    }
    /* the userdata first, so nothing leaks if Lua runs out of memory */
    lsts_registry_ud *r = lua_newuserdatauv(L, sizeof *r, 0);
    r->box = NULL;
    luaL_setmetatable(L, LSTS_REGISTRY_MT);
    lsts_reg *box = malloc(sizeof *box);
    if (!box)
        return lsts_fail(L, STS_ENOMEM, NULL);
    box->refs = 1;
    box->reg = NULL;
    sts_error *err = NULL;
    int rc = sts_registry_new(&box->reg, flags, &err);
    if (rc) {
        free(box);
        return lsts_fail(L, rc, err);
    }
    r->box = box;
    return 1;
}

static int reg_close(lua_State *L)
{
    lsts_registry_ud *r = luaL_checkudata(L, 1, LSTS_REGISTRY_MT);
    lsts_reg_unref(r->box);
    r->box = NULL;
    return 0;
}

static int reg_tostring(lua_State *L)
{
    lsts_registry_ud *r = luaL_checkudata(L, 1, LSTS_REGISTRY_MT);
    if (r->box)
        lua_pushfstring(L, "statefulset.Registry (%d formats): %p",
                        (int)sts_registry_count(r->box->reg), (void *)r);
    else
        lua_pushfstring(L, "statefulset.Registry (closed): %p", (void *)r);
    return 1;
}

/* Arguments `[format] [, opts]`: a table in the format slot is the options. */
static int opts_index(lua_State *L, int fmt_idx, const char **format)
{
    *format = NULL;
    if (lua_type(L, fmt_idx) == LUA_TTABLE)
        return fmt_idx;
    *format = luaL_optstring(L, fmt_idx, NULL);
    return fmt_idx + 1;
}

/* Protected: turn every object of the owner's list into a userdata.
 * Arguments: owner (light userdata), a Registry userdata or an Object
 * whose registry the new objects share (rendered objects). */
static int wrap_objects(lua_State *L)
{
    lsts_owner *owner = lua_touserdata(L, 1);
    size_t n = sts_object_list_count(owner->list);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lsts_object_ud *o = luaL_testudata(L, 2, LSTS_OBJECT_MT) ? lsts_new_object_ud_like(L, 2)
                                                                  : lsts_new_object_ud(L, 2);
        o->obj = sts_object_list_at(owner->list, i);
        o->owner = owner;
        owner->refs++;
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

int lsts_push_owner(lua_State *L, lsts_owner *owner, int reg_idx)
{
    reg_idx = lua_absindex(L, reg_idx);
    lua_pushcfunction(L, wrap_objects);
    lua_pushlightuserdata(L, owner);
    lua_pushvalue(L, reg_idx);
    int status = lua_pcall(L, 2, 1, 0);
    lsts_owner_unref(owner);
    if (status != LUA_OK)
        lua_error(L);
    return 1;
}

static int reg_load(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    size_t len;
    const char *data = luaL_checklstring(L, 2, &len);
    const char *format;
    int optidx = opts_index(L, 3, &format);
    sts_decode_opts opts;
    lsts_decode_opts(L, optidx, &opts, &format);
    lua_settop(L, optidx); /* keep option strings alive */

    lsts_owner *owner = malloc(sizeof *owner);
    if (!owner)
        return lsts_fail(L, STS_ENOMEM, NULL);
    owner->refs = 1; /* ours, dropped below */
    owner->list = NULL;
    sts_error *err = NULL;
    int rc = sts_object_list_new(&owner->list);
    if (!rc)
        rc = sts_load(&owner->list, r->box->reg, format, data, len, &opts, &err);
    if (rc) {
        lsts_owner_unref(owner);
        return lsts_fail(L, rc, err);
    }
    return lsts_push_owner(L, owner, 1);
}

static int reg_dump(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char *format;
    int optidx = opts_index(L, 3, &format);
    sts_encode_opts opts;
    lsts_encode_opts(L, optidx, &opts, &format);
    lua_settop(L, optidx);

    size_t n = lua_rawlen(L, 2);
    const sts_node **roots = lua_newuserdatauv(L, (n ? n : 1) * sizeof *roots, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        roots[i] = sts_object_root(lsts_check_object(L, -1));
        lua_pop(L, 1);
    }
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_encode(&buf, r->box->reg, format, roots, n, &opts, &err);
    if (rc) {
        sts_buf_dispose(&buf);
        return lsts_fail(L, rc, err);
    }
    lsts_push_buf(L, &buf);
    return 1;
}

static void push_extensions(lua_State *L, const char *ext)
{
    lua_newtable(L);
    lua_Integer i = 1;
    while (ext && *ext) {
        size_t n = strcspn(ext, ",");
        if (n) {
            lua_pushlstring(L, ext, n);
            lua_rawseti(L, -2, i++);
        }
        ext += n + (ext[n] == ',');
    }
}

static int reg_formats(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    size_t n = sts_registry_count(r->box->reg);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const sts_serializer *s = sts_registry_at(r->box->reg, i);
        lua_createtable(L, 0, 5);
        lua_pushstring(L, s->name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, s->media_type ? s->media_type : "");
        lua_setfield(L, -2, "media_type");
        push_extensions(L, s->extensions);
        lua_setfield(L, -2, "extensions");
        lua_pushboolean(L, (s->flags & STS_SERIALIZER_DECODE) != 0);
        lua_setfield(L, -2, "decode");
        lua_pushboolean(L, (s->flags & STS_SERIALIZER_ENCODE) != 0);
        lua_setfield(L, -2, "encode");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* reg:find(name_or_extension_or_media_type) -> canonical name or nil */
static int reg_find(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    const sts_serializer *s = sts_registry_find(r->box->reg, luaL_checkstring(L, 2));
    if (!s)
        return 0;
    lua_pushstring(L, s->name);
    return 1;
}

/* reg:guess(path [, data]) -> format name or nil */
static int reg_guess(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    const char *path = luaL_optstring(L, 2, NULL);
    size_t len = 0;
    const char *data = luaL_optlstring(L, 3, NULL, &len);
    const sts_serializer *s = sts_registry_guess(r->box->reg, path, data, len);
    if (!s)
        return 0;
    lua_pushstring(L, s->name);
    return 1;
}

static int reg_load_plugin(lua_State *L)
{
    lsts_registry_ud *r = lsts_check_registry(L, 1);
    sts_error *err = NULL;
    int rc = sts_registry_load_plugin(r->box->reg, luaL_checkstring(L, 2), &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

static const luaL_Reg reg_methods[] = {
    {"load", reg_load},
    {"dump", reg_dump},
    {"formats", reg_formats},
    {"find", reg_find},
    {"guess", reg_guess},
    {"load_plugin", reg_load_plugin},
    {"close", reg_close},
    {NULL, NULL},
};

static const luaL_Reg reg_meta[] = {
    {"__gc", reg_close},
    {"__close", reg_close},
    {"__tostring", reg_tostring},
    {NULL, NULL},
};

void lsts_open_registry(lua_State *L, int module)
{
    luaL_newmetatable(L, LSTS_REGISTRY_MT);
    luaL_setfuncs(L, reg_meta, 0);
    luaL_newlib(L, reg_methods);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "__index");
    lua_setfield(L, module, "Registry"); /* methods, extendable from Lua */
    lua_pop(L, 1);

    lua_pushcfunction(L, reg_new);
    lua_setfield(L, module, "registry");
    lua_pushcfunction(L, reg_new);
    if (lua_pcall(L, 0, 3, 0) != LUA_OK)
        lua_error(L);
    if (lua_isnil(L, -3)) {
        lua_pop(L, 1); /* the error table; raise the message */
        lua_error(L);
    }
    lua_pop(L, 2);
    lua_setfield(L, module, "default_registry");
}
