/* Option tables -> sts_decode_opts / sts_encode_opts.
 * Unknown keys raise, so a typo (`compcat = true`) is not silently ignored. */
#include <stdint.h>
#include <string.h>

#include "lsts.h"

static int get_bool(lua_State *L, int idx, const char *key)
{
    lua_getfield(L, idx, key);
    int t = lua_type(L, -1);
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
        luaL_error(L, "option '%s' must be a boolean", key);
    int b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

static uint64_t get_uint(lua_State *L, int idx, const char *key, uint64_t max)
{
    lua_getfield(L, idx, key);
    uint64_t v = 0;
    if (!lua_isnil(L, -1)) {
        int ok;
        lua_Integer i = lua_tointegerx(L, -1, &ok);
        if (!ok || i < 0 || (uint64_t)i > max)
            luaL_error(L, "option '%s' must be a non-negative integer", key);
        v = (uint64_t)i;
    }
    lua_pop(L, 1);
    return v;
}

/* Leaves no values on the stack; returned strings point into the table. */
static const char *get_string(lua_State *L, int idx, const char *key)
{
    lua_getfield(L, idx, key);
    const char *s = NULL;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "option '%s' must be a string", key);
        s = lua_tostring(L, -1);
    }
    lua_pop(L, 1); /* still referenced by the table at idx */
    return s;
}

static void check_keys(lua_State *L, int idx, const char *const *known)
{
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int found = 0;
        for (size_t i = 0; k && known[i]; i++)
            found |= !strcmp(k, known[i]);
        if (!found)
            luaL_error(L, "unknown option '%s'", k ? k : luaL_typename(L, -1));
    }
}

void lsts_decode_opts(lua_State *L, int idx, sts_decode_opts *opts, const char **format)
{
    static const char *const known[] = {
        "format", "source", "keep_lists", "allow_duplicate_keys", "no_source_text",
        "no_type_check", "max_depth", "max_input_size", "max_scalar_size", "max_alias_expansion", "max_nodes",
        "max_documents", NULL};
    sts_decode_opts_init(opts);
    if (lua_isnoneornil(L, idx))
        return;
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, known);
    const char *f = get_string(L, idx, "format");
    if (f)
        *format = f;
    opts->source_name = get_string(L, idx, "source");
    if (get_bool(L, idx, "keep_lists"))
        opts->flags |= STS_DECODE_KEEP_LISTS;
    if (get_bool(L, idx, "allow_duplicate_keys"))
        opts->flags |= STS_DECODE_ALLOW_DUPLICATE_KEYS;
    if (get_bool(L, idx, "no_source_text"))
        opts->flags |= STS_DECODE_NO_SOURCE_TEXT;
    if (get_bool(L, idx, "no_type_check")) /* lint reports wrong types itself */
        opts->flags |= STS_DECODE_NO_TYPE_CHECK;
    /* 0 keeps the library default, exactly as in C */
    uint64_t v;
    if ((v = get_uint(L, idx, "max_depth", UINT32_MAX)))
        opts->max_depth = (uint32_t)v;
    if ((v = get_uint(L, idx, "max_documents", UINT32_MAX)))
        opts->max_documents = (uint32_t)v;
    if ((v = get_uint(L, idx, "max_input_size", UINT64_MAX)))
        opts->max_input_size = v;
    if ((v = get_uint(L, idx, "max_scalar_size", UINT64_MAX)))
        opts->max_scalar_size = v;
    if ((v = get_uint(L, idx, "max_alias_expansion", UINT64_MAX)))
        opts->max_alias_expansion = v;
    if ((v = get_uint(L, idx, "max_nodes", UINT64_MAX)))
        opts->max_nodes = v;
}

void lsts_encode_opts(lua_State *L, int idx, sts_encode_opts *opts, const char **format)
{
    static const char *const known[] = {"format", "style", "compact", "as_list",
                                        "explicit_start", "indent", NULL};
    sts_encode_opts_init(opts);
    if (lua_isnoneornil(L, idx))
        return;
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, known);
    const char *f = get_string(L, idx, "format");
    if (f)
        *format = f;
    const char *style = get_string(L, idx, "style");
    if (!style || !strcmp(style, "original"))
        opts->style = STS_ENCODE_ORIGINAL;
    else if (!strcmp(style, "kubectl"))
        opts->style = STS_ENCODE_KUBECTL;
    else
        luaL_error(L, "option 'style' must be \"original\" or \"kubectl\", not \"%s\"", style);
    if (get_bool(L, idx, "compact"))
        opts->flags |= STS_ENCODE_COMPACT;
    if (get_bool(L, idx, "as_list"))
        opts->flags |= STS_ENCODE_AS_LIST;
    if (get_bool(L, idx, "explicit_start"))
        opts->flags |= STS_ENCODE_EXPLICIT_START;
    opts->indent = (uint32_t)get_uint(L, idx, "indent", 64);
}

