#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

struct sts_error {
    int code;
    uint32_t line, column;
    uint64_t offset;
    char *message;
    char *path;
    char *source;
    struct sts_error *next;
    sts_field_error_type ftype;
    char *bad_value, *detail; /* NULL unless a field error */
    sts_severity severity;
    char *rule, *hint;        /* NULL unless a lint finding */
};

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

int sts_error_new(sts_error **out, int code, const char *message, const char *path,
                  uint32_t line, uint32_t column, uint64_t offset)
{
    if (!out)
        return STS_EINVAL;
    sts_error *e = calloc(1, sizeof *e);
    if (!e)
        return STS_ENOMEM;
    e->code = code;
    e->line = line;
    e->column = column;
    e->offset = offset;
    e->message = dup_or_empty(message ? message : sts_strerror(code));
    e->path = dup_or_empty(path);
    e->source = dup_or_empty(NULL);
    if (!e->message || !e->path || !e->source) {
        sts_error_free(e);
        return STS_ENOMEM;
    }
    *out = e;
    return 0;
}

void sts_error_free(sts_error *err)
{
    while (err) {
        sts_error *next = err->next;
        free(err->message);
        free(err->path);
        free(err->source);
        free(err->bad_value);
        free(err->detail);
        free(err->rule);
        free(err->hint);
        free(err);
        err = next;
    }
}

int sts_error_code(const sts_error *err) { return err ? err->code : 0; }
const char *sts_error_message(const sts_error *err) { return err ? err->message : ""; }
const char *sts_error_path(const sts_error *err) { return err ? err->path : ""; }
const char *sts_error_source(const sts_error *err) { return err ? err->source : ""; }
uint32_t sts_error_line(const sts_error *err) { return err ? err->line : 0; }
uint32_t sts_error_column(const sts_error *err) { return err ? err->column : 0; }
uint64_t sts_error_offset(const sts_error *err) { return err ? err->offset : UINT64_MAX; }
const sts_error *sts_error_next(const sts_error *err) { return err ? err->next : NULL; }

size_t sts_error_count(const sts_error *err)
{
    size_t n = 0;
    for (; err; err = err->next)
        n++;
    return n;
}

int sts_error_set_source(sts_error *err, const char *source)
{
    for (; err; err = err->next) {
        if (err->source[0])
            continue;
        char *s = strdup(source ? source : "");
        if (!s)
            return STS_ENOMEM;
        free(err->source);
        err->source = s;
    }
    return 0;
}

void sts_error_append(sts_error **chain, sts_error *tail)
{
    if (!chain) {
        sts_error_free(tail);
        return;
    }
    while (*chain)
        chain = &(*chain)->next;
    *chain = tail;
}

int sts_error_format(sts_buf *out, const sts_error *err)
{
    if (!out || !err)
        return STS_EINVAL;
    size_t mark = out->len;
    int rc = 0;
    if (err->source[0])
        rc = sts__buf_printf(out, "%s:", err->source);
    if (!rc && err->line)
        rc = err->column ? sts__buf_printf(out, "%u:%u:", err->line, err->column)
                         : sts__buf_printf(out, "%u:", err->line);
    if (!rc && out->len > mark)
        rc = sts__buf_putc(out, ' ');
    if (!rc)
        rc = sts__buf_printf(out, "%s", err->message);
    if (!rc && err->path[0])
        rc = sts__buf_printf(out, " (%s)", err->path);
    if (rc && out->data) {
        out->len = mark;
        out->data[mark] = '\0';
    }
    return rc;
}

static int verr(sts_error **err, int code, uint32_t line, uint32_t column, uint64_t offset,
                const char *path, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    sts_buf msg = STS_BUF_INIT;
    sts_error *e = NULL;
    if (sts__buf_vprintf(&msg, fmt, ap) == 0 &&
        sts_error_new(&e, code, msg.data ? msg.data : "", path, line, column, offset) == 0)
        sts_error_append(err, e);
    sts_buf_dispose(&msg);
    return code;
}

