/* Generic typed access by field path, relative access below a node,
 * labels and annotations. */
#include <stdio.h>
#include <string.h>

#include "model_priv.h"

enum { AS_STRING, AS_INT32, AS_INT64, AS_BOOL, AS_QUANTITY, AS_INTORSTR };

typedef struct typed {
    const char *s;
    size_t len;
    int64_t i;
    int32_t i32;
    int b;
    int is_string;
    const sts_node *node;
} typed;

static int read_as(typed *t, const sts_node *n, int as, const char *path, sts_error **err)
{
    t->node = n;
    switch (as) {
    case AS_STRING:
        return sts__value_string(&t->s, &t->len, n, path, err);
    case AS_INT32:
    case AS_INT64:
        return sts__value_int(&t->i, n, as == AS_INT32 ? 32 : 64, path, err);
    case AS_BOOL:
        return sts__value_bool(&t->b, n, path, err);
    case AS_QUANTITY:
        return sts__value_quantity(n, path, err);
    default:
        return sts__value_int_or_string(&t->i32, &t->s, &t->len, &t->is_string, n, path, err);
    }
}

/* Full field path of `path` below `base`: the base's own path first. */
static int full_path(sts_buf *out, const sts_object *obj, const sts_node *base, const char *path)
{
    int rc = base == sts_doc_root(obj->doc) ? sts_buf_reserve(out, 0)
                                            : sts__node_path_of(out, obj, base);
    if (!rc && out->len && path[0] && path[0] != '[')
        rc = sts__buf_putc(out, '.');
    return rc ? rc : sts__buf_printf(out, "%s", path);
}

/* Look up and read a field quietly; only when that fails with a reportable
 * error is the (costly) path of `base` worked out and the read repeated
 * with the caller's error chain. */
static int get_typed(typed *t, const sts_object *obj, const sts_node *base, const char *path,
                     int as, sts_error **err)
{
    if (!obj || !path)
        return sts__err(err, STS_EINVAL, "no object or field path");
    if (!base)
        base = sts_doc_root(obj->doc);
    sts_node *n;
    int rc = sts__lookup(&n, base, "", path, NULL);
    if (!rc)
        rc = read_as(t, n, as, path, NULL);
    if (!rc || rc == STS_ENOTFOUND || !err)
        return rc;
    sts_buf prefix = STS_BUF_INIT, full = STS_BUF_INIT;
    if (base != sts_doc_root(obj->doc) && sts__node_path_of(&prefix, obj, base))
        rc = sts__err(err, STS_ENOMEM, "out of memory");
    else if ((rc = sts__lookup(&n, base, prefix.data, path, err)) == 0) {
        if (full_path(&full, obj, base, path))
            rc = sts__err(err, STS_ENOMEM, "out of memory");
        else
            rc = read_as(t, n, as, full.data, err);
    }
    sts_buf_dispose(&prefix);
    sts_buf_dispose(&full);
    return rc;
}

int sts__get_i32(int32_t *out, const sts_object *obj, const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, NULL, path, AS_INT32, err);
    if (!rc && out)
        *out = (int32_t)t.i;
    return rc;
}

int sts__get_str(const char **out, size_t *len, const sts_object *obj, const char *path,
                 sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, NULL, path, AS_STRING, err);
    if (!rc) {
        if (out)
            *out = t.s;
        if (len)
            *len = t.len;
    }
    return rc;
}

int sts__set_i32(sts_object *obj, const char *path, int32_t v, sts_error **err)
{
    return sts_object_set_int(obj, path, v, err);
}

int sts__set_str(sts_object *obj, const char *path, const char *v, sts_error **err)
{
    if (!v)
        return sts__err(err, STS_EINVAL, "no value for \"%s\"", path);
    return sts_object_set_string(obj, path, v, strlen(v), err);
}

