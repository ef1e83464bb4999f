/* Cluster DNS (dns.h): obj:dns_records{service=, objects=, cluster_domain=, ttl=}.
 *
 * The result is a plain table:
 *   { records = { {name=, type="A"|"AAAA"|"SRV"|"PTR", ttl=, data=, pod=}, ... },
 *     problems = { {code=, name=, message=, path=, ...}, ... },
 *     service_fqdn = "nginx.default.svc.cluster.local",
 *     zone = function -> the RFC 1035 master file }
 * The C records stay in a userdata that only the `zone` closure holds, so
 * the result needs nothing else alive (inputs may be closed). */
#include <stdint.h>

#include "lsts.h"

#define RECORDS_MT "statefulset.DnsRecords"

typedef struct records_ud {
    sts_dns_records *recs;
} records_ud;

static int records_gc(lua_State *L)
{
    records_ud *r = luaL_checkudata(L, 1, RECORDS_MT);
    sts_dns_records_free(r->recs);
    r->recs = NULL;
    return 0;
}

/* result:zone() -> string */
static int l_zone(lua_State *L)
{
    records_ud *r = lua_touserdata(L, lua_upvalueindex(1));
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_dns_records_zone(&buf, r->recs, &err);
    if (rc) {
        sts_buf_dispose(&buf);
        return lsts_fail(L, rc, err);
    }
    lsts_push_buf(L, &buf);
    return 1;
}

static void push_records(lua_State *L, const sts_dns_records *recs)
{
    size_t n = sts_dns_records_count(recs);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 5);
        lua_pushstring(L, sts_dns_record_name(recs, i));
        lua_setfield(L, -2, "name");
        lua_pushstring(L, sts_dns_type_name(sts_dns_record_type(recs, i)));
        lua_setfield(L, -2, "type");
        lua_pushinteger(L, (lua_Integer)sts_dns_record_ttl(recs, i));
        lua_setfield(L, -2, "ttl");
        lua_pushstring(L, sts_dns_record_data(recs, i));
        lua_setfield(L, -2, "data");
        lua_pushstring(L, sts_dns_record_pod(recs, i));
        lua_setfield(L, -2, "pod");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    luaL_setmetatable(L, lsts_array_key);
}

/* obj:dns_records([opts]) */
static int obj_dns_records(lua_State *L)
{
    sts_object *set = lsts_check_object(L, 1);
    sts_dns_opts opts;
    lsts_dns_opts(L, 2, &opts);
    lua_settop(L, 2); /* the option strings live in the table at 2 */

    const sts_object *service = NULL;
    const sts_object_list *objects = NULL;
    int rc = 0;
    sts_error *err = NULL;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "service"); /* 3 */
        if (!lua_isnil(L, 3)) {
            lsts_object_ud *s = luaL_testudata(L, 3, LSTS_OBJECT_MT);
            if (!s || !s->obj)
                luaL_error(L, "option 'service' must be an open statefulset object");
            service = s->obj;
        }
        lua_getfield(L, 2, "objects"); /* 4 */
        if (!lua_isnil(L, 4))
            objects = lsts_object_list(L, 4, "objects", &rc, &err); /* pushes 5 */
        if (rc)
            return lsts_fail(L, rc, err);
    }
    int list_idx = lua_gettop(L);

    records_ud *r = lua_newuserdatauv(L, sizeof *r, 0);
    r->recs = NULL;
    luaL_setmetatable(L, RECORDS_MT);
    int rec_idx = lua_gettop(L);
    rc = sts_dns_compute(&r->recs, set, objects, service, &opts, &err);
    if (objects)
        lsts_release_list(L, list_idx); /* the records are copies */
    if (rc)
        return lsts_fail(L, rc, err);

    lua_createtable(L, 0, 4);
    push_records(L, r->recs);
    lua_setfield(L, -2, "records");
    lsts_push_error_array(L, sts_dns_records_problems(r->recs));
    lua_setfield(L, -2, "problems");
    lua_pushstring(L, sts_dns_service_fqdn(r->recs));
    lua_setfield(L, -2, "service_fqdn");
    lua_pushvalue(L, rec_idx);
    lua_pushcclosure(L, l_zone, 1);
    lua_setfield(L, -2, "zone");
    return 1;
}

void lsts_open_dns(lua_State *L, int module)
{
    luaL_newmetatable(L, RECORDS_MT);
    lua_pushcfunction(L, records_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_getfield(L, module, "Object");
    lua_pushcfunction(L, obj_dns_records);
    lua_setfield(L, -2, "dns_records");
    lua_pop(L, 1);
}
