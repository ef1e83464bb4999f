/* Typed accessors, one table per C signature, so each binding is a row.
 *
 * Getters return the value, nil when the field is absent (STS_ENOTFOUND),
 * or `nil, message, err_table` when the library reports an error (wrong
 * type, out of range, wrong kind). Setters return true or the same triple;
 * arguments of the wrong Lua type raise. */
#include <stdint.h>
#include <stdlib.h>

#include "lsts.h"

typedef int (*get_i32_fn)(int32_t *, const sts_object *, sts_error **);
typedef int (*get_i64_fn)(int64_t *, const sts_object *, sts_error **);
typedef int (*get_bool_fn)(int *, const sts_object *, sts_error **);
typedef int (*get_str_fn)(const char **, size_t *, const sts_object *, sts_error **);
typedef int (*get_node_fn)(sts_node **, const sts_object *, sts_error **);
typedef int (*set_i32_fn)(sts_object *, int32_t, sts_error **);
typedef int (*set_str_fn)(sts_object *, const char *, sts_error **);
typedef int (*pred_fn)(const sts_object *);
typedef size_t (*count_fn)(const sts_object *);
typedef sts_node *(*at_fn)(const sts_object *, size_t);

#define ROW(name, fn) {name, fn}

static const struct { const char *name; get_i32_fn fn; } get_i32[] = {
    ROW("replicas", sts_statefulset_get_replicas),
    ROW("partition", sts_statefulset_get_partition),
    ROW("revision_history_limit", sts_statefulset_get_revision_history_limit),
    ROW("min_ready_seconds", sts_statefulset_get_min_ready_seconds),
    ROW("ordinals_start", sts_statefulset_get_ordinals_start),
    ROW("status_replicas", sts_statefulset_get_status_replicas),
    ROW("ready_replicas", sts_statefulset_get_ready_replicas),
    ROW("current_replicas", sts_statefulset_get_current_replicas),
    ROW("updated_replicas", sts_statefulset_get_updated_replicas),
    ROW("available_replicas", sts_statefulset_get_available_replicas),
    ROW("collision_count", sts_statefulset_get_collision_count),
};

static const struct { const char *name; get_i64_fn fn; } get_i64[] = {
    ROW("observed_generation", sts_statefulset_get_observed_generation),
};

static const struct { const char *name; get_bool_fn fn; } get_bool[] = {
    ROW("publish_not_ready_addresses", sts_service_get_publish_not_ready_addresses),
};

static const struct { const char *name; get_str_fn fn; } get_str[] = {
    ROW("service_name", sts_statefulset_get_service_name),
    ROW("pod_management_policy", sts_statefulset_get_pod_management_policy),
    ROW("update_strategy_type", sts_statefulset_get_update_strategy_type),
    ROW("pvc_when_deleted", sts_statefulset_get_pvc_when_deleted),
    ROW("pvc_when_scaled", sts_statefulset_get_pvc_when_scaled),
    ROW("current_revision", sts_statefulset_get_current_revision),
    ROW("update_revision", sts_statefulset_get_update_revision),
    ROW("cluster_ip", sts_service_get_cluster_ip),
    ROW("phase", sts_pod_get_phase),
    ROW("hostname", sts_pod_get_hostname),
    ROW("subdomain", sts_pod_get_subdomain),
    ROW("deletion_timestamp", sts_pod_get_deletion_timestamp),
};

static const struct { const char *name; get_node_fn fn; } get_node[] = {
    ROW("selector", sts_statefulset_get_selector),
    ROW("template", sts_statefulset_get_template),
    ROW("service_selector", sts_service_get_selector),
};

static const struct { const char *name; set_i32_fn fn; } set_i32[] = {
    ROW("set_replicas", sts_statefulset_set_replicas),
    ROW("set_partition", sts_statefulset_set_partition),
    ROW("set_revision_history_limit", sts_statefulset_set_revision_history_limit),
    ROW("set_min_ready_seconds", sts_statefulset_set_min_ready_seconds),
    ROW("set_ordinals_start", sts_statefulset_set_ordinals_start),
};

static const struct { const char *name; set_str_fn fn; } set_str[] = {
    ROW("set_service_name", sts_statefulset_set_service_name),
    ROW("set_pod_management_policy", sts_statefulset_set_pod_management_policy),
    ROW("set_update_strategy_type", sts_statefulset_set_update_strategy_type),
    ROW("set_pvc_when_deleted", sts_statefulset_set_pvc_when_deleted),
    ROW("set_pvc_when_scaled", sts_statefulset_set_pvc_when_scaled),
};

/* Predicates return 1/0, or a negative code (wrong kind). */
static const struct { const char *name; pred_fn fn; } preds[] = {
    ROW("is_headless", sts_service_is_headless),
    ROW("ready", sts_pod_is_ready),
};

typedef struct array_row {
    const char *name;
    count_fn count;
    at_fn at;
} array_row;

static const array_row arrays[] = {
    {"ports", sts_service_port_count, sts_service_port_at},
    {"volume_claim_templates", sts_statefulset_claim_template_count,
     sts_statefulset_claim_template_at},
};

#define UPV() (lua_touserdata(L, lua_upvalueindex(1)))
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A getter's status: 1 = value pushed by caller, 0 = absent (nil pushed),
 * 3 = failure triple pushed. */
static int absent_or_fail(lua_State *L, int rc, sts_error *err)
{
    if (rc == STS_ENOTFOUND) {
        sts_error_free(err);
        lua_pushnil(L);
        return 1;
    }
    return lsts_fail(L, rc, err);
}

