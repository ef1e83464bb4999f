/* JSON scalars and path keys of the flat format, in both directions. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flat.h"

static int put(sts_buf *out, const char *s)
{
    return sts_buf_append(out, s, strlen(s));
}

int flat_put_json_string(sts_buf *out, const char *s, size_t len)
{
    int rc = sts_buf_append(out, "\"", 1);
    size_t run = 0; /* bytes that need no escaping are copied in runs */
    for (size_t i = 0; !rc && i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *esc = NULL;
        char hex[8];
        switch (ch) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (ch < 0x20 || ch == 0x7f) {
                snprintf(hex, sizeof hex, "\\u%04x", ch);
                esc = hex;
            }
        }
        if (!esc)
            continue;
        rc = sts_buf_append(out, s + run, i - run);
        if (!rc)
            rc = put(out, esc);
        run = i + 1;
    }
    if (!rc)
        rc = sts_buf_append(out, s + run, len - run);
    return rc ? rc : sts_buf_append(out, "\"", 1);
}

/* Keys that can stand bare in a path: no path syntax, nothing that would
 * make the `path = value` split or a `---` line ambiguous. */
static int bare_key(const char *k, size_t len)
{
    if (len == 0 || k[0] == '#' || k[0] == '-')
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)k[i];
        if (ch <= ' ' || ch == 0x7f || ch == '.' || ch == '[' || ch == ']' || ch == '"' ||
            ch == '\'' || ch == '=' || ch == '\\')
            return 0;
    }
    return 1;
}

int flat_put_key(sts_buf *out, const char *key, size_t len, int first)
{
    if (!bare_key(key, len)) {
        int rc = sts_buf_append(out, "[", 1);
        if (!rc)
            rc = flat_put_json_string(out, key, len);
        return rc ? rc : sts_buf_append(out, "]", 1);
    }
    if (!first && sts_buf_append(out, ".", 1))
        return STS_ENOMEM;
    return sts_buf_append(out, key, len);
}

/* Shortest text that reads back as the same double, always with a `.`
 * or exponent so that it decodes as a float again. */
static int put_float(sts_buf *out, double v)
{
    if (isnan(v))
        return put(out, "NaN");
    if (isinf(v))
        return put(out, v < 0 ? "-Infinity" : "Infinity");
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    if (!strpbrk(tmp, ".e"))
        strcat(tmp, ".0");
    return put(out, tmp);
}

int flat_put_scalar(sts_buf *out, const sts_node *node)
{
    char tmp[32];
    switch (sts_node_get_type(node)) {
    case STS_NODE_NULL:
        return put(out, "null");
    case STS_NODE_BOOL: {
        int b = 0;
        sts_node_get_bool(&b, node);
        return put(out, b ? "true" : "false");
    }
    case STS_NODE_INT: {
        int64_t i = 0;
        sts_node_get_int(&i, node);
        snprintf(tmp, sizeof tmp, "%" PRId64, i);
        return put(out, tmp);
    }
    case STS_NODE_FLOAT: {
        double d = 0;
        sts_node_get_float(&d, node);
        return put_float(out, d);
    }
    case STS_NODE_STRING: {
        const char *s = "";
        size_t len = 0;
        sts_node_get_string(&s, &len, node);
        return flat_put_json_string(out, s, len);
    }
    case STS_NODE_MAP:
        return put(out, "{}");
    case STS_NODE_SEQ:
        return put(out, "[]");
    default:
        return STS_EINVAL;
    }
}

/* ---- parsing ------------------------------------------------------------- */

