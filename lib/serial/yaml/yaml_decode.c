/* YAML bytes -> document trees, built straight from libyaml events.
 *
 * Why events and not yaml_parser_load: libyaml's own tree costs ~1.5x the
 * bare event scan; building our nodes from events into one arena per
 * document, with children gathered on two scratch stacks and copied once
 * when their collection ends, keeps decoding close to the scan itself.
 *
 * Kubernetes semantics (what kubectl reads; see tests/data/yaml/):
 * - plain scalars resolve as go-yaml v2 does (yaml_resolve.c);
 * - map keys become strings (`yes:` -> "true", `1e3:` -> "1000");
 * - aliases are copies; `<<` merges are applied in order, each assignment
 *   replacing an earlier value in place (so keys written before a merge
 *   are overwritten by it, keys after it win);
 * - empty and null documents are skipped, as kubectl skips them. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yaml_private.h"

#define TAG_PREFIX "tag:yaml.org,2002:"

enum { F_MAP, F_SEQ };

typedef struct frame {
    sts_node *node;
    size_t base;           /* first slot of this collection on its scratch stack */
    sts_node *key;         /* map: pending key (NULL = expecting a key) */
    const char *anchor;    /* arena copy, registered when the collection ends */
    uint64_t nodes_at_start;
    uint8_t kind;
    uint8_t has_merge;
    uint8_t key_is_merge;
} frame;

typedef struct anchor {
    const char *name;
    sts_node *node;
    uint64_t nodes; /* size of the subtree: what one alias expands to */
} anchor;

typedef struct decoder {
    const sts_decode_opts *opts;
    sts_error **err;
    const char *input;
    size_t len;
    int keep_source;
    /* char index -> byte offset (libyaml marks count characters) */
    size_t cur_char, cur_byte;
    size_t next_na; /* first non-ASCII byte at or after cur_byte, or len */
    /* per document */
    sts_arena *arena;
    char *bump;        /* the rest of the current block taken from the arena */
    size_t bump_left;
    uint64_t nodes, expanded;
    /* scratch, reused across documents */
    frame *frames;
    size_t nframes, cap_frames;
    sts_entry *entries;
    size_t nentries, cap_entries;
    sts_node **items;
    size_t nitems, cap_items;
    anchor *anchors;
    size_t nanchors, cap_anchors; /* open addressing, cap is a power of two */
    /* finished documents, handed over only when the whole stream is good */
    sts_doc **docs;
    size_t ndocs, cap_docs;
} decoder;

/* ---- positions ---- */

/* First byte at or after @p i with the high bit set, or @p n. Eight bytes
 * at a time: manifests are ASCII but for the odd name or comment. */
static size_t next_non_ascii(const char *s, size_t n, size_t i)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] & 0x80)
            return i;
    return n;
}

/* libyaml marks count characters; nodes and errors carry byte offsets.
 * Marks arrive in order, so a cursor walks forward: through ASCII it jumps
 * (one byte per character, and no byte before the next non-ASCII one can
 * be a continuation byte); only multi-byte characters are stepped over. */
static uint64_t byte_offset_walk(decoder *d, size_t char_index)
{
    if (char_index < d->cur_char) {
        d->cur_char = 0;
        d->cur_byte = 0;
        d->next_na = next_non_ascii(d->input, d->len, 0);
    }
    while (d->cur_char < char_index && d->cur_byte < d->len) {
        if (d->cur_byte + 2 <= d->next_na) {
            /* every byte landed on up to next_na - 1 is ASCII */
            size_t k = char_index - d->cur_char, room = d->next_na - 1 - d->cur_byte;
            if (k > room)
                k = room;
            d->cur_byte += k;
            d->cur_char += k;
            continue;
        }
        d->cur_byte++;
        while (d->cur_byte < d->len && ((unsigned char)d->input[d->cur_byte] & 0xC0) == 0x80)
            d->cur_byte++;
        d->cur_char++;
        if (d->cur_byte > d->next_na)
            d->next_na = next_non_ascii(d->input, d->len, d->cur_byte);
    }
    return d->cur_byte;
}

static inline uint64_t byte_offset(decoder *d, size_t char_index)
{
    /* the common case, inline: forward within the current ASCII run */
    if (char_index >= d->cur_char && d->cur_byte + (char_index - d->cur_char) < d->next_na) {
        d->cur_byte += char_index - d->cur_char;
        d->cur_char = char_index;
        return d->cur_byte;
    }
    return byte_offset_walk(d, char_index);
}

static void mark(decoder *d, sts_node *n, const yaml_mark_t *m)
{
    n->line = (uint32_t)m->line + 1;
    n->column = (uint32_t)m->column + 1;
    n->offset = byte_offset(d, m->index);
}