static int l_get_i32(lua_State *L)
{
    get_i32_fn fn = *(get_i32_fn *)UPV();
    int32_t v = 0;
    sts_error *err = NULL;
    int rc = fn(&v, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    lua_pushinteger(L, v);
    return 1;
}

static int l_get_i64(lua_State *L)
{
    get_i64_fn fn = *(get_i64_fn *)UPV();
    int64_t v = 0;
    sts_error *err = NULL;
    int rc = fn(&v, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    lua_pushinteger(L, (lua_Integer)v);
    return 1;
}

static int l_get_bool(lua_State *L)
{
    get_bool_fn fn = *(get_bool_fn *)UPV();
    int v = 0;
    sts_error *err = NULL;
    int rc = fn(&v, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    lua_pushboolean(L, v);
    return 1;
}

static int l_get_str(lua_State *L)
{
    get_str_fn fn = *(get_str_fn *)UPV();
    const char *s = NULL;
    size_t len = 0;
    sts_error *err = NULL;
    int rc = fn(&s, &len, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    lua_pushlstring(L, s, len);
    return 1;
}

static int l_get_node(lua_State *L)
{
    get_node_fn fn = *(get_node_fn *)UPV();
    sts_node *node = NULL;
    sts_error *err = NULL;
    int rc = fn(&node, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    lsts_push_node(L, node);
    return 1;
}

static int done(lua_State *L, int rc, sts_error *err)
{
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

static int32_t check_i32(lua_State *L, int arg)
{
    lua_Integer n = luaL_checkinteger(L, arg);
    luaL_argcheck(L, n >= INT32_MIN && n <= INT32_MAX, arg, "value out of int32 range");
    return (int32_t)n;
}

static int l_set_i32(lua_State *L)
{
    set_i32_fn fn = *(set_i32_fn *)UPV();
    sts_object *obj = lsts_check_object(L, 1);
    int32_t v = check_i32(L, 2);
    sts_error *err = NULL;
    int rc = fn(obj, v, &err);
    return done(L, rc, err);
}

static int l_set_str(lua_State *L)
{
    set_str_fn fn = *(set_str_fn *)UPV();
    sts_object *obj = lsts_check_object(L, 1);
    const char *v = luaL_checkstring(L, 2);
    sts_error *err = NULL;
    int rc = fn(obj, v, &err);
    return done(L, rc, err);
}

static int l_pred(lua_State *L)
{
    pred_fn fn = *(pred_fn *)UPV();
    int rc = fn(lsts_check_object(L, 1));
    if (rc < 0)
        return lsts_fail(L, rc, NULL);
    lua_pushboolean(L, rc);
    return 1;
}

static int l_array(lua_State *L)
{
    const array_row *row = UPV();
    sts_object *obj = lsts_check_object(L, 1);
    size_t n = row->count(obj);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lsts_push_node(L, row->at(obj, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
    return 1;
}

/* maxUnavailable is an IntOrString: an integer, or "N%" for a percentage,
 * in Lua exactly as in the manifest. */
static int l_max_unavailable(lua_State *L)
{
    int32_t v = 0;
    int pct = 0;
    sts_error *err = NULL;
    int rc = sts_statefulset_get_max_unavailable(&v, &pct, lsts_check_object(L, 1), &err);
    if (rc)
        return absent_or_fail(L, rc, err);
    if (pct)
        lua_pushfstring(L, "%d%%", (int)v);
    else
        lua_pushinteger(L, v);
    return 1;
}

static int l_set_max_unavailable(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    int32_t v;
    int pct = 0;
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char *s = lua_tostring(L, 2);
        char *end = NULL;
        long long n = strtoll(s, &end, 10);
        int ok = end != s && end[0] == '%' && end[1] == '\0' && (size_t)(end + 1 - s) == lua_rawlen(L, 2);
        luaL_argcheck(L, ok && n >= INT32_MIN && n <= INT32_MAX, 2,
                      "integer or \"N%\" expected");
        v = (int32_t)n;
        pct = 1;
    } else {
        v = check_i32(L, 2);
    }
    sts_error *err = NULL;
    int rc = sts_statefulset_set_max_unavailable(obj, v, pct, &err);
    return done(L, rc, err);
}

/* The closure's upvalue is the address of the row's function pointer. */
#define REGISTER(table, cfn)                                                   \
    for (size_t i = 0; i < COUNT(table); i++) {                                \
        lua_pushlightuserdata(L, (void *)&(table)[i].fn);                      \
        lua_pushcclosure(L, cfn, 1);                                           \
        lua_setfield(L, -2, (table)[i].name);                                  \
    }

void lsts_register_accessors(lua_State *L)
{
    REGISTER(get_i32, l_get_i32);
    REGISTER(get_i64, l_get_i64);
    REGISTER(get_bool, l_get_bool);
    REGISTER(get_str, l_get_str);
    REGISTER(get_node, l_get_node);
    REGISTER(set_i32, l_set_i32);
    REGISTER(set_str, l_set_str);
    REGISTER(preds, l_pred);
    for (size_t i = 0; i < COUNT(arrays); i++) {
        lua_pushlightuserdata(L, (void *)&arrays[i]);
        lua_pushcclosure(L, l_array, 1);
        lua_setfield(L, -2, arrays[i].name);
    }
    lua_pushcfunction(L, l_max_unavailable);
    lua_setfield(L, -2, "max_unavailable");
    lua_pushcfunction(L, l_set_max_unavailable);
    lua_setfield(L, -2, "set_max_unavailable");
}
