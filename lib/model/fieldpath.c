/* Walking and creating field paths below a node, with the conventions of
 * the typed views: `null` counts as absent (as Go decodes it), a wrong-typed
 * step is an STS_ETYPE error naming the step, and setters create missing or
 * null maps on the way, keeping every other entry where it was. */
#include <stdlib.h>
#include <string.h>

#include "model_priv.h"

typedef struct step {
    int is_index;
    size_t index;
    sts_buf key; /* unescaped key (data may be NULL for "") */
} step;

/* Parse one step at *p: 1 when read, 0 at the end, STS_EINVAL / STS_ENOMEM. */
static int next_step(const char **p, const char *end, step *s, int first)
{
    const char *c = *p;
    if (c >= end)
        return 0; /* leaves the last step readable */
    s->is_index = 0;
    s->index = 0;
    s->key.len = 0;
    if (*c == '[') {
        c++;
        if (c < end && (*c == '"' || *c == '\'')) {
            char q = *c++;
            while (c < end && *c != q) {
                if (*c == '\\' && c + 1 < end)
                    c++;
                if (sts__buf_putc(&s->key, *c++))
                    return STS_ENOMEM;
            }
            if (c + 1 >= end || c[1] != ']')
                return STS_EINVAL;
            *p = c + 2;
            return 1;
        }
        const char *digits = c;
        size_t v = 0;
        while (c < end && *c >= '0' && *c <= '9') {
            if (v > (SIZE_MAX - 9) / 10)
                return STS_EINVAL;
            v = v * 10 + (size_t)(*c++ - '0');
        }
        if (c == digits || c >= end || *c != ']')
            return STS_EINVAL;
        s->is_index = 1;
        s->index = v;
        *p = c + 1;
        return 1;
    }
    if (!first) {
        if (*c != '.')
            return STS_EINVAL;
        c++;
    }
    const char *start = c;
    while (c < end && *c != '.' && *c != '[')
        c++;
    if (c == start || sts_buf_append(&s->key, start, (size_t)(c - start)))
        return c == start ? STS_EINVAL : STS_ENOMEM;
    *p = c;
    return 1;
}

static const char *key_of(const step *s)
{
    return s->key.data ? s->key.data : "";
}

static int add_step(sts_buf *walked, const step *s)
{
    return s->is_index ? sts__path_index(walked, s->index)
                       : sts__path_key(walked, key_of(s), s->key.len);
}

static int bad_path(sts_error **err, const char *path)
{
    return sts__err(err, STS_EINVAL, "malformed field path \"%.200s\"", path);
}

static const char *walked_path(const sts_buf *b)
{
    return b->data ? b->data : "";
}

int sts__lookup(sts_node **out, const sts_node *base, const char *prefix, const char *path,
                sts_error **err)
{
    if (!base || !path)
        return sts__err(err, STS_EINVAL, "no object or field path");
    const char *p = path, *end = path + strlen(path);
    sts_buf walked = STS_BUF_INIT;
    step s = {0, 0, STS_BUF_INIT};
    const sts_node *n = base;
    int rc = prefix && prefix[0] ? sts__buf_printf(&walked, "%s", prefix) : 0;
    for (int first = 1; !rc; first = 0) {
        int r = next_step(&p, end, &s, first);
        if (r == 0)
            break;
        if (r < 0) {
            rc = r == STS_ENOMEM ? sts__err(err, r, "out of memory") : bad_path(err, path);
            break;
        }
        if (n->type == STS_NODE_NULL) {
            rc = STS_ENOTFOUND;
            break;
        }
        if (s.is_index ? n->type != STS_NODE_SEQ : n->type != STS_NODE_MAP) {
            rc = sts__type_error(err, n, walked_path(&walked), s.is_index ? "a list" : "a map");
            break;
        }
        const sts_node *next = s.is_index ? sts_node_seq_at(n, s.index)
                                          : sts_node_map_get(n, key_of(&s), s.key.len);
        if (!next) {
            rc = STS_ENOTFOUND; /* absence is not worth an error object */
            break;
        }
        if (add_step(&walked, &s)) {
            rc = sts__err(err, STS_ENOMEM, "out of memory");
            break;
        }
        n = next;
    }
    if (!rc && n->type == STS_NODE_NULL)
        rc = STS_ENOTFOUND;
    sts_buf_dispose(&walked);
    sts_buf_dispose(&s.key);
    if (!rc && out)
        *out = (sts_node *)n;
    return rc;
}

sts_node *sts__restyle(sts_node *value, const sts_node *old)
{
    if (old && old->type == value->type && value->type != STS_NODE_MAP &&
        value->type != STS_NODE_SEQ)
        value->style = old->style;
    return value;
}