/* ---- errors ---- */

#define FAIL(d, code, m, ...)                                                         \
    sts__err_at((d)->err, (code), (uint32_t)(m)->line + 1, (uint32_t)(m)->column + 1,     \
                byte_offset((d), (m)->index), NULL, __VA_ARGS__)

static int oom(decoder *d)
{
    return sts__err(d->err, STS_ENOMEM, "out of memory");
}

/* Position of a reader error, which libyaml reports as an offset only. */
static int reader_error(decoder *d, const yaml_parser_t *p)
{
    size_t off = p->problem_offset < d->len ? p->problem_offset : d->len;
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char c = (unsigned char)d->input[i];
        if (c == '\n') {
            line++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
    if (p->problem_value != -1)
        return sts__err_at(d->err, STS_EPARSE, line, col, off, NULL, "%s: #%X", p->problem,
                           (unsigned)p->problem_value);
    return sts__err_at(d->err, STS_EPARSE, line, col, off, NULL, "%s", p->problem);
}

static int parser_error(decoder *d, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return oom(d);
    if (p->error == YAML_READER_ERROR)
        return reader_error(d, p);
    const char *problem = p->problem ? p->problem : "invalid YAML";
    if (p->context)
        return sts__err_at(d->err, STS_EPARSE, (uint32_t)p->problem_mark.line + 1,
                           (uint32_t)p->problem_mark.column + 1,
                           byte_offset((decoder *)d, p->problem_mark.index), NULL,
                           "%s at line %zu, column %zu: %s", p->context,
                           (size_t)p->context_mark.line + 1, (size_t)p->context_mark.column + 1,
                           problem);
    return sts__err_at(d->err, STS_EPARSE, (uint32_t)p->problem_mark.line + 1,
                       (uint32_t)p->problem_mark.column + 1,
                       byte_offset(d, p->problem_mark.index), NULL, "%s", problem);
}

/* ---- scratch stacks ---- */

static int reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return STS_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}

/* ---- anchors: open addressing on the name ---- */

static uint64_t hash_name(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static anchor *anchor_slot(decoder *d, const char *name)
{
    if (!d->cap_anchors)
        return NULL;
    size_t mask = d->cap_anchors - 1;
    for (size_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        anchor *a = &d->anchors[i];
        if (!a->name || strcmp(a->name, name) == 0)
            return a;
    }
}

static int anchor_set(decoder *d, const char *name, sts_node *node, uint64_t count)
{
    if ((d->nanchors + 1) * 2 > d->cap_anchors) {
        size_t cap = d->cap_anchors ? d->cap_anchors * 2 : 16;
        anchor *old = d->anchors;
        size_t oldcap = d->cap_anchors;
        d->anchors = calloc(cap, sizeof *d->anchors);
        if (!d->anchors) {
            d->anchors = old;
            return STS_ENOMEM;
        }
        d->cap_anchors = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].name)
                *anchor_slot(d, old[i].name) = old[i];
        free(old);
    }
    anchor *a = anchor_slot(d, name);
    if (!a->name)
        d->nanchors++;
    a->name = name; /* a redefinition replaces the earlier anchor */
    a->node = node;
    a->nodes = count;
    return 0;
}

/* ---- nodes ---- */

static int count_node(decoder *d, const yaml_mark_t *m)
{
    if (++d->nodes > d->opts->max_nodes) {
        return FAIL(d, STS_ELIMIT, m, "document has more nodes than the limit max_nodes (%llu nodes)",
                    (unsigned long long)d->opts->max_nodes);
    }
    return 0;
}

/* Aliases are copies: the tree stays a tree, so changing one place never
 * changes another. Depth is bounded by max_depth of the original. */
static sts_node *copy_tree(sts_arena *a, const sts_node *src)
{
    sts_node *n = sts__arena_alloc(a, sizeof *n);
    if (!n)
        return NULL;
    *n = *src; /* strings and texts are immutable arena bytes: shared */
    if (src->type == STS_NODE_MAP && src->v.c.count) {
        sts_entry *e = sts__arena_alloc(a, src->v.c.count * sizeof *e);
        if (!e)
            return NULL;
        const sts_entry *se = src->v.c.items;
        for (size_t i = 0; i < src->v.c.count; i++) {
            e[i].key = copy_tree(a, se[i].key);
            e[i].value = copy_tree(a, se[i].value);
            if (!e[i].key || !e[i].value)
                return NULL;
        }
        n->v.c.items = e;
        n->v.c.cap = src->v.c.count;
    } else if (src->type == STS_NODE_SEQ && src->v.c.count) {
        sts_node **it = sts__arena_alloc(a, src->v.c.count * sizeof *it);
        if (!it)
            return NULL;
        sts_node *const *si = src->v.c.items;
        for (size_t i = 0; i < src->v.c.count; i++)
            if (!(it[i] = copy_tree(a, si[i])))
                return NULL;
        n->v.c.items = it;
        n->v.c.cap = src->v.c.count;
    }
    return n;
}

