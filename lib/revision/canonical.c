/* Canonical JSON: what the controller's getPatch produces for a value.
 *
 * The controller marshals the typed object, decodes it into a generic map
 * and marshals that again, so the bytes follow encoding/json's rules for
 * map[string]interface{} after a decode:
 * - every string went through Go's decoder, which replaces each invalid
 *   UTF-8 byte by U+FFFD; the second Marshal then writes that character
 *   raw (the `\ufffd` escape of Marshal itself never survives the round trip);
 * - map keys are those decoded strings, sorted bytewise; equal keys collapse
 *   and the later one wins, as when decoding into a map;
 * - numbers are float64 (gofloat.c);
 * - escaping with HTML escaping on, `\b` `\f` short forms (Go >= 1.22, all
 *   Kubernetes releases this library knows). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "revision_priv.h"


/* The string as Go holds it after decoding: invalid bytes become U+FFFD.
 * Returns the input itself when it is valid (the common case), otherwise a
 * malloc'ed copy in *tmp. */
static const char *sanitize(const char *s, size_t len, size_t *outlen, char **tmp)
{
    *tmp = NULL;
    size_t i = 0, bad = 0;
    while (i < len) {
        size_t k = sts__utf8_seq_len((const unsigned char *)s + i, len - i);
        if (!k) {
            bad++;
            k = 1;
        }
        i += k;
    }
    *outlen = len;
    if (!bad)
        return s;
    char *o = malloc(len + 2 * bad + 1);
    if (!o)
        return NULL;
    size_t j = 0;
    for (i = 0; i < len;) {
        size_t k = sts__utf8_seq_len((const unsigned char *)s + i, len - i);
        if (k) {
            memcpy(o + j, s + i, k);
            j += k;
            i += k;
        } else {
            memcpy(o + j, "\xEF\xBF\xBD", 3);
            j += 3;
            i++;
        }
    }
    o[j] = '\0';
    *outlen = j;
    *tmp = o;
    return o;
}

typedef struct key_ent {
    const char *key; /* sanitized */
    size_t len;
    char *owned;     /* malloc'ed sanitized copy, or NULL */
    size_t index;    /* position in the map, for "later wins" */
    const sts_node *value;
} key_ent;

