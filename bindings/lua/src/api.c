/* API-server behaviour (api.h): defaults, validation with the server's
 * messages, the kubectl text of a 422, lint, quantities, versions.
 *
 * Validation errors and lint findings come back as arrays of error tables
 * (errors.c): the usual fields plus type/field/value/detail for field
 * errors and rule/severity/hint for findings. An empty array means valid
 * (no findings); `nil, msg, err` means the library could not answer. */
#include <stdint.h>
#include <string.h>

#include "lsts.h"

/* ---- defaults ----------------------------------------------------------------- */

/* obj:defaulted([opts]) -> a new, defaulted object */
static int obj_defaulted(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_api_opts opts;
    lsts_api_opts(L, 2, &opts, NULL);
    lsts_object_ud *o = lsts_new_object_ud_like(L, 1);
    sts_object *copy = NULL;
    sts_error *err = NULL;
    int rc = sts_object_defaulted(&copy, obj, &opts, &err);
    if (!rc)
        rc = lsts_adopt(o, copy);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

/* obj:apply_defaults([opts]) -> true: the same, in place */
static int obj_apply_defaults(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_api_opts opts;
    lsts_api_opts(L, 2, &opts, NULL);
    sts_error *err = NULL;
    int rc = sts_object_apply_defaults(obj, &opts, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

/* A C error chain held by a userdata, freed by the collector when a raise
 * (out of memory, a bad argument) leaves it behind. */
#define CHAIN_MT "statefulset.ErrorChain"

typedef struct chain_ud {
    sts_error *chain;
} chain_ud;

static int chain_gc(lua_State *L)
{
    chain_ud *c = luaL_checkudata(L, 1, CHAIN_MT);
    sts_error_free(c->chain);
    c->chain = NULL;
    return 0;
}

static chain_ud *new_chain(lua_State *L)
{
    chain_ud *c = lua_newuserdatauv(L, sizeof *c, 0);
    c->chain = NULL;
    luaL_setmetatable(L, CHAIN_MT);
    return c;
}

/* ---- validation --------------------------------------------------------------- */

static const char *const validate_keys[] = {"old", "status", NULL};

/* Run the validation the options ask for. On success (rc >= 0) *errors
 * holds the chain (possibly NULL); the stack is unchanged. */
static int run_validate(lua_State *L, sts_error **errors)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_api_opts opts;
    lsts_api_opts(L, 2, &opts, validate_keys);
    const sts_object *old = NULL;
    int status = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "old");
        if (!lua_isnil(L, -1)) {
            lsts_object_ud *o = luaL_testudata(L, -1, LSTS_OBJECT_MT);
            if (!o || !o->obj)
                luaL_error(L, "option 'old' must be an open statefulset object (%s)",
                           o ? "closed" : luaL_typename(L, -1));
            old = o->obj; /* stays referenced by the option table */
        }
        lua_getfield(L, 2, "status");
        if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
            luaL_error(L, "option 'status' must be a boolean");
        status = lua_toboolean(L, -1);
        lua_pop(L, 2);
    }
    int rc = status ? sts_statefulset_validate_status(errors, obj, old, &opts)
                    : sts_statefulset_validate(errors, obj, old, &opts);
    return rc;
}

/* obj:validate([opts]) -> array of field errors (empty when valid) */
static int obj_validate(lua_State *L)
{
    sts_error *errors = NULL;
    int rc = run_validate(L, &errors);
    if (rc < 0)
        return lsts_fail(L, rc, errors);
    lsts_push_problems(L, errors);
    return 1;
}

/* obj:assert_valid([opts]) -> obj, or nil, kubectl text, err (err.text is
 * the kubectl text; err.errors every field error) */
static int obj_assert_valid(lua_State *L)
{
    lua_settop(L, 2);
    chain_ud *c = new_chain(L); /* 3: before the chain exists, so no raise leaks it */
    int rc = run_validate(L, &c->chain);
    if (rc < 0 || !c->chain) {
        sts_error *e = c->chain;
        c->chain = NULL;
        if (rc < 0)
            return lsts_fail(L, rc, e);
        lua_settop(L, 1);
        return 1;
    }
    sts_buf text = STS_BUF_INIT;
    rc = sts_validation_format(&text, lsts_check_object(L, 1), c->chain);
    if (rc) {
        sts_buf_dispose(&text);
        return lsts_fail(L, rc, NULL);
    }
    lsts_push_buf(L, &text); /* 4 */
    sts_error *errors = c->chain;
    c->chain = NULL;
    lsts_fail(L, STS_EVALIDATION, errors); /* 5, 6, 7: nil, msg, err */
    lua_pushvalue(L, 4);
    lua_setfield(L, 7, "text");
    lua_pushvalue(L, 4);
    lua_replace(L, 6);
    return 3;
}

/* The field error type named @p name ("Invalid value"), NONE when unknown. */
static sts_field_error_type field_type(const char *name)
{
    for (int t = STS_FIELD_ERROR_REQUIRED; t <= STS_FIELD_ERROR_INTERNAL; t++)
        if (!strcmp(name, sts_field_error_type_name((sts_field_error_type)t)))
            return (sts_field_error_type)t;
    return STS_FIELD_ERROR_NONE;
}

/* Optional string field of the table at the top. */
static const char *str_field(lua_State *L, const char *key)
{
    lua_getfield(L, -1, key);
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1); /* still referenced by the table */
    return s;
}

/* sts.validation_text(obj, errors) -> the kubectl text. @errors: the array
 * obj:validate() returned (or tables like it: `message`, else `type`,
 * `field`, `value`, `detail`). The errors are rebuilt as a C chain held by
 * a userdata, so a raise in between cannot leak it. */