static int tag_is(const char *tag, const char *name)
{
    size_t p = sizeof TAG_PREFIX - 1;
    return strncmp(tag, TAG_PREFIX, p) == 0 && strcmp(tag + p, name) == 0;
}

static const char *short_tag(const char *tag)
{
    static const char *const names[] = {"str", "int", "float", "bool", "null", "binary",
                                        "timestamp", "map", "seq", "merge"};
    static const char *const shorts[] = {"!!str", "!!int", "!!float", "!!bool", "!!null",
                                         "!!binary", "!!timestamp", "!!map", "!!seq", "!!merge"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (tag_is(tag, names[i]))
            return shorts[i];
    return tag;
}

static const char *value_tag(const sts__yaml_value *v)
{
    switch (v->type) {
    case STS_NODE_NULL: return "!!null";
    case STS_NODE_BOOL: return "!!bool";
    case STS_NODE_INT: return "!!int";
    case STS_NODE_FLOAT: return v->is_uint ? "!!int" : "!!float";
    default: return "!!str";
    }
}

/* go-yaml v2 resolve(tag, value) for the tags Kubernetes honours. */
static int resolve_tagged(decoder *d, sts__yaml_value *v, const yaml_event_t *ev)
{
    const char *tag = (const char *)ev->data.scalar.tag;
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    memset(v, 0, sizeof *v);
    v->type = STS_NODE_STRING;
    if (tag_is(tag, "str") || tag_is(tag, "timestamp") || tag_is(tag, "binary") ||
        strncmp(tag, TAG_PREFIX, sizeof TAG_PREFIX - 1) != 0)
        return 0; /* strings; unknown (local) tags are ignored, as go-yaml does */
    if (tag_is(tag, "null")) {
        if (n == 0 || (sts__yaml_resolve_plain(v, s, n), v->type == STS_NODE_NULL)) {
            v->type = STS_NODE_NULL;
            return 0;
        }
    } else {
        sts__yaml_resolve_plain(v, s, n);
        if (v->type == STS_NODE_NULL && n == 0)
            v->type = STS_NODE_STRING;
        if (tag_is(tag, "int") && v->type == STS_NODE_INT)
            return 0;
        if (tag_is(tag, "int") && v->type == STS_NODE_FLOAT && v->is_uint)
            return 0;
        if (tag_is(tag, "float") && (v->type == STS_NODE_FLOAT || v->type == STS_NODE_INT)) {
            if (v->type == STS_NODE_INT)
                v->f = (double)v->i;
            v->type = STS_NODE_FLOAT;
            return 0;
        }
        if (tag_is(tag, "bool") && v->type == STS_NODE_BOOL)
            return 0;
        if (!tag_is(tag, "int") && !tag_is(tag, "float") && !tag_is(tag, "bool")) {
            v->type = STS_NODE_STRING; /* !!map / !!seq on a scalar and the like */
            return 0;
        }
    }
    /* kubectl: "cannot decode !!str `abc` as a !!int" */
    char what[512];
    snprintf(what, sizeof what, "%s `%.*s`", value_tag(v), n > 200 ? 200 : (int)n, s);
    return FAIL(d, STS_EPARSE, &ev->start_mark, "cannot decode %s as a %s", what, short_tag(tag));
}

/* Small enough that the unused tail of an arena chunk (a block that does
 * not fit starts a new chunk) stays small: 4 KB blocks doubled the page
 * faults per decode of the bench corpus, 1 KB keeps them as before. */
#define BUMP_BLOCK 1024u

/* Memory of the document's arena, taken from it a block at a time: nodes,
 * their strings and child arrays are small and many (one arena call per
 * node was a tenth of the decoder's own cost). Big requests go straight to
 * the arena. The arena's own 16-byte rounding and alignment are kept. */
static void *doc_alloc(decoder *d, size_t size)
{
    size = size ? (size + 15u) & ~(size_t)15u : 16u;
    if (size <= d->bump_left) {
        void *p = d->bump;
        d->bump += size;
        d->bump_left -= size;
        return p;
    }
    if (size > BUMP_BLOCK / 4)
        return sts__arena_alloc(d->arena, size);
    char *b = sts__arena_alloc(d->arena, BUMP_BLOCK);
    if (!b)
        return NULL;
    d->bump = b + size;
    d->bump_left = BUMP_BLOCK - size;
    return b;
}

/* A node as sts__node_alloc makes it, with @p extra bytes after it in the
 * same block: a string scalar and its bytes take one allocation and sit
 * side by side. */
static sts_node *new_node(decoder *d, sts_node_type type, size_t extra)
{
    sts_node *n = doc_alloc(d, sizeof *n + extra);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->arena = d->arena;
    n->type = (uint8_t)type;
    n->offset = UINT64_MAX;
    return n;
}

static sts_node *new_scalar(decoder *d, const yaml_event_t *ev, int *rc)
{
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (n > d->opts->max_scalar_size) {
        *rc = FAIL(d, STS_ELIMIT, &ev->start_mark,
                   "scalar of %zu bytes exceeds the limit max_scalar_size (%llu bytes)", n,
                   (unsigned long long)d->opts->max_scalar_size);
        return NULL;
    }
    sts__yaml_value v;
    int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    const char *tag = (const char *)ev->data.scalar.tag;
    if (tag && strcmp(tag, "!") != 0) {
        if ((*rc = resolve_tagged(d, &v, ev)))
            return NULL;
    } else if (plain && !tag && (n == 0 || sts__yaml_plain_may_resolve((unsigned char)s[0]))) {
        sts__yaml_resolve_plain(&v, s, n);
    } else {
        v.type = STS_NODE_STRING;
    }
    int binary = v.type == STS_NODE_STRING && tag && tag_is(tag, "binary");
    sts_node *node = new_node(d, v.type, v.type == STS_NODE_STRING && !binary ? n + 1 : 0);
    if (!node) {
        *rc = oom(d);
        return NULL;
    }
    mark(d, node, &ev->start_mark);
    int need_text = 0;
    switch (v.type) {
    case STS_NODE_STRING: {
        char *p;
        if (binary) {
            p = sts__arena_alloc(d->arena, n + 1);
            size_t m = p ? sts__yaml_base64_decode((unsigned char *)p, s, n) : 0;
            if (p && m == (size_t)-1) {
                *rc = FAIL(d, STS_EPARSE, &ev->start_mark, "invalid base64 in a !!binary scalar");
                return NULL;
            }
            if (p)
                p[m] = '\0';
            n = m;
        } else {
            p = (char *)(node + 1);
            if (n)
                memcpy(p, s, n);
            p[n] = '\0';
        }
        if (!p) {
            *rc = oom(d);
            return NULL;
        }
        node->v.s.ptr = p;
        node->v.s.len = n;
        break;
    }
    case STS_NODE_BOOL:
        node->v.b = v.b;
        need_text = !(n == 4 && memcmp(s, "true", 4) == 0) && !(n == 5 && memcmp(s, "false", 5) == 0);
        break;
    case STS_NODE_NULL:
        need_text = !(n == 4 && memcmp(s, "null", 4) == 0);
        break;
    case STS_NODE_INT: {
        node->v.i = v.i;
        /* canonical decimal needs no text: -?[1-9][0-9]* or 0 */
        size_t k = s[0] == '-' ? 1 : 0;
        need_text = k >= n || (s[k] == '0' && n - k > 1) || (k == 0 && s[0] == '0' && n > 1);
        for (size_t j = k; !need_text && j < n; j++)
            need_text = s[j] < '0' || s[j] > '9';
        need_text = need_text || (n == 2 && s[0] == '-' && s[1] == '0');
        break;
    }
    case STS_NODE_FLOAT:
        node->v.f = v.f;
        need_text = 1;
        break;
    default:
        break;
    }
    if (d->keep_source) {
        switch (ev->data.scalar.style) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: node->style = STS_STYLE_SINGLE_QUOTED; break;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: node->style = STS_STYLE_DOUBLE_QUOTED; break;
        case YAML_LITERAL_SCALAR_STYLE: node->style = STS_STYLE_LITERAL; break;
        case YAML_FOLDED_SCALAR_STYLE: node->style = STS_STYLE_FOLDED; break;
        default: node->style = STS_STYLE_PLAIN;
        }
        if (need_text || (tag && strcmp(tag, "!") != 0 && v.type != STS_NODE_STRING)) {
            char *t = sts__arena_strndup(d->arena, s, ev->data.scalar.length);
            if (!t) {
                *rc = oom(d);
                return NULL;
            }
            node->text = t;
            node->text_len = (uint32_t)ev->data.scalar.length;
        }
    }
    return node;
}

