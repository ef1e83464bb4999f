/* Object userdata: lifetime, properties and the generic methods.
 * Typed accessors (replicas, service_name, ...) live in accessors.c. */
#include <stdlib.h>
#include <string.h>

#include "lsts.h"

lsts_object_ud *lsts_check_object_ud(lua_State *L, int idx)
{
    lsts_object_ud *o = luaL_checkudata(L, idx, LSTS_OBJECT_MT);
    if (!o->obj)
        luaL_error(L, "attempt to use a closed statefulset object");
    return o;
}

sts_object *lsts_check_object(lua_State *L, int idx)
{
    return lsts_check_object_ud(L, idx)->obj;
}

lsts_object_ud *lsts_new_object_ud(lua_State *L, int reg_idx)
{
    reg_idx = lua_absindex(L, reg_idx);
    lsts_registry_ud *r = lsts_check_registry(L, reg_idx);
    lsts_object_ud *o = lua_newuserdatauv(L, sizeof *o, 1);
    o->obj = NULL;
    o->owner = NULL;
    o->reg = NULL;
    luaL_setmetatable(L, LSTS_OBJECT_MT);
    lua_pushvalue(L, reg_idx);
    lua_setiuservalue(L, -2, 1);
    o->reg = r->box;
    r->box->refs++;
    return o;
}

lsts_object_ud *lsts_new_object_ud_like(lua_State *L, int src_idx)
{
    src_idx = lua_absindex(L, src_idx);
    lsts_object_ud *src = lsts_check_object_ud(L, src_idx);
    lsts_object_ud *o = lua_newuserdatauv(L, sizeof *o, 1);
    o->obj = NULL;
    o->owner = NULL;
    o->reg = NULL;
    luaL_setmetatable(L, LSTS_OBJECT_MT);
    lua_getiuservalue(L, src_idx, 1);
    lua_setiuservalue(L, -2, 1);
    o->reg = src->reg;
    src->reg->refs++;
    return o;
}

/* An object created without an owner (sts_object_new, sts_object_clone,
 * rendering): give it a list of its own. Consumes @p obj. */
int lsts_adopt(lsts_object_ud *o, sts_object *obj)
{
    lsts_owner *owner = malloc(sizeof *owner);
    if (!owner) {
        sts_object_free(obj);
        return STS_ENOMEM;
    }
    owner->refs = 1;
    owner->list = NULL;
    int rc = sts_object_list_new(&owner->list);
    if (!rc)
        rc = sts_object_list_take(owner->list, obj); /* takes obj even on failure */
    else
        sts_object_free(obj);
    if (rc) {
        lsts_owner_unref(owner);
        return rc;
    }
    o->obj = obj;
    o->owner = owner;
    return 0;
}

static int obj_close(lua_State *L)
{
    lsts_object_ud *o = luaL_checkudata(L, 1, LSTS_OBJECT_MT);
    lsts_owner *owner = o->owner;
    lsts_reg *reg = o->reg;
    o->obj = NULL;
    o->owner = NULL;
    o->reg = NULL;
    lsts_owner_unref(owner);
    lsts_reg_unref(reg);
    return 0;
}

static int obj_is_closed(lua_State *L)
{
    lsts_object_ud *o = luaL_checkudata(L, 1, LSTS_OBJECT_MT);
    lua_pushboolean(L, o->obj == NULL);
    return 1;
}

static int obj_tostring(lua_State *L)
{
    lsts_object_ud *o = luaL_checkudata(L, 1, LSTS_OBJECT_MT);
    if (!o->obj) {
        lua_pushfstring(L, "statefulset.Object (closed): %p", (void *)o);
        return 1;
    }
    const char *ns = sts_object_namespace(o->obj);
    lua_pushfstring(L, "statefulset.Object %s %s%s%s: %p", sts_object_kind_string(o->obj),
                    ns, *ns ? "/" : "", sts_object_name(o->obj), (void *)o);
    return 1;
}

