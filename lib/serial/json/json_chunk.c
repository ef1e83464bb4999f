/* Chunked decoding of a large document. json-c would build its tree for
 * the whole text first (about 16x the text's size), and converting that
 * tree afterwards misses the cache on every node. Here the structure of a
 * large container is read off the text, and each member is parsed by
 * json-c on its own and converted at once, then freed: json-c's tree stays
 * small and hot, and its memory is reused member after member. Scalar
 * members need no json-c call at all (json_scalar.c). No separate scan
 * finds where a member ends: json-c does, and it is given one window of
 * text first, so a member too large for it is found out at that cost.
 *
 * Exactness is kept by never deciding anything hard here: on any error or
 * surprise this gives up, and the caller decodes the document whole, as
 * if this path did not exist. A document this walk accepts is one json-c
 * accepts whole, with the same tree, converted by the same code. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "json_private.h"

#define GIVE_UP STS_JSON_MISMATCH

typedef struct walker {
    sts_json_ctx *x;
    json_tokener *tok;
    size_t window;
} walker;

/* A growable array outside the arena: a container's size is known only
 * at its end, when the members are copied into the arena once. */
typedef struct vec {
    void *data;
    size_t n, cap;
} vec;

static void *vec_push(vec *v, size_t elsize)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *d = realloc(v->data, cap * elsize);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    return (char *)v->data + v->n++ * elsize;
}

static void *vec_to_arena(sts_arena *a, const vec *v, size_t elsize)
{
    if (!v->n)
        return NULL;
    void *d = sts__arena_alloc(a, v->n * elsize);
    if (d)
        memcpy(d, v->data, v->n * elsize);
    return d;
}

static int value(walker *w, sts_node **out, uint32_t depth);

/* Skip whitespace, then step over ch if it is next. */
static bool take(sts_json_cur *c, char ch)
{
    sts__json_skip_ws(c);
    if (c->p >= c->end || *c->p != ch)
        return false;
    c->p++;
    sts__json_skip_ws(c);
    return true;
}

static int array_items(walker *w, vec *items, uint32_t depth)
{
    sts_json_cur *c = &w->x->c;
    if (take(c, ']'))
        return 0;
    for (;;) {
        sts_node **slot = vec_push(items, sizeof *slot);
        if (!slot)
            return STS_ENOMEM;
        int rc = value(w, slot, depth + 1);
        if (rc)
            return rc;
        if (take(c, ']'))
            return 0;
        if (!take(c, ','))
            return GIVE_UP;
    }
}

static int cmp_key(const void *a, const void *b)
{
    const sts_node *ka = ((const sts_entry *)a)->key, *kb = ((const sts_entry *)b)->key;
    if (ka->v.s.len != kb->v.s.len)
        return ka->v.s.len < kb->v.s.len ? -1 : 1;
    return memcmp(ka->v.s.ptr, kb->v.s.ptr, ka->v.s.len);
}

/* Repeated keys are left to the whole decoding (error, or last one wins). */
static int check_unique(const vec *ents)
{
    if (ents->n < 2)
        return 0;
    sts_entry *sorted = malloc(ents->n * sizeof *sorted);
    if (!sorted)
        return STS_ENOMEM;
    memcpy(sorted, ents->data, ents->n * sizeof *sorted);
    qsort(sorted, ents->n, sizeof *sorted, cmp_key);
    int rc = 0;
    for (size_t i = 1; i < ents->n && !rc; i++)
        if (cmp_key(&sorted[i - 1], &sorted[i]) == 0)
            rc = GIVE_UP;
    free(sorted);
    return rc;
}

static int object_members(walker *w, vec *ents, uint32_t depth)
{
    sts_json_ctx *x = w->x;
    sts_json_cur *c = &x->c;
    if (take(c, '}'))
        return check_unique(ents);
    for (;;) {
        sts_entry *e = vec_push(ents, sizeof *e);
        if (!e)
            return STS_ENOMEM;
        int rc = sts__json_convert_key(x, &e->key);
        if (!rc)
            rc = sts__json_count_node(x);
        if (rc)
            return rc;
        if (!take(c, ':'))
            return GIVE_UP;
        if ((rc = value(w, &e->value, depth + 1)))
            return rc;
        if (take(c, '}'))
            return check_unique(ents);
        if (!take(c, ','))
            return GIVE_UP;
    }
}

static int container(walker *w, sts_node **out, uint32_t depth)
{
    sts_json_ctx *x = w->x;
    sts_json_cur *c = &x->c;
    bool arr = *c->p == '[';
    if (depth >= x->max_depth)
        return GIVE_UP;
    int rc = sts__json_count_node(x);
    if (rc)
        return rc;
    sts_node *n = sts__node_alloc(x->arena, arr ? STS_NODE_SEQ : STS_NODE_MAP);
    if (!n)
        return STS_ENOMEM;
    sts__json_mark(c, n, c->p);
    c->p++;
    vec v = {0};
    size_t elsize = arr ? sizeof(sts_node *) : sizeof(sts_entry);
    rc = arr ? array_items(w, &v, depth) : object_members(w, &v, depth);
    if (!rc && v.n && !(n->v.c.items = vec_to_arena(x->arena, &v, elsize)))
        rc = STS_ENOMEM;
    n->v.c.count = n->v.c.cap = v.n;
    free(v.data);
    if (rc)
        return rc;
    *out = n;
    return 0;
}

/* The value at c->p: json-c parses it (within the window when it is a
 * container that may be walked in turn), then it is converted at once. */
static int value(walker *w, sts_node **out, uint32_t depth)
{
    sts_json_ctx *x = w->x;
    sts_json_cur *c = &x->c;
    if (c->p >= c->end)
        return GIVE_UP;
    bool open = *c->p == '{' || *c->p == '[';
    if (!open) {
        int rc = sts__json_text_scalar(x, out);
        if (rc != STS_JSON_NEED_JSONC)
            return rc;
    }
    size_t window = open && depth < STS_JSON_CHUNK_DEPTH ? w->window : SIZE_MAX;
    sts_json_parsed r;
    sts__json_parse(w->tok, c->p, (size_t)(c->end - c->p), window, &r);
    if (r.big)
        return container(w, out, depth);
    if (!r.ok)
        return GIVE_UP;
    const char *end = c->end;
    c->end = c->p + r.consumed;
    int rc = sts__json_convert(x, r.obj, out, depth);
    if (!rc) {
        sts__json_skip_ws(c);
        if (c->p != c->end)
            rc = GIVE_UP;
    }
    c->end = end;
    json_object_put(r.obj);
    return rc;
}

int sts__json_convert_chunked(sts_json_ctx *x, struct json_tokener *tok, size_t window,
                              sts_node **out)
{
    walker w = {x, tok, window};
    sts_error **err = x->err;
    x->err = NULL; /* the whole decoding reports errors, exactly */
    int rc = container(&w, out, 0);
    x->err = err;
    return rc;
}
