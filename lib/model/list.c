/* Lists of objects, loading (decode + wrap + type check) and dumping. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model_priv.h"

struct sts_object_list {
    sts_object **items;
    size_t count, cap;
};

int sts_object_list_new(sts_object_list **out)
{
    if (!out)
        return STS_EINVAL;
    *out = calloc(1, sizeof **out);
    return *out ? 0 : STS_ENOMEM;
}

void sts_object_list_free(sts_object_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        sts_object_free(list->items[i]);
    free(list->items);
    free(list);
}

size_t sts_object_list_count(const sts_object_list *list)
{
    return list ? list->count : 0;
}

sts_object *sts_object_list_at(const sts_object_list *list, size_t i)
{
    return list && i < list->count ? list->items[i] : NULL;
}

static int reserve(sts_object_list *list, size_t extra)
{
    if (extra > SIZE_MAX / sizeof *list->items - list->count)
        return STS_ENOMEM;
    size_t need = list->count + extra;
    if (need <= list->cap)
        return 0;
    size_t cap = list->cap ? list->cap : 8;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 / sizeof *list->items ? need : cap * 2;
    sts_object **p = realloc(list->items, cap * sizeof *p);
    if (!p)
        return STS_ENOMEM;
    list->items = p;
    list->cap = cap;
    return 0;
}

int sts_object_list_take(sts_object_list *list, sts_object *obj)
{
    if (!list || !obj || reserve(list, 1)) {
        sts_object_free(obj);
        return !list || !obj ? STS_EINVAL : STS_ENOMEM;
    }
    list->items[list->count++] = obj;
    return 0;
}

/* Type-check each document as the decoder hands it over: its nodes are
 * still in the cache then, which makes the check nearly free (checking the
 * whole stream afterwards reads it all from memory again). */
typedef struct check_ctx {
    sts_error *errors;
    int first;      /* the first error's code */
    bool lists;     /* `kind: List` documents will be expanded: check their items */
} check_ctx;

static void check_one(check_ctx *c, const sts_node *root)
{
    int rc = sts_node_get_type(root) != STS_NODE_MAP
                 ? sts__type_error(&c->errors, root, "", "a map (a Kubernetes object)")
                 : sts__check_root(root, sts__kind_of_root(root), &c->errors);
    if (rc && (!c->first || rc == STS_ENOMEM))
        c->first = rc;
}

static void check_hook(void *ctx, const sts_doc *doc)
{
    check_ctx *c = ctx;
    const sts_node *root = sts_doc_root(doc);
    if (sts_node_get_type(root) == STS_NODE_NULL)
        return; /* an empty document: skipped, as kubectl does */
    const sts_node *kind = sts_node_map_get(root, "kind", 4), *items;
    const char *k;
    size_t kl;
    if (c->lists && !sts_node_get_string(&k, &kl, kind) && kl >= 4 &&
        !memcmp(k + kl - 4, "List", 4) &&
        sts_node_get_type(items = sts_node_map_get(root, "items", 5)) == STS_NODE_SEQ) {
        for (size_t i = 0; i < sts_node_count(items); i++)
            check_one(c, sts_node_seq_at(items, i));
        return;
    }
    check_one(c, root);
}

/* Wrap every document (already checked: the ones that are not maps were
 * reported then); keep the objects in `objs` (pre-sized). Empty documents
 * are skipped. Documents are taken from the back (O(1) each) and the objects
 * put back in input order. */
