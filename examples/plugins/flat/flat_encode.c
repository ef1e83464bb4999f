/* Encoder: walk each tree, print one `path = value` line per leaf.
 * Empty maps and lists are leaves too, so the tree can be rebuilt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flat.h"

typedef struct walker {
    sts_buf *out;
    sts_buf path;
    int sorted; /* kubectl style: keys in byte order, as Go's encoders sort them */
} walker;

static int emit(walker *w, const sts_node *leaf)
{
    int rc = 0;
    if (w->path.len)
        rc = sts_buf_append(w->out, w->path.data, w->path.len);
    if (!rc)
        rc = sts_buf_append(w->out, w->path.len ? " = " : "= ", w->path.len ? 3 : 2);
    if (!rc)
        rc = flat_put_scalar(w->out, leaf);
    return rc ? rc : sts_buf_append(w->out, "\n", 1);
}

static void truncate_path(walker *w, size_t mark)
{
    w->path.len = mark;
    if (w->path.data)
        w->path.data[mark] = '\0';
}

typedef struct keyref {
    const char *key;
    size_t len;
    size_t index;
} keyref;

static int key_cmp(const void *a, const void *b)
{
    const keyref *x = a, *y = b;
    int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Entries of a map in output order: as stored, or sorted by key bytes.
 * The keys travel with the indices so the comparison needs no shared state
 * (encoders may run on several threads at once). */
static int entry_order(keyref **order, const sts_node *map, int sorted)
{
    size_t n = sts_node_count(map);
    *order = malloc(n * sizeof **order);
    if (!*order)
        return STS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        (*order)[i].index = i;
        if (sts_node_get_string(&(*order)[i].key, &(*order)[i].len,
                                sts_node_map_key_at(map, i))) {
            free(*order);
            return STS_EINVAL;
        }
    }
    if (sorted)
        qsort(*order, n, sizeof **order, key_cmp);
    return 0;
}

static int walk(walker *w, const sts_node *n)
{
    sts_node_type t = sts_node_get_type(n);
    size_t count = sts_node_count(n);
    if ((t != STS_NODE_MAP && t != STS_NODE_SEQ) || count == 0)
        return emit(w, n);
    size_t mark = w->path.len;
    int rc = 0;
    if (t == STS_NODE_SEQ) {
        for (size_t i = 0; !rc && i < count; i++) {
            char idx[32];
            int k = snprintf(idx, sizeof idx, "[%zu]", i);
            rc = sts_buf_append(&w->path, idx, (size_t)k);
            if (!rc)
                rc = walk(w, sts_node_seq_at(n, i));
            truncate_path(w, mark);
        }
        return rc;
    }
    keyref *order;
    rc = entry_order(&order, n, w->sorted);
    if (rc)
        return rc;
    for (size_t j = 0; !rc && j < count; j++) {
        rc = flat_put_key(&w->path, order[j].key, order[j].len, mark == 0);
        if (!rc)
            rc = walk(w, sts_node_map_value_at(n, order[j].index));
        truncate_path(w, mark);
    }
    free(order);
    return rc;
}

int flat_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                const sts_encode_opts *opts, sts_error **err)
{
    (void)userdata;
    walker w = {out, STS_BUF_INIT, opts->style == STS_ENCODE_KUBECTL};
    int rc = 0;
    for (size_t i = 0; !rc && i < count; i++) {
        if (i > 0)
            rc = sts_buf_append(out, "---\n", 4);
        if (!rc)
            rc = walk(&w, roots[i]);
        truncate_path(&w, 0);
    }
    sts_buf_dispose(&w.path);
    if (rc && err) {
        sts_error *e = NULL;
        if (sts_error_new(&e, rc, rc == STS_ENOMEM ? "out of memory" : "flat: malformed tree",
                          NULL, 0, 0, UINT64_MAX) == 0)
            sts_error_append(err, e);
    }
    return rc;
}
