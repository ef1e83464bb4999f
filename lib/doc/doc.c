/* Documents (an arena plus a root) and lists of documents. */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

sts_doc *sts__doc_new_in(sts_arena *a, sts_node *root)
{
    sts_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    sts__arena_ref(a);
    d->arena = a;
    d->root = root;
    return d;
}

int sts_doc_new(sts_doc **out)
{
    if (!out)
        return STS_EINVAL;
    sts_arena *a = sts__arena_new();
    if (!a)
        return STS_ENOMEM;
    sts_doc *d = sts__doc_new_in(a, NULL);
    sts__arena_unref(a);
    if (!d)
        return STS_ENOMEM;
    *out = d;
    return 0;
}

void sts_doc_free(sts_doc *doc)
{
    if (!doc)
        return;
    sts__arena_unref(doc->arena);
    free(doc);
}

sts_arena *sts__doc_arena(const sts_doc *doc)
{
    return doc->arena;
}

sts_node *sts_doc_root(const sts_doc *doc)
{
    return doc ? doc->root : NULL;
}

int sts_doc_set_root(sts_doc *doc, sts_node *root)
{
    if (!doc || (root && root->arena != doc->arena))
        return STS_EINVAL;
    doc->root = root;
    return 0;
}

int sts_doc_new_view(sts_doc **out, sts_doc *doc, sts_node *root)
{
    if (!out || !doc || !root || root->arena != doc->arena)
        return STS_EINVAL;
    sts_doc *d = sts__doc_new_in(doc->arena, root);
    if (!d)
        return STS_ENOMEM;
    *out = d;
    return 0;
}

/* Recursion depth is bounded by the source documents' depth limit. */
static sts_node *copy_node(sts_arena *a, const sts_node *src)
{
    sts_node *n = sts__node_alloc(a, (sts_node_type)src->type);
    if (!n)
        return NULL;
    n->style = src->style;
    n->flags = src->flags;
    n->line = src->line;
    n->column = src->column;
    n->offset = src->offset;
    if (src->text) {
        n->text = sts__arena_strndup(a, src->text, src->text_len);
        if (!n->text)
            return NULL;
        n->text_len = src->text_len;
    }
    switch (src->type) {
    case STS_NODE_STRING:
        n->v.s.ptr = sts__arena_strndup(a, src->v.s.ptr, src->v.s.len);
        if (!n->v.s.ptr)
            return NULL;
        n->v.s.len = src->v.s.len;
        break;
    case STS_NODE_MAP: {
        size_t count = src->v.c.count;
        sts_entry *e = count ? sts__arena_alloc(a, count * sizeof *e) : NULL;
        if (count && !e)
            return NULL;
        const sts_entry *se = src->v.c.items;
        for (size_t i = 0; i < count; i++) {
            e[i].key = copy_node(a, se[i].key);
            e[i].value = copy_node(a, se[i].value);
            if (!e[i].key || !e[i].value)
                return NULL;
        }
        n->v.c.items = e;
        n->v.c.count = n->v.c.cap = count;
        break;
    }
    case STS_NODE_SEQ: {
        size_t count = src->v.c.count;
        sts_node **it = count ? sts__arena_alloc(a, count * sizeof *it) : NULL;
        if (count && !it)
            return NULL;
        sts_node *const *si = src->v.c.items;
        for (size_t i = 0; i < count; i++)
            if (!(it[i] = copy_node(a, si[i])))
                return NULL;
        n->v.c.items = it;
        n->v.c.count = n->v.c.cap = count;
        break;
    }
    default:
        n->v = src->v;
    }
    return n;
}

int sts_doc_copy_node(sts_node **out, sts_doc *doc, const sts_node *src)
{
    if (!out || !doc || !src)
        return STS_EINVAL;
    sts_node *n = copy_node(doc->arena, src);
    if (!n)
        return STS_ENOMEM;
    *out = n;
    return 0;
}

