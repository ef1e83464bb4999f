/* JSON encoding. KUBECTL style is `kubectl get -o json` byte for byte:
 * Go's json.MarshalIndent with four spaces, keys sorted bytewise. ORIGINAL
 * keeps the tree's key order and the source text of numbers. json-c's
 * printer differs from Go's in escaping and numbers, so this is our own. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_private.h"

typedef struct enc {
    sts_buf *b;
    bool kubectl, compact;
    uint32_t indent;
    sts_error **err;
} enc;

static int newline(enc *e, uint32_t level)
{
    if (e->compact)
        return 0;
    size_t n = (size_t)level * e->indent;
    if (sts_buf_reserve(e->b, n + 1))
        return STS_ENOMEM;
    e->b->data[e->b->len++] = '\n';
    memset(e->b->data + e->b->len, ' ', n);
    e->b->len += n;
    e->b->data[e->b->len] = '\0';
    return 0;
}

static bool is_json_number(const char *s, size_t n)
{
    sts_json_cur c = {s, s, s + n, s, 1};
    const char *bad, *what;
    return sts__json_scan_number(&c, &bad, &what) == 0 && c.p == s + n;
}

/* The source text of a number, when it is JSON and still means the value
 * (a YAML `0777` or a value changed since decoding does not qualify). */
static bool usable_text(const sts_node *n)
{
    if (!n->text || !n->text_len || n->text_len > 512 || !is_json_number(n->text, n->text_len))
        return false;
    char buf[520];
    memcpy(buf, n->text, n->text_len);
    buf[n->text_len] = '\0';
    double f = strtod(buf, NULL);
    if (n->type == STS_NODE_INT) {
        return !strpbrk(buf, ".eE") && f == (double)n->v.i &&
               strtoll(buf, NULL, 10) == n->v.i;
    }
    return f == n->v.f && signbit(f) == signbit(n->v.f);
}

static int cmp_keys(const void *pa, const void *pb)
{
    const sts_node *a = (*(const sts_entry *const *)pa)->key;
    const sts_node *b = (*(const sts_entry *const *)pb)->key;
    size_t n = a->v.s.len < b->v.s.len ? a->v.s.len : b->v.s.len;
    int c = n ? memcmp(a->v.s.ptr, b->v.s.ptr, n) : 0;
    if (c)
        return c;
    return (a->v.s.len > b->v.s.len) - (a->v.s.len < b->v.s.len);
}

static int put_node(enc *e, const sts_node *n, uint32_t level);

static int put_map(enc *e, const sts_node *n, uint32_t level)
{
    size_t cnt = n->v.c.count;
    if (!cnt)
        return sts_buf_append(e->b, "{}", 2);
    const sts_entry *ents = n->v.c.items;
    const sts_entry **order = malloc(cnt * sizeof *order);
    if (!order)
        return STS_ENOMEM;
    for (size_t i = 0; i < cnt; i++)
        order[i] = &ents[i];
    if (e->kubectl)
        qsort(order, cnt, sizeof *order, cmp_keys);
    int rc = sts__buf_putc(e->b, '{');
    for (size_t i = 0; !rc && i < cnt; i++) {
        const sts_node *k = order[i]->key;
        if (i)
            rc = sts__buf_putc(e->b, ',');
        if (!rc)
            rc = newline(e, level + 1);
        if (!rc && (!k || k->type != STS_NODE_STRING))
            rc = sts__err_node(e->err, STS_EINVAL, k, NULL, "map key is not a string");
        if (!rc)
            rc = sts__json_put_string(e->b, k->v.s.ptr, k->v.s.len);
        if (!rc)
            rc = e->compact ? sts__buf_putc(e->b, ':') : sts_buf_append(e->b, ": ", 2);
        if (!rc)
            rc = put_node(e, order[i]->value, level + 1);
    }
    free(order);
    if (!rc)
        rc = newline(e, level);
    return rc ? rc : sts__buf_putc(e->b, '}');
}

static int put_seq(enc *e, const sts_node *n, uint32_t level)
{
    size_t cnt = n->v.c.count;
    if (!cnt)
        return sts_buf_append(e->b, "[]", 2);
    sts_node *const *items = n->v.c.items;
    int rc = sts__buf_putc(e->b, '[');
    for (size_t i = 0; !rc && i < cnt; i++) {
        if (i)
            rc = sts__buf_putc(e->b, ',');
        if (!rc)
            rc = newline(e, level + 1);
        if (!rc)
            rc = put_node(e, items[i], level + 1);
    }
    if (!rc)
        rc = newline(e, level);
    return rc ? rc : sts__buf_putc(e->b, ']');
}

