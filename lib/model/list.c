/* Lists of objects, loading (decode + wrap + type check) and dumping. */
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

/* Wrap and check every document; keep the objects in `objs` (pre-sized).
 * Empty documents (no root or a null root) are skipped, as kubectl does.
 * Documents are taken from the back (O(1) each) and the objects put back
 * in input order. */
static int wrap_all(sts_object_list *objs, sts_doclist *docs, int check, sts_error **errors)
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
        if (rc == STS_ENOMEM || sts_node_get_type(sts_doc_root(doc)) == STS_NODE_NULL) {
            sts_doc_free(doc);
            continue;
        }
        sts_object *o = NULL;
        int c = sts_object_take_doc(&o, doc, errors);
        if (!c && check)
            c = sts_object_check(o, errors);
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
    rc = sts_decode(docs, reg, format, data, len, &o, err);
    if (rc)
        goto done;
    if (reserve(objs, sts_doclist_count(docs))) {
        rc = sts__err(err, STS_ENOMEM, "out of memory");
        goto done;
    }
    sts_error *errors = NULL;
    rc = wrap_all(objs, docs, !(o.flags & STS_DECODE_NO_TYPE_CHECK), &errors);
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
