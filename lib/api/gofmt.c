/* Values printed as apimachinery's field.Error prints them: strings with
 * Go's %q, label maps with %#v (keys sorted), and the error list builder. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "api_priv.h"

int sts__go_quote(sts_buf *out, const char *s, size_t len)
{
    int rc = sts__buf_putc(out, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; !rc && i < len;) {
        unsigned char c = p[i];
        size_t k = sts__utf8_seq_len(p + i, len - i);
        if (k == 0) {
            rc = sts__buf_printf(out, "\\x%02x", c);
            i++;
            continue;
        }
        if (k > 1) {
            /* non-ASCII letters are printable for strconv.Quote; the rare
             * non-printable ones (e.g. U+00A0) are written as is [inferred] */
            rc = sts_buf_append(out, s + i, k);
            i += k;
            continue;
        }
        i++;
        switch (c) {
        case '"': rc = sts_buf_append(out, "\\\"", 2); break;
        case '\\': rc = sts_buf_append(out, "\\\\", 2); break;
        case '\a': rc = sts_buf_append(out, "\\a", 2); break;
        case '\b': rc = sts_buf_append(out, "\\b", 2); break;
        case '\f': rc = sts_buf_append(out, "\\f", 2); break;
        case '\n': rc = sts_buf_append(out, "\\n", 2); break;
        case '\r': rc = sts_buf_append(out, "\\r", 2); break;
        case '\t': rc = sts_buf_append(out, "\\t", 2); break;
        case '\v': rc = sts_buf_append(out, "\\v", 2); break;
        default:
            if (c < 0x20 || c == 0x7f)
                rc = sts__buf_printf(out, "\\x%02x", c);
            else
                rc = sts__buf_putc(out, (char)c);
        }
    }
    return rc ? rc : sts__buf_putc(out, '"');
}

typedef struct kv {
    const char *k, *v;
    size_t kl, vl;
} kv;

static int kv_cmp(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    size_t n = x->kl < y->kl ? x->kl : y->kl;
    int c = memcmp(x->k, y->k, n);
    return c ? c : (x->kl > y->kl) - (x->kl < y->kl);
}

int sts__go_string_map(sts_buf *out, const sts_node *map)
{
    if (!map || sts_node_get_type(map) != STS_NODE_MAP)
        return sts__buf_printf(out, "map[string]string(nil)");
    size_t n = sts_node_count(map);
    kv *a = n ? calloc(n, sizeof *a) : NULL;
    if (n && !a)
        return STS_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        kv e = {0};
        if (sts_node_get_string(&e.k, &e.kl, sts_node_map_key_at(map, i)))
            continue;
        e.v = sts__api_scalar(sts_node_map_value_at(map, i), &e.vl);
        if (!e.v)
            e.v = "", e.vl = 0;
        a[m++] = e;
    }
    qsort(a, m, sizeof *a, kv_cmp);
    int rc = sts__buf_printf(out, "map[string]string{");
    for (size_t i = 0; !rc && i < m; i++) {
        if (i)
            rc = sts__buf_printf(out, ", ");
        if (!rc)
            rc = sts__go_quote(out, a[i].k, a[i].kl);
        if (!rc)
            rc = sts__buf_putc(out, ':');
        if (!rc)
            rc = sts__go_quote(out, a[i].v, a[i].vl);
    }
    if (!rc)
        rc = sts__buf_putc(out, '}');
    free(a);
    return rc;
}

/* The source position of the field, or of its nearest ancestor that exists
 * (Go's paths name fields that may be absent, or use `resources[storage]`). */
static const sts_node *position_of(const sts_node *root, const char *path)
{
    size_t len = path ? strlen(path) : 0;
    while (root && len) {
        sts_node *n;
        if (sts_node_find(&n, root, path, len, NULL) == 0 && sts_node_line(n))
            return n;
        while (len && path[len - 1] != '.' && path[len - 1] != '[')
            len--;
        if (len)
            len--;
    }
    return root;
}

void sts__verr(sts__verrs *v, sts_field_error_type type, const char *path, const char *value,
               const char *detail)
{
    if (v->rc)
        return;
    sts_error *e = NULL;
    int rc = sts_error_new_field(&e, type, path, value, detail);
    if (rc) {
        v->rc = rc;
        return;
    }
    const sts_node *at = position_of(v->root, path);
    if (sts_node_line(at))
        sts__error_set_mark(e, sts_node_line(at), sts_node_column(at), sts_node_offset(at));
    sts_error_append(&v->head, e);
    v->count++;
}

void sts__verr_str(sts__verrs *v, sts_field_error_type type, const char *path, const char *s,
                   size_t len, const char *detail)
{
    sts_buf b = STS_BUF_INIT;
    int rc = sts__go_quote(&b, s ? s : "", s ? len : 0);
    if (rc)
        v->rc = v->rc ? v->rc : rc;
    else
        sts__verr(v, type, path, b.data, detail);
    sts_buf_dispose(&b);
}

void sts__verr_int(sts__verrs *v, sts_field_error_type type, const char *path, int64_t value,
                   const char *detail)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)value);
    sts__verr(v, type, path, buf, detail);
}
