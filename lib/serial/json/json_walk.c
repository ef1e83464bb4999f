/* The slow paths, taken only when the fast conversion fell out of step
 * with the text: a validating walk of the text that reports what Go's
 * decoder would reject (and json-c lets through) and duplicate keys; and a
 * conversion that follows the text object by object, for documents with
 * duplicate keys when they are allowed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "json_private.h"

/* ---- a small set of keys for one object -------------------------------- */

typedef struct kslot {
    const char *k;
    size_t len;
    uint32_t a, b; /* validate: line, column of the first; careful: first, last index */
} kslot;

typedef struct keyset {
    kslot *slots;
    size_t cap, n;
} keyset;

static uint64_t khash(const char *k, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    return h;
}

static kslot *ks_find(const keyset *ks, const char *k, size_t len)
{
    if (!ks->cap)
        return NULL;
    for (size_t i = khash(k, len) & (ks->cap - 1);; i = (i + 1) & (ks->cap - 1)) {
        kslot *s = &ks->slots[i];
        if (!s->k)
            return NULL;
        if (s->len == len && memcmp(s->k, k, len) == 0)
            return s;
    }
}

/* Returns the slot for k; *added tells whether it is new. NULL: no memory. */
static kslot *ks_add(keyset *ks, const char *k, size_t len, bool *added)
{
    kslot *s = ks_find(ks, k, len);
    if (s) {
        *added = false;
        return s;
    }
    if ((ks->n + 1) * 2 > ks->cap) {
        size_t cap = ks->cap ? ks->cap * 2 : 16;
        kslot *ns = calloc(cap, sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t i = 0; i < ks->cap; i++) {
            if (!ks->slots[i].k)
                continue;
            size_t j = khash(ks->slots[i].k, ks->slots[i].len) & (cap - 1);
            while (ns[j].k)
                j = (j + 1) & (cap - 1);
            ns[j] = ks->slots[i];
        }
        free(ks->slots);
        ks->slots = ns;
        ks->cap = cap;
    }
    size_t i = khash(k, len) & (ks->cap - 1);
    while (ks->slots[i].k)
        i = (i + 1) & (ks->cap - 1);
    ks->slots[i].k = k ? k : "";
    ks->slots[i].len = len;
    ks->n++;
    *added = true;
    return &ks->slots[i];
}

/* ---- errors -------------------------------------------------------------- */

static int verr(sts_json_ctx *x, int code, const char *at, const char *fmt, ...) STS__PRINTF(4, 5);
static int verr(sts_json_ctx *x, int code, const char *at, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint32_t line, col;
    sts__json_locate(&x->c, at, &line, &col);
    return sts__err_at(x->err, code, line, col, (uint64_t)(at - x->c.base), NULL, "%s", msg);
}

static int bad_char(sts_json_ctx *x, const char *at, const char *context)
{
    if (at >= x->c.end)
        return verr(x, STS_EPARSE, at, "unexpected end of JSON input");
    char q[8];
    return verr(x, STS_EPARSE, at, "invalid character %s %s",
                sts__json_quote_char(q, (unsigned char)*at), context);
}

static int depth_err(sts_json_ctx *x, const char *at)
{
    return verr(x, STS_ELIMIT, at, "nesting depth exceeds the limit max_depth (%u)",
                x->max_depth);
}

/* ---- the validating walk --------------------------------------------------- */

/* String at c->p. With key != NULL, also decode it (into the arena). */
static int walk_string(sts_json_ctx *x, const char **key, size_t *keylen, const char **rawp,
                       size_t *rawlenp)
{
    sts_json_cur *c = &x->c;
    const char *sp = c->p, *raw;
    size_t rawlen;
    if (!sts__json_skip_string(c, &raw, &rawlen))
        return verr(x, STS_EPARSE, c->end, "unexpected end of JSON input");
    const char *ctl = sts__json_find_ctl(raw, rawlen);
    if (ctl)
        return bad_char(x, ctl, "in string literal");
    if (rawlen > x->opts->max_scalar_size)
        return verr(x, STS_ELIMIT, sp,
                    "scalar of %zu bytes exceeds the limit max_scalar_size (%llu bytes)", rawlen,
                    (unsigned long long)x->opts->max_scalar_size);
    if (rawp) {
        *rawp = raw;
        *rawlenp = rawlen;
    }
    if (!key)
        return 0;
    if (!memchr(raw, '\\', rawlen)) {
        *key = raw;
        *keylen = rawlen;
        return 0;
    }
    if (!sts__json_unescape(x, raw, rawlen))
        return verr(x, STS_EPARSE, sp, "invalid escape in string literal");
    if (memchr(x->scratch.data, 0, x->scratch.len))
        return verr(x, STS_EPARSE, sp, "object key contains U+0000, which is not supported");
    char *k = sts__arena_strndup(x->arena, x->scratch.data, x->scratch.len);
    if (!k)
        return STS_ENOMEM;
    *key = k;
    *keylen = x->scratch.len;
    return 0;
}