/* A map key as Kubernetes sees it: always a string. */
static int make_key(decoder *d, sts_node *key, const yaml_mark_t *m, sts_node **out)
{
    if (key->type == STS_NODE_STRING) {
        *out = key;
        return 0;
    }
    if (key->type == STS_NODE_MAP || key->type == STS_NODE_SEQ)
        return FAIL(d, STS_EPARSE, m, "invalid map key: a %s cannot be a key",
                    key->type == STS_NODE_MAP ? "map" : "sequence");
    sts__yaml_value v;
    memset(&v, 0, sizeof v);
    v.type = (sts_node_type)key->type;
    v.b = key->v.b;
    v.i = key->v.i;
    v.f = key->v.f;
    if (key->type == STS_NODE_FLOAT && key->text) {
        sts__yaml_value r;
        sts__yaml_resolve_plain(&r, key->text, key->text_len);
        v.is_uint = r.is_uint;
    }
    char buf[48];
    const char *why;
    size_t n = sts__yaml_key_text(buf, &v, &why);
    if (why)
        return FAIL(d, STS_EPARSE, m, "unsupported map key of type %s", why);
    char *p = sts__arena_strndup(d->arena, buf, n);
    if (!p)
        return oom(d);
    key->type = STS_NODE_STRING;
    key->v.s.ptr = p;
    key->v.s.len = n;
    *out = key;
    return 0;
}

