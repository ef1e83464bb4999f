/* sts_object_check: walk the document where the schema knows its fields.
 *
 * Map entries are visited in document order and only known fields are
 * descended into, so the cost follows the known fields, unknown subtrees
 * are never read, and errors come out in document order. Every wrong-typed
 * field is reported; the walk carries on after an error. The recursion is
 * bounded by the (acyclic) schema's depth, not by the input's. */
#include "model_priv.h"

typedef struct walk {
    sts_buf path;
    sts_error *errors;
    int first_code;
    int oom;
} walk;

static void note(walk *w, int rc)
{
    if (rc == STS_ENOMEM)
        w->oom = 1;
    else if (rc && !w->first_code)
        w->first_code = rc;
}

static void check_value(walk *w, const sts_node *n, uint8_t type, uint8_t elem,
                        const sts__field *fields);

static void check_object(walk *w, const sts_node *map, const sts__field *fields)
{
    size_t mark = w->path.len;
    for (size_t i = 0; i < map->v.c.count && !w->oom; i++) {
        const sts_entry *e = &((const sts_entry *)map->v.c.items)[i];
        const sts__field *f = sts__schema_lookup(fields, e->key->v.s.ptr, e->key->v.s.len);
        if (!f)
            continue; /* unknown fields are kept and never checked */
        if (sts__path_key(&w->path, e->key->v.s.ptr, e->key->v.s.len)) {
            w->oom = 1;
            break;
        }
        check_value(w, e->value, f->type, f->elem, f->fields);
        w->path.len = mark;
        w->path.data[mark] = '\0';
    }
}

static void check_items(walk *w, const sts_node *n, uint8_t elem, const sts__field *fields)
{
    size_t mark = w->path.len;
    if (n->type == STS_NODE_SEQ) {
        for (size_t i = 0; i < n->v.c.count && !w->oom; i++) {
            if (sts__path_index(&w->path, i)) {
                w->oom = 1;
                break;
            }
            check_value(w, ((sts_node *const *)n->v.c.items)[i], elem, 0, fields);
            w->path.len = mark;
            w->path.data[mark] = '\0';
        }
        return;
    }
    for (size_t i = 0; i < n->v.c.count && !w->oom; i++) {
        const sts_entry *e = &((const sts_entry *)n->v.c.items)[i];
        if (sts__path_key(&w->path, e->key->v.s.ptr, e->key->v.s.len)) {
            w->oom = 1;
            break;
        }
        check_value(w, e->value, elem, 0, fields);
        w->path.len = mark;
        if (w->path.data)
            w->path.data[mark] = '\0';
    }
}

static const char *path_of(walk *w)
{
    return w->path.data ? w->path.data : "";
}

static void check_value(walk *w, const sts_node *n, uint8_t type, uint8_t elem,
                        const sts__field *fields)
{
    sts_node_type t = sts_node_get_type(n);
    if (t == STS_NODE_NULL)
        return; /* Go's decoder leaves the field unset */
    const char *path = path_of(w);
    switch (type) {
    case STS__T_STRING:
        if (t != STS_NODE_STRING)
            note(w, sts__type_error(&w->errors, n, path, "a string"));
        break;
    case STS__T_BOOL:
        if (t != STS_NODE_BOOL)
            note(w, sts__type_error(&w->errors, n, path, "a boolean"));
        break;
    case STS__T_INT32:
    case STS__T_INT64:
        note(w, sts__value_int(NULL, n, type == STS__T_INT32 ? 32 : 64, path, &w->errors));
        break;
    case STS__T_QUANTITY:
        note(w, sts__value_quantity(n, path, &w->errors));
        break;
    case STS__T_INTORSTR:
        note(w, sts__value_int_or_string(NULL, NULL, NULL, NULL, n, path, &w->errors));
        break;
    case STS__T_OBJECT:
        if (t != STS_NODE_MAP)
            note(w, sts__type_error(&w->errors, n, path, "a map"));
        else
            check_object(w, n, fields);
        break;
    case STS__T_LIST:
        if (t != STS_NODE_SEQ)
            note(w, sts__type_error(&w->errors, n, path, "a list"));
        else
            check_items(w, n, elem, fields);
        break;
    case STS__T_MAP:
        if (t != STS_NODE_MAP)
            note(w, sts__type_error(&w->errors, n, path,
                                    elem == STS__T_STRING ? "a map of strings" : "a map"));
        else
            check_items(w, n, elem, fields);
        break;
    }
}

int sts__check_root(const sts_node *root, sts_kind kind, sts_error **err)
{
    walk w = {STS_BUF_INIT, NULL, 0, 0};
    if (sts_node_get_type(root) != STS_NODE_MAP)
        return sts__type_error(err, root, "", "a map (a Kubernetes object)");
    if (sts_buf_reserve(&w.path, 64))
        return sts__err(err, STS_ENOMEM, "out of memory");
    w.path.data[0] = '\0';
    check_object(&w, root, sts__schema_root(kind));
    sts_buf_dispose(&w.path);
    if (w.oom) {
        sts_error_free(w.errors);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    if (err)
        sts_error_append(err, w.errors);
    else
        sts_error_free(w.errors);
    return w.first_code;
}

int sts_object_check(const sts_object *obj, sts_error **err)
{
    if (!obj)
        return sts__err(err, STS_EINVAL, "no object");
    const sts_node *root = sts_doc_root(obj->doc);
    return sts__check_root(root, sts_object_kind(obj), err);
}