static int walk_literal(sts_json_ctx *x, const char *word)
{
    sts_json_cur *c = &x->c;
    for (size_t i = 0; word[i]; i++) {
        if (c->p + i >= c->end || c->p[i] != word[i]) {
            char ctx[40];
            snprintf(ctx, sizeof ctx, "in literal %s (expecting '%c')", word, word[i]);
            return bad_char(x, c->p + i, ctx);
        }
    }
    c->p += strlen(word);
    return 0;
}

static int dup_err(sts_json_ctx *x, const char *at, const char *k, size_t len, const kslot *first)
{
    sts_buf q = STS_BUF_INIT;
    if (sts__json_put_string(&q, k, len > 200 ? 200 : len)) {
        sts_buf_dispose(&q);
        return STS_ENOMEM;
    }
    int rc = verr(x, STS_EPARSE, at, "duplicate key %s%s (first at line %u, column %u)", q.data,
                  len > 200 ? "..." : "", first->a, first->b);
    sts_buf_dispose(&q);
    return rc;
}

static int walk_value(sts_json_ctx *x, uint32_t depth);

static int walk_object(sts_json_ctx *x, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    keyset ks = {0};
    int rc = 0;
    c->p++;
    sts__json_skip_ws(c);
    if (c->p < c->end && *c->p == '}') {
        c->p++;
        return 0;
    }
    for (;;) {
        if (c->p >= c->end || *c->p != '"') {
            rc = bad_char(x, c->p, "looking for beginning of object key string");
            break;
        }
        const char *kp = c->p, *k;
        uint32_t kline = c->line, kcol = sts__json_col(c, kp);
        size_t kl;
        if ((rc = walk_string(x, &k, &kl, NULL, NULL)))
            break;
        if (!x->allow_dups) {
            bool added;
            kslot *s = ks_add(&ks, k, kl, &added);
            if (!s) {
                rc = STS_ENOMEM;
                break;
            }
            if (!added) {
                rc = dup_err(x, kp, k, kl, s);
                break;
            }
            s->a = kline;
            s->b = kcol;
        }
        sts__json_skip_ws(c);
        if (c->p >= c->end || *c->p != ':') {
            rc = bad_char(x, c->p, "after object key");
            break;
        }
        c->p++;
        sts__json_skip_ws(c);
        if ((rc = walk_value(x, depth + 1)))
            break;
        sts__json_skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            sts__json_skip_ws(c);
            continue;
        }
        if (c->p < c->end && *c->p == '}') {
            c->p++;
            break;
        }
        rc = bad_char(x, c->p, "after object key:value pair");
        break;
    }
    free(ks.slots);
    return rc;
}

static int walk_array(sts_json_ctx *x, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    c->p++;
    sts__json_skip_ws(c);
    if (c->p < c->end && *c->p == ']') {
        c->p++;
        return 0;
    }
    for (;;) {
        int rc = walk_value(x, depth + 1);
        if (rc)
            return rc;
        sts__json_skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            sts__json_skip_ws(c);
            continue;
        }
        if (c->p < c->end && *c->p == ']') {
            c->p++;
            return 0;
        }
        return bad_char(x, c->p, "after array element");
    }
}

static int walk_value(sts_json_ctx *x, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    if (c->p >= c->end)
        return verr(x, STS_EPARSE, c->p, "unexpected end of JSON input");
    switch (*c->p) {
    case '{':
    case '[':
        if (depth >= x->max_depth)
            return depth_err(x, c->p);
        return *c->p == '{' ? walk_object(x, depth) : walk_array(x, depth);
    case '"':
        return walk_string(x, NULL, NULL, NULL, NULL);
    case 't':
        return walk_literal(x, "true");
    case 'f':
        return walk_literal(x, "false");
    case 'n':
        return walk_literal(x, "null");
    default: {
        const char *bad, *what;
        if (sts__json_scan_number(c, &bad, &what))
            return bad_char(x, bad, what);
        return 0;
    }
    }
}

int sts__json_validate(sts_json_ctx *x, uint32_t depth)
{
    int rc = walk_value(x, depth);
    if (rc)
        return rc;
    sts__json_skip_ws(&x->c);
    if (x->c.p < x->c.end)
        return bad_char(x, x->c.p, "after top-level value");
    return 0;
}

/* ---- careful conversion ---------------------------------------------------- */

typedef struct tentry {
    const char *k, *raw;
    size_t klen, rawlen;
    sts_json_cur kc, vc; /* cursor states at the key and at the value */
} tentry;

