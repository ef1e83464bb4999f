/* Runtime failures become `nil, message, err_table`.
 *
 * err_table = { code = -4, name = "STS_ETYPE", message = "...", text =
 * "file:3:12: ... (spec.replicas)", path = "spec.replicas", line = 3,
 * column = 12, offset = 40, source = "file", errors = { <every error of
 * the chain, same fields> } }. Unknown parts (no path, no position) are nil.
 * Field errors add type, field, value, detail; lint findings add rule,
 * severity, hint (see set_kinds).
 *
 * The C error chain and buffers are freed whether or not building the Lua
 * values runs out of memory: the building runs under lua_pcall and the
 * failure is re-raised after cleanup. */
#include <stdint.h>

#include "lsts.h"

static const char error_mt_key[] = "statefulset.error";

static int push_string_k(lua_State *L)
{
    const sts_buf *buf = lua_touserdata(L, 1);
    lua_pushlstring(L, buf->data ? buf->data : "", buf->len);
    return 1;
}

void lsts_push_buf(lua_State *L, sts_buf *buf)
{
    lua_pushcfunction(L, push_string_k);
    lua_pushlightuserdata(L, buf);
    int status = lua_pcall(L, 1, 1, 0);
    sts_buf_dispose(buf);
    if (status != LUA_OK)
        lua_error(L);
}

static void set_string(lua_State *L, const char *key, const char *value)
{
    if (value && *value) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, key);
    }
}

static void set_uint(lua_State *L, const char *key, uint64_t value, uint64_t unknown)
{
    if (value != unknown && value <= (uint64_t)INT64_MAX) {
        lua_pushinteger(L, (lua_Integer)value);
        lua_setfield(L, -2, key);
    }
}

/* Field errors (validation) and findings (lint) carry more: type ("Invalid
 * value"), field (= path), value (the bad value as the server prints it),
 * detail; rule ("STS112"), severity ("warning"), hint. Absent parts are nil. */
static void set_kinds(lua_State *L, const sts_error *e)
{
    sts_field_error_type type = sts_error_field_type(e);
    if (type != STS_FIELD_ERROR_NONE) {
        set_string(L, "type", sts_field_error_type_name(type));
        set_string(L, "field", sts_error_path(e));
        set_string(L, "value", sts_error_bad_value(e));
        set_string(L, "detail", sts_error_detail(e));
    }
    const char *rule = sts_error_rule(e);
    if (rule && *rule) {
        set_string(L, "rule", rule);
        set_string(L, "severity", sts_severity_name(sts_error_severity(e)));
        set_string(L, "hint", sts_error_hint(e));
    }
}

/* Fill the table at the top with the fields of one error. */
static void set_fields(lua_State *L, int code, const sts_error *e)
{
    lua_pushinteger(L, code);
    lua_setfield(L, -2, "code");
    lua_pushstring(L, sts_status_name(code));
    lua_setfield(L, -2, "name");
    if (!e) {
        lua_pushstring(L, sts_strerror(code));
        lua_setfield(L, -2, "message");
        lua_pushstring(L, sts_strerror(code));
        lua_setfield(L, -2, "text");
        return;
    }
    lua_pushstring(L, sts_error_message(e));
    lua_setfield(L, -2, "message");
    set_string(L, "path", sts_error_path(e));
    set_string(L, "source", sts_error_source(e));
    set_uint(L, "line", sts_error_line(e), 0);
    set_uint(L, "column", sts_error_column(e), 0);
    set_uint(L, "offset", sts_error_offset(e), UINT64_MAX);
    set_kinds(L, e);
    sts_buf text = STS_BUF_INIT;
    if (sts_error_format(&text, e) == 0) {
        lsts_push_buf(L, &text);
        lua_setfield(L, -2, "text");
    } else {
        sts_buf_dispose(&text);
        lua_pushstring(L, sts_error_message(e));
        lua_setfield(L, -2, "text");
    }
}

struct fail_args {
    int code;
    const sts_error *err;
};

/* Protected part of lsts_fail: pushes message and err_table. */
static int build_error(lua_State *L)
{
    const struct fail_args *a = lua_touserdata(L, 1);
    int first_code = a->err && sts_error_code(a->err) ? sts_error_code(a->err) : a->code;

    lua_createtable(L, 0, 10);
    set_fields(L, first_code, a->err);
    lua_createtable(L, (int)sts_error_count(a->err), 0);
    if (!a->err) {
        lua_createtable(L, 0, 4);
        set_fields(L, first_code, NULL);
        lua_rawseti(L, -2, 1);
    }
    lua_Integer i = 1;
    for (const sts_error *e = a->err; e; e = sts_error_next(e), i++) {
        lua_createtable(L, 0, 12);
        set_fields(L, sts_error_code(e) ? sts_error_code(e) : a->code, e);
        lua_rawseti(L, -2, i);
    }
    lua_setfield(L, -2, "errors");
    luaL_setmetatable(L, error_mt_key);
    lua_getfield(L, -1, "text");
    lua_insert(L, -2);
    return 2;
}

int lsts_fail(lua_State *L, int code, sts_error *err)
{
    struct fail_args a = {code, err};
    lua_pushnil(L);
    lua_pushcfunction(L, build_error);
    lua_pushlightuserdata(L, &a);
    int status = lua_pcall(L, 1, 2, 0);
    sts_error_free(err);
    if (status != LUA_OK)
        lua_error(L);
    return 3;
}

void lsts_push_error_array(lua_State *L, const sts_error *chain)
{
    size_t n = sts_error_count(chain);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    lua_Integer i = 1;
    for (const sts_error *e = chain; e; e = sts_error_next(e), i++) {
        lua_createtable(L, 0, 12);
        /* problems always carry their own code; STS_EVALIDATION if not */
        set_fields(L, sts_error_code(e) ? sts_error_code(e) : STS_EVALIDATION, e);
        luaL_setmetatable(L, error_mt_key);
        lua_rawseti(L, -2, i);
    }
    luaL_setmetatable(L, lsts_array_key);
}

static int build_problems(lua_State *L)
{
    lsts_push_error_array(L, lua_touserdata(L, 1));
    return 1;
}

void lsts_push_problems(lua_State *L, sts_error *owned)
{
    lua_pushcfunction(L, build_problems);
    lua_pushlightuserdata(L, owned);
    int status = lua_pcall(L, 1, 1, 0);
    sts_error_free(owned);
    if (status != LUA_OK)
        lua_error(L);
}

static int error_tostring(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "text");
    if (!lua_isstring(L, -1)) {
        lua_pop(L, 1);
        lua_getfield(L, 1, "message");
    }
    if (!lua_isstring(L, -1))
        lua_pushliteral(L, "statefulset error");
    return 1;
}

void lsts_open_errors(lua_State *L, int module)
{
    luaL_newmetatable(L, error_mt_key);
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_setfield(L, module, "error_mt");
}
