/* Reading scalars the way Kubernetes decodes them into Go types.
 *
 * The rules come from kubectl (see tests/data/models/kubectl-facts.md):
 * YAML is turned into JSON before the typed decode, and that conversion
 * writes integral floats as integers, so `replicas: 3.0` and `1e3` are
 * accepted while `1.5` is not. Integers that do not fit the Go field are
 * errors. `null` is never a type error (Go leaves the field unset); callers
 * treat it as absent. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model_priv.h"

/* Shortest %g text that reads back as the same double. */
static int put_double(sts_buf *out, double d)
{
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, d);
        double back;
        if (sscanf(tmp, "%lf", &back) == 1 && back == d)
            break;
    }
    return sts__buf_printf(out, "%s", tmp);
}

static int put_quoted(sts_buf *out, const char *s, size_t len)
{
    enum { MAX = 60 };
    int rc = sts__buf_putc(out, '"');
    size_t n = len > MAX ? MAX : len;
    for (size_t i = 0; !rc && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            rc = sts__buf_printf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            rc = sts__buf_printf(out, "\\x%02x", c);
        else
            rc = sts__buf_putc(out, (char)c);
    }
    if (!rc && n < len)
        rc = sts_buf_append(out, "...", 3);
    return rc ? rc : sts__buf_putc(out, '"');
}

int sts__describe(sts_buf *out, const sts_node *n)
{
    size_t tlen;
    const char *text;
    switch (sts_node_get_type(n)) {
    case STS_NODE_NULL:
        return sts__buf_printf(out, "null");
    case STS_NODE_BOOL:
        return sts__buf_printf(out, "boolean %s", n->v.b ? "true" : "false");
    case STS_NODE_INT:
        return sts__buf_printf(out, "integer %lld", (long long)n->v.i);
    case STS_NODE_FLOAT:
        /* the source text says what the user wrote: `1.50`, `.inf` */
        if ((text = sts_node_get_text(n, &tlen)) != NULL && tlen <= 60)
            return sts__buf_printf(out, "number %.*s", (int)tlen, text);
        return sts__buf_printf(out, "number ") ? STS_ENOMEM : put_double(out, n->v.f);
    case STS_NODE_STRING:
        return sts__buf_printf(out, "string ") ? STS_ENOMEM : put_quoted(out, n->v.s.ptr, n->v.s.len);
    case STS_NODE_MAP:
        return sts__buf_printf(out, "a map");
    case STS_NODE_SEQ:
        return sts__buf_printf(out, "a list");
    default:
        return sts__buf_printf(out, "a value of unknown type");
    }
}

int sts__type_error(sts_error **err, const sts_node *n, const char *path, const char *what)
{
    if (!err)
        return STS_ETYPE;
    sts_buf d = STS_BUF_INIT;
    if (sts__describe(&d, n)) {
        sts_buf_dispose(&d);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    sts__err_node(err, STS_ETYPE, n, path, "expected %s, found %s", what, d.data);
    sts_buf_dispose(&d);
    return STS_ETYPE;
}

static int range_error(sts_error **err, const sts_node *n, const char *path, int bits)
{
    if (!err)
        return STS_ERANGE;
    sts_buf d = STS_BUF_INIT;
    if (sts__describe(&d, n)) {
        sts_buf_dispose(&d);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    if (bits == 32)
        sts__err_node(err, STS_ERANGE, n, path,
                      "%s is out of range for int32 (-2147483648 to 2147483647)", d.data);
    else
        sts__err_node(err, STS_ERANGE, n, path,
                      "%s is out of range for int64 (-9223372036854775808 to "
                      "9223372036854775807)", d.data);
    sts_buf_dispose(&d);
    return STS_ERANGE;
}

/* 0 and the value, STS_ETYPE (not an integer), STS_ERANGE (no int64) */
static int as_int64(int64_t *out, const sts_node *n)
{
    if (n->type == STS_NODE_INT) {
        *out = n->v.i;
        return 0;
    }
    if (n->type != STS_NODE_FLOAT)
        return STS_ETYPE;
    double f = n->v.f;
    if (!isfinite(f) || f != trunc(f))
        return STS_ETYPE;
    /* 2^63 is exactly representable; everything from it up does not fit */
    if (f >= 9223372036854775808.0 || f < -9223372036854775808.0)
        return STS_ERANGE;
    *out = (int64_t)f;
    return 0;
}

int sts__value_int(int64_t *out, const sts_node *n, int bits, const char *path, sts_error **err)
{
    int64_t v = 0;
    int rc = as_int64(&v, n);
    if (rc == STS_ETYPE)
        return sts__type_error(err, n, path,
                               bits == 32 ? "an integer (int32)" : "an integer (int64)");
    if (rc == STS_ERANGE || (bits == 32 && (v < INT32_MIN || v > INT32_MAX)))
        return range_error(err, n, path, bits);
    if (out)
        *out = v;
    return 0;
}

int sts__value_string(const char **out, size_t *len, const sts_node *n, const char *path,
                      sts_error **err)
{
    if (sts_node_get_type(n) != STS_NODE_STRING)
        return sts__type_error(err, n, path, "a string");
    if (out)
        *out = n->v.s.ptr;
    if (len)
        *len = n->v.s.len;
    return 0;
}

int sts__value_bool(int *out, const sts_node *n, const char *path, sts_error **err)
{
    if (sts_node_get_type(n) != STS_NODE_BOOL)
        return sts__type_error(err, n, path, "a boolean");
    if (out)
        *out = n->v.b;
    return 0;
}

int sts__value_quantity(const sts_node *n, const char *path, sts_error **err)
{
    sts_node_type t = sts_node_get_type(n);
    if (t == STS_NODE_STRING || t == STS_NODE_INT || (t == STS_NODE_FLOAT && isfinite(n->v.f)))
        return 0;
    return sts__type_error(err, n, path, "a quantity (a string or a number)");
}

int sts__value_int_or_string(int32_t *ival, const char **str, size_t *len, int *is_string,
                             const sts_node *n, const char *path, sts_error **err)
{
    if (sts_node_get_type(n) == STS_NODE_STRING) {
        if (str)
            *str = n->v.s.ptr;
        if (len)
            *len = n->v.s.len;
        if (is_string)
            *is_string = 1;
        return 0;
    }
    int64_t v = 0;
    int rc = as_int64(&v, n);
    if (rc == STS_ETYPE)
        return sts__type_error(err, n, path, "an integer or a string");
    if (rc == STS_ERANGE || v < INT32_MIN || v > INT32_MAX)
        return range_error(err, n, path, 32);
    if (ival)
        *ival = (int32_t)v;
    if (is_string)
        *is_string = 0;
    return 0;
}