/* Replace the child at step s of container n (which is a map or seq). */
static int put(sts_node *n, const step *s, sts_node *value)
{
    if (!s->is_index)
        return sts_node_map_set(n, key_of(s), s->key.len,
                                sts__restyle(value, sts_node_map_get(n, key_of(s), s->key.len)));
    if (s->index == n->v.c.count)
        return sts_node_seq_append(n, value);
    return sts_node_seq_set(n, s->index, sts__restyle(value, sts_node_seq_at(n, s->index)));
}

int sts__set(sts_object *obj, const char *path, sts_node *value, sts_error **err)
{
    if (!obj || !path || !value)
        return sts__err(err, STS_EINVAL, "no object, field path or value");
    sts_node *n = sts_doc_root(obj->doc);
    const char *p = path, *end = path + strlen(path);
    sts_buf walked = STS_BUF_INIT;
    step s = {0, 0, STS_BUF_INIT}, nx = {0, 0, STS_BUF_INIT};
    int r = next_step(&p, end, &s, 1), rc = 0;
    if (r <= 0)
        rc = r == STS_ENOMEM ? sts__err(err, r, "out of memory") : bad_path(err, path);
    while (!rc) {
        int more = next_step(&p, end, &nx, 0);
        if (more < 0) {
            rc = more == STS_ENOMEM ? sts__err(err, more, "out of memory") : bad_path(err, path);
            break;
        }
        if (s.is_index ? n->type != STS_NODE_SEQ : n->type != STS_NODE_MAP) {
            rc = sts__type_error(err, n, walked_path(&walked), s.is_index ? "a list" : "a map");
            break;
        }
        if (s.is_index && (more ? s.index >= n->v.c.count : s.index > n->v.c.count)) {
            rc = sts__err_node(err, STS_ENOTFOUND, n, walked_path(&walked),
                               "cannot set \"%.200s\": the list has no item %zu", path, s.index);
            break;
        }
        if (!more) {
            rc = put(n, &s, value);
            if (rc)
                rc = sts__err(err, rc, "cannot set \"%.200s\": %s", path, sts_strerror(rc));
            break;
        }
        sts_node *child = s.is_index ? sts_node_seq_at(n, s.index)
                                     : sts_node_map_get(n, key_of(&s), s.key.len);
        if (!child || child->type == STS_NODE_NULL) {
            if (nx.is_index) {
                rc = sts__err_node(err, STS_ENOTFOUND, n, walked_path(&walked),
                                   "cannot set \"%.200s\": a list on the way does not exist",
                                   path);
                break;
            }
            child = sts__node_alloc(n->arena, STS_NODE_MAP);
            rc = child ? put(n, &s, child) : STS_ENOMEM;
            if (rc) {
                rc = sts__err(err, rc, "out of memory");
                break;
            }
        }
        if (add_step(&walked, &s)) {
            rc = sts__err(err, STS_ENOMEM, "out of memory");
            break;
        }
        n = child;
        step t = s;
        s = nx;
        nx = t;
    }
    sts_buf_dispose(&walked);
    sts_buf_dispose(&s.key);
    sts_buf_dispose(&nx.key);
    return rc;
}

int sts__remove(sts_object *obj, const char *path, sts_error **err)
{
    if (!obj || !path)
        return sts__err(err, STS_EINVAL, "no object or field path");
    /* find the parent by walking all steps but the last */
    const char *p = path, *end = path + strlen(path), *last = path, *step_start = path;
    step s = {0, 0, STS_BUF_INIT};
    int r, count = 0;
    while ((r = next_step(&p, end, &s, count == 0)) == 1) {
        count++;
        last = step_start;
        step_start = p;
    }
    if (r < 0 || count == 0) {
        sts_buf_dispose(&s.key);
        return r == STS_ENOMEM ? sts__err(err, r, "out of memory") : bad_path(err, path);
    }
    sts_node *parent = sts_doc_root(obj->doc);
    int rc = 0;
    if (count > 1) {
        size_t plen = (size_t)(last - path);
        char *ppath = malloc(plen + 1);
        if (!ppath) {
            sts_buf_dispose(&s.key);
            return sts__err(err, STS_ENOMEM, "out of memory");
        }
        memcpy(ppath, path, plen);
        ppath[plen] = '\0';
        rc = sts__lookup(&parent, parent, "", ppath, err);
        free(ppath);
    }
    if (!rc) {
        if (s.is_index)
            rc = parent->type == STS_NODE_SEQ && s.index < parent->v.c.count
                     ? sts_node_seq_remove(parent, s.index) : STS_ENOTFOUND;
        else
            rc = parent->type == STS_NODE_MAP
                     ? sts_node_map_remove(parent, key_of(&s), s.key.len) : STS_ENOTFOUND;
    }
    sts_buf_dispose(&s.key);
    return rc;
}

int sts__node_path_of(sts_buf *out, const sts_object *obj, const sts_node *node)
{
    int rc = sts_node_path(out, sts_doc_root(obj->doc), node);
    return rc == STS_ENOTFOUND ? sts_buf_reserve(out, 0) : rc;
}