int sts_node_equal(const sts_node *a, const sts_node *b)
{
    if (!a || !b)
        return a == b;
    if ((a->type == STS_NODE_INT || a->type == STS_NODE_FLOAT) &&
        (b->type == STS_NODE_INT || b->type == STS_NODE_FLOAT)) {
        if (a->type == STS_NODE_INT && b->type == STS_NODE_INT)
            return a->v.i == b->v.i;
        double x, y;
        sts_node_get_float(&x, a);
        sts_node_get_float(&y, b);
        return x == y;
    }
    if (a->type != b->type)
        return 0;
    switch (a->type) {
    case STS_NODE_NULL:
        return 1;
    case STS_NODE_BOOL:
        return a->v.b == b->v.b;
    case STS_NODE_STRING:
        return a->v.s.len == b->v.s.len && memcmp(a->v.s.ptr, b->v.s.ptr, a->v.s.len) == 0;
    case STS_NODE_SEQ:
        if (a->v.c.count != b->v.c.count)
            return 0;
        for (size_t i = 0; i < a->v.c.count; i++)
            if (!sts_node_equal(sts_node_seq_at(a, i), sts_node_seq_at(b, i)))
                return 0;
        return 1;
    case STS_NODE_MAP:
        if (a->v.c.count != b->v.c.count)
            return 0;
        for (size_t i = 0; i < a->v.c.count; i++) {
            const sts_entry *e = &((const sts_entry *)a->v.c.items)[i];
            const sts_node *other = sts_node_map_get(b, e->key->v.s.ptr, e->key->v.s.len);
            if (!other || !sts_node_equal(e->value, other))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* ---- doclist ---- */

struct sts_doclist {
    sts_doc **docs;
    size_t count, cap;
    sts__doc_hook hook; /* called on every document taken (internal) */
    void *hook_ctx;
};

void sts__doclist_set_hook(sts_doclist *list, sts__doc_hook hook, void *ctx)
{
    list->hook = hook;
    list->hook_ctx = ctx;
}

int sts_doclist_new(sts_doclist **out)
{
    if (!out)
        return STS_EINVAL;
    *out = calloc(1, sizeof **out);
    return *out ? 0 : STS_ENOMEM;
}

void sts_doclist_free(sts_doclist *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        sts_doc_free(list->docs[i]);
    free(list->docs);
    free(list);
}

size_t sts_doclist_count(const sts_doclist *list)
{
    return list ? list->count : 0;
}

sts_doc *sts_doclist_at(const sts_doclist *list, size_t i)
{
    return list && i < list->count ? list->docs[i] : NULL;
}

int sts_doclist_take(sts_doclist *list, sts_doc *doc)
{
    if (!list || !doc) {
        sts_doc_free(doc);
        return STS_EINVAL;
    }
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        sts_doc **p = realloc(list->docs, cap * sizeof *p);
        if (!p) {
            sts_doc_free(doc);
            return STS_ENOMEM;
        }
        list->docs = p;
        list->cap = cap;
    }
    list->docs[list->count++] = doc;
    if (list->hook)
        list->hook(list->hook_ctx, doc);
    return 0;
}

int sts_doclist_steal(sts_doc **out, sts_doclist *list, size_t i)
{
    if (!out || !list || i >= list->count)
        return STS_EINVAL;
    *out = list->docs[i];
    memmove(list->docs + i, list->docs + i + 1, (list->count - i - 1) * sizeof *list->docs);
    list->count--;
    return 0;
}

int sts__doclist_take_all(sts_doclist *dst, sts_doclist *src)
{
    if (!src->count)
        return 0;
    if (dst->count + src->count > dst->cap) {
        size_t cap = dst->count + src->count;
        sts_doc **p = realloc(dst->docs, cap * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        dst->docs = p;
        dst->cap = cap;
    }
    memcpy(dst->docs + dst->count, src->docs, src->count * sizeof *src->docs);
    dst->count += src->count;
    src->count = 0;
    return 0;
}