void lsts_identity_opts(lua_State *L, int idx, sts_identity_opts *opts)
{
    static const char *const known[] = {"namespace", "cluster_domain", "revision", "uid", NULL};
    sts_identity_opts_init(opts);
    if (lua_isnoneornil(L, idx))
        return;
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, known);
    opts->ns = get_string(L, idx, "namespace");
    opts->cluster_domain = get_string(L, idx, "cluster_domain");
    opts->revision = get_string(L, idx, "revision");
    opts->uid = get_string(L, idx, "uid");
}

void lsts_dns_opts(lua_State *L, int idx, sts_dns_opts *opts)
{
    static const char *const known[] = {"service", "objects", "cluster_domain", "ttl", NULL};
    sts_dns_opts_init(opts);
    if (lua_isnoneornil(L, idx))
        return;
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, known);
    opts->cluster_domain = get_string(L, idx, "cluster_domain");
    opts->ttl = (uint32_t)get_uint(L, idx, "ttl", UINT32_MAX); /* 0: the library default */
}

/* The keys of sts_api_opts, shared by every option table that carries a
 * Kubernetes version. */
#define API_KEYS "kube_version", "feature_gates", "no_defaulting"

static void read_api(lua_State *L, int idx, sts_api_opts *opts)
{
    opts->kube_version = get_string(L, idx, "kube_version");
    opts->feature_gates = get_string(L, idx, "feature_gates");
    if (get_bool(L, idx, "no_defaulting"))
        opts->flags |= STS_API_NO_DEFAULTING;
}

/* A table at idx (or nil) checked against @p known; returns the absolute
 * index, or 0 for nil. */
static int opt_table(lua_State *L, int idx, const char *const *known)
{
    if (lua_isnoneornil(L, idx))
        return 0;
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, known);
    return idx;
}

void lsts_api_opts(lua_State *L, int idx, sts_api_opts *opts, const char *const *extra)
{
    static const char *const base[] = {API_KEYS};
    const char *known[24];
    size_t n = 0;
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
        known[n++] = base[i];
    for (size_t i = 0; extra && extra[i] && n < 23; i++)
        known[n++] = extra[i];
    known[n] = NULL;
    sts_api_opts_init(opts);
    if ((idx = opt_table(L, idx, known)) != 0)
        read_api(L, idx, opts);
}

void lsts_revision_opts(lua_State *L, int idx, sts_revision_opts *opts)
{
    static const char *const known[] = {"kube_version", "mode", "collision_count", NULL};
    static const char *const modes[] = {"auto", "live", "authored", NULL};
    static const uint32_t values[] = {STS_REVISION_MODE_AUTO, STS_REVISION_MODE_LIVE,
                                      STS_REVISION_MODE_AUTHORED};
    sts_revision_opts_init(opts);
    if ((idx = opt_table(L, idx, known)) == 0)
        return;
    opts->kubernetes_version = get_string(L, idx, "kube_version");
    const char *mode = get_string(L, idx, "mode");
    if (mode) {
        size_t i = 0;
        while (modes[i] && strcmp(modes[i], mode))
            i++;
        if (!modes[i])
            luaL_error(L, "option 'mode' must be \"auto\", \"live\" or \"authored\", not \"%s\"",
                       mode);
        opts->mode = values[i];
    }
    lua_getfield(L, idx, "collision_count");
    if (!lua_isnil(L, -1)) {
        int ok;
        lua_Integer c = lua_tointegerx(L, -1, &ok);
        if (!ok || c < INT32_MIN || c > INT32_MAX)
            luaL_error(L, "option 'collision_count' must be an int32 integer");
        opts->collision_count = (int32_t)c;
        opts->flags |= STS_REVISION_USE_COLLISION_COUNT;
    }
    lua_pop(L, 1);
}
