/* Ordinal identity (identity.h): names, ordinals, rendered Pods and
 * PersistentVolumeClaims, naming checks. Each function is one call into
 * the library; the identity table of obj:pods() only gathers what those
 * calls return.
 *
 * Conventions as elsewhere: wrong argument types and unknown option keys
 * raise; failures the library reports return `nil, message, err`; a name
 * that does not exist (pod FQDN without serviceName) is nil. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lsts.h"

static int32_t check_i32(lua_State *L, int arg)
{
    lua_Integer n = luaL_checkinteger(L, arg);
    luaL_argcheck(L, n >= INT32_MIN && n <= INT32_MAX, arg, "ordinal out of int32 range");
    return (int32_t)n;
}

/* Table size hint: replicas comes from the document, so a hostile
 * 2147483647 must not become one huge allocation up front. */
static int prealloc(int32_t count)
{
    return count < 4096 ? (int)count : 4096;
}

/* ---- snprintf-style names ------------------------------------------------- */

typedef enum { POD_NAME, CLAIM_NAME, SET_POD_NAME, SET_POD_FQDN, SET_CLAIM_NAME } name_kind;

typedef struct name_req {
    name_kind kind;
    const sts_object *obj;
    const char *a, *b; /* plain names (POD_NAME, CLAIM_NAME) */
    int32_t ordinal;
    size_t index; /* claim template */
    const sts_identity_opts *opts;
} name_req;

static int call_name(const name_req *r, char *out, size_t size)
{
    switch (r->kind) {
    case POD_NAME:
        return sts_pod_name(out, size, r->a, r->ordinal);
    case CLAIM_NAME:
        return sts_claim_name(out, size, r->a, r->b, r->ordinal);
    case SET_POD_NAME:
        return sts_statefulset_pod_name(out, size, r->obj, r->ordinal);
    case SET_POD_FQDN:
        return sts_statefulset_pod_fqdn(out, size, r->obj, r->ordinal, r->opts);
    case SET_CLAIM_NAME:
        return sts_statefulset_claim_name(out, size, r->obj, r->index, r->ordinal);
    }
    return STS_EINVAL;
}

/* Push the name (sized first, so any length works) or return the code. */
static int push_name(lua_State *L, const name_req *r)
{
    int n = call_name(r, NULL, 0);
    if (n < 0)
        return n;
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)n + 1);
    call_name(r, p, (size_t)n + 1);
    luaL_pushresultsize(&b, (size_t)n);
    return 0;
}

/* An array of the set's claim names for @p ordinal, or a code. */
static int push_claim_names(lua_State *L, const sts_object *set, int32_t ordinal)
{
    size_t n = sts_statefulset_claim_count(set);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        name_req r = {SET_CLAIM_NAME, set, NULL, NULL, ordinal, i, NULL};
        int rc = push_name(L, &r);
        if (rc)
            return rc;
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
    return 0;
}

/* ---- module functions ----------------------------------------------------- */

/* sts.parse_pod_name(name) -> parent, ordinal ("" and -1 when no match) */
static int l_parse_pod_name(lua_State *L)
{
    size_t len, plen = 0;
    const char *name = luaL_checklstring(L, 1, &len);
    int32_t ordinal = -1;
    sts_pod_name_parse(&plen, &ordinal, name, len); /* fails only for NULL */
    lua_pushlstring(L, name, plen);
    lua_pushinteger(L, ordinal);
    return 2;
}

/* sts.pod_name(set_name, ordinal) */
static int l_pod_name(lua_State *L)
{
    name_req r = {POD_NAME, NULL, luaL_checkstring(L, 1), NULL, check_i32(L, 2), 0, NULL};
    int rc = push_name(L, &r);
    return rc ? lsts_fail(L, rc, NULL) : 1;
}

/* sts.claim_name(template_name, set_name, ordinal) */
static int l_claim_name(lua_State *L)
{
    name_req r = {CLAIM_NAME, NULL, luaL_checkstring(L, 1), luaL_checkstring(L, 2),
                  check_i32(L, 3), 0, NULL};
    int rc = push_name(L, &r);
    return rc ? lsts_fail(L, rc, NULL) : 1;
}

