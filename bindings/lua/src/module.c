/* luaopen_statefulset_core: the module table, status codes, version, and
 * the counted boxes every userdata holds (see lsts.h for why). */
#include <stdlib.h>
#include <string.h>

#include "lsts.h"

void lsts_reg_unref(lsts_reg *box)
{
    if (box && --box->refs == 0) {
        sts_registry_free(box->reg);
        free(box);
    }
}

void lsts_owner_unref(lsts_owner *owner)
{
    if (owner && --owner->refs == 0) {
        sts_object_list_free(owner->list);
        free(owner);
    }
}

static int l_strerror(lua_State *L)
{
    lua_pushstring(L, sts_strerror((int)luaL_checkinteger(L, 1)));
    return 1;
}

static int l_status_name(lua_State *L)
{
    lua_pushstring(L, sts_status_name((int)luaL_checkinteger(L, 1)));
    return 1;
}

static int l_version(lua_State *L)
{
    lua_pushstring(L, sts_version_string());
    lua_pushinteger(L, (lua_Integer)sts_version_number());
    return 2;
}

/* codes = { STS_ENOMEM = -1, ..., [-1] = "STS_ENOMEM", ... }: every code
 * the library names, so Lua code can compare against names. */
static void push_codes(lua_State *L)
{
    lua_newtable(L);
    for (int code = -1; code > -1000; code--) {
        const char *name = sts_status_name(code);
        if (!name || !strcmp(name, "STS_UNKNOWN"))
            break;
        lua_pushinteger(L, code);
        lua_setfield(L, -2, name);
        lua_pushstring(L, name);
        lua_rawseti(L, -2, code);
    }
}

static const luaL_Reg functions[] = {
    {"strerror", l_strerror},
    {"status_name", l_status_name},
    {"version", l_version},
    {NULL, NULL},
};

/* The module is built with hidden visibility: export only the entry point. */
#if defined(__GNUC__)
#define LSTS_EXPORT __attribute__((visibility("default")))
#else
#define LSTS_EXPORT
#endif

LSTS_EXPORT int luaopen_statefulset_core(lua_State *L);

LSTS_EXPORT int luaopen_statefulset_core(lua_State *L)
{
    luaL_checkversion(L);
    luaL_newlib(L, functions);
    int module = lua_gettop(L);
    push_codes(L);
    lua_setfield(L, module, "codes");
    lsts_open_errors(L, module);
    lsts_open_convert(L, module);
    lsts_open_object(L, module);
    lsts_open_registry(L, module);
    lsts_open_lists(L);
    lsts_open_identity(L, module);
    lsts_open_dns(L, module);
    lsts_open_api(L, module);
    lsts_open_revision(L, module);
    lsts_open_impact(L, module);
    return 1;
}
