/* sts_object_check: walk the document where the schema knows its fields.
 *
 * Map entries are visited in document order and only known fields are
 * descended into, so the cost follows the known fields, unknown subtrees
 * are never read, and errors come out in document order. Every wrong-typed
 * field is reported; the walk carries on after an error. The recursion is
 * bounded by the (acyclic) schema's depth, not by the input's.
 *
 * Checking is on the path of every sts_load, so a value that passes costs
 * only a type test: nothing is allocated or formatted. The field path is a
 * chain of steps on the C stack (one per recursion level) and is written
 * out only when an error needs it; the wording and the exact decision for
 * anything the quick tests do not pass are left to value.c. */
#include "model_priv.h"

/* One step of the field path: a map key, or a list index when key is NULL. */
typedef struct step {
    const struct step *up;
    const sts_node *key;
    size_t index;
} step;

typedef struct walk {
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

/* `spec.template.spec.containers[0].image`, outermost step first */
static int render(sts_buf *out, const step *s)
{
    if (!s)
        return 0;
    int rc = render(out, s->up);
    if (rc)
        return rc;
    return s->key ? sts__path_key(out, s->key->v.s.ptr, s->key->v.s.len)
                  : sts__path_index(out, s->index);
}

/* The slow path, for a non-null value the quick tests did not pass: value.c
 * decides (an integral float is still a valid int32) and words the error. */
static void report(walk *w, const step *at, const sts_node *n, uint8_t type, uint8_t elem)
{
    sts_buf path = STS_BUF_INIT;
    if (render(&path, at)) {
        sts_buf_dispose(&path);
        w->oom = 1;
        return;
    }
    const char *p = path.data ? path.data : "";
    int rc = 0;
    switch (type) {
    case STS__T_STRING:
        rc = sts__type_error(&w->errors, n, p, "a string");
        break;
    case STS__T_BOOL:
        rc = sts__type_error(&w->errors, n, p, "a boolean");
        break;
    case STS__T_INT32:
    case STS__T_INT64:
        rc = sts__value_int(NULL, n, type == STS__T_INT32 ? 32 : 64, p, &w->errors);
        break;
    case STS__T_QUANTITY:
        rc = sts__value_quantity(n, p, &w->errors);
        break;
    case STS__T_INTORSTR:
        rc = sts__value_int_or_string(NULL, NULL, NULL, NULL, n, p, &w->errors);
        break;
    case STS__T_OBJECT:
        rc = sts__type_error(&w->errors, n, p, "a map");
        break;
    case STS__T_LIST:
        rc = sts__type_error(&w->errors, n, p, "a list");
        break;
    case STS__T_MAP:
        rc = sts__type_error(&w->errors, n, p,
                             elem == STS__T_STRING ? "a map of strings" : "a map");
        break;
    }
    sts_buf_dispose(&path);
    note(w, rc);
}

/* Whether a non-null value of a scalar field type certainly passes. The
 * common shapes are answered inline; the rest (floats in integer fields,
 * wrong types) are not, and go to report(). */
static inline int scalar_ok(const sts_node *n, uint8_t type)
{
    switch (type) {
    case STS__T_STRING:
        return n->type == STS_NODE_STRING;
    case STS__T_BOOL:
        return n->type == STS_NODE_BOOL;
    case STS__T_INT32:
        return n->type == STS_NODE_INT && n->v.i >= INT32_MIN && n->v.i <= INT32_MAX;
    case STS__T_INT64:
        return n->type == STS_NODE_INT;
    case STS__T_QUANTITY:
        return n->type == STS_NODE_STRING || n->type == STS_NODE_INT ||
               (n->type == STS_NODE_FLOAT && sts__value_quantity(n, "", NULL) == 0);
    case STS__T_INTORSTR:
        return n->type == STS_NODE_STRING ||
               (n->type == STS_NODE_INT && n->v.i >= INT32_MIN && n->v.i <= INT32_MAX);
    default:
        return 0;
    }
}

static void check_value(walk *w, const sts_node *n, uint8_t type, uint8_t elem,
                        const sts__field *obj, const step *at);

static void check_object(walk *w, const sts_node *map, const sts__field *obj, const step *at)
{
    const sts_entry *e = map->v.c.items;
    size_t pos = 0;
    for (size_t i = 0; i < map->v.c.count && !w->oom; i++) {
        const sts_node *key = e[i].key;
        const sts__field *f = sts__schema_find(obj, &pos, key->v.s.ptr, key->v.s.len);
        if (!f)
            continue; /* unknown fields are kept and never checked */
        step s = {at, key, 0};
        check_value(w, e[i].value, f->type, f->elem, f, &s);
    }
}

/* Items of a LIST (a sequence) or a MAP (a mapping) of `elem`; `obj` holds
 * the fields when elem is OBJECT. Scalar items are tested here, without a
 * call per item. */
static void check_items(walk *w, const sts_node *n, uint8_t elem, const sts__field *obj,
                        const step *at)
{
    int seq = n->type == STS_NODE_SEQ;
    int scalar = elem != STS__T_OBJECT && elem != STS__T_LIST && elem != STS__T_MAP;
    for (size_t i = 0; i < n->v.c.count && !w->oom; i++) {
        const sts_node *item, *key = NULL;
        if (seq) {
            item = ((sts_node *const *)n->v.c.items)[i];
        } else {
            key = ((const sts_entry *)n->v.c.items)[i].key;
            item = ((const sts_entry *)n->v.c.items)[i].value;
        }
        if (scalar && (!item || item->type == STS_NODE_NULL || scalar_ok(item, elem)))
            continue;
        step s = {at, key, i};
        check_value(w, item, elem, 0, obj, &s);
    }
}

static void check_value(walk *w, const sts_node *n, uint8_t type, uint8_t elem,
                        const sts__field *obj, const step *at)
{
    if (!n || n->type == STS_NODE_NULL)
        return; /* Go's decoder leaves the field unset */
    switch (type) {
    case STS__T_OBJECT:
        if (n->type == STS_NODE_MAP) {
            check_object(w, n, obj, at);
            return;
        }
        break;
    case STS__T_LIST:
        if (n->type == STS_NODE_SEQ) {
            check_items(w, n, elem, obj, at);
            return;
        }
        break;
    case STS__T_MAP:
        if (n->type == STS_NODE_MAP) {
            check_items(w, n, elem, obj, at);
            return;
        }
        break;
    default:
        if (scalar_ok(n, type))
            return;
        break;
    }
    report(w, at, n, type, elem);
}

int sts__check_root(const sts_node *root, sts_kind kind, sts_error **err)
{
    walk w = {NULL, 0, 0};
    if (sts_node_get_type(root) != STS_NODE_MAP)
        return sts__type_error(err, root, "", "a map (a Kubernetes object)");
    check_object(&w, root, sts__schema_root(kind), NULL);
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