/* ---- maps: duplicates and merges ---- */

static ptrdiff_t find_key(const sts_entry *e, size_t n, const sts_node *k)
{
    for (size_t i = 0; i < n; i++)
        if (e[i].key && e[i].key->v.s.len == k->v.s.len &&
            memcmp(e[i].key->v.s.ptr, k->v.s.ptr, k->v.s.len) == 0)
            return (ptrdiff_t)i;
    return -1;
}

static int dup_error(decoder *d, const sts_node *first, const sts_node *again)
{
    char key[160];
    size_t n = first->v.s.len > 120 ? 120 : first->v.s.len;
    snprintf(key, sizeof key, "%.*s%s", (int)n, first->v.s.ptr, first->v.s.len > n ? "..." : "");
    char lines[96];
    snprintf(lines, sizeof lines, "(line %u; first set at line %u)", again->line, first->line);
    return sts__err_at(d->err, STS_EPARSE, again->line, again->column, again->offset, NULL,
                       "key \"%s\" already set in map %s", key, lines);
}

/* Sort-free duplicate check: small maps pairwise, big ones via a hash of
 * indices (a hostile map of a million keys must not take n^2). */
static int check_duplicates(decoder *d, sts_entry *e, size_t n)
{
    if (n < 2)
        return 0;
    if (n <= 24) {
        for (size_t i = 1; i < n; i++) {
            const sts_node *k = e[i].key;
            for (size_t j = 0; j < i; j++) {
                const sts_node *o = e[j].key;
                if (o->v.s.len == k->v.s.len && memcmp(o->v.s.ptr, k->v.s.ptr, k->v.s.len) == 0)
                    return dup_error(d, o, k);
            }
        }
        return 0;
    }
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    size_t *tab = malloc(cap * sizeof *tab);
    if (!tab)
        return oom(d);
    for (size_t i = 0; i < cap; i++)
        tab[i] = SIZE_MAX;
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const sts_node *k = e[i].key;
        uint64_t h = 1469598103934665603ull;
        for (size_t c = 0; c < k->v.s.len; c++)
            h = (h ^ (unsigned char)k->v.s.ptr[c]) * 1099511628211ull;
        for (size_t s = h & (cap - 1);; s = (s + 1) & (cap - 1)) {
            if (tab[s] == SIZE_MAX) {
                tab[s] = i;
                break;
            }
            const sts_node *o = e[tab[s]].key;
            if (o->v.s.len == k->v.s.len && memcmp(o->v.s.ptr, k->v.s.ptr, k->v.s.len) == 0) {
                rc = dup_error(d, o, k);
                break;
            }
        }
    }
    free(tab);
    return rc;
}

/* Set-or-replace into the result being built at out[0..*n). */
static void assign(sts_entry *out, size_t *n, sts_node *key, sts_node *value)
{
    ptrdiff_t i = find_key(out, *n, key);
    if (i >= 0) {
        out[i].value = value;
    } else {
        out[*n].key = key;
        out[*n].value = value;
        (*n)++;
    }
}

static int merge_one(decoder *d, sts_entry *out, size_t *n, const sts_node *src)
{
    const sts_entry *se = src->v.c.items;
    for (size_t i = 0; i < src->v.c.count; i++)
        assign(out, n, se[i].key, se[i].value);
    (void)d;
    return 0;
}

