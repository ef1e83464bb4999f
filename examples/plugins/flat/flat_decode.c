/* Decoder: rebuild each tree from its `path = value` lines.
 *
 * Lines may come in any order for map keys; list items must appear in
 * index order (item N only after items 0..N-1 exist), which is how the
 * encoder writes them. Blank lines and lines starting with `#` are skipped,
 * a `---` line ends a document. Every error names its line and column. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flat.h"

/* (map, key) -> value, so that finding a key stays O(1) however wide a map
 * is: a hostile input with a million keys must not take quadratic time. */
typedef struct slot {
    const sts_node *map;
    const char *key;
    size_t len;
    sts_node *value;
} slot;

typedef struct table {
    slot *slots;
    size_t cap, used;
} table;

typedef struct step {
    int is_index;
    size_t index;
    size_t key_off, key_len; /* into dec.keys */
    size_t raw_start;        /* offset of the step in the line, for messages */
    uint32_t column;
} step;

typedef struct dec {
    const sts_decode_opts *opts;
    sts_error **err;
    sts_doclist *docs; /* finished documents, handed over only on success */
    sts_doc *doc;      /* the document being built (NULL between documents) */
    sts_node *root;
    uint64_t nodes;
    table tab;
    /* the current line */
    const char *line;
    size_t line_len;
    uint64_t line_offset;
    uint32_t lineno;
    size_t path_end; /* where the path text ends in the line */
    step *steps;
    size_t nsteps, capsteps;
    sts_buf keys;
} dec;

/* ---- errors ---- */