static int careful_object(sts_json_ctx *x, json_object *o, sts_node *n, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    tentry *te = NULL;
    size_t nte = 0, cap = 0;
    keyset ks = {0};
    int rc = 0;
    c->p++;
    sts__json_skip_ws(c);
    /* the walk has validated this text: collect its entries */
    while (c->p < c->end && *c->p == '"') {
        if (nte == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            tentry *nt = realloc(te, ncap * sizeof *nt);
            if (!nt) {
                rc = STS_ENOMEM;
                goto out;
            }
            te = nt;
            cap = ncap;
        }
        tentry *t = &te[nte];
        t->kc = *c;
        if ((rc = walk_string(x, &t->k, &t->klen, &t->raw, &t->rawlen)))
            goto out;
        bool added;
        kslot *s = ks_add(&ks, t->k, t->klen, &added);
        if (!s) {
            rc = STS_ENOMEM;
            goto out;
        }
        if (added)
            s->a = (uint32_t)nte;
        s->b = (uint32_t)nte;
        nte++;
        sts__json_skip_ws(c);
        c->p++; /* ':' */
        sts__json_skip_ws(c);
        t->vc = *c;
        if ((rc = walk_value(x, depth + 1)))
            goto out;
        sts__json_skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            sts__json_skip_ws(c);
        }
    }
    if (c->p >= c->end || *c->p != '}') {
        rc = STS_JSON_MISMATCH;
        goto out;
    }
    c->p++;
    sts_json_cur after = *c;
    struct lh_table *tab = json_object_get_object(o);
    size_t cnt = (size_t)tab->count, i = 0;
    sts_entry *ents = cnt ? sts__arena_alloc(x->arena, cnt * sizeof *ents) : NULL;
    if (cnt && !ents) {
        rc = STS_ENOMEM;
        goto out;
    }
    for (struct lh_entry *e = tab->head; e && i < cnt; e = e->next, i++) {
        const char *jk = e->k;
        kslot *s = ks_find(&ks, jk, strlen(jk));
        if (!s) {
            rc = STS_JSON_MISMATCH;
            goto out;
        }
        /* the key keeps its first place, the value is the last one written */
        const tentry *first = &te[s->a], *last = &te[s->b];
        sts_node *k = sts__node_alloc(x->arena, STS_NODE_STRING);
        if (!k) {
            rc = STS_ENOMEM;
            goto out;
        }
        const char *dec = first->k == first->raw ? NULL : first->k;
        if ((rc = sts__json_make_string(x, first->raw, first->rawlen, dec, first->klen,
                                        &k->v.s.ptr, &k->v.s.len)))
            goto out;
        sts__json_mark(&first->kc, k, first->kc.p);
        if ((rc = sts__json_count_node(x)))
            goto out;
        *c = last->vc;
        ents[i].key = k;
        if ((rc = sts__json_convert_careful(x, (json_object *)e->v, &ents[i].value, depth + 1)))
            goto out;
    }
    if (i != cnt) {
        rc = STS_JSON_MISMATCH;
        goto out;
    }
    *c = after;
    n->v.c.items = ents;
    n->v.c.count = n->v.c.cap = cnt;
out:
    free(te);
    free(ks.slots);
    return rc;
}

static int careful_array(sts_json_ctx *x, json_object *o, sts_node *n, uint32_t depth)
{
    sts_json_cur *c = &x->c;
    struct array_list *al = json_object_get_array(o);
    size_t cnt = al->length;
    sts_node **items = cnt ? sts__arena_alloc(x->arena, cnt * sizeof *items) : NULL;
    if (cnt && !items)
        return STS_ENOMEM;
    c->p++;
    for (size_t i = 0; i < cnt; i++) {
        sts__json_skip_ws(c);
        if (i) {
            if (c->p >= c->end || *c->p != ',')
                return STS_JSON_MISMATCH;
            c->p++;
            sts__json_skip_ws(c);
        }
        int rc = sts__json_convert_careful(x, al->array[i], &items[i], depth + 1);
        if (rc)
            return rc;
    }
    sts__json_skip_ws(c);
    if (c->p >= c->end || *c->p != ']')
        return STS_JSON_MISMATCH;
    c->p++;
    n->v.c.items = items;
    n->v.c.count = n->v.c.cap = cnt;
    return 0;
}

int sts__json_convert_careful(sts_json_ctx *x, void *jobj, sts_node **out, uint32_t depth)
{
    json_object *o = jobj;
    sts_json_cur *c = &x->c;
    sts__json_skip_ws(c);
    if (c->p >= c->end)
        return STS_JSON_MISMATCH;
    json_type t = json_object_get_type(o);
    if (t != json_type_array && t != json_type_object) {
        int rc = sts__json_count_node(x);
        return rc ? rc : sts__json_convert_scalar(x, o, out);
    }
    bool arr = t == json_type_array;
    if (*c->p != (arr ? '[' : '{') || depth >= x->max_depth)
        return STS_JSON_MISMATCH;
    int rc = sts__json_count_node(x);
    if (rc)
        return rc;
    sts_node *n = sts__node_alloc(x->arena, arr ? STS_NODE_SEQ : STS_NODE_MAP);
    if (!n)
        return STS_ENOMEM;
    sts__json_mark(c, n, c->p);
    rc = arr ? careful_array(x, o, n, depth) : careful_object(x, o, n, depth);
    if (rc)
        return rc;
    *out = n;
    return 0;
}