static int merge_error(decoder *d, const sts_node *at)
{
    return sts__err_at(d->err, STS_EPARSE, at->line, at->column, at->offset, NULL,
                       "map merge requires map or sequence of maps as the value");
}

/* Entries in order; a merge (key NULL) assigns the merged maps' entries at
 * its position, later sources of a merge list first so earlier ones win,
 * exactly the order go-yaml v2 assigns them. */
static int finish_map_entries(decoder *d, frame *f, sts_entry *raw, size_t n, sts_entry **res,
                              size_t *rn)
{
    int allow_dup = (d->opts->flags & STS_DECODE_ALLOW_DUPLICATE_KEYS) != 0;
    if (!f->has_merge) {
        if (!allow_dup) {
            int rc = check_duplicates(d, raw, n);
            if (rc)
                return rc;
            *res = raw;
            *rn = n;
            return 0;
        }
    } else if (!allow_dup) {
        /* explicit keys may not repeat each other; overriding merged ones is the point */
        sts_entry *tmp = malloc(n * sizeof *tmp);
        if (!tmp)
            return oom(d);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (raw[i].key)
                tmp[k++] = raw[i];
        int rc = check_duplicates(d, tmp, k);
        free(tmp);
        if (rc)
            return rc;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (raw[i].key) {
            total++;
            continue;
        }
        const sts_node *v = raw[i].value;
        if (v->type == STS_NODE_MAP) {
            total += v->v.c.count;
        } else if (v->type == STS_NODE_SEQ) {
            sts_node *const *it = v->v.c.items;
            for (size_t j = 0; j < v->v.c.count; j++) {
                if (it[j]->type != STS_NODE_MAP)
                    return merge_error(d, it[j]);
                total += it[j]->v.c.count;
            }
        } else {
            return merge_error(d, v);
        }
    }
    sts_entry *out = doc_alloc(d, (total ? total : 1) * sizeof *out);
    if (!out)
        return oom(d);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (raw[i].key) {
            assign(out, &m, raw[i].key, raw[i].value);
        } else if (raw[i].value->type == STS_NODE_MAP) {
            merge_one(d, out, &m, raw[i].value);
        } else {
            const sts_node *seq = raw[i].value;
            sts_node *const *it = seq->v.c.items;
            for (size_t j = seq->v.c.count; j-- > 0;)
                merge_one(d, out, &m, it[j]);
        }
    }
    *res = out;
    *rn = m;
    return 0;
}

/* ---- the event loop ---- */

static int push_frame(decoder *d, sts_node *node, uint8_t kind, const yaml_event_t *ev,
                      const yaml_char_t *anchor_name)
{
    if (d->nframes + 1 > d->opts->max_depth) {
        return FAIL(d, STS_ELIMIT, &ev->start_mark, "nesting exceeds the limit max_depth (%u levels)",
                    d->opts->max_depth);
    }
    if (reserve((void **)&d->frames, &d->cap_frames, d->nframes + 1, sizeof *d->frames))
        return oom(d);
    frame *f = &d->frames[d->nframes++];
    memset(f, 0, sizeof *f);
    f->node = node;
    f->kind = kind;
    f->base = kind == F_MAP ? d->nentries : d->nitems;
    f->nodes_at_start = d->nodes;
    if (anchor_name) {
        f->anchor = sts__arena_strndup(d->arena, (const char *)anchor_name,
                                       strlen((const char *)anchor_name));
        if (!f->anchor)
            return oom(d);
    }
    return 0;
}

/* Hand a finished node to the enclosing collection (or make it the root). */
static int attach(decoder *d, sts_node *node, int merge_key, const yaml_mark_t *m,
                  sts_node **root)
{
    if (!d->nframes) {
        *root = node;
        return 0;
    }
    frame *f = &d->frames[d->nframes - 1];
    if (f->kind == F_SEQ) {
        if (d->nitems == d->cap_items &&
            reserve((void **)&d->items, &d->cap_items, d->nitems + 1, sizeof *d->items))
            return oom(d);
        d->items[d->nitems++] = node;
        return 0;
    }
    if (!f->key && !f->key_is_merge) {
        if (merge_key) {
            f->key_is_merge = 1;
            f->has_merge = 1;
            return 0;
        }
        if (node->type == STS_NODE_STRING) { /* nearly every key */
            /* the JSON decoder's rule too (json-c keeps keys as C strings),
             * so whatever this library reads it can write and read back */
            if (node->v.s.len && memchr(node->v.s.ptr, 0, node->v.s.len))
                return FAIL(d, STS_EPARSE, m, "object key contains U+0000, which is not supported");
            f->key = node;
            return 0;
        }
        return make_key(d, node, m, &f->key);
    }
    if (d->nentries == d->cap_entries &&
        reserve((void **)&d->entries, &d->cap_entries, d->nentries + 1, sizeof *d->entries))
        return oom(d);
    d->entries[d->nentries].key = f->key_is_merge ? NULL : f->key;
    d->entries[d->nentries].value = node;
    d->nentries++;
    f->key = NULL;
    f->key_is_merge = 0;
    return 0;
}

