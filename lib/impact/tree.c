/* Structural diff of two trees, reporting the differing leaves by path.
 * null counts as absent: Go reads both as a nil pointer, so a manifest's
 * `creationTimestamp: null` equals a template without it. */
#include <string.h>

#include "impact_priv.h"

/* Below this depth a differing subtree is reported as one change instead of
 * being walked (decoders cap nesting far lower; trees built in code may not). */
#define MAX_DEPTH 256u

bool imp_absent(const sts_node *n)
{
    return !n || sts_node_get_type(n) == STS_NODE_NULL;
}

static int walk(const sts_node *a, const sts_node *b, sts_buf *path, unsigned depth,
                imp_leaf_fn fn, void *ud)
{
    if (imp_absent(a) && imp_absent(b))
        return 0;
    sts_node_type ta = sts_node_get_type(a), tb = sts_node_get_type(b);
    size_t mark = path->len;
    int rc = 0;
    /* a map on one side only is walked key by key against nothing, so the
     * paths name the fields (`metadata.annotations.rev`) */
    bool ma = ta == STS_NODE_MAP || imp_absent(a), mb = tb == STS_NODE_MAP || imp_absent(b);
    if (depth < MAX_DEPTH && ma && mb) {
        for (size_t i = 0; !rc && i < sts_node_count(a); i++) {
            const char *k;
            size_t kl;
            sts_node_get_string(&k, &kl, sts_node_map_key_at(a, i));
            rc = sts__path_key(path, k, kl);
            if (!rc)
                rc = walk(sts_node_map_value_at(a, i), sts_node_map_get(b, k, kl), path,
                          depth + 1, fn, ud);
            path->len = mark;
            if (path->data)
                path->data[mark] = 0;
        }
        for (size_t i = 0; !rc && i < sts_node_count(b); i++) {
            const char *k;
            size_t kl;
            sts_node_get_string(&k, &kl, sts_node_map_key_at(b, i));
            if (sts_node_map_index(a, k, kl) >= 0)
                continue;
            rc = sts__path_key(path, k, kl);
            if (!rc)
                rc = walk(NULL, sts_node_map_value_at(b, i), path, depth + 1, fn, ud);
            path->len = mark;
            if (path->data)
                path->data[mark] = 0;
        }
        return rc;
    }
    if (depth < MAX_DEPTH && ta == STS_NODE_SEQ && tb == STS_NODE_SEQ &&
        sts_node_count(a) == sts_node_count(b)) {
        for (size_t i = 0; !rc && i < sts_node_count(a); i++) {
            rc = sts__path_index(path, i);
            if (!rc)
                rc = walk(sts_node_seq_at(a, i), sts_node_seq_at(b, i), path, depth + 1, fn, ud);
            path->len = mark;
            if (path->data)
                path->data[mark] = 0;
        }
        return rc;
    }
    if (!imp_absent(a) && !imp_absent(b) && sts_node_equal(a, b))
        return 0;
    return fn(ud, path->data ? path->data : "", imp_absent(a) ? NULL : a,
              imp_absent(b) ? NULL : b);
}

int imp_tree_diff(const sts_node *a, const sts_node *b, sts_buf *path, imp_leaf_fn fn, void *ud)
{
    return walk(a, b, path, 0, fn, ud);
}
