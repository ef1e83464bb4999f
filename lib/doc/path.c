/* Field paths: `spec.template.spec.containers[0].image`, with quoted
 * brackets for keys that contain dots (`metadata.labels["app.kubernetes.io/name"]`). */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

typedef struct step {
    int is_index;
    size_t index;
    char *key; /* malloc'd, unescaped */
    size_t keylen;
} step;

typedef struct cursor {
    const char *p, *end;
} cursor;

static int parse_quoted(cursor *c, step *s)
{
    char q = *c->p++;
    sts_buf b = STS_BUF_INIT;
    while (c->p < c->end && *c->p != q) {
        if (*c->p == '\\' && c->p + 1 < c->end)
            c->p++;
        if (sts__buf_putc(&b, *c->p++)) {
            sts_buf_dispose(&b);
            return STS_ENOMEM;
        }
    }
    if (c->p >= c->end || c->p + 1 >= c->end || c->p[1] != ']') {
        sts_buf_dispose(&b);
        return STS_EINVAL;
    }
    c->p += 2;
    s->keylen = b.len;
    s->key = b.data ? sts_buf_detach(&b) : strdup("");
    return s->key ? 0 : STS_ENOMEM;
}

/* Reads the next step; returns 1 when one was read, 0 at the end, <0 on error. */
static int next_step(cursor *c, step *s, int first)
{
    memset(s, 0, sizeof *s);
    if (c->p >= c->end)
        return 0;
    if (*c->p == '[') {
        c->p++;
        if (c->p < c->end && (*c->p == '"' || *c->p == '\''))
            return parse_quoted(c, s) ? STS_EINVAL : 1;
        size_t v = 0;
        const char *start = c->p;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
            if (v > (SIZE_MAX - 9) / 10)
                return STS_EINVAL;
            v = v * 10 + (size_t)(*c->p++ - '0');
        }
        if (c->p == start || c->p >= c->end || *c->p != ']')
            return STS_EINVAL;
        c->p++;
        s->is_index = 1;
        s->index = v;
        return 1;
    }
    if (!first) {
        if (*c->p != '.')
            return STS_EINVAL;
        c->p++;
    }
    const char *start = c->p;
    while (c->p < c->end && *c->p != '.' && *c->p != '[')
        c->p++;
    if (c->p == start)
        return STS_EINVAL;
    s->keylen = (size_t)(c->p - start);
    s->key = malloc(s->keylen + 1);
    if (!s->key)
        return STS_ENOMEM;
    memcpy(s->key, start, s->keylen);
    s->key[s->keylen] = '\0';
    return 1;
}

static int bad_path(sts_error **err, const char *path, size_t len)
{
    return sts__err(err, STS_EINVAL, "malformed field path \"%.*s\"", (int)(len > 200 ? 200 : len),
                    path);
}

/* Whole-path syntax check, so a malformed tail is reported even when an
 * earlier step is missing. */
static int check_syntax(const char *path, size_t len)
{
    cursor c = {path, path + len};
    for (int first = 1;; first = 0) {
        step s;
        int r = next_step(&c, &s, first);
        free(s.key);
        if (r <= 0)
            return r;
    }
}

int sts_node_find(sts_node **out, const sts_node *root, const char *path, size_t len,
                  sts_error **err)
{
    if (!root || (!path && len))
        return sts__err(err, STS_EINVAL, "no document or path");
    int syn = check_syntax(path, len);
    if (syn < 0)
        return syn == STS_ENOMEM ? syn : bad_path(err, path, len);
    cursor c = {path, path + len};
    const sts_node *n = root;
    sts_buf walked = STS_BUF_INIT;
    int rc = 0;
    for (int first = 1;; first = 0) {
        step s;
        int r = next_step(&c, &s, first);
        if (r == 0)
            break;
        if (r < 0) {
            rc = r == STS_ENOMEM ? r : bad_path(err, path, len);
            break;
        }
        const sts_node *next;
        if (s.is_index) {
            if (n->type != STS_NODE_SEQ) {
                rc = sts__err_node(err, STS_ETYPE, n, walked.data, "expected a list, found %s",
                                   sts_node_type_name((sts_node_type)n->type));
                break;
            }
            next = sts_node_seq_at(n, s.index);
            sts__path_index(&walked, s.index);
        } else {
            if (n->type != STS_NODE_MAP) {
                free(s.key);
                rc = sts__err_node(err, STS_ETYPE, n, walked.data, "expected a map, found %s",
                                   sts_node_type_name((sts_node_type)n->type));
                break;
            }
            next = sts_node_map_get(n, s.key, s.keylen);
            sts__path_key(&walked, s.key, s.keylen);
            free(s.key);
        }
        if (!next) {
            rc = STS_ENOTFOUND; /* absence is not an error worth a message */
            break;
        }
        n = next;
    }
    sts_buf_dispose(&walked);
    if (rc == 0 && out)
        *out = (sts_node *)n;
    return rc;
}

