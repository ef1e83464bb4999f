/* ControllerRevisions (revision.h): revision name, hash and bytes of a
 * StatefulSet, the ControllerRevision object, equality, applying a revision
 * back, and FNV-1. Options: { kube_version, mode = "auto"|"live"|"authored",
 * collision_count } (options.c). */
#include <stdint.h>

#include "lsts.h"

typedef int (*sized_fn)(char *, size_t, const sts_object *, const sts_revision_opts *,
                        sts_error **);

/* Push the snprintf-style result of @p fn, sized first. */
static int push_sized(lua_State *L, sized_fn fn)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_revision_opts opts;
    lsts_revision_opts(L, 2, &opts);
    sts_error *err = NULL;
    int n = fn(NULL, 0, set, &opts, &err);
    if (n < 0)
        return lsts_fail(L, n, err);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)n + 1);
    n = fn(p, (size_t)n + 1, set, &opts, NULL);
    luaL_pushresultsize(&b, n < 0 ? 0 : (size_t)n);
    return 1;
}

/* obj:revision([opts]) -> "web-6cdf689c4c" (status.updateRevision) */
static int obj_revision(lua_State *L) { return push_sized(L, sts_revision_name); }

/* obj:revision_hash([opts]) -> "6cdf689c4c" (the controller.kubernetes.io/hash label) */
static int obj_revision_hash(lua_State *L) { return push_sized(L, sts_revision_hash); }

/* obj:revision_bytes([opts]) -> the canonical JSON the hash is computed over
 * (without the collision count) */
static int obj_revision_bytes(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_revision_opts opts;
    lsts_revision_opts(L, 2, &opts);
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_revision_bytes(&buf, set, &opts, &err);
    if (rc) {
        sts_buf_dispose(&buf);
        return lsts_fail(L, rc, err);
    }
    lsts_push_buf(L, &buf);
    return 1;
}

/* obj:revision_object(number [, opts]) -> a new ControllerRevision object */
static int obj_revision_object(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    lua_Integer number = luaL_checkinteger(L, 2);
    sts_revision_opts opts;
    lsts_revision_opts(L, 3, &opts);
    lsts_object_ud *o = lsts_new_object_ud_like(L, 1);
    sts_object *rev = NULL;
    sts_error *err = NULL;
    int rc = sts_revision_object(&rev, set, (int64_t)number, &opts, &err);
    if (!rc)
        rc = lsts_adopt(o, rev);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

/* set:apply_revision(rev) -> a new set whose template is the revision's */
static int obj_apply_revision(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_object *rev = lsts_check_object(L, 2);
    lsts_object_ud *o = lsts_new_object_ud_like(L, 1);
    sts_object *out = NULL;
    sts_error *err = NULL;
    int rc = sts_revision_apply(&out, set, rev, &err);
    if (!rc)
        rc = lsts_adopt(o, out);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

/* rev:revision_rename(collision_count) -> true: the name after a collision
 * (the hash label keeps its value, as upstream) */
static int obj_revision_rename(lua_State *L)
{
    sts_object *rev = lsts_check_object(L, 1);
    lua_Integer cc = luaL_checkinteger(L, 2);
    luaL_argcheck(L, cc >= INT32_MIN && cc <= INT32_MAX, 2, "collision count out of int32 range");
    sts_error *err = NULL;
    int rc = sts_revision_rename(rev, (int32_t)cc, &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

/* sts.revision_equal(a, b) -> boolean (EqualRevision), or nil, msg, err */
static int l_revision_equal(lua_State *L)
{
    sts_object *a = lsts_check_object(L, 1);
    sts_object *b = lsts_check_object(L, 2);
    sts_error *err = NULL;
    int rc = sts_revision_equal(a, b, &err);
    if (rc < 0)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, rc == 1);
    return 1;
}

/* sts.fnv1_32(s) -> integer (FNV-1, not FNV-1a) */
static int l_fnv1_32(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_pushinteger(L, (lua_Integer)sts_fnv1_32(s, len));
    return 1;
}

/* sts.revision_hash_data(bytes [, collision_count]) -> the hash of
 * bytes .. collision_count (0 by default) */
static int l_revision_hash_data(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer cc = luaL_optinteger(L, 2, 0);
    luaL_argcheck(L, cc >= INT32_MIN && cc <= INT32_MAX, 2, "collision count out of int32 range");
    char out[STS_REVISION_HASH_MAX + 1];
    int n = sts_revision_hash_data(out, sizeof out, s, len, (int32_t)cc);
    if (n < 0)
        return lsts_fail(L, n, NULL);
    lua_pushlstring(L, out, (size_t)n);
    return 1;
}

static const luaL_Reg functions[] = {
    {"revision_equal", l_revision_equal},
    {"fnv1_32", l_fnv1_32},
    {"revision_hash_data", l_revision_hash_data},
    {NULL, NULL},
};

static const luaL_Reg methods[] = {
    {"revision", obj_revision},
    {"revision_hash", obj_revision_hash},
    {"revision_bytes", obj_revision_bytes},
    {"revision_object", obj_revision_object},
    {"apply_revision", obj_apply_revision},
    {"revision_rename", obj_revision_rename},
    {NULL, NULL},
};

void lsts_open_revision(lua_State *L, int module)
{
    lua_pushvalue(L, module);
    luaL_setfuncs(L, functions, 0);
    lua_getfield(L, -1, "Object");
    luaL_setfuncs(L, methods, 0);
    lua_pop(L, 2);
}
