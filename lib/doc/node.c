/* Node creation, reading and mutation. Nodes never move once allocated, so
 * borrowed pointers stay valid while the document lives. */
#include <string.h>

#include "../internal.h"

sts_node *sts__node_alloc(sts_arena *a, sts_node_type type)
{
    sts_node *n = sts__arena_alloc(a, sizeof *n);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->arena = a;
    n->type = (uint8_t)type;
    n->offset = UINT64_MAX;
    return n;
}

sts_node *sts__node_string_borrowed(sts_arena *a, const char *s, size_t len)
{
    sts_node *n = sts__node_alloc(a, STS_NODE_STRING);
    if (n) {
        n->v.s.ptr = s;
        n->v.s.len = len;
    }
    return n;
}

int sts__node_is_string(const sts_node *n, const char *s)
{
    size_t len = strlen(s);
    return n && n->type == STS_NODE_STRING && n->v.s.len == len && memcmp(n->v.s.ptr, s, len) == 0;
}

#define NEW_NODE(type)                                   \
    if (!out || !doc)                                    \
        return STS_EINVAL;                               \
    sts_node *n = sts__node_alloc(doc->arena, (type));   \
    if (!n)                                              \
        return STS_ENOMEM

int sts_doc_new_null(sts_node **out, sts_doc *doc)
{
    NEW_NODE(STS_NODE_NULL);
    *out = n;
    return 0;
}

int sts_doc_new_bool(sts_node **out, sts_doc *doc, int value)
{
    NEW_NODE(STS_NODE_BOOL);
    n->v.b = value != 0;
    *out = n;
    return 0;
}

int sts_doc_new_int(sts_node **out, sts_doc *doc, int64_t value)
{
    NEW_NODE(STS_NODE_INT);
    n->v.i = value;
    *out = n;
    return 0;
}

int sts_doc_new_float(sts_node **out, sts_doc *doc, double value)
{
    NEW_NODE(STS_NODE_FLOAT);
    n->v.f = value;
    *out = n;
    return 0;
}

int sts_doc_new_string(sts_node **out, sts_doc *doc, const char *data, size_t len)
{
    if (!data && len)
        return STS_EINVAL;
    NEW_NODE(STS_NODE_STRING);
    char *s = sts__arena_strndup(doc->arena, data, len);
    if (!s)
        return STS_ENOMEM;
    n->v.s.ptr = s;
    n->v.s.len = len;
    *out = n;
    return 0;
}

int sts_doc_new_map(sts_node **out, sts_doc *doc)
{
    NEW_NODE(STS_NODE_MAP);
    *out = n;
    return 0;
}

int sts_doc_new_seq(sts_node **out, sts_doc *doc)
{
    NEW_NODE(STS_NODE_SEQ);
    *out = n;
    return 0;
}

sts_node_type sts_node_get_type(const sts_node *node)
{
    return node ? (sts_node_type)node->type : STS_NODE_NULL;
}