static int wrap_all(sts_object_list *objs, sts_doclist *docs, bool checked, sts_error **errors)
{
    size_t n = sts_doclist_count(docs);
    sts_doc **d = calloc(n ? n : 1, sizeof *d);
    if (!d)
        return STS_ENOMEM;
    for (size_t i = n; i-- > 0;)
        sts_doclist_steal(&d[i], docs, i);
    int first = 0, rc = 0;
    for (size_t i = 0; i < n; i++) {
        sts_doc *doc = d[i];
        d[i] = NULL;
        sts_node_type t = sts_node_get_type(sts_doc_root(doc));
        if (rc == STS_ENOMEM || t == STS_NODE_NULL || (checked && t != STS_NODE_MAP)) {
            sts_doc_free(doc);
            continue;
        }
        sts_object *o = NULL;
        int c = sts_object_take_doc(&o, doc, errors);
        if (o)
            objs->items[objs->count++] = o; /* freed with the list on failure */
        if (c == STS_ENOMEM)
            rc = c;
        else if (c && !first)
            first = c;
    }
    free(d);
    return rc ? rc : first;
}

int sts_load(sts_object_list **out, const sts_registry *reg, const char *format,
             const char *data, size_t len, const sts_decode_opts *opts, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "sts_load: no output list");
    sts_decode_opts o;
    memset(&o, 0, sizeof o);
    sts__decode_opts_fill(&o, opts);
    sts_doclist *docs = NULL;
    sts_object_list *objs = NULL;
    int rc = sts_doclist_new(&docs);
    if (!rc)
        rc = sts_object_list_new(&objs);
    if (rc) {
        sts_doclist_free(docs);
        return sts__err(err, rc, "out of memory");
    }
    bool check = !(o.flags & STS_DECODE_NO_TYPE_CHECK);
    check_ctx cc = {NULL, 0, !(o.flags & STS_DECODE_KEEP_LISTS)};
    rc = sts__decode_hooked(docs, reg, format, data, len, &o, check ? check_hook : NULL, &cc,
                            err);
    if (rc) {
        sts_error_free(cc.errors); /* the decode error is the answer */
        goto done;
    }
    if (reserve(objs, sts_doclist_count(docs))) {
        sts_error_free(cc.errors);
        rc = sts__err(err, STS_ENOMEM, "out of memory");
        goto done;
    }
    sts_error *errors = cc.errors;
    rc = wrap_all(objs, docs, check, &errors);
    if (!rc || (cc.first && rc != STS_ENOMEM))
        rc = cc.first ? cc.first : rc;
    if (rc) {
        if (o.source_name)
            sts_error_set_source(errors, o.source_name);
        if (rc == STS_ENOMEM)
            sts__err(&errors, rc, "out of memory");
        if (err)
            sts_error_append(err, errors);
        else
            sts_error_free(errors);
        goto done;
    }
    /* nothing can fail past this point once *out has room */
    if (!*out) {
        *out = objs;
        objs = NULL;
        goto done;
    }
    if (reserve(*out, objs->count)) {
        rc = sts__err(err, STS_ENOMEM, "out of memory");
        goto done;
    }
    memcpy((*out)->items + (*out)->count, objs->items, objs->count * sizeof *objs->items);
    (*out)->count += objs->count;
    objs->count = 0;
done:
    sts_doclist_free(docs);
    sts_object_list_free(objs);
    return rc;
}

int sts_dump(sts_buf *out, const sts_registry *reg, const char *format,
             const sts_object_list *list, const sts_encode_opts *opts, sts_error **err)
{
    if (!out || !list)
        return sts__err(err, STS_EINVAL, "sts_dump: no output buffer or list");
    const sts_node **roots = NULL;
    if (list->count) {
        roots = malloc(list->count * sizeof *roots);
        if (!roots)
            return sts__err(err, STS_ENOMEM, "out of memory");
        for (size_t i = 0; i < list->count; i++)
            roots[i] = sts_doc_root(list->items[i]->doc);
    }
    int rc = sts_encode(out, reg, format, roots, list->count, opts, err);
    free(roots);
    return rc;
}

int sts_object_dump(sts_buf *out, const sts_registry *reg, const char *format,
                    const sts_object *obj, const sts_encode_opts *opts, sts_error **err)
{
    if (!out || !obj)
        return sts__err(err, STS_EINVAL, "sts_object_dump: no output buffer or object");
    const sts_node *root = sts_doc_root(obj->doc);
    return sts_encode(out, reg, format, &root, 1, opts, err);
}
