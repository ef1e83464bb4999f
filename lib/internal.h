/* Private declarations shared across the library (never installed). */
#ifndef STS_INTERNAL_H
#define STS_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "statefulset/statefulset.h"

#if defined(__GNUC__)
#define STS__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define STS__PRINTF(a, b)
#endif

/* ---- arena: bump allocation, one per document (shared by List views) ---- */
typedef struct sts_arena sts_arena;
sts_arena *sts__arena_new(void);
void sts__arena_ref(sts_arena *a);
void sts__arena_unref(sts_arena *a);
void *sts__arena_alloc(sts_arena *a, size_t size);
char *sts__arena_strndup(sts_arena *a, const char *s, size_t len);

/* ---- nodes ---- */
typedef struct sts_entry {
    sts_node *key;
    sts_node *value;
} sts_entry;

struct sts_node {
    sts_arena *arena;
    const char *text;    /* original scalar text, or NULL */
    uint32_t text_len;
    uint8_t type;        /* sts_node_type */
    uint8_t style;       /* sts_node_style */
    uint16_t flags;
    uint32_t line, column;
    uint64_t offset;
    union {
        int b;
        int64_t i;
        double f;
        struct {
            const char *ptr;
            size_t len;
        } s;
        struct {
            void *items;  /* sts_entry[] for maps, sts_node *[] for seqs */
            size_t count;
            size_t cap;
        } c;
    } v;
};

struct sts_doc {
    sts_arena *arena;
    sts_node *root;
};

/* A node with no value set yet; type as given, position unknown. */
sts_node *sts__node_alloc(sts_arena *a, sts_node_type type);
/* Give a container its children in one go: copies the array into the arena. */
int sts__node_adopt_entries(sts_node *map, const sts_entry *entries, size_t n);
int sts__node_adopt_items(sts_node *seq, sts_node *const *items, size_t n);
/* A string node pointing at bytes already in the arena (no copy). */
sts_node *sts__node_string_borrowed(sts_arena *a, const char *s, size_t len);
sts_arena *sts__doc_arena(const sts_doc *doc);
sts_doc *sts__doc_new_in(sts_arena *a, sts_node *root);
/* A function called with each document a decoder hands to the list, while
 * the document is still in the cache (sts_load type-checks there). */
typedef void (*sts__doc_hook)(void *ctx, const sts_doc *doc);
void sts__doclist_set_hook(sts_doclist *list, sts__doc_hook hook, void *ctx);
/* sts_decode, calling hook on every document the serializer produces
 * (before `kind: List` expansion). */
int sts__decode_hooked(sts_doclist *out, const sts_registry *reg, const char *format,
                       const char *data, size_t len, const sts_decode_opts *opts,
                       sts__doc_hook hook, void *ctx, sts_error **err);
/* Move every document of src to the end of dst in one step (all or nothing). */
int sts__doclist_take_all(sts_doclist *dst, sts_doclist *src);
int sts__node_is_string(const sts_node *n, const char *s);

/* ---- errors ---- */
/* Create an error at a node's position (nullable) and return code. */
int sts__err_node(sts_error **err, int code, const sts_node *at, const char *path,
                  const char *fmt, ...) STS__PRINTF(5, 6);
int sts__err_at(sts_error **err, int code, uint32_t line, uint32_t column, uint64_t offset,
                const char *path, const char *fmt, ...) STS__PRINTF(7, 8);
int sts__err(sts_error **err, int code, const char *fmt, ...) STS__PRINTF(3, 4);
/* Give an error the source position of the node it is about. */
void sts__error_set_mark(sts_error *err, uint32_t line, uint32_t column, uint64_t offset);
int sts__buf_printf(sts_buf *b, const char *fmt, ...) STS__PRINTF(2, 3);
int sts__buf_vprintf(sts_buf *b, const char *fmt, va_list ap);
int sts__buf_putc(sts_buf *b, char c);
static inline int sts__buf_puts(sts_buf *b, const char *s, size_t n)
{
    return sts_buf_append(b, s, n);
}

/* ---- UTF-8 (lib/core/utf8.c), with Go's unicode/utf8 rules ---- */
/* Length of the valid sequence at s (1 for ASCII), 0 when invalid. */
size_t sts__utf8_seq_len(const unsigned char *s, size_t n);
int sts__utf8_put(sts_buf *b, uint32_t cp);
/* A JSON string as Go's encoding/json writes it (HTML-safe, U+2028/9
 * escaped, invalid UTF-8 as \ufffd), quotes included. */
int sts__json_put_string(sts_buf *b, const char *s, size_t len);

/* ---- paths ---- */
/* Append one step to a field path being built ("a" -> "a.b", "a[3]"). */
int sts__path_key(sts_buf *path, const char *key, size_t len);
int sts__path_index(sts_buf *path, size_t i);

/* ---- built-in serializers ---- */
extern const sts_serializer sts__yaml_serializer;
extern const sts_serializer sts__json_serializer;
void sts__decode_opts_fill(sts_decode_opts *dst, const sts_decode_opts *src);

/* ---- identity (lib/identity) ---- */
#include "statefulset/identity.h"
void sts__identity_opts_fill(sts_identity_opts *dst, const sts_identity_opts *src);
const char *sts__service_name(const sts_object *sts);
const char *sts__claim_template_name(const sts_object *sts, size_t i);
/* Every key=value of match_labels is among labels (empty selects nothing). */
int sts__labels_selected(const sts_node *match_labels, const sts_node *labels);
/* The parts of sts_statefulset_check_names (each returns problems added or <0). */
int sts__check_pod_name_length(sts_error **problems, const sts_object *sts);
int sts__check_revision_label_length(sts_error **problems, const sts_object *sts,
                                     const char *revision);
int sts__check_claim_name_lengths(sts_error **problems, const sts_object *sts);

#endif