const char *sts_node_type_name(sts_node_type type)
{
    static const char *const names[] = {"null", "bool", "int", "float", "string", "map", "seq"};
    return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

sts_node_style sts_node_get_style(const sts_node *node)
{
    return node ? (sts_node_style)node->style : STS_STYLE_ANY;
}

uint32_t sts_node_line(const sts_node *node) { return node ? node->line : 0; }
uint32_t sts_node_column(const sts_node *node) { return node ? node->column : 0; }
uint64_t sts_node_offset(const sts_node *node) { return node ? node->offset : UINT64_MAX; }

int sts_node_same_doc(const sts_node *a, const sts_node *b)
{
    return a && b && a->arena == b->arena;
}

int sts_node_get_bool(int *out, const sts_node *node)
{
    if (!node || node->type != STS_NODE_BOOL)
        return STS_ETYPE;
    if (out)
        *out = node->v.b;
    return 0;
}

int sts_node_get_int(int64_t *out, const sts_node *node)
{
    if (!node || node->type != STS_NODE_INT)
        return STS_ETYPE;
    if (out)
        *out = node->v.i;
    return 0;
}

int sts_node_get_float(double *out, const sts_node *node)
{
    if (!node || (node->type != STS_NODE_FLOAT && node->type != STS_NODE_INT))
        return STS_ETYPE;
    if (out)
        *out = node->type == STS_NODE_INT ? (double)node->v.i : node->v.f;
    return 0;
}

int sts_node_get_string(const char **out, size_t *len, const sts_node *node)
{
    if (!node || node->type != STS_NODE_STRING)
        return STS_ETYPE;
    if (out)
        *out = node->v.s.ptr;
    if (len)
        *len = node->v.s.len;
    return 0;
}

const char *sts_node_get_text(const sts_node *node, size_t *len)
{
    if (!node || !node->text)
        return NULL;
    if (len)
        *len = node->text_len;
    return node->text;
}

size_t sts_node_count(const sts_node *node)
{
    if (!node || (node->type != STS_NODE_MAP && node->type != STS_NODE_SEQ))
        return 0;
    return node->v.c.count;
}

sts_node *sts_node_map_key_at(const sts_node *map, size_t i)
{
    if (!map || map->type != STS_NODE_MAP || i >= map->v.c.count)
        return NULL;
    return ((sts_entry *)map->v.c.items)[i].key;
}

sts_node *sts_node_map_value_at(const sts_node *map, size_t i)
{
    if (!map || map->type != STS_NODE_MAP || i >= map->v.c.count)
        return NULL;
    return ((sts_entry *)map->v.c.items)[i].value;
}

ptrdiff_t sts_node_map_index(const sts_node *map, const char *key, size_t keylen)
{
    if (!map || map->type != STS_NODE_MAP || (!key && keylen))
        return -1;
    const sts_entry *e = map->v.c.items;
    for (size_t i = 0; i < map->v.c.count; i++) {
        const sts_node *k = e[i].key;
        if (k->v.s.len == keylen && (keylen == 0 || memcmp(k->v.s.ptr, key, keylen) == 0))
            return (ptrdiff_t)i;
    }
    return -1;
}

sts_node *sts_node_map_get(const sts_node *map, const char *key, size_t keylen)
{
    ptrdiff_t i = sts_node_map_index(map, key, keylen);
    return i < 0 ? NULL : ((sts_entry *)map->v.c.items)[i].value;
}

sts_node *sts_node_seq_at(const sts_node *seq, size_t i)
{
    if (!seq || seq->type != STS_NODE_SEQ || i >= seq->v.c.count)
        return NULL;
    return ((sts_node **)seq->v.c.items)[i];
}

/* ---- mutation ---- */

static int grow(sts_node *c, size_t elem)
{
    if (c->v.c.count < c->v.c.cap)
        return 0;
    size_t cap = c->v.c.cap ? c->v.c.cap * 2 : 4;
    void *p = sts__arena_alloc(c->arena, cap * elem);
    if (!p)
        return STS_ENOMEM;
    if (c->v.c.count)
        memcpy(p, c->v.c.items, c->v.c.count * elem);
    c->v.c.items = p;
    c->v.c.cap = cap;
    return 0;
}

int sts__node_adopt_entries(sts_node *map, const sts_entry *entries, size_t n)
{
    sts_entry *p = NULL;
    if (n) {
        p = sts__arena_alloc(map->arena, n * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        memcpy(p, entries, n * sizeof *p);
    }
    map->v.c.items = p;
    map->v.c.count = map->v.c.cap = n;
    return 0;
}

int sts__node_adopt_items(sts_node *seq, sts_node *const *items, size_t n)
{
    sts_node **p = NULL;
    if (n) {
        p = sts__arena_alloc(seq->arena, n * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        memcpy(p, items, n * sizeof *p);
    }
    seq->v.c.items = p;
    seq->v.c.count = seq->v.c.cap = n;
    return 0;
}

int sts_node_map_append(sts_node *map, sts_node *key, sts_node *value)
{
    if (!map || map->type != STS_NODE_MAP || !key || key->type != STS_NODE_STRING || !value ||
        key->arena != map->arena || value->arena != map->arena)
        return STS_EINVAL;
    if (grow(map, sizeof(sts_entry)))
        return STS_ENOMEM;
    sts_entry *e = map->v.c.items;
    e[map->v.c.count].key = key;
    e[map->v.c.count].value = value;
    map->v.c.count++;
    return 0;
}

int sts_node_map_set(sts_node *map, const char *key, size_t keylen, sts_node *value)
{
    if (!map || map->type != STS_NODE_MAP || !value || value->arena != map->arena ||
        (!key && keylen))
        return STS_EINVAL;
    ptrdiff_t i = sts_node_map_index(map, key, keylen);
    if (i >= 0) {
        ((sts_entry *)map->v.c.items)[i].value = value;
        return 0;
    }
    char *k = sts__arena_strndup(map->arena, key, keylen);
    if (!k)
        return STS_ENOMEM;
    sts_node *kn = sts__node_string_borrowed(map->arena, k, keylen);
    if (!kn)
        return STS_ENOMEM;
    return sts_node_map_append(map, kn, value);
}

int sts_node_map_remove(sts_node *map, const char *key, size_t keylen)
{
    if (!map || map->type != STS_NODE_MAP)
        return STS_EINVAL;
    ptrdiff_t i = sts_node_map_index(map, key, keylen);
    if (i < 0)
        return STS_ENOTFOUND;
    sts_entry *e = map->v.c.items;
    memmove(e + i, e + i + 1, (map->v.c.count - (size_t)i - 1) * sizeof *e);
    map->v.c.count--;
    return 0;
}

int sts_node_seq_insert(sts_node *seq, size_t i, sts_node *item)
{
    if (!seq || seq->type != STS_NODE_SEQ || !item || item->arena != seq->arena ||
        i > seq->v.c.count)
        return STS_EINVAL;
    if (grow(seq, sizeof(sts_node *)))
        return STS_ENOMEM;
    sts_node **items = seq->v.c.items;
    memmove(items + i + 1, items + i, (seq->v.c.count - i) * sizeof *items);
    items[i] = item;
    seq->v.c.count++;
    return 0;
}

int sts_node_seq_append(sts_node *seq, sts_node *item)
{
    return sts_node_seq_insert(seq, seq ? sts_node_count(seq) : 0, item);
}

int sts_node_seq_set(sts_node *seq, size_t i, sts_node *item)
{
    if (!seq || seq->type != STS_NODE_SEQ || !item || item->arena != seq->arena ||
        i >= seq->v.c.count)
        return STS_EINVAL;
    ((sts_node **)seq->v.c.items)[i] = item;
    return 0;
}

int sts_node_seq_remove(sts_node *seq, size_t i)
{
    if (!seq || seq->type != STS_NODE_SEQ || i >= seq->v.c.count)
        return STS_EINVAL;
    sts_node **items = seq->v.c.items;
    memmove(items + i, items + i + 1, (seq->v.c.count - i - 1) * sizeof *items);
    seq->v.c.count--;
    return 0;
}

void sts_node_set_mark(sts_node *node, uint32_t line, uint32_t column, uint64_t offset)
{
    if (!node)
        return;
    node->line = line;
    node->column = column;
    node->offset = offset;
}

void sts_node_set_style(sts_node *node, sts_node_style style)
{
    if (node && (unsigned)style <= STS_STYLE_BLOCK)
        node->style = (uint8_t)style;
}

int sts_node_set_text(sts_node *node, const char *text, size_t len)
{
    if (!node || (!text && len) || len > UINT32_MAX)
        return STS_EINVAL;
    if (!text) {
        node->text = NULL;
        node->text_len = 0;
        return 0;
    }
    char *t = sts__arena_strndup(node->arena, text, len);
    if (!t)
        return STS_ENOMEM;
    node->text = t;
    node->text_len = (uint32_t)len;
    return 0;
}