static int fail(dec *d, int code, uint32_t column, size_t path_len, const char *fmt, ...)
{
    if (!d->err)
        return code;
    char msg[512], path[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (path_len > sizeof path - 1)
        path_len = sizeof path - 1;
    if (path_len && d->line)
        memcpy(path, d->line, path_len);
    path[path_len] = '\0';
    sts_error *e = NULL;
    uint64_t off = column ? d->line_offset + column - 1 : UINT64_MAX;
    if (sts_error_new(&e, code, msg, path, d->lineno, column, off) == 0)
        sts_error_append(d->err, e);
    return code;
}

static uint32_t col_of(const dec *d, const char *p)
{
    return (uint32_t)(p - d->line) + 1;
}

/* ---- the (map, key) table ---- */

static size_t hash(const sts_node *map, const char *key, size_t len)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(uintptr_t)map;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)key[i]) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static slot *table_find(table *t, const sts_node *map, const char *key, size_t len)
{
    if (!t->cap)
        return NULL;
    for (size_t i = hash(map, key, len) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        slot *s = &t->slots[i];
        if (!s->map)
            return s;
        if (s->map == map && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

static int table_put(table *t, const sts_node *map, const char *key, size_t len, sts_node *v)
{
    if ((t->used + 1) * 10 > t->cap * 7) {
        table bigger = {NULL, t->cap ? t->cap * 2 : 64, 0};
        bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
        if (!bigger.slots)
            return STS_ENOMEM;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].map) {
                *table_find(&bigger, t->slots[i].map, t->slots[i].key, t->slots[i].len) =
                    t->slots[i];
                bigger.used++;
            }
        free(t->slots);
        *t = bigger;
    }
    slot *s = table_find(t, map, key, len);
    *s = (slot){map, key, len, v};
    t->used++;
    return 0;
}

/* ---- documents ---- */

static int count_node(dec *d, uint32_t column)
{
    if (++d->nodes > d->opts->max_nodes)
        return fail(d, STS_ELIMIT, column, d->path_end,
                    "document exceeds the limit max_nodes (%llu nodes)",
                    (unsigned long long)d->opts->max_nodes);
    return 0;
}

static int begin_doc(dec *d)
{
    if (sts_doclist_count(d->docs) >= d->opts->max_documents)
        return fail(d, STS_ELIMIT, 1, 0, "stream exceeds the limit max_documents (%u documents)",
                    d->opts->max_documents);
    d->nodes = 0;
    d->root = NULL;
    return sts_doc_new(&d->doc);
}

static int end_doc(dec *d)
{
    free(d->tab.slots);
    d->tab = (table){NULL, 0, 0};
    if (!d->doc)
        return 0; /* an empty section between two `---` lines is no document */
    sts_doc *doc = d->doc;
    d->doc = NULL;
    if (sts_doc_set_root(doc, d->root)) {
        sts_doc_free(doc);
        return STS_EINVAL;
    }
    return sts_doclist_take(d->docs, doc);
}

/* ---- one line ---- */

static void skip_blank(flat_cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
}

static int push_step(dec *d, const step *s)
{
    if (d->nsteps == d->capsteps) {
        size_t cap = d->capsteps ? d->capsteps * 2 : 16;
        step *p = realloc(d->steps, cap * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        d->steps = p;
        d->capsteps = cap;
    }
    d->steps[d->nsteps++] = *s;
    if (d->nsteps > d->opts->max_depth)
        return fail(d, STS_ELIMIT, s->column, 0, "path exceeds the limit max_depth (%u levels)",
                    d->opts->max_depth);
    return 0;
}

/* The path grammar of sts_node_find(): `a.b[0]["c.d"]`; a bare key runs
 * until `.`, `[`, `=` or a blank. */
static int parse_path(dec *d, flat_cursor *c)
{
    d->nsteps = 0;
    d->keys.len = 0;
    int first = 1;
    while (c->p < c->end && *c->p != '=' && *c->p != ' ' && *c->p != '\t') {
        step s = {0};
        s.raw_start = (size_t)(c->p - d->line);
        s.column = col_of(d, c->p);
        const char *why = NULL;
        if (*c->p == '[') {
            c->p++;
            if (c->p < c->end && *c->p == '"') {
                s.key_off = d->keys.len;
                sts_buf key = STS_BUF_INIT;
                int rc = flat_parse_json_string(c, &key, d->opts->max_scalar_size, &why);
                if (!rc)
                    rc = sts_buf_append(&d->keys, key.data, key.len);
                s.key_len = key.len;
                sts_buf_dispose(&key);
                if (rc)
                    return why ? fail(d, rc, col_of(d, c->p), 0, "bad quoted key: %s", why) : rc;
            } else {
                const char *digits = c->p;
                while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
                    if (s.index > (SIZE_MAX - 9) / 10)
                        return fail(d, STS_EPARSE, s.column, 0, "list index too large");
                    s.index = s.index * 10 + (size_t)(*c->p++ - '0');
                }
                if (c->p == digits)
                    return fail(d, STS_EPARSE, col_of(d, c->p), 0,
                                "expected a list index or a quoted key after '['");
                s.is_index = 1;
            }
            if (c->p >= c->end || *c->p != ']')
                return fail(d, STS_EPARSE, col_of(d, c->p), 0, "expected ']'");
            c->p++;
        } else {
            if (!first) {
                if (*c->p != '.')
                    return fail(d, STS_EPARSE, col_of(d, c->p), 0,
                                "expected '.', '[' or '=' in the field path");
                c->p++;
                s.column = col_of(d, c->p);
            }
            const char *k = c->p;
            while (c->p < c->end && *c->p != '.' && *c->p != '[' && *c->p != '=' &&
                   *c->p != ' ' && *c->p != '\t')
                c->p++;
            if (c->p == k)
                return fail(d, STS_EPARSE, col_of(d, c->p), 0, "empty key in the field path");
            s.key_off = d->keys.len;
            s.key_len = (size_t)(c->p - k);
            if (sts_buf_append(&d->keys, k, s.key_len))
                return STS_ENOMEM;
        }
        int rc = push_step(d, &s);
        if (rc)
            return rc;
        first = 0;
    }
    d->path_end = (size_t)(c->p - d->line);
    return 0;
}

static const char *what(const sts_node *n)
{
    switch (sts_node_get_type(n)) {
    case STS_NODE_MAP: return "a map";
    case STS_NODE_SEQ: return "a list";
    default: return "a scalar";
    }
}

static int new_container(dec *d, sts_node **out, const step *s)
{
    int rc = s->is_index ? sts_doc_new_seq(out, d->doc) : sts_doc_new_map(out, d->doc);
    if (rc)
        return rc;
    sts_node_set_mark(*out, d->lineno, s->column, d->line_offset + s->column - 1);
    return count_node(d, s->column);
}

/* Put @p value at the parsed path, creating the maps and lists above it. */
static int place(dec *d, sts_node *value)
{
    if (d->nsteps == 0) {
        if (d->root)
            return fail(d, STS_EPARSE, 1, 0, "duplicate value for the document root (line %u)",
                        sts_node_line(d->root));
        d->root = value;
        return 0;
    }
    int rc;
    if (!d->root && (rc = new_container(d, &d->root, &d->steps[0])))
        return rc;
    sts_node *cur = d->root;
    for (size_t i = 0; i < d->nsteps; i++) {
        const step *s = &d->steps[i];
        int last = i + 1 == d->nsteps;
        sts_node_type want = s->is_index ? STS_NODE_SEQ : STS_NODE_MAP;
        if (sts_node_get_type(cur) != want)
            return fail(d, STS_EPARSE, s->column, d->path_end,
                        "conflicts with line %u, where %.*s%s is %s, not %s", sts_node_line(cur),
                        (int)s->raw_start, d->line, s->raw_start ? "" : "the document",
                        what(cur), s->is_index ? "a list" : "a map");
        sts_node *child = NULL;
        if (s->is_index) {
            size_t have = sts_node_count(cur);
            if (s->index > have)
                return fail(d, STS_EPARSE, s->column, d->path_end,
                            "list index %zu skips ahead: the list has %zu item%s so far",
                            s->index, have, have == 1 ? "" : "s");
            child = sts_node_seq_at(cur, s->index);
        } else {
            slot *hit = table_find(&d->tab, cur, d->keys.data + s->key_off, s->key_len);
            child = hit && hit->map ? hit->value : NULL;
        }
        if (child && last)
            return fail(d, STS_EPARSE, s->column, d->path_end,
                        "duplicate field: already set on line %u", sts_node_line(child));
        if (!child) {
            if (last)
                child = value;
            else if ((rc = new_container(d, &child, &d->steps[i + 1])))
                return rc;
            if (s->is_index) {
                rc = sts_node_seq_append(cur, child);
            } else {
                sts_node *key;
                rc = sts_doc_new_string(&key, d->doc, d->keys.data + s->key_off, s->key_len);
                if (!rc)
                    rc = sts_node_map_append(cur, key, child);
                if (!rc) {
                    const char *kp;
                    size_t kl;
                    sts_node_get_string(&kp, &kl, key); /* the copy lives as long as the doc */
                    rc = table_put(&d->tab, cur, kp, kl, child);
                }
            }
            if (rc)
                return rc;
        }
        cur = child;
    }
    return 0;
}

static int is_separator(const char *p, const char *end)
{
    if (end - p < 3 || memcmp(p, "---", 3) != 0)
        return 0;
    for (p += 3; p < end; p++)
        if (*p != ' ' && *p != '\t')
            return 0;
    return 1;
}

static int do_line(dec *d)
{
    flat_cursor c = {d->line, d->line + d->line_len};
    skip_blank(&c);
    if (c.p == c.end || *c.p == '#')
        return 0;
    if (c.p == d->line && is_separator(c.p, c.end))
        return end_doc(d);
    if (!d->doc) {
        int rc = begin_doc(d);
        if (rc)
            return rc;
    }
    if (c.p != d->line)
        return fail(d, STS_EPARSE, col_of(d, c.p), 0, "a line must start with its field path");
    int rc = parse_path(d, &c);
    if (rc)
        return rc;
    skip_blank(&c);
    if (c.p >= c.end || *c.p != '=')
        return fail(d, STS_EPARSE, col_of(d, c.p), d->path_end,
                    "expected '=' after the field path");
    c.p++;
    skip_blank(&c);
    const char *vstart = c.p;
    const char *why = "invalid value";
    sts_node *value = NULL;
    rc = flat_parse_value(&c, d->doc, &value, d->opts->max_scalar_size, &why);
    if (rc == STS_ENOMEM)
        return rc;
    if (rc)
        return fail(d, rc, col_of(d, c.p), d->path_end, "%s", why);
    sts_node_set_mark(value, d->lineno, col_of(d, vstart), d->line_offset + (size_t)(vstart - d->line));
    skip_blank(&c);
    if (c.p != c.end)
        return fail(d, STS_EPARSE, col_of(d, c.p), d->path_end,
                    "unexpected text after the value");
    if ((rc = count_node(d, col_of(d, vstart))))
        return rc;
    return place(d, value);
}

int flat_decode(void *userdata, sts_doclist *out, const char *data, size_t len,
                const sts_decode_opts *opts, sts_error **err)
{
    (void)userdata;
    dec d;
    memset(&d, 0, sizeof d);
    d.opts = opts;
    d.err = err;
    int rc = sts_doclist_new(&d.docs);
    const char *p = data, *end = data + len;
    while (!rc && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        d.line = p;
        d.line_len = (size_t)(le - p);
        if (d.line_len && p[d.line_len - 1] == '\r')
            d.line_len--;
        d.line_offset = (uint64_t)(p - data);
        d.lineno++;
        rc = do_line(&d);
        p = nl ? nl + 1 : end;
    }
    if (!rc)
        rc = end_doc(&d);
    /* hand over the documents only when the whole input was good */
    while (!rc && sts_doclist_count(d.docs)) {
        sts_doc *doc;
        rc = sts_doclist_steal(&doc, d.docs, 0);
        if (!rc)
            rc = sts_doclist_take(out, doc);
    }
    if (rc == STS_ENOMEM && err && !*err)
        fail(&d, rc, 0, 0, "out of memory");
    sts_doc_free(d.doc);
    free(d.tab.slots);
    free(d.steps);
    sts_buf_dispose(&d.keys);
    sts_doclist_free(d.docs);
    return rc;
}
