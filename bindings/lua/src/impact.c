/* Rollout impact (impact.h): what an update does, and what a Kubernetes
 * upgrade does to live sets.
 *
 *   sts.diff(old, new [, opts])                  -> table (sts_impact_to_doc)
 *   sts.diff_text(old, new [, opts])             -> string (sts_impact_format)
 *   sts.upgrade_check(objects, from, to [, opts]) -> table (sts_upgrade_to_doc)
 *   sts.upgrade_text(objects, from, to [, opts])  -> string (sts_upgrade_format)
 *
 * opts: { kube_version, feature_gates, objects } (diff: `objects` are Pods
 * and ControllerRevisions of the set; upgrade_check: the target version is
 * `to`, so kube_version is not taken). The tables are the library's own
 * document of the result, converted like any document: the library decides
 * what is in them. The C results live in a userdata until the Lua values
 * are built, so a raise cannot leak them. */
#include "lsts.h"

#define RESULT_MT "statefulset.ImpactResult"

typedef struct result_ud {
    sts_impact *imp;
    sts_upgrade *up;
    sts_doc *doc;
} result_ud;

static int result_gc(lua_State *L)
{
    result_ud *r = luaL_checkudata(L, 1, RESULT_MT);
    sts_impact_free(r->imp);
    sts_upgrade_free(r->up);
    sts_doc_free(r->doc);
    r->imp = NULL;
    r->up = NULL;
    r->doc = NULL;
    return 0;
}

static result_ud *new_result(lua_State *L)
{
    result_ud *r = lua_newuserdatauv(L, sizeof *r, 0);
    r->imp = NULL;
    r->up = NULL;
    r->doc = NULL;
    luaL_setmetatable(L, RESULT_MT);
    return r;
}

/* Read `objects` from the option table at @p opt_idx (pushes one value:
 * nil or the temporary list holder). */
static const sts_object_list *opt_objects(lua_State *L, int opt_idx, int *rc, sts_error **err)
{
    *rc = 0;
    if (!lua_istable(L, opt_idx)) {
        lua_pushnil(L);
        return NULL;
    }
    lua_getfield(L, opt_idx, "objects");
    if (lua_isnil(L, -1))
        return NULL; /* the nil stays as the pushed value */
    int idx = lua_gettop(L);
    const sts_object_list *list = lsts_object_list(L, idx, "objects", rc, err);
    lua_remove(L, idx);
    return list;
}

/* Push the result: a table from the document, or the text. */
static int push_result(lua_State *L, result_ud *r, int text)
{
    int rc;
    sts_error *err = NULL;
    if (text) {
        sts_buf buf = STS_BUF_INIT;
        rc = r->imp ? sts_impact_format(&buf, r->imp) : sts_upgrade_format(&buf, r->up);
        if (rc) {
            sts_buf_dispose(&buf);
            return lsts_fail(L, rc, NULL);
        }
        lsts_push_buf(L, &buf);
        return 1;
    }
    rc = r->imp ? sts_impact_to_doc(&r->doc, r->imp, &err) : sts_upgrade_to_doc(&r->doc, r->up, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lsts_push_node(L, sts_doc_root(r->doc));
    return 1;
}

static int diff(lua_State *L, int text)
{
    static const char *const extra[] = {"objects", NULL};
    const sts_object *old = lua_isnil(L, 1) ? NULL : lsts_check_object(L, 1);
    sts_object *updated = lsts_check_object(L, 2);
    sts_api_opts api;
    lsts_api_opts(L, 3, &api, extra);
    lua_settop(L, 3);
    sts_impact_opts opts;
    sts_impact_opts_init(&opts);
    opts.api = &api;
    int rc;
    sts_error *err = NULL;
    opts.objects = opt_objects(L, 3, &rc, &err); /* 4 */
    if (rc)
        return lsts_fail(L, rc, err);
    result_ud *r = new_result(L); /* 5 */
    rc = sts_statefulset_diff(&r->imp, old, updated, &opts, &err);
    lsts_release_list(L, 4);
    if (rc)
        return lsts_fail(L, rc, err);
    return push_result(L, r, text);
}

static int l_diff(lua_State *L) { return diff(L, 0); }
static int l_diff_text(lua_State *L) { return diff(L, 1); }

static int upgrade(lua_State *L, int text)
{
    static const char *const extra[] = {"objects", NULL};
    const char *from = luaL_optstring(L, 2, NULL);
    const char *to = luaL_optstring(L, 3, NULL);
    sts_api_opts api;
    lsts_api_opts(L, 4, &api, extra);
    if (lua_istable(L, 4)) {
        lua_getfield(L, 4, "kube_version");
        lua_getfield(L, 4, "objects");
        if (!lua_isnil(L, -1) || !lua_isnil(L, -2))
            luaL_error(L, "upgrade_check takes the objects and the target version as arguments, "
                          "not as options");
        lua_pop(L, 2);
    }
    api.kube_version = to; /* the target release; strings stay on the stack */
    lua_settop(L, 4);
    sts_impact_opts opts;
    sts_impact_opts_init(&opts);
    opts.api = &api;
    opts.from_version = from;
    int rc = 0;
    sts_error *err = NULL;
    const sts_object_list *list = lsts_object_list(L, 1, "objects", &rc, &err); /* 5 */
    if (rc)
        return lsts_fail(L, rc, err);
    result_ud *r = new_result(L); /* 6 */
    rc = sts_upgrade_check(&r->up, list, &opts, &err);
    lsts_release_list(L, 5);
    if (rc)
        return lsts_fail(L, rc, err);
    return push_result(L, r, text);
}

static int l_upgrade_check(lua_State *L) { return upgrade(L, 0); }
static int l_upgrade_text(lua_State *L) { return upgrade(L, 1); }

static const luaL_Reg functions[] = {
    {"diff", l_diff},
    {"diff_text", l_diff_text},
    {"upgrade_check", l_upgrade_check},
    {"upgrade_text", l_upgrade_text},
    {NULL, NULL},
};

void lsts_open_impact(lua_State *L, int module)
{
    luaL_newmetatable(L, RESULT_MT);
    lua_pushcfunction(L, result_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_pushvalue(L, module);
    luaL_setfuncs(L, functions, 0);
    lua_pop(L, 1);
}