static int cmp_keys(const void *pa, const void *pb)
{
    const key_ent *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->key, b->key, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct enc {
    sts_buf *out;
    const sts_node *bad; /* node that could not be written */
    int code;
} enc;

static int fail(enc *e, int code, const sts_node *n)
{
    e->bad = n;
    e->code = code;
    return code;
}

static int put_value(enc *e, const sts_node *n, unsigned depth);

static int put_map(enc *e, const sts_node *n, const sts_node *extra_key,
                   const sts_node *extra_value, unsigned depth)
{
    size_t count = n ? n->v.c.count : 0;
    size_t total = count + (extra_key ? 1 : 0);
    if (!total)
        return sts__buf_puts(e->out, "{}", 2);
    key_ent *ents = calloc(total, sizeof *ents);
    if (!ents)
        return fail(e, STS_ENOMEM, n);
    const sts_entry *items = n ? n->v.c.items : NULL;
    int rc = 0;
    for (size_t i = 0; i < total; i++) {
        const sts_node *k = i < count ? items[i].key : extra_key;
        const char *ks = "";
        size_t klen = 0;
        if (k && k->type == STS_NODE_STRING) {
            ks = k->v.s.ptr;
            klen = k->v.s.len;
        }
        ents[i].key = sanitize(ks, klen, &ents[i].len, &ents[i].owned);
        ents[i].index = i;
        ents[i].value = i < count ? items[i].value : extra_value;
        if (!ents[i].key) {
            rc = fail(e, STS_ENOMEM, n);
            break;
        }
    }
    if (!rc) {
        qsort(ents, total, sizeof *ents, cmp_keys);
        rc = sts__buf_putc(e->out, '{');
    }
    int first = 1;
    for (size_t i = 0; !rc && i < total; i++) {
        /* decoding into a Go map keeps the last of equal keys */
        if (i + 1 < total && ents[i + 1].len == ents[i].len &&
            !memcmp(ents[i + 1].key, ents[i].key, ents[i].len))
            continue;
        if (!first)
            rc = sts__buf_putc(e->out, ',');
        first = 0;
        if (!rc)
            rc = sts__json_put_string(e->out, ents[i].key, ents[i].len);
        if (!rc)
            rc = sts__buf_putc(e->out, ':');
        if (!rc)
            rc = put_value(e, ents[i].value, depth + 1);
    }
    if (!rc)
        rc = sts__buf_putc(e->out, '}');
    for (size_t i = 0; i < total; i++)
        free(ents[i].owned);
    free(ents);
    return rc;
}

static int put_seq(enc *e, const sts_node *n, unsigned depth)
{
    int rc = sts__buf_putc(e->out, '[');
    sts_node *const *items = n->v.c.items;
    for (size_t i = 0; !rc && i < n->v.c.count; i++) {
        if (i)
            rc = sts__buf_putc(e->out, ',');
        if (!rc)
            rc = put_value(e, items[i], depth + 1);
    }
    if (!rc)
        rc = sts__buf_putc(e->out, ']');
    return rc;
}

static int put_value(enc *e, const sts_node *n, unsigned depth)
{
    if (depth > STS__REVISION_MAX_DEPTH)
        return fail(e, STS_ELIMIT, n);
    if (!n)
        return sts__buf_puts(e->out, "null", 4);
    switch ((sts_node_type)n->type) {
    case STS_NODE_NULL:
        return sts__buf_puts(e->out, "null", 4);
    case STS_NODE_BOOL:
        return n->v.b ? sts__buf_puts(e->out, "true", 4) : sts__buf_puts(e->out, "false", 5);
    case STS_NODE_INT:
    case STS_NODE_FLOAT: {
        double x = n->type == STS_NODE_INT ? (double)n->v.i : n->v.f;
        if (isnan(x) || isinf(x))
            return fail(e, STS_ERANGE, n);
        char num[STS__GO_FLOAT_MAX];
        size_t len = sts__go_float(num, x);
        return sts__buf_puts(e->out, num, len);
    }
    case STS_NODE_STRING: {
        char *tmp;
        size_t len;
        const char *s = sanitize(n->v.s.ptr, n->v.s.len, &len, &tmp);
        if (!s)
            return fail(e, STS_ENOMEM, n);
        int rc = sts__json_put_string(e->out, s, len);
        free(tmp);
        return rc;
    }
    case STS_NODE_MAP:
        return put_map(e, n, NULL, NULL, depth);
    case STS_NODE_SEQ:
        return put_seq(e, n, depth);
    default:
        return fail(e, STS_EINVAL, n);
    }
}

/* Turn a failure into an error object with the failing node's field path
 * below @root, prefixed with @prefix ("spec.template"). */
static int report(const enc *e, int rc, const sts_node *root, const char *prefix, sts_error **err)
{
    if (rc == STS_ENOMEM || (!e->code && rc))
        return sts__err(err, rc, "out of memory");
    if (e->code == STS_ELIMIT)
        return sts__err_node(err, STS_ELIMIT, e->bad, prefix,
                             "nesting deeper than %u levels", STS__REVISION_MAX_DEPTH);
    sts_buf rel = STS_BUF_INIT, path = STS_BUF_INIT;
    if (e->bad && root && sts_node_path(&rel, root, e->bad) == 0) {
        if (prefix && *prefix)
            sts__buf_puts(&path, prefix, strlen(prefix));
        if (rel.len) {
            if (path.len && rel.data[0] != '[')
                sts__buf_putc(&path, '.');
            sts__buf_puts(&path, rel.data, rel.len);
        }
    }
    const char *p = path.len ? path.data : (prefix ? prefix : "");
    if (e->code == STS_ERANGE) {
        double x = e->bad->type == STS_NODE_FLOAT ? e->bad->v.f : 0;
        rc = sts__err_node(err, STS_ERANGE, e->bad, p,
                           "json: unsupported value: %s (JSON has no NaN or infinity)",
                           isnan(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf");
    } else {
        rc = sts__err_node(err, e->code, e->bad, p, "unknown node type");
    }
    sts_buf_dispose(&rel);
    sts_buf_dispose(&path);
    return rc;
}

static void truncate_to(sts_buf *out, size_t len)
{
    out->len = len;
    if (out->data)
        out->data[len] = '\0';
}

int sts_revision_canonical_json(sts_buf *out, const sts_node *value, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "output buffer is NULL");
    enc e = {out, NULL, 0};
    size_t mark = out->len;
    int rc = put_value(&e, value, 0);
    if (rc) {
        truncate_to(out, mark);
        return report(&e, rc, value, "", err);
    }
    return 0;
}

int sts__revision_wrap_template(sts_buf *out, const sts_node *tmpl, sts_error **err)
{
    /* "$patch":"replace" is one more key of the template map; like Go's
     * tmpl["$patch"] = "replace" it replaces a "$patch" the template has. */
    sts_node key, value;
    memset(&key, 0, sizeof key);
    memset(&value, 0, sizeof value);
    key.type = value.type = STS_NODE_STRING;
    key.v.s.ptr = "$patch";
    key.v.s.len = 6;
    value.v.s.ptr = "replace";
    value.v.s.len = 7;
    enc e = {out, NULL, 0};
    size_t mark = out->len;
    int rc = sts__buf_puts(out, "{\"spec\":{\"template\":", 20);
    if (!rc)
        rc = put_map(&e, tmpl, &key, &value, 2);
    if (!rc)
        rc = sts__buf_puts(out, "}}", 2);
    if (rc) {
        truncate_to(out, mark);
        return report(&e, rc, tmpl, "spec.template", err);
    }
    return 0;
}

int sts_revision_template_bytes(sts_buf *out, const sts_node *tmpl, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "output buffer is NULL");
    if (sts_node_get_type(tmpl) != STS_NODE_MAP)
        return sts__err_node(err, STS_ETYPE, tmpl, "spec.template",
                             "expected a map, found %s",
                             tmpl ? sts_node_type_name(sts_node_get_type(tmpl)) : "nothing");
    return sts__revision_wrap_template(out, tmpl, err);
}
