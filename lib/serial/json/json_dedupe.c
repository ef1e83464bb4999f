/* Duplicate keys that only appear after invalid UTF-8 is replaced: json-c
 * sees distinct byte strings, Go (and so kubectl) sees equal keys. Runs
 * only for documents that had such a repair, so its cost does not matter. */
#include <stdlib.h>
#include <string.h>

#include "json_private.h"

static const sts_entry *sort_base;

static int by_key(const void *a, const void *b)
{
    const sts_node *x = sort_base[*(const size_t *)a].key, *y = sort_base[*(const size_t *)b].key;
    if (x->v.s.len != y->v.s.len)
        return x->v.s.len < y->v.s.len ? -1 : 1;
    int c = memcmp(x->v.s.ptr, y->v.s.ptr, x->v.s.len);
    if (c)
        return c;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1; /* stable: text order */
}

static int dup_error(sts_json_ctx *x, const sts_node *first, const sts_node *again)
{
    sts_buf q = STS_BUF_INIT;
    size_t len = again->v.s.len > 200 ? 200 : again->v.s.len;
    if (sts__json_put_string(&q, again->v.s.ptr, len)) {
        sts_buf_dispose(&q);
        return sts__err(x->err, STS_ENOMEM, "out of memory");
    }
    sts__err_at(x->err, STS_EPARSE, again->line, again->column, again->offset, NULL,
                "duplicate key %s%s (first at line %u, column %u)", q.data,
                again->v.s.len > 200 ? "..." : "", first->line, first->column);
    sts_buf_dispose(&q);
    return STS_EPARSE;
}

/* One map: the first duplicate is an error, or, when allowed, every later
 * value replaces the first one's and the later entries go. */
static int dedupe_map(sts_json_ctx *x, sts_node *map)
{
    size_t n = map->v.c.count;
    sts_entry *e = map->v.c.items;
    size_t *idx = malloc(n * sizeof *idx);
    if (!idx)
        return sts__err(x->err, STS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_base = e; /* single-threaded per call; qsort has no context argument */
    qsort(idx, n, sizeof *idx, by_key);
    int rc = 0;
    bool *gone = NULL;
    for (size_t i = 1; !rc && i < n; i++) {
        const sts_entry *a = &e[idx[i - 1]], *b = &e[idx[i]];
        if (a->key->v.s.len != b->key->v.s.len ||
            memcmp(a->key->v.s.ptr, b->key->v.s.ptr, a->key->v.s.len))
            continue;
        if (!x->allow_dups) {
            rc = dup_error(x, a->key, b->key);
            break;
        }
        if (!gone && !(gone = calloc(n, sizeof *gone))) {
            rc = sts__err(x->err, STS_ENOMEM, "out of memory");
            break;
        }
        /* idx is sorted by (key, position): run members after the first go */
        size_t first = i - 1;
        while (first > 0 && gone[idx[first]])
            first--;
        e[idx[first]].value = b->value;
        gone[idx[i]] = true;
    }
    if (!rc && gone) {
        size_t w = 0;
        for (size_t r = 0; r < n; r++)
            if (!gone[r])
                e[w++] = e[r];
        map->v.c.count = w;
    }
    free(gone);
    free(idx);
    return rc;
}

int sts__json_dedupe_repaired(sts_json_ctx *x, sts_node *node)
{
    if (node->type == STS_NODE_MAP && node->v.c.count > 1) {
        int rc = dedupe_map(x, node);
        if (rc)
            return rc;
    }
    if (node->type == STS_NODE_MAP)
        for (size_t i = 0; i < node->v.c.count; i++) {
            int rc = sts__json_dedupe_repaired(x, ((sts_entry *)node->v.c.items)[i].value);
            if (rc)
                return rc;
        }
    else if (node->type == STS_NODE_SEQ)
        for (size_t i = 0; i < node->v.c.count; i++) {
            int rc = sts__json_dedupe_repaired(x, ((sts_node **)node->v.c.items)[i]);
            if (rc)
                return rc;
        }
    return 0;
}