static int put_node(enc *e, const sts_node *n, uint32_t level)
{
    if (!n)
        return sts_buf_append(e->b, "null", 4);
    if (level > STS_JSON_DEPTH_CAP)
        return sts__err_node(e->err, STS_ELIMIT, n, NULL,
                             "nesting deeper than %u levels cannot be encoded", STS_JSON_DEPTH_CAP);
    switch (n->type) {
    case STS_NODE_NULL:
        return sts_buf_append(e->b, "null", 4);
    case STS_NODE_BOOL:
        return n->v.b ? sts_buf_append(e->b, "true", 4) : sts_buf_append(e->b, "false", 5);
    case STS_NODE_INT:
    case STS_NODE_FLOAT:
        if (!e->kubectl && n->text && usable_text(n))
            return sts_buf_append(e->b, n->text, n->text_len);
        if (n->type == STS_NODE_INT)
            return sts__buf_printf(e->b, "%" PRId64, n->v.i);
        if (isnan(n->v.f) || isinf(n->v.f))
            return sts__err_node(e->err, STS_EINVAL, n, NULL, "json: unsupported value: %s",
                                 isnan(n->v.f) ? "NaN" : n->v.f > 0 ? "+Inf" : "-Inf");
        return sts__json_put_float(e->b, n->v.f);
    case STS_NODE_STRING:
        return sts__json_put_string(e->b, n->v.s.ptr, n->v.s.len);
    case STS_NODE_MAP:
        return put_map(e, n, level);
    case STS_NODE_SEQ:
        return put_seq(e, n, level);
    default:
        return sts__err_node(e->err, STS_EINVAL, n, NULL, "unknown node type %u", n->type);
    }
}

/* `kubectl get -o json` of several objects: a v1 List around them. */
static int put_list(enc *e, const sts_node *const *roots, size_t count)
{
    const char *sep = e->compact ? ":" : ": ";
    int rc = sts__buf_putc(e->b, '{');
    if (!rc)
        rc = newline(e, 1);
    if (!rc)
        rc = sts__buf_printf(e->b, "\"apiVersion\"%s\"v1\",", sep);
    if (!rc)
        rc = newline(e, 1);
    if (!rc)
        rc = sts__buf_printf(e->b, "\"items\"%s", sep);
    if (!rc && !count)
        rc = sts_buf_append(e->b, "[]", 2);
    for (size_t i = 0; !rc && i < count; i++) {
        rc = sts__buf_putc(e->b, i ? ',' : '[');
        if (!rc)
            rc = newline(e, 2);
        if (!rc)
            rc = put_node(e, roots[i], 2);
    }
    if (!rc && count && !(rc = newline(e, 1)))
        rc = sts__buf_putc(e->b, ']');
    if (!rc)
        rc = sts__buf_putc(e->b, ',');
    if (!rc)
        rc = newline(e, 1);
    if (!rc)
        rc = sts__buf_printf(e->b, "\"kind\"%s\"List\",", sep);
    if (!rc)
        rc = newline(e, 1);
    if (!rc)
        rc = sts__buf_printf(e->b, "\"metadata\"%s{", sep);
    if (!rc)
        rc = newline(e, 2);
    if (!rc)
        rc = sts__buf_printf(e->b, "\"resourceVersion\"%s\"\"", sep);
    if (!rc)
        rc = newline(e, 1);
    if (!rc)
        rc = sts__buf_putc(e->b, '}');
    if (!rc)
        rc = newline(e, 0);
    if (!rc)
        rc = sts_buf_append(e->b, "}\n", 2);
    return rc;
}

int sts__json_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                     const sts_encode_opts *opts, sts_error **err)
{
    (void)userdata;
    enc e = {out, opts->style == STS_ENCODE_KUBECTL, (opts->flags & STS_ENCODE_COMPACT) != 0,
             opts->indent ? opts->indent : 4, err};
    if (opts->style != STS_ENCODE_KUBECTL && opts->style != STS_ENCODE_ORIGINAL)
        return sts__err(err, STS_EINVAL, "unknown encode style %u", opts->style);
    if (e.indent > 64)
        return sts__err(err, STS_EINVAL, "indent %u is out of range (1-64)", e.indent);
    sts_error *local = NULL;
    e.err = &local;
    int rc = 0;
    if (opts->flags & STS_ENCODE_AS_LIST) {
        rc = put_list(&e, roots, count);
    } else {
        for (size_t i = 0; !rc && i < count; i++) {
            rc = put_node(&e, roots[i], 0);
            if (!rc)
                rc = sts__buf_putc(out, '\n');
        }
    }
    if (rc && !local)
        sts__err(&local, rc, "out of memory");
    if (rc) {
        if (err)
            sts_error_append(err, local);
        else
            sts_error_free(local);
    }
    return rc;
}
