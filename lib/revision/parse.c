/* Read canonical JSON back into a tree: the `data` of a ControllerRevision
 * object. The input is this library's own output, but the reader still
 * checks everything and fails cleanly on anything unexpected. Numbers keep
 * their canonical text (`1e+21`, `123456789012345680`) so encoders can
 * print them exactly as the API server shows them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "revision_priv.h"

typedef struct rd {
    const char *p, *end;
    sts_doc *doc;
    sts_buf tmp;
} rd;

static int value(rd *r, sts_node **out, unsigned depth);

static int hex4(const char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        *v = *v * 16 + (unsigned)d;
    }
    return 0;
}

static int string(rd *r, sts_node **out)
{
    r->p++; /* opening quote */
    r->tmp.len = 0;
    int rc = 0;
    while (!rc) {
        if (r->p >= r->end)
            return STS_EPARSE;
        char c = *r->p++;
        if (c == '"')
            break;
        if ((unsigned char)c < 0x20)
            return STS_EPARSE;
        if (c != '\\') {
            rc = sts__buf_putc(&r->tmp, c);
            continue;
        }
        if (r->p >= r->end)
            return STS_EPARSE;
        char e = *r->p++;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char map[] = "\"\\/\b\f\n\r\t";
            rc = sts__buf_putc(&r->tmp, map[simple - "\"\\/bfnrt"]);
            continue;
        }
        unsigned cp, lo;
        if (e != 'u' || r->end - r->p < 4 || hex4(r->p, &cp))
            return STS_EPARSE;
        r->p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' &&
            r->p[1] == 'u' && !hex4(r->p + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            r->p += 6;
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD; /* a lone surrogate, as Go decodes it */
        }
        rc = sts__utf8_put(&r->tmp, cp);
    }
    if (rc)
        return rc;
    return sts_doc_new_string(out, r->doc, r->tmp.len ? r->tmp.data : "", r->tmp.len);
}

static int number(rd *r, sts_node **out)
{
    const char *s = r->p;
    int integral = 1;
    if (r->p < r->end && *r->p == '-')
        r->p++;
    while (r->p < r->end && strchr("0123456789.eE+-", *r->p) && *r->p) {
        if (*r->p == '.' || *r->p == 'e' || *r->p == 'E')
            integral = 0;
        r->p++;
    }
    size_t len = (size_t)(r->p - s);
    char buf[64];
    if (!len || len >= sizeof buf)
        return STS_EPARSE;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *endp;
    int rc;
    errno = 0;
    if (integral) {
        long long v = strtoll(buf, &endp, 10);
        if (*endp)
            return STS_EPARSE;
        /* "-0" is float64 negative zero in Go; an INT cannot hold it */
        if (errno != ERANGE && !(v == 0 && buf[0] == '-')) {
            rc = sts_doc_new_int(out, r->doc, (int64_t)v);
            goto text;
        }
    }
    double d = strtod(buf, &endp);
    if (*endp || endp == buf)
        return STS_EPARSE;
    rc = sts_doc_new_float(out, r->doc, d);
text:
    return rc ? rc : sts_node_set_text(*out, s, len);
}

static int word(rd *r, const char *w, size_t n)
{
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n))
        return -1;
    r->p += n;
    return 0;
}

static int container(rd *r, sts_node **out, unsigned depth, int is_map)
{
    char close = is_map ? '}' : ']';
    int rc = is_map ? sts_doc_new_map(out, r->doc) : sts_doc_new_seq(out, r->doc);
    r->p++;
    if (!rc && r->p < r->end && *r->p == close) {
        r->p++;
        return 0;
    }
    while (!rc) {
        sts_node *k = NULL, *v;
        if (is_map) {
            if (r->p >= r->end || *r->p != '"')
                return STS_EPARSE;
            rc = string(r, &k);
            if (!rc && (r->p >= r->end || *r->p++ != ':'))
                rc = STS_EPARSE;
        }
        if (!rc)
            rc = value(r, &v, depth + 1);
        if (!rc)
            rc = is_map ? sts_node_map_append(*out, k, v) : sts_node_seq_append(*out, v);
        if (rc)
            break;
        if (r->p >= r->end)
            return STS_EPARSE;
        char c = *r->p++;
        if (c == close)
            return 0;
        if (c != ',')
            return STS_EPARSE;
    }
    return rc;
}

static int value(rd *r, sts_node **out, unsigned depth)
{
    if (depth > STS__REVISION_MAX_DEPTH + 8 || r->p >= r->end)
        return STS_EPARSE;
    switch (*r->p) {
    case '{':
        return container(r, out, depth, 1);
    case '[':
        return container(r, out, depth, 0);
    case '"':
        return string(r, out);
    case 't':
        return word(r, "true", 4) ? STS_EPARSE : sts_doc_new_bool(out, r->doc, 1);
    case 'f':
        return word(r, "false", 5) ? STS_EPARSE : sts_doc_new_bool(out, r->doc, 0);
    case 'n':
        return word(r, "null", 4) ? STS_EPARSE : sts_doc_new_null(out, r->doc);
    default:
        return number(r, out);
    }
}

int sts__revision_parse(sts_node **out, sts_doc *doc, const char *data, size_t len,
                        sts_error **err)
{
    rd r = {data, data + len, doc, STS_BUF_INIT};
    sts_node *n = NULL;
    int rc = value(&r, &n, 0);
    if (!rc && r.p != r.end)
        rc = STS_EPARSE;
    sts_buf_dispose(&r.tmp);
    if (rc == STS_EPARSE)
        return sts__err_at(err, rc, 1, (uint32_t)(r.p - data) + 1, (uint64_t)(r.p - data), "data",
                           "malformed revision data");
    if (rc)
        return sts__err(err, rc, "out of memory");
    *out = n;
    return 0;
}