static int hexval(const char *p, const char *end, uint32_t *out)
{
    if (end - p < 4)
        return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char ch = p[i];
        v <<= 4;
        if (ch >= '0' && ch <= '9')
            v |= (uint32_t)(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v |= (uint32_t)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F')
            v |= (uint32_t)(ch - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static int put_utf8(sts_buf *out, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    return sts_buf_append(out, b, n);
}

/* \uXXXX, with a following low surrogate when the first is a high one. */
static int parse_unicode(flat_cursor *c, sts_buf *out, const char **why)
{
    uint32_t cp, lo;
    if (hexval(c->p, c->end, &cp)) {
        *why = "\\u needs four hex digits";
        return STS_EPARSE;
    }
    c->p += 4;
    if (cp >= 0xdc00 && cp <= 0xdfff) {
        *why = "unpaired low surrogate in \\u escape";
        return STS_EPARSE;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) {
        if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u' ||
            hexval(c->p + 2, c->end, &lo) || lo < 0xdc00 || lo > 0xdfff) {
            *why = "unpaired high surrogate in \\u escape";
            return STS_EPARSE;
        }
        c->p += 6;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
    }
    return put_utf8(out, cp);
}

int flat_parse_json_string(flat_cursor *c, sts_buf *out, uint64_t max_len, const char **why)
{
    c->p++; /* opening quote */
    while (c->p < c->end && *c->p != '"') {
        if (out->len > max_len) {
            *why = "string exceeds the limit max_scalar_size";
            return STS_ELIMIT;
        }
        unsigned char ch = (unsigned char)*c->p;
        if (ch < 0x20) {
            *why = "control character in string (escape it)";
            return STS_EPARSE;
        }
        if (ch != '\\') {
            const char *run = c->p;
            while (c->p < c->end && *c->p != '"' && *c->p != '\\' &&
                   (unsigned char)*c->p >= 0x20)
                c->p++;
            if (sts_buf_append(out, run, (size_t)(c->p - run)))
                return STS_ENOMEM;
            continue;
        }
        if (++c->p >= c->end)
            break;
        char e = *c->p++;
        const char *lit = NULL;
        switch (e) {
        case '"': lit = "\""; break;
        case '\\': lit = "\\"; break;
        case '/': lit = "/"; break;
        case 'b': lit = "\b"; break;
        case 'f': lit = "\f"; break;
        case 'n': lit = "\n"; break;
        case 'r': lit = "\r"; break;
        case 't': lit = "\t"; break;
        case 'u': {
            int rc = parse_unicode(c, out, why);
            if (rc)
                return rc;
            continue;
        }
        default:
            c->p--;
            *why = "unknown escape in string";
            return STS_EPARSE;
        }
        if (sts_buf_append(out, lit, 1))
            return STS_ENOMEM;
    }
    if (c->p >= c->end) {
        *why = "unterminated string";
        return STS_EPARSE;
    }
    if (out->len > max_len) {
        *why = "string exceeds the limit max_scalar_size";
        return STS_ELIMIT;
    }
    c->p++; /* closing quote */
    /* a NUL-terminated, non-NULL buffer even for "" */
    return sts_buf_reserve(out, 1) ? STS_ENOMEM : 0;
}

static int word(flat_cursor *c, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0)
        return 0;
    c->p += n;
    return 1;
}

static void skip_blank(flat_cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
}

/* JSON number grammar; integers that do not fit int64 become floats, as
 * Kubernetes reads them. */
static int parse_number(flat_cursor *c, sts_doc *doc, sts_node **out, const char **why)
{
    const char *s = c->p, *q = s;
    int is_float = 0;
    if (q < c->end && *q == '-')
        q++;
    if (q >= c->end || *q < '0' || *q > '9') {
        *why = "expected a JSON value";
        return STS_EPARSE;
    }
    if (*q == '0' && q + 1 < c->end && q[1] >= '0' && q[1] <= '9') {
        c->p = q + 1;
        *why = "leading zeros are not allowed in JSON numbers";
        return STS_EPARSE;
    }
    while (q < c->end && *q >= '0' && *q <= '9')
        q++;
    if (q < c->end && *q == '.') {
        is_float = 1;
        q++;
        if (q >= c->end || *q < '0' || *q > '9') {
            c->p = q;
            *why = "expected a digit after the decimal point";
            return STS_EPARSE;
        }
        while (q < c->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < c->end && (*q == 'e' || *q == 'E')) {
        is_float = 1;
        q++;
        if (q < c->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= c->end || *q < '0' || *q > '9') {
            c->p = q;
            *why = "expected a digit in the exponent";
            return STS_EPARSE;
        }
        while (q < c->end && *q >= '0' && *q <= '9')
            q++;
    }
    size_t n = (size_t)(q - s);
    char tmp[128];
    if (n >= sizeof tmp) {
        *why = "number too long";
        return STS_EPARSE;
    }
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    c->p = q;
    if (!is_float) {
        errno = 0;
        long long v = strtoll(tmp, NULL, 10);
        if (errno != ERANGE)
            return sts_doc_new_int(out, doc, (int64_t)v);
    }
    return sts_doc_new_float(out, doc, strtod(tmp, NULL));
}

int flat_parse_value(flat_cursor *c, sts_doc *doc, sts_node **out, uint64_t max_len,
                     const char **why)
{
    if (c->p >= c->end) {
        *why = "missing value after '='";
        return STS_EPARSE;
    }
    switch (*c->p) {
    case '"': {
        sts_buf b = STS_BUF_INIT;
        int rc = flat_parse_json_string(c, &b, max_len, why);
        if (!rc)
            rc = sts_doc_new_string(out, doc, b.data, b.len);
        sts_buf_dispose(&b);
        return rc;
    }
    case '{':
    case '[': {
        char close = *c->p == '{' ? '}' : ']';
        int is_map = *c->p == '{';
        c->p++;
        skip_blank(c);
        if (c->p >= c->end || *c->p != close) {
            *why = "only an empty {} or [] can be a value: write one line per leaf";
            return STS_EPARSE;
        }
        c->p++;
        return is_map ? sts_doc_new_map(out, doc) : sts_doc_new_seq(out, doc);
    }
    default:
        break;
    }
    if (word(c, "true"))
        return sts_doc_new_bool(out, doc, 1);
    if (word(c, "false"))
        return sts_doc_new_bool(out, doc, 0);
    if (word(c, "null"))
        return sts_doc_new_null(out, doc);
    if (word(c, "NaN"))
        return sts_doc_new_float(out, doc, NAN);
    if (word(c, "Infinity"))
        return sts_doc_new_float(out, doc, INFINITY);
    if (word(c, "-Infinity"))
        return sts_doc_new_float(out, doc, -INFINITY);
    return parse_number(c, doc, out, why);
}