int sts__err_at(sts_error **err, int code, uint32_t line, uint32_t column, uint64_t offset,
                const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(err, code, line, column, offset, path, fmt, ap);
    va_end(ap);
    return code;
}

int sts__err_node(sts_error **err, int code, const sts_node *at, const char *path,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (at)
        verr(err, code, at->line, at->column, at->line ? at->offset : UINT64_MAX, path, fmt, ap);
    else
        verr(err, code, 0, 0, UINT64_MAX, path, fmt, ap);
    va_end(ap);
    return code;
}

int sts__err(sts_error **err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(err, code, 0, 0, UINT64_MAX, NULL, fmt, ap);
    va_end(ap);
    return code;
}

static const char *const field_type_names[] = {
    "", "Required value", "Invalid value", "Unsupported value", "Forbidden",
    "Duplicate value", "Too long", "Not found", "Too many", "Internal error",
};

const char *sts_field_error_type_name(sts_field_error_type type)
{
    return (unsigned)type < sizeof field_type_names / sizeof field_type_names[0]
               ? field_type_names[type] : "";
}

int sts_error_new_field(sts_error **out, sts_field_error_type type, const char *path,
                        const char *bad_value, const char *detail)
{
    if (!out || type == STS_FIELD_ERROR_NONE || !sts_field_error_type_name(type)[0])
        return STS_EINVAL;
    /* field.Error.Error(): "<field>: <ErrorBody>", the body leaving out the
     * value for Required, Forbidden and friends */
    sts_buf msg = STS_BUF_INIT;
    int rc = 0;
    if (path && path[0])
        rc = sts__buf_printf(&msg, "%s: ", path);
    if (!rc)
        rc = sts__buf_printf(&msg, "%s", sts_field_error_type_name(type));
    if (!rc && bad_value)
        rc = sts__buf_printf(&msg, ": %s", bad_value);
    if (!rc && detail && detail[0])
        rc = sts__buf_printf(&msg, ": %s", detail);
    sts_error *e = NULL;
    if (!rc)
        rc = sts_error_new(&e, STS_EVALIDATION, msg.data, path, 0, 0, UINT64_MAX);
    sts_buf_dispose(&msg);
    if (rc)
        return rc;
    e->ftype = type;
    e->bad_value = strdup(bad_value ? bad_value : "");
    e->detail = strdup(detail ? detail : "");
    if (!e->bad_value || !e->detail) {
        sts_error_free(e);
        return STS_ENOMEM;
    }
    *out = e;
    return 0;
}

sts_field_error_type sts_error_field_type(const sts_error *err)
{
    return err ? err->ftype : STS_FIELD_ERROR_NONE;
}

const char *sts_error_bad_value(const sts_error *err)
{
    return err && err->bad_value ? err->bad_value : "";
}

const char *sts_error_detail(const sts_error *err)
{
    return err && err->detail ? err->detail : "";
}

int sts_error_set_rule(sts_error *err, const char *rule_id, sts_severity severity,
                       const char *hint)
{
    if (!err || !rule_id)
        return STS_EINVAL;
    char *r = strdup(rule_id), *h = strdup(hint ? hint : "");
    if (!r || !h) {
        free(r);
        free(h);
        return STS_ENOMEM;
    }
    free(err->rule);
    free(err->hint);
    err->rule = r;
    err->hint = h;
    err->severity = severity;
    return 0;
}

const char *sts_error_rule(const sts_error *err)
{
    return err && err->rule ? err->rule : "";
}

sts_severity sts_error_severity(const sts_error *err)
{
    return err ? err->severity : STS_SEVERITY_NONE;
}

const char *sts_severity_name(sts_severity severity)
{
    switch (severity) {
    case STS_SEVERITY_INFO:
        return "info";
    case STS_SEVERITY_WARNING:
        return "warning";
    case STS_SEVERITY_ERROR:
        return "error";
    default:
        return "";
    }
}

const char *sts_error_hint(const sts_error *err)
{
    return err && err->hint ? err->hint : "";
}

void sts__error_set_mark(sts_error *err, uint32_t line, uint32_t column, uint64_t offset)
{
    err->line = line;
    err->column = column;
    err->offset = offset;
}