/* sts__node_adopt_items/_entries, with the copy in the document's block */
static int adopt(decoder *d, sts_node *node, const void *items, size_t n, size_t elem)
{
    void *p = NULL;
    if (n) {
        if (!(p = doc_alloc(d, n * elem)))
            return STS_ENOMEM;
        memcpy(p, items, n * elem);
    }
    node->v.c.items = p;
    node->v.c.count = node->v.c.cap = n;
    return 0;
}

static int end_collection(decoder *d, sts_node **out)
{
    frame *f = &d->frames[d->nframes - 1];
    sts_node *node = f->node;
    int rc;
    /* the scratch stacks are NULL until the first child: no offset on NULL */
    if (f->kind == F_SEQ) {
        rc = adopt(d, node, d->items ? d->items + f->base : NULL, d->nitems - f->base,
                   sizeof *d->items);
        d->nitems = f->base;
    } else {
        sts_entry *res = NULL, *first = d->entries ? d->entries + f->base : NULL;
        size_t rn = 0;
        rc = finish_map_entries(d, f, first, d->nentries - f->base, &res, &rn);
        if (!rc) {
            if (res == first) {
                rc = adopt(d, node, res, rn, sizeof *res);
            } else {
                node->v.c.items = res;
                node->v.c.count = node->v.c.cap = rn;
            }
        }
        d->nentries = f->base;
    }
    if (rc)
        return rc == STS_ENOMEM ? oom(d) : rc;
    if (f->anchor && anchor_set(d, f->anchor, node, d->nodes - f->nodes_at_start + 1))
        return oom(d);
    d->nframes--;
    *out = node;
    return 0;
}

static int alias_node(decoder *d, const yaml_event_t *ev, sts_node **out)
{
    const char *name = (const char *)ev->data.alias.anchor;
    anchor *a = anchor_slot(d, name);
    if (!a || !a->name)
        return FAIL(d, STS_EPARSE, &ev->start_mark, "unknown anchor '%s' referenced", name);
    d->expanded += a->nodes;
    if (d->expanded > d->opts->max_alias_expansion) {
        return FAIL(d, STS_ELIMIT, &ev->start_mark,
                    "alias expansion exceeds the limit max_alias_expansion (%llu nodes)",
                    (unsigned long long)d->opts->max_alias_expansion);
    }
    d->nodes += a->nodes;
    if (d->nodes > d->opts->max_nodes) {
        return FAIL(d, STS_ELIMIT, &ev->start_mark,
                    "document has more nodes than the limit max_nodes (%llu nodes)",
                    (unsigned long long)d->opts->max_nodes);
    }
    *out = copy_tree(d->arena, a->node);
    return *out ? 0 : oom(d);
}

static void reset_doc(decoder *d)
{
    sts__arena_unref(d->arena);
    d->arena = NULL;
    d->bump = NULL;
    d->bump_left = 0;
    d->nframes = d->nentries = d->nitems = 0;
    d->nodes = d->expanded = 0;
    if (d->nanchors) {
        memset(d->anchors, 0, d->cap_anchors * sizeof *d->anchors);
        d->nanchors = 0;
    }
}

static int finish_doc(decoder *d, sts_node *root, const yaml_mark_t *m)
{
    /* kubectl skips documents that are empty or null */
    if (!root || root->type == STS_NODE_NULL)
        return 0;
    if (d->ndocs + 1 > d->opts->max_documents) {
        return FAIL(d, STS_ELIMIT, m, "stream has more documents than the limit max_documents (%u)",
                    d->opts->max_documents);
    }
    if (reserve((void **)&d->docs, &d->cap_docs, d->ndocs + 1, sizeof *d->docs))
        return oom(d);
    sts_doc *doc = sts__doc_new_in(d->arena, root);
    if (!doc)
        return oom(d);
    d->docs[d->ndocs++] = doc;
    return 0;
}