/* core.new(kind, name [, registry]) */
static int l_new(lua_State *L)
{
    const char *kind = luaL_checkstring(L, 1);
    size_t namelen;
    const char *name = luaL_checklstring(L, 2, &namelen);
    sts_kind k = STS_KIND_OTHER;
    for (int i = 1; i <= STS_KIND_CONTROLLER_REVISION; i++)
        if (!strcmp(kind, sts_kind_name((sts_kind)i)))
            k = (sts_kind)i;
    if (k == STS_KIND_OTHER)
        return luaL_argerror(L, 1, "kind must be one of StatefulSet, Service, Pod, "
                                   "PersistentVolumeClaim, ControllerRevision");
    if (lua_isnoneornil(L, 3)) {
        lua_settop(L, 2);
        lua_getfield(L, lua_upvalueindex(1), "default_registry");
    }
    lsts_object_ud *o = lsts_new_object_ud(L, 3);
    sts_object *obj = NULL;
    sts_error *err = NULL;
    int rc = sts_object_new(&obj, k, name, namelen, &err);
    if (!rc)
        rc = lsts_adopt(o, obj);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

static int obj_clone(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    /* the source's registry box, which outlives a closed Registry userdata */
    lsts_object_ud *o = lsts_new_object_ud_like(L, 1);
    sts_object *copy = NULL;
    sts_error *err = NULL;
    int rc = sts_object_clone(&copy, obj, &err);
    if (!rc)
        rc = lsts_adopt(o, copy);
    if (rc)
        return lsts_fail(L, rc, err);
    return 1;
}

static int obj_registry(lua_State *L)
{
    lsts_check_object(L, 1);
    lua_getiuservalue(L, 1, 1);
    return 1;
}

/* obj:dump(format [, opts]) -> string */
static int obj_dump(lua_State *L)
{
    lsts_object_ud *o = lsts_check_object_ud(L, 1);
    const char *format = luaL_checkstring(L, 2);
    sts_encode_opts opts;
    lsts_encode_opts(L, 3, &opts, &format);
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_object_dump(&buf, o->reg->reg, format, o->obj, &opts, &err);
    if (rc) {
        sts_buf_dispose(&buf);
        return lsts_fail(L, rc, err);
    }
    lsts_push_buf(L, &buf);
    return 1;
}

static int obj_to_table(lua_State *L)
{
    lsts_push_node(L, sts_object_root(lsts_check_object(L, 1)));
    return 1;
}

static int obj_get(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    const char *path = luaL_checkstring(L, 2);
    sts_node *node = NULL;
    sts_error *err = NULL;
    int rc = sts_object_get(&node, obj, path, &err);
    if (rc == STS_ENOTFOUND) {
        sts_error_free(err);
        lua_pushnil(L);
        return 1;
    }
    if (rc)
        return lsts_fail(L, rc, err);
    lsts_push_node(L, node);
    return 1;
}

/* obj:has(path) -> boolean */
static int obj_has(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_node *node = NULL;
    sts_error *err = NULL;
    int rc = sts_object_get(&node, obj, luaL_checkstring(L, 2), &err);
    if (rc && rc != STS_ENOTFOUND)
        return lsts_fail(L, rc, err);
    sts_error_free(err);
    lua_pushboolean(L, rc == 0);
    return 1;
}

/* obj:position(path) -> line, column (1-based), nil when the field is
 * absent or was built in code */
static int obj_position(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_node *node = NULL;
    sts_error *err = NULL;
    int rc = sts_object_get(&node, obj, luaL_checkstring(L, 2), &err);
    if (rc == STS_ENOTFOUND) {
        sts_error_free(err);
        return 0;
    }
    if (rc)
        return lsts_fail(L, rc, err);
    if (!sts_node_line(node))
        return 0;
    lua_pushinteger(L, (lua_Integer)sts_node_line(node));
    lua_pushinteger(L, (lua_Integer)sts_node_column(node));
    return 2;
}

/* obj:set(path, value): scalars go through the typed setters of the
 * library; other values are built as nodes in the object's document. */
static int obj_set(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    size_t plen;
    const char *path = luaL_checklstring(L, 2, &plen);
    luaL_argcheck(L, !lua_isnoneornil(L, 3), 3, "value expected (use obj:remove(path) to delete)");
    sts_error *err = NULL;
    int rc;
    if (lua_type(L, 3) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, 3, &len);
        rc = sts_object_set_string(obj, path, s, len, &err);
    } else if (lua_isinteger(L, 3)) {
        rc = sts_object_set_int(obj, path, (int64_t)lua_tointeger(L, 3), &err);
    } else if (lua_isboolean(L, 3)) {
        rc = sts_object_set_bool(obj, path, lua_toboolean(L, 3), &err);
    } else {
        sts_node *node = lsts_to_node(L, 3, sts_object_doc(obj));
        rc = sts_node_set_at(sts_object_root(obj), path, plen, node, &err);
    }
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

/* obj:remove(path) -> true (removed) | false (absent) */
static int obj_remove(lua_State *L)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_error *err = NULL;
    int rc = sts_object_remove(obj, luaL_checkstring(L, 2), &err);
    if (rc == STS_ENOTFOUND) {
        sts_error_free(err);
        lua_pushboolean(L, 0);
        return 1;
    }
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

static int obj_check(lua_State *L)
{
    sts_error *err = NULL;
    int rc = sts_object_check(lsts_check_object(L, 1), &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

typedef int (*get_kv_fn)(const char **, size_t *, const sts_object *, const char *, sts_error **);
typedef int (*set_kv_fn)(sts_object *, const char *, const char *, sts_error **);

static int get_kv(lua_State *L, get_kv_fn fn)
{
    sts_object *obj = lsts_check_object(L, 1);
    const char *s = NULL;
    size_t len = 0;
    sts_error *err = NULL;
    int rc = fn(&s, &len, obj, luaL_checkstring(L, 2), &err);
    if (rc == STS_ENOTFOUND) {
        sts_error_free(err);
        lua_pushnil(L);
        return 1;
    }
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushlstring(L, s, len);
    return 1;
}

static int set_kv(lua_State *L, set_kv_fn fn)
{
    sts_object *obj = lsts_check_object(L, 1);
    sts_error *err = NULL;
    int rc = fn(obj, luaL_checkstring(L, 2), luaL_checkstring(L, 3), &err);
    if (rc)
        return lsts_fail(L, rc, err);
    lua_pushboolean(L, 1);
    return 1;
}

static int obj_label(lua_State *L) { return get_kv(L, sts_object_get_label); }
static int obj_set_label(lua_State *L) { return set_kv(L, sts_object_set_label); }
static int obj_annotation(lua_State *L) { return get_kv(L, sts_object_get_annotation); }
static int obj_set_annotation(lua_State *L) { return set_kv(L, sts_object_set_annotation); }

/* ---- properties: obj.kind, obj.name, ... ---------------------------------- */

typedef const char *(*prop_fn)(const sts_object *);

static const struct {
    const char *name;
    prop_fn fn;
} props[] = {
    {"kind", sts_object_kind_string},
    {"api_version", sts_object_api_version},
    {"name", sts_object_name},
    {"namespace", sts_object_namespace},
};

/* __index(obj, key): methods first, then properties. */
static int obj_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    const char *key = lua_tostring(L, 2);
    for (size_t i = 0; key && i < sizeof props / sizeof props[0]; i++) {
        if (!strcmp(key, props[i].name)) {
            lua_pushstring(L, props[i].fn(lsts_check_object(L, 1)));
            return 1;
        }
    }
    return 1; /* nil */
}

static int obj_newindex(lua_State *L)
{
    return luaL_error(L, "statefulset objects have no assignable fields ('%s'); use setters "
                         "or obj:set(path, value)", luaL_tolstring(L, 2, NULL));
}

static const luaL_Reg obj_methods[] = {
    {"close", obj_close},
    {"is_closed", obj_is_closed},
    {"clone", obj_clone},
    {"registry", obj_registry},
    {"dump", obj_dump},
    {"to_table", obj_to_table},
    {"get", obj_get},
    {"set", obj_set},
    {"has", obj_has},
    {"position", obj_position},
    {"remove", obj_remove},
    {"check", obj_check},
    {"label", obj_label},
    {"set_label", obj_set_label},
    {"annotation", obj_annotation},
    {"set_annotation", obj_set_annotation},
    {NULL, NULL},
};

static const luaL_Reg obj_meta[] = {
    {"__gc", obj_close},
    {"__close", obj_close},
    {"__tostring", obj_tostring},
    {"__newindex", obj_newindex},
    {NULL, NULL},
};

void lsts_open_object(lua_State *L, int module)
{
    luaL_newmetatable(L, LSTS_OBJECT_MT);
    luaL_setfuncs(L, obj_meta, 0);
    luaL_newlib(L, obj_methods);
    lsts_register_accessors(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, module, "Object"); /* methods, extendable from Lua */
    lua_pushcclosure(L, obj_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);

    lua_pushvalue(L, module);
    lua_pushcclosure(L, l_new, 1);
    lua_setfield(L, module, "new");
}