static int plain_key(const char *k, size_t len)
{
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (k[i] == '.' || k[i] == '[' || k[i] == ']' || k[i] == '"' || k[i] == '\'')
            return 0;
    return 1;
}

int sts__path_key(sts_buf *path, const char *key, size_t len)
{
    int rc = 0;
    if (plain_key(key, len)) {
        if (path->len)
            rc = sts__buf_putc(path, '.');
        return rc ? rc : sts_buf_append(path, key, len);
    }
    rc = sts_buf_append(path, "[\"", 2);
    for (size_t i = 0; !rc && i < len; i++) {
        if (key[i] == '"' || key[i] == '\\')
            rc = sts__buf_putc(path, '\\');
        if (!rc)
            rc = sts__buf_putc(path, key[i]);
    }
    return rc ? rc : sts_buf_append(path, "\"]", 2);
}

int sts__path_index(sts_buf *path, size_t i)
{
    return sts__buf_printf(path, "[%zu]", i);
}

static int search(sts_buf *out, const sts_node *n, const sts_node *target)
{
    if (n == target)
        return 1;
    size_t mark = out->len;
    for (size_t i = 0; i < sts_node_count(n); i++) {
        if (n->type == STS_NODE_MAP) {
            const sts_node *k = sts_node_map_key_at(n, i);
            if (sts__path_key(out, k->v.s.ptr, k->v.s.len))
                return -1;
            int r = search(out, sts_node_map_value_at(n, i), target);
            if (r)
                return r;
        } else {
            if (sts__path_index(out, i))
                return -1;
            int r = search(out, sts_node_seq_at(n, i), target);
            if (r)
                return r;
        }
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
    }
    return 0;
}

int sts_node_path(sts_buf *out, const sts_node *root, const sts_node *node)
{
    if (!out || !root || !node)
        return STS_EINVAL;
    size_t mark = out->len;
    int r = search(out, root, node);
    if (r == 1) {
        if (sts_buf_reserve(out, 0)) /* NUL-terminated data even when empty */
            return STS_ENOMEM;
        out->data[out->len] = '\0';
        return 0;
    }
    out->len = mark;
    if (out->data)
        out->data[mark] = '\0';
    return r < 0 ? STS_ENOMEM : STS_ENOTFOUND;
}

int sts_node_set_at(sts_node *root, const char *path, size_t len, sts_node *value,
                    sts_error **err)
{
    if (!root || !value || root->arena != value->arena || (!path && len))
        return sts__err(err, STS_EINVAL, "invalid arguments to set a field");
    cursor c = {path, path + len};
    step s;
    int r = next_step(&c, &s, 1);
    if (r == 0)
        return sts__err(err, STS_EINVAL, "empty field path");
    if (r < 0)
        return r == STS_ENOMEM ? r : bad_path(err, path, len);
    sts_node *n = root;
    int rc = 0;
    for (;;) {
        step nx;
        int more = next_step(&c, &nx, 0);
        if (more < 0) {
            rc = more == STS_ENOMEM ? more : bad_path(err, path, len);
            break;
        }
        if (s.is_index) {
            if (n->type != STS_NODE_SEQ || s.index > n->v.c.count) {
                rc = sts__err_node(err, n->type != STS_NODE_SEQ ? STS_ETYPE : STS_ENOTFOUND, n,
                                   NULL, "cannot set \"%.*s\": no such list item", (int)len, path);
                free(nx.key);
                break;
            }
        } else if (n->type != STS_NODE_MAP) {
            rc = sts__err_node(err, STS_ETYPE, n, NULL,
                               "cannot set \"%.*s\": a step is a %s, not a map", (int)len, path,
                               sts_node_type_name((sts_node_type)n->type));
            free(nx.key);
            break;
        }
        if (more == 0) {
            if (s.is_index)
                rc = s.index == n->v.c.count ? sts_node_seq_append(n, value)
                                             : sts_node_seq_set(n, s.index, value);
            else
                rc = sts_node_map_set(n, s.key, s.keylen, value);
            break;
        }
        sts_node *child = s.is_index ? sts_node_seq_at(n, s.index)
                                     : sts_node_map_get(n, s.key, s.keylen);
        if (!child) {
            child = sts__node_alloc(n->arena, nx.is_index ? STS_NODE_SEQ : STS_NODE_MAP);
            rc = !child ? STS_ENOMEM
                 : s.is_index ? sts_node_seq_append(n, child)
                              : sts_node_map_set(n, s.key, s.keylen, child);
            if (rc) {
                free(nx.key);
                break;
            }
        }
        free(s.key);
        s = nx;
        n = child;
    }
    free(s.key);
    return rc;
}