static int handle(decoder *d, yaml_event_t *ev, sts_node **root)
{
    sts_node *node = NULL;
    int rc = 0;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        reset_doc(d);
        d->arena = sts__arena_new();
        *root = NULL;
        return d->arena ? 0 : oom(d);
    case YAML_DOCUMENT_END_EVENT:
        rc = finish_doc(d, *root, &ev->start_mark);
        reset_doc(d);
        return rc;
    case YAML_SCALAR_EVENT: {
        if ((rc = count_node(d, &ev->start_mark)))
            return rc;
        int merge = 0;
        if (d->nframes && d->frames[d->nframes - 1].kind == F_MAP &&
            !d->frames[d->nframes - 1].key && !d->frames[d->nframes - 1].key_is_merge &&
            ev->data.scalar.length == 2 && memcmp(ev->data.scalar.value, "<<", 2) == 0 &&
            ((ev->data.scalar.plain_implicit && !ev->data.scalar.tag) ||
             (ev->data.scalar.tag && tag_is((const char *)ev->data.scalar.tag, "merge"))))
            merge = 1;
        if (merge)
            return attach(d, NULL, 1, &ev->start_mark, root);
        node = new_scalar(d, ev, &rc);
        if (!node)
            return rc;
        if (ev->data.scalar.anchor) {
            const char *name = sts__arena_strndup(d->arena, (const char *)ev->data.scalar.anchor,
                                                  strlen((const char *)ev->data.scalar.anchor));
            if (!name || anchor_set(d, name, node, 1))
                return oom(d);
        }
        return attach(d, node, 0, &ev->start_mark, root);
    }
    case YAML_ALIAS_EVENT:
        if ((rc = alias_node(d, ev, &node)))
            return rc;
        return attach(d, node, 0, &ev->start_mark, root);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int is_map = ev->type == YAML_MAPPING_START_EVENT;
        if ((rc = count_node(d, &ev->start_mark)))
            return rc;
        node = new_node(d, is_map ? STS_NODE_MAP : STS_NODE_SEQ, 0);
        if (!node)
            return oom(d);
        mark(d, node, &ev->start_mark);
        if (d->keep_source) {
            int flow = is_map ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                              : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
            node->style = flow ? STS_STYLE_FLOW : STS_STYLE_BLOCK;
        }
        /* a collection in key position is refused when it ends; record it */
        return push_frame(d, node, is_map ? F_MAP : F_SEQ, ev,
                          is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor);
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
        if ((rc = end_collection(d, &node)))
            return rc;
        if (d->nframes && d->frames[d->nframes - 1].kind == F_MAP &&
            !d->frames[d->nframes - 1].key && !d->frames[d->nframes - 1].key_is_merge) {
            return sts__err_at(d->err, STS_EPARSE, node->line, node->column, node->offset,
                               NULL, "invalid map key: a %s cannot be a key",
                               node->type == STS_NODE_MAP ? "map" : "sequence");
        }
        return attach(d, node, 0, &ev->start_mark, root);
    }
    default:
        return 0;
    }
}

static void decoder_free(decoder *d)
{
    reset_doc(d);
    for (size_t i = 0; i < d->ndocs; i++)
        sts_doc_free(d->docs[i]);
    free(d->docs);
    free(d->frames);
    free(d->entries);
    free(d->items);
    free(d->anchors);
}

int sts__yaml_decode(void *userdata, sts_doclist *out, const char *data, size_t len,
                     const sts_decode_opts *opts, sts_error **err)
{
    (void)userdata;
    decoder d;
    memset(&d, 0, sizeof d);
    d.opts = opts;
    d.err = err;
    d.input = data;
    d.len = len;
    d.keep_source = !(opts->flags & STS_DECODE_NO_SOURCE_TEXT);
    d.next_na = next_non_ascii(data, len, 0);

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return oom(&d);
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    int rc = 0;
    sts_node *root = NULL;
    /* each document is handed over as soon as it is complete, while it is
     * still in the cache (the caller may look at it then); a failure later
     * in the stream takes them all back */
    size_t before = sts_doclist_count(out), handed = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = parser_error(&d, &parser);
            break;
        }
        yaml_event_type_t type = ev.type;
        rc = handle(&d, &ev, &root);
        yaml_event_delete(&ev);
        for (; !rc && handed < d.ndocs; handed++) {
            sts_doc *doc = d.docs[handed];
            d.docs[handed] = NULL;
            if (sts_doclist_take(out, doc)) /* frees doc on failure */
                rc = oom(&d);
        }
        if (rc || type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    while (rc && sts_doclist_count(out) > before) {
        sts_doc *doc;
        if (sts_doclist_steal(&doc, out, sts_doclist_count(out) - 1))
            break;
        sts_doc_free(doc);
    }
    decoder_free(&d);
    return rc;
}