size_t sts__list_count(const sts_object *obj, const char *path)
{
    sts_node *n;
    if (!obj || sts__lookup(&n, sts_doc_root(obj->doc), "", path, NULL))
        return 0;
    return n->type == STS_NODE_SEQ ? n->v.c.count : 0;
}

sts_node *sts__list_at(const sts_object *obj, const char *path, size_t i)
{
    sts_node *n;
    if (!obj || sts__lookup(&n, sts_doc_root(obj->doc), "", path, NULL))
        return NULL;
    return sts_node_seq_at(n, i);
}

/* ---- generic access from the root ---- */

int sts_object_get(sts_node **out, const sts_object *obj, const char *path, sts_error **err)
{
    if (!obj || !path)
        return sts__err(err, STS_EINVAL, "no object or field path");
    return sts__lookup(out, sts_doc_root(obj->doc), "", path, err);
}

int sts_object_get_string(const char **out, size_t *len, const sts_object *obj,
                          const char *path, sts_error **err)
{
    return sts_object_get_string_at(out, len, obj, NULL, path, err);
}

int sts_object_get_int(int64_t *out, const sts_object *obj, const char *path, sts_error **err)
{
    return sts_object_get_int_at(out, obj, NULL, path, err);
}

int sts_object_get_bool(int *out, const sts_object *obj, const char *path, sts_error **err)
{
    return sts_object_get_bool_at(out, obj, NULL, path, err);
}

static int set_new(sts_object *obj, const char *path, int rc, sts_node *n, sts_error **err)
{
    if (rc)
        return sts__err(err, rc, "out of memory");
    return sts__set(obj, path, n, err);
}

int sts_object_set_string(sts_object *obj, const char *path, const char *value, size_t len,
                          sts_error **err)
{
    if (!obj || (!value && len))
        return sts__err(err, STS_EINVAL, "no object or value");
    sts_node *n = NULL;
    int rc = sts_doc_new_string(&n, obj->doc, value ? value : "", len);
    return set_new(obj, path, rc, n, err);
}

int sts_object_set_int(sts_object *obj, const char *path, int64_t value, sts_error **err)
{
    if (!obj)
        return sts__err(err, STS_EINVAL, "no object");
    sts_node *n = NULL;
    int rc = sts_doc_new_int(&n, obj->doc, value);
    return set_new(obj, path, rc, n, err);
}

int sts_object_set_bool(sts_object *obj, const char *path, int value, sts_error **err)
{
    if (!obj)
        return sts__err(err, STS_EINVAL, "no object");
    sts_node *n = NULL;
    int rc = sts_doc_new_bool(&n, obj->doc, value);
    return set_new(obj, path, rc, n, err);
}

int sts_object_remove(sts_object *obj, const char *path, sts_error **err)
{
    return sts__remove(obj, path, err);
}

/* ---- relative access below a node ---- */

int sts_object_get_string_at(const char **out, size_t *len, const sts_object *obj,
                             const sts_node *base, const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_STRING, err);
    if (!rc) {
        if (out)
            *out = t.s;
        if (len)
            *len = t.len;
    }
    return rc;
}

int sts_object_get_int_at(int64_t *out, const sts_object *obj, const sts_node *base,
                          const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_INT64, err);
    if (!rc && out)
        *out = t.i;
    return rc;
}

int sts_object_get_int32_at(int32_t *out, const sts_object *obj, const sts_node *base,
                            const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_INT32, err);
    if (!rc && out)
        *out = (int32_t)t.i;
    return rc;
}

int sts_object_get_bool_at(int *out, const sts_object *obj, const sts_node *base,
                           const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_BOOL, err);
    if (!rc && out)
        *out = t.b;
    return rc;
}

int sts_object_get_int_or_string_at(int32_t *ival, const char **str, size_t *len,
                                    int *is_string, const sts_object *obj,
                                    const sts_node *base, const char *path, sts_error **err)
{
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_INTORSTR, err);
    if (rc)
        return rc;
    if (is_string)
        *is_string = t.is_string;
    if (t.is_string) {
        if (str)
            *str = t.s;
        if (len)
            *len = t.len;
    } else if (ival) {
        *ival = t.i32;
    }
    return 0;
}