/* sts.check_claim_collisions(objects) -> array of problems */
static int l_check_claim_collisions(lua_State *L)
{
    int rc = 0;
    sts_error *err = NULL;
    const sts_object_list *list = lsts_object_list(L, 1, "objects", &rc, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    sts_error *problems = NULL;
    rc = sts_check_claim_collisions(&problems, list);
    lsts_release_list(L, -1);
    if (rc < 0) {
        sts_error_free(problems);
        return lsts_fail(L, rc, NULL);
    }
    lsts_push_problems(L, problems);
    return 1;
}

/* ---- StatefulSet methods -------------------------------------------------- */

/* obj:ordinals() -> start, count */
static int obj_ordinals(lua_State *L)
{
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    int rc = sts_statefulset_ordinals(&start, &count, lsts_check_object(L, 1), &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushinteger(L, start);
    lua_pushinteger(L, count);
    return 2;
}

/* obj:effective_namespace([opts]) -> the namespace the pods live in */
static int obj_effective_namespace(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_identity_opts opts;
    lsts_identity_opts(L, 2, &opts);
    lua_pushstring(L, sts_statefulset_effective_namespace(set, &opts));
    return 1;
}

/* obj:pod_name(ordinal) */
static int obj_pod_name(lua_State *L)
{
    name_req r = {SET_POD_NAME, lsts_check_object(L, 1), NULL, NULL, check_i32(L, 2), 0, NULL};
    int rc = push_name(L, &r);
    return rc ? lsts_fail(L, rc, NULL) : 1;
}

/* obj:pod_fqdn(ordinal [, opts]) -> name, or nil without serviceName */
static int obj_pod_fqdn(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    int32_t ordinal = check_i32(L, 2);
    sts_identity_opts opts;
    lsts_identity_opts(L, 3, &opts);
    name_req r = {SET_POD_FQDN, set, NULL, NULL, ordinal, 0, &opts};
    int rc = push_name(L, &r);
    if (rc == STS_ENOTFOUND) {
        lua_pushnil(L);
        return 1;
    }
    return rc ? lsts_fail(L, rc, NULL) : 1;
}

/* obj:claim_names(ordinal) -> { "www-web-0", ... } (template order) */
static int obj_claim_names(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    int32_t ordinal = check_i32(L, 2);
    if (sts_object_kind(set) != STS_KIND_STATEFULSET)
        return lsts_fail(L, STS_EINVAL, NULL);
    int rc = push_claim_names(L, set, ordinal);
    return rc ? lsts_fail(L, rc, NULL) : 1;
}

/* obj:pod_names([opts]) -> { "web-0", "web-1", ... } */
static int obj_pod_names(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_identity_opts opts; /* none apply to names; checked for typos alike */
    lsts_identity_opts(L, 2, &opts);
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    int rc = sts_statefulset_ordinals(&start, &count, set, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_createtable(L, prealloc(count), 0);
    for (int32_t i = 0; i < count; i++) {
        name_req r = {SET_POD_NAME, set, NULL, NULL, start + i, 0, NULL};
        if ((rc = push_name(L, &r)) != 0)
            return lsts_fail(L, rc, NULL);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
    return 1;
}

/* One identity table: { statefulSet, namespace, ordinal, name, hostname,
 * subdomain, fqdn, claims }; subdomain and fqdn are nil without
 * serviceName (the controller sets no subdomain then). */
static int push_identity(lua_State *L, const sts_object *set, int32_t ordinal,
                         const sts_identity_opts *opts)
{
    lua_createtable(L, 0, 8);
    lua_pushstring(L, sts_object_name(set));
    lua_setfield(L, -2, "statefulSet");
    lua_pushstring(L, sts_statefulset_effective_namespace(set, opts));
    lua_setfield(L, -2, "namespace");
    lua_pushinteger(L, ordinal);
    lua_setfield(L, -2, "ordinal");
    name_req r = {SET_POD_NAME, set, NULL, NULL, ordinal, 0, NULL};
    int rc = push_name(L, &r);
    if (rc)
        return rc;
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "name");
    lua_setfield(L, -2, "hostname"); /* the controller's hostname is the pod name */
    r.kind = SET_POD_FQDN;
    r.opts = opts;
    rc = push_name(L, &r);
    if (rc == 0) {
        lua_setfield(L, -2, "fqdn");
        const char *svc = NULL;
        size_t len = 0;
        if (sts_statefulset_get_service_name(&svc, &len, set, NULL) == 0) {
            lua_pushlstring(L, svc, len);
            lua_setfield(L, -2, "subdomain");
        }
    } else if (rc != STS_ENOTFOUND) {
        return rc;
    }
    if ((rc = push_claim_names(L, set, ordinal)) != 0)
        return rc;
    lua_setfield(L, -2, "claims");
    return 0;
}

/* obj:pods([opts]) -> array of identity tables, one per replica */
static int obj_pods(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_identity_opts opts;
    lsts_identity_opts(L, 2, &opts);
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    int rc = sts_statefulset_ordinals(&start, &count, set, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_createtable(L, prealloc(count), 0);
    for (int32_t i = 0; i < count; i++) {
        if ((rc = push_identity(L, set, start + i, &opts)) != 0)
            return lsts_fail(L, rc, NULL);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
    return 1;
}

/* obj:is_member(pod) -> boolean (the pod's parsed parent is the set's name) */
static int obj_is_member(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_object *pod = lsts_check_object(L, 2);
    lua_pushboolean(L, sts_statefulset_is_member(set, pod) > 0);
    return 1;
}

/* obj:render_pod(ordinal [, opts]) -> a new Pod object */
static int obj_render_pod(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    int32_t ordinal = check_i32(L, 2);
    sts_identity_opts opts;
    lsts_identity_opts(L, 3, &opts);
    lsts_object_ud *o = lsts_new_object_ud_like(L, 1);
    sts_object *pod = NULL;
    sts_error *err = NULL;
    int rc = sts_statefulset_render_pod(&pod, set, ordinal, &opts, &err);
    if (!rc)
        rc = lsts_adopt(o, pod);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

/* obj:render_claims(ordinal [, opts]) -> array of new PersistentVolumeClaim objects */
static int obj_render_claims(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    int32_t ordinal = check_i32(L, 2);
    sts_identity_opts opts;
    lsts_identity_opts(L, 3, &opts);
    lsts_owner *owner = malloc(sizeof *owner);
    if (!owner)
        return lsts_fail(L, STS_ENOMEM, NULL);
    owner->refs = 1;
    owner->list = NULL;
    sts_error *err = NULL;
    int rc = sts_statefulset_render_claims(&owner->list, set, ordinal, &opts, &err);
    if (rc) {
        lsts_owner_unref(owner);
        return lsts_fail(L, rc, err);
    }
    return lsts_push_owner(L, owner, 1);
}

/* obj:check_names([opts]) -> array of problems (empty when none) */
static int obj_check_names(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_identity_opts opts;
    lsts_identity_opts(L, 2, &opts);
    sts_error *problems = NULL;
    int rc = sts_statefulset_check_names(&problems, set, &opts);
    if (rc < 0) {
        sts_error_free(problems);
        return lsts_fail(L, rc, NULL);
    }
    lsts_push_problems(L, problems);
    return 1;
}

static const luaL_Reg functions[] = {
    {"parse_pod_name", l_parse_pod_name},
    {"pod_name", l_pod_name},
    {"claim_name", l_claim_name},
    {"check_claim_collisions", l_check_claim_collisions},
    {NULL, NULL},
};

static const luaL_Reg methods[] = {
    {"ordinals", obj_ordinals},
    {"effective_namespace", obj_effective_namespace},
    {"pod_name", obj_pod_name},
    {"pod_names", obj_pod_names},
    {"pod_fqdn", obj_pod_fqdn},
    {"claim_names", obj_claim_names},
    {"pods", obj_pods},
    {"is_member", obj_is_member},
    {"render_pod", obj_render_pod},
    {"render_claims", obj_render_claims},
    {"check_names", obj_check_names},
    {NULL, NULL},
};

void lsts_open_identity(lua_State *L, int module)
{
    lua_pushvalue(L, module);
    luaL_setfuncs(L, functions, 0);
    lua_getfield(L, -1, "Object");
    luaL_setfuncs(L, methods, 0);
    lua_pop(L, 2);
}
