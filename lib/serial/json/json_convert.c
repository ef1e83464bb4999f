/* The fast path: json-c's tree to an sts tree in one walk that also reads
 * the source text alongside, because json-c keeps no positions. The text's
 * order of values is a pre-order walk of the tree, so one forward cursor
 * suffices. Anything unexpected (a duplicate key shows up as a key that is
 * not the next one json-c kept) returns STS_JSON_MISMATCH and the decoder
 * falls back to the validating walk. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "json_private.h"

int sts__json_count_node(sts_json_ctx *x)
{
    if (++x->nodes <= x->opts->max_nodes)
        return 0;
    const sts_json_cur *c = &x->c;
    return sts__err_at(x->err, STS_ELIMIT, c->line, sts__json_col(c, c->p),
                       (uint64_t)(c->p - c->base), NULL,
                       "document has more nodes than the limit max_nodes (%llu)",
                       (unsigned long long)x->opts->max_nodes);
}

static int too_long(sts_json_ctx *x, const char *at, size_t len)
{
    const sts_json_cur *c = &x->c;
    return sts__err_at(x->err, STS_ELIMIT, c->line, sts__json_col(c, at),
                       (uint64_t)(at - c->base), NULL,
                       "scalar of %zu bytes exceeds the limit max_scalar_size (%llu bytes)", len,
                       (unsigned long long)x->opts->max_scalar_size);
}

/* Integer text (no '.', 'e') that fits int64, as Go's strconv.ParseInt. */
static bool parse_int64(const char *s, size_t len, int64_t *out)
{
    bool neg = *s == '-';
    size_t i = neg;
    uint64_t v = 0;
    const uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9)
            return false;
        if (v > (limit - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

int sts__json_number_node(sts_json_ctx *x, const char *text, size_t len, double jval,
                          bool have_jval, sts_node **out)
{
    const sts_json_cur *c = &x->c;
    bool integral = !memchr(text, '.', len) && !memchr(text, 'e', len) && !memchr(text, 'E', len);
    int64_t iv;
    sts_node *n;
    if (integral && parse_int64(text, len, &iv)) {
        n = sts__node_alloc(x->arena, STS_NODE_INT);
        if (!n)
            return STS_ENOMEM;
        n->v.i = iv;
        /* only "-0" prints differently from its value */
        if (x->keep_text && len == 2 && text[0] == '-') {
            n->text = sts__arena_strndup(x->arena, text, len);
            if (!n->text)
                return STS_ENOMEM;
            n->text_len = (uint32_t)len;
        }
        *out = n;
        return 0;
    }
    double f = jval;
    if (!have_jval || integral) {
        /* json-c clamps integers beyond 64 bits; read the text as Go does */
        x->scratch.len = 0;
        if (sts_buf_append(&x->scratch, text, len))
            return STS_ENOMEM;
        f = strtod(x->scratch.data, NULL);
    }
    if (isinf(f))
        return sts__err_at(x->err, STS_ERANGE, c->line, sts__json_col(c, text),
                           (uint64_t)(text - c->base), NULL,
                           "cannot unmarshal number %.*s into a float64: value out of range",
                           len > 64 ? 64 : (int)len, text);
    n = sts__node_alloc(x->arena, STS_NODE_FLOAT);
    if (!n)
        return STS_ENOMEM;
    n->v.f = f;
    if (x->keep_text) {
        char buf[40];
        size_t fl = sts__json_fmt_float(buf, f);
        if (fl != len || memcmp(buf, text, len) != 0) {
            if (len > UINT32_MAX)
                return too_long(x, text, len);
            n->text = sts__arena_strndup(x->arena, text, len);
            if (!n->text)
                return STS_ENOMEM;
            n->text_len = (uint32_t)len;
        }
    }
    *out = n;
    return 0;
}

static int literal(sts_json_ctx *x, const char *word, size_t len)
{
    sts_json_cur *c = &x->c;
    if ((size_t)(c->end - c->p) < len || memcmp(c->p, word, len) != 0)
        return STS_JSON_MISMATCH;
    c->p += len;
    return 0;
}

/* Scalars, shared with the careful conversion. c->p is at the value. */
static int convert_scalar(sts_json_ctx *x, json_object *o, json_type t, sts_node **out)
{
    sts_json_cur *c = &x->c;
    const char *p = c->p;
    sts_node *n;
    int rc;
    switch (t) {
    case json_type_null:
        if ((rc = literal(x, "null", 4)))
            return rc;
        n = sts__node_alloc(x->arena, STS_NODE_NULL);
        break;
    case json_type_boolean: {
        int b = json_object_get_boolean(o);
        if ((rc = b ? literal(x, "true", 4) : literal(x, "false", 5)))
            return rc;
        n = sts__node_alloc(x->arena, STS_NODE_BOOL);
        if (n)
            n->v.b = b;
        break;
    }
    case json_type_int:
    case json_type_double: {
        const char *bad, *what;
        if (sts__json_scan_number(c, &bad, &what))
            return STS_JSON_MISMATCH;
        size_t len = (size_t)(c->p - p);
        if (len > x->opts->max_scalar_size)
            return too_long(x, p, len);
        bool dbl = t == json_type_double;
        rc = sts__json_number_node(x, p, len, dbl ? json_object_get_double(o) : 0.0, dbl, &n);
        if (rc)
            return rc;
        break;
    }
    case json_type_string: {
        const char *raw;
        size_t rawlen;
        if (*p != '"' || !sts__json_skip_string(c, &raw, &rawlen))
            return STS_JSON_MISMATCH;
        if (rawlen > x->opts->max_scalar_size)
            return too_long(x, p, rawlen);
        size_t dl = (size_t)json_object_get_string_len(o);
        /* escapes always shrink the text: equal lengths mean raw == decoded */
        const char *dec = dl == rawlen ? NULL : json_object_get_string(o);
        n = sts__node_alloc(x->arena, STS_NODE_STRING);
        if (!n)
            return STS_ENOMEM;
        rc = sts__json_make_string(x, raw, rawlen, dec, dl, &n->v.s.ptr, &n->v.s.len);
        if (rc)
            return rc;
        break;
    }
    default:
        return STS_JSON_MISMATCH;
    }
    if (!n)
        return STS_ENOMEM;
    sts__json_mark(c, n, p);
    *out = n;
    return 0;
}

/* Key at c->p. It is not compared with json-c's key: that costs a cache
 * miss per key, and is not needed, since a duplicate key always leaves the
 * object with more keys in the text than json-c kept, which the caller
 * detects at the closing brace. */
int sts__json_convert_key(sts_json_ctx *x, sts_node **out)
{
    sts_json_cur *c = &x->c;
    const char *kp = c->p, *raw;
    size_t rawlen;
    if (kp >= c->end || *kp != '"' || !sts__json_skip_string(c, &raw, &rawlen))
        return STS_JSON_MISMATCH;
    if (rawlen > x->opts->max_scalar_size)
        return too_long(x, kp, rawlen);
    const char *dec = NULL;
    size_t dl = 0;
    if (memchr(raw, '\\', rawlen)) {
        if (!sts__json_unescape(x, raw, rawlen))
            return STS_JSON_MISMATCH;
        dec = x->scratch.data;
        dl = x->scratch.len;
        /* json-c keys are C strings: it cut this one short; the walk reports it */
        if (memchr(dec, 0, dl))
            return STS_JSON_MISMATCH;
    }
    sts_node *k = sts__node_alloc(x->arena, STS_NODE_STRING);
    if (!k)
        return STS_ENOMEM;
    int rc = sts__json_make_string(x, raw, rawlen, dec, dl, &k->v.s.ptr, &k->v.s.len);
    if (rc)
        return rc;
    sts__json_mark(c, k, kp);
    *out = k;
    return 0;
}

/* Expect byte ch (after whitespace) and step over it. */
static inline bool expect(sts_json_cur *c, char ch)
{
    sts__json_skip_ws(c);
    if (c->p >= c->end || *c->p != ch)
        return false;
    c->p++;
    sts__json_skip_ws(c);
    return true;
}

static int convert_array(sts_json_ctx *x, json_object *o, sts_node *n, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    struct array_list *al = json_object_get_array(o);
    size_t cnt = al->length;
    sts_node **items = NULL;
    if (cnt && !(items = sts__arena_alloc(x->arena, cnt * sizeof *items)))
        return STS_ENOMEM;
    c->p++;
    sts__json_skip_ws(c);
    for (size_t i = 0; i < cnt; i++) {
        if (i && !expect(c, ','))
            return STS_JSON_MISMATCH;
        /* json-c's tree is cold by now: ask for the next element early */
        if (i + 1 < cnt)
            __builtin_prefetch(al->array[i + 1]);
        int rc = sts__json_convert(x, al->array[i], &items[i], depth + 1);
        if (rc)
            return rc;
    }
    if (!expect(c, ']'))
        return STS_JSON_MISMATCH;
    n->v.c.items = items;
    n->v.c.count = n->v.c.cap = cnt;
    return 0;
}

static int convert_object(sts_json_ctx *x, json_object *o, sts_node *n, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    struct lh_table *t = json_object_get_object(o);
    size_t cnt = (size_t)t->count;
    sts_entry *ents = NULL;
    if (cnt && !(ents = sts__arena_alloc(x->arena, cnt * sizeof *ents)))
        return STS_ENOMEM;
    c->p++;
    sts__json_skip_ws(c);
    size_t i = 0;
    for (struct lh_entry *e = t->head; e; e = e->next, i++) {
        if (i && !expect(c, ','))
            return STS_JSON_MISMATCH;
        if (i >= cnt)
            return STS_JSON_MISMATCH;
        if (e->next)
            __builtin_prefetch(e->next);
        __builtin_prefetch(e->v);
        int rc = sts__json_convert_key(x, &ents[i].key);
        if (!rc)
            rc = sts__json_count_node(x);
        if (rc)
            return rc;
        if (!expect(c, ':'))
            return STS_JSON_MISMATCH;
        rc = sts__json_convert(x, (json_object *)e->v, &ents[i].value, depth + 1);
        if (rc)
            return rc;
    }
    /* more keys in the text than json-c kept: a duplicate replaced one */
    if (i != cnt || !expect(c, '}'))
        return STS_JSON_MISMATCH;
    n->v.c.items = ents;
    n->v.c.count = n->v.c.cap = cnt;
    return 0;
}

int sts__json_convert(sts_json_ctx *x, void *jobj, sts_node **out, uint32_t depth)
{
    json_object *o = jobj;
    sts_json_cur *c = &x->c;
    if (c->p >= c->end)
        return STS_JSON_MISMATCH;
    int rc = sts__json_count_node(x);
    if (rc)
        return rc;
    json_type t = json_object_get_type(o);
    if (t != json_type_array && t != json_type_object)
        return convert_scalar(x, o, t, out);
    if (depth >= x->max_depth)
        return STS_JSON_MISMATCH; /* json-c enforces it; the walk reports it */
    bool arr = t == json_type_array;
    if (*c->p != (arr ? '[' : '{'))
        return STS_JSON_MISMATCH;
    sts_node *n = sts__node_alloc(x->arena, arr ? STS_NODE_SEQ : STS_NODE_MAP);
    if (!n)
        return STS_ENOMEM;
    sts__json_mark(c, n, c->p);
    rc = arr ? convert_array(x, o, n, depth) : convert_object(x, o, n, depth);
    if (rc)
        return rc;
    *out = n;
    return 0;
}

/* ---- careful conversion: documents whose objects repeat keys ---------- */

int sts__json_convert_scalar(sts_json_ctx *x, void *jobj, sts_node **out)
{
    json_object *o = jobj;
    return convert_scalar(x, o, json_object_get_type(o), out);
}