/* Shortest text that reads back as the same double. */
static int format_double(char *tmp, size_t size, double d)
{
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(tmp, size, "%.*g", prec, d);
        double back;
        if (sscanf(tmp, "%lf", &back) == 1 && back == d)
            break;
    }
    return n;
}

int sts_object_get_quantity_at(char *buf, size_t size, size_t *len, const sts_object *obj,
                               const sts_node *base, const char *path, sts_error **err)
{
    if (!buf && size)
        return sts__err(err, STS_EINVAL, "no buffer");
    typed t;
    int rc = get_typed(&t, obj, base, path, AS_QUANTITY, err);
    if (rc)
        return rc;
    char tmp[48];
    const char *s;
    size_t n;
    const sts_node *q = t.node;
    if (q->type == STS_NODE_STRING) {
        s = q->v.s.ptr;
        n = q->v.s.len;
    } else if ((s = sts_node_get_text(q, &n)) == NULL) {
        /* a number built in code: write it the way Go's JSON encoder would */
        n = (size_t)(q->type == STS_NODE_INT ? snprintf(tmp, sizeof tmp, "%lld", (long long)q->v.i)
                                             : format_double(tmp, sizeof tmp, q->v.f));
        s = tmp;
    }
    if (len)
        *len = n;
    if (size) {
        size_t c = n < size - 1 ? n : size - 1;
        memcpy(buf, s, c);
        buf[c] = '\0';
    }
    return 0;
}

/* ---- labels, annotations, owner references ---- */

static int get_meta_map_entry(const char **out, size_t *len, const sts_object *obj,
                              const char *map, const char *key, sts_error **err)
{
    if (!obj || !key)
        return sts__err(err, STS_EINVAL, "no object or key");
    sts_buf path = STS_BUF_INIT;
    int rc = sts__buf_printf(&path, "metadata.%s", map);
    if (!rc)
        rc = sts__path_key(&path, key, strlen(key));
    if (rc) {
        sts_buf_dispose(&path);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    rc = sts_object_get_string(out, len, obj, path.data, err);
    sts_buf_dispose(&path);
    return rc;
}

static int set_meta_map_entry(sts_object *obj, const char *map, const char *key,
                              const char *value, sts_error **err)
{
    if (!obj || !key)
        return sts__err(err, STS_EINVAL, "no object or key");
    sts_buf path = STS_BUF_INIT;
    int rc = sts__buf_printf(&path, "metadata.%s", map);
    if (!rc)
        rc = sts__path_key(&path, key, strlen(key));
    if (rc) {
        sts_buf_dispose(&path);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    rc = value ? sts__set_str(obj, path.data, value, err) : sts__remove(obj, path.data, err);
    sts_buf_dispose(&path);
    return rc;
}

int sts_object_get_label(const char **out, size_t *len, const sts_object *obj, const char *key,
                         sts_error **err)
{
    return get_meta_map_entry(out, len, obj, "labels", key, err);
}

int sts_object_set_label(sts_object *obj, const char *key, const char *value, sts_error **err)
{
    return set_meta_map_entry(obj, "labels", key, value, err);
}

int sts_object_get_annotation(const char **out, size_t *len, const sts_object *obj,
                              const char *key, sts_error **err)
{
    return get_meta_map_entry(out, len, obj, "annotations", key, err);
}

int sts_object_set_annotation(sts_object *obj, const char *key, const char *value,
                              sts_error **err)
{
    return set_meta_map_entry(obj, "annotations", key, value, err);
}

size_t sts_object_owner_reference_count(const sts_object *obj)
{
    return sts__list_count(obj, "metadata.ownerReferences");
}

sts_node *sts_object_owner_reference_at(const sts_object *obj, size_t i)
{
    return sts__list_at(obj, "metadata.ownerReferences", i);
}