static int l_validation_text(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    chain_ud *c = new_chain(L);
    int rc = 0;
    lua_Integer n = (lua_Integer)lua_rawlen(L, 2);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, i);
        if (!lua_istable(L, -1))
            luaL_error(L, "errors[%d] is not an error table", (int)i);
        const char *message = str_field(L, "message");
        const char *field = str_field(L, "field");
        if (!field)
            field = str_field(L, "path");
        sts_error *e = NULL;
        if (message) {
            rc = sts_error_new(&e, STS_EVALIDATION, message, field, 0, 0, UINT64_MAX);
        } else {
            const char *type = str_field(L, "type");
            sts_field_error_type t = type ? field_type(type) : STS_FIELD_ERROR_NONE;
            if (t == STS_FIELD_ERROR_NONE)
                luaL_error(L, "errors[%d] has neither a message nor a known type", (int)i);
            rc = sts_error_new_field(&e, t, field, str_field(L, "value"), str_field(L, "detail"));
        }
        lua_pop(L, 1);
        if (rc)
            return lsts_fail(L, rc, NULL);
        sts_error_append(&c->chain, e);
    }
    sts_buf text = STS_BUF_INIT;
    rc = sts_validation_format(&text, obj, c->chain);
    if (rc) {
        sts_buf_dispose(&text);
        return lsts_fail(L, rc, NULL);
    }
    lsts_push_buf(L, &text);
    return 1;
}

/* ---- lint ------------------------------------------------------------------------ */

/* sts.lint(objects [, opts]) -> array of findings.
 * opts: { disable = "STS112,STS116", kube_version, feature_gates } */
static int l_lint(lua_State *L)
{
    static const char *const extra[] = {"disable", NULL};
    sts_api_opts api;
    lsts_api_opts(L, 2, &api, extra);
    sts_lint_opts opts;
    sts_lint_opts_init(&opts);
    opts.api = &api;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "disable");
        if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "option 'disable' must be a string of comma-separated rule IDs");
        opts.disable = lua_tostring(L, -1); /* referenced by the option table */
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    int rc = 0;
    sts_error *err = NULL;
    const sts_object_list *list = lsts_object_list(L, 1, "objects", &rc, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    sts_error *findings = NULL;
    rc = sts_lint(&findings, list, &opts);
    lsts_release_list(L, 3);
    if (rc < 0)
        return lsts_fail(L, rc, findings);
    lsts_push_problems(L, findings);
    return 1;
}

/* sts.lint_rules() -> { {id=, severity=, summary=}, ... } */
static int l_lint_rules(lua_State *L)
{
    size_t n = sts_lint_rule_count();
    lua_createtable(L, n > 1024 ? 1024 : (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, sts_lint_rule_id(i));
        lua_setfield(L, -2, "id");
        lua_pushstring(L, sts_severity_name(sts_lint_rule_severity(i)));
        lua_setfield(L, -2, "severity");
        lua_pushstring(L, sts_lint_rule_summary(i));
        lua_setfield(L, -2, "summary");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
    return 1;
}

/* ---- quantities, versions, gates ------------------------------------------------- */

/* sts.quantity(q) -> canonical form, or nil, msg, err */
static int l_quantity(lua_State *L)
{
    const char *q = luaL_checkstring(L, 1);
    sts_error *err = NULL;
    int n = sts_quantity_canonical(NULL, 0, q, &err);
    if (n < 0)
        return lsts_fail(L, n, err);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)n + 1);
    n = sts_quantity_canonical(p, (size_t)n + 1, q, NULL);
    luaL_pushresultsize(&b, n < 0 ? 0 : (size_t)n);
    return 1;
}

/* sts.kube_version_default() -> "1.35" */
static int l_kube_version_default(lua_State *L)
{
    lua_pushstring(L, sts_kube_version_default());
    return 1;
}

/* sts.kube_version_parse(v) -> minor (31 for "1.31"), or nil, msg, err */
static int l_kube_version_parse(lua_State *L)
{
    uint32_t minor = 0;
    sts_error *err = NULL;
    int rc = sts_kube_version_parse(&minor, luaL_checkstring(L, 1), &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushinteger(L, (lua_Integer)minor);
    return 1;
}

/* sts.feature_gate(name [, opts]) -> boolean, or nil, msg, err (unknown gate) */
static int l_feature_gate(lua_State *L)
{
    const char *gate = luaL_checkstring(L, 1);
    sts_api_opts opts;
    lsts_api_opts(L, 2, &opts, NULL);
    sts_error *err = NULL;
    int rc = sts_feature_gate_enabled(&opts, gate, &err);
    if (rc < 0)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, rc == 1);
    return 1;
}

static const luaL_Reg functions[] = {
    {"validation_text", l_validation_text},
    {"lint", l_lint},
    {"lint_rules", l_lint_rules},
    {"quantity", l_quantity},
    {"kube_version_default", l_kube_version_default},
    {"kube_version_parse", l_kube_version_parse},
    {"feature_gate", l_feature_gate},
    {NULL, NULL},
};

static const luaL_Reg methods[] = {
    {"defaulted", obj_defaulted},
    {"apply_defaults", obj_apply_defaults},
    {"validate", obj_validate},
    {"assert_valid", obj_assert_valid},
    {NULL, NULL},
};

void lsts_open_api(lua_State *L, int module)
{
    luaL_newmetatable(L, CHAIN_MT);
    lua_pushcfunction(L, chain_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_pushvalue(L, module);
    luaL_setfuncs(L, functions, 0);
    lua_getfield(L, -1, "Object");
    luaL_setfuncs(L, methods, 0);
    lua_pop(L, 2);
}
