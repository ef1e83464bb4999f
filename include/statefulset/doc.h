/**
 * @file doc.h
 * @brief The document tree: ordered maps, sequences and typed scalars with
 * source positions, allocated from one arena per document.
 *
 * A document (`sts_doc`) owns its nodes. Nodes are borrowed pointers, valid
 * until the document is freed; nodes never move, so a pointer stays valid
 * across mutations of other nodes. Map keys are string nodes (Kubernetes
 * reads every key as a string: YAML `yes:` becomes the key "true").
 *
 * Scalars keep their resolved value and, where the source had one, their
 * original text and style, so an order-preserving encoder can write them
 * back exactly (`0777`, `1e3`, `'quoted'`).
 *
 * Several documents may share one arena (the items of a `kind: List`);
 * such documents count as one object for thread-safety purposes.
 */
#ifndef STATEFULSET_DOC_H
#define STATEFULSET_DOC_H

#include "common.h"
#include "error.h"

STS_BEGIN_DECLS

typedef struct sts_doc sts_doc;
typedef struct sts_node sts_node;
typedef struct sts_doclist sts_doclist;

/** Node types. @since 0.1 */
typedef enum sts_node_type {
    STS_NODE_NULL = 0,
    STS_NODE_BOOL = 1,
    STS_NODE_INT = 2,    /**< fits int64 */
    STS_NODE_FLOAT = 3,  /**< double (also integers beyond int64, as Kubernetes reads them) */
    STS_NODE_STRING = 4,
    STS_NODE_MAP = 5,    /**< ordered; keys are STRING nodes */
    STS_NODE_SEQ = 6,
    STS_NODE_TYPE_FORCE_32BIT = 0x7fffffff
} sts_node_type;

/** How a scalar or collection was written in the source. @since 0.1 */
typedef enum sts_node_style {
    STS_STYLE_ANY = 0,        /**< no preference (built in code, or JSON) */
    STS_STYLE_PLAIN = 1,
    STS_STYLE_SINGLE_QUOTED = 2,
    STS_STYLE_DOUBLE_QUOTED = 3,
    STS_STYLE_LITERAL = 4,    /**< `|` block */
    STS_STYLE_FOLDED = 5,     /**< `>` block */
    STS_STYLE_FLOW = 6,       /**< `{}` / `[]` collections */
    STS_STYLE_BLOCK = 7,      /**< block collections */
    STS_NODE_STYLE_FORCE_32BIT = 0x7fffffff
} sts_node_style;

/* ---- documents ---------------------------------------------------------- */

/** @brief New empty document (root NULL). @return 0 or STS_ENOMEM. @since 0.1 */
STS_API int sts_doc_new(sts_doc **out);
/** @brief Free a document and its nodes (NULL-safe). @since 0.1 */
STS_API void sts_doc_free(sts_doc *doc);
/** @brief Root node (transfer none, nullable). @since 0.1 */
STS_API sts_node *sts_doc_root(const sts_doc *doc);
/**
 * @brief Replace the root. @p root must belong to @p doc (or be NULL).
 * @return 0 or STS_EINVAL
 * @since 0.1
 */
STS_API int sts_doc_set_root(sts_doc *doc, sts_node *root);
/**
 * @brief Deep-copy @p src (from any document) into @p doc.
 * @param[out] out the copy (transfer none: owned by @p doc)
 * @since 0.1
 */
STS_API int sts_doc_copy_node(sts_node **out, sts_doc *doc, const sts_node *src);
/**
 * @brief A new document sharing @p doc's arena whose root is @p root
 * (a node of @p doc). Used to split `kind: List` without copying.
 * @since 0.1
 */
STS_API int sts_doc_new_view(sts_doc **out, sts_doc *doc, sts_node *root);

/* ---- creating nodes (transfer none: owned by the document) -------------- */

STS_API int sts_doc_new_null(sts_node **out, sts_doc *doc);
STS_API int sts_doc_new_bool(sts_node **out, sts_doc *doc, int value);
STS_API int sts_doc_new_int(sts_node **out, sts_doc *doc, int64_t value);
STS_API int sts_doc_new_float(sts_node **out, sts_doc *doc, double value);
/** @brief A string node; @p data is copied (need not be NUL-terminated). @since 0.1 */
STS_API int sts_doc_new_string(sts_node **out, sts_doc *doc, const char *data, size_t len);
STS_API int sts_doc_new_map(sts_node **out, sts_doc *doc);
STS_API int sts_doc_new_seq(sts_node **out, sts_doc *doc);

/* ---- reading nodes ------------------------------------------------------ */

/** @brief Type of @p node; STS_NODE_NULL for a NULL pointer. @since 0.1 */
STS_API sts_node_type sts_node_get_type(const sts_node *node);
/** @brief "null", "bool", "int", "float", "string", "map", "seq". @since 0.1 */
STS_API const char *sts_node_type_name(sts_node_type type);
STS_API sts_node_style sts_node_get_style(const sts_node *node);
/** @brief 1-based source line, 0 when built in code. @since 0.1 */
STS_API uint32_t sts_node_line(const sts_node *node);
/** @brief 1-based source column, 0 when built in code. @since 0.1 */
STS_API uint32_t sts_node_column(const sts_node *node);
/** @brief 0-based source byte offset, UINT64_MAX when built in code. @since 0.1 */
STS_API uint64_t sts_node_offset(const sts_node *node);
/** @brief 1 when @p a and @p b belong to the same document memory. @since 0.1 */
STS_API int sts_node_same_doc(const sts_node *a, const sts_node *b);

/** @return 0, or STS_ETYPE when @p node is not a BOOL. @since 0.1 */
STS_API int sts_node_get_bool(int *out, const sts_node *node);
/** @return 0, or STS_ETYPE when @p node is not an INT. @since 0.1 */
STS_API int sts_node_get_int(int64_t *out, const sts_node *node);
/** @brief Value of an INT or FLOAT node as double. @return 0 or STS_ETYPE. @since 0.1 */
STS_API int sts_node_get_float(double *out, const sts_node *node);
/**
 * @brief String value (transfer none, NUL-terminated, may contain NULs
 * only if built so; @p len gets the length).
 * @return 0, or STS_ETYPE when @p node is not a STRING.
 * @since 0.1
 */
STS_API int sts_node_get_string(const char **out, size_t *len, const sts_node *node);
/**
 * @brief Original source text of a scalar (`0777`, `yes`, `1e3`), if the
 * decoder kept one. @return (transfer none) NULL when there is none.
 * @since 0.1
 */
STS_API const char *sts_node_get_text(const sts_node *node, size_t *len);

/** @brief Entries of a MAP or items of a SEQ; 0 for scalars. @since 0.1 */
STS_API size_t sts_node_count(const sts_node *node);
/** @brief Key node of map entry @p i (NULL when out of range or not a map). @since 0.1 */
STS_API sts_node *sts_node_map_key_at(const sts_node *map, size_t i);
/** @brief Value node of map entry @p i (NULL when out of range or not a map). @since 0.1 */
STS_API sts_node *sts_node_map_value_at(const sts_node *map, size_t i);
/** @brief Value for @p key, NULL when absent or @p map is not a map. @since 0.1 */
STS_API sts_node *sts_node_map_get(const sts_node *map, const char *key, size_t keylen);
/** @brief Index of @p key in @p map, or -1. @since 0.1 */
STS_API ptrdiff_t sts_node_map_index(const sts_node *map, const char *key, size_t keylen);
/** @brief Item @p i of a SEQ (NULL when out of range or not a seq). @since 0.1 */
STS_API sts_node *sts_node_seq_at(const sts_node *seq, size_t i);

/**
 * @brief Find the node at a field path below @p root.
 *
 * Syntax: `spec.template.spec.containers[0].image`; keys with dots or
 * brackets go in quoted brackets: `metadata.labels["app.kubernetes.io/name"]`.
 * An empty path is @p root itself.
 * @return 0; STS_ENOTFOUND when a step is missing; STS_EINVAL for a
 * malformed path; STS_ETYPE when a step crosses a scalar.
 * @since 0.1
 */
STS_API int sts_node_find(sts_node **out, const sts_node *root, const char *path,
                          size_t len, sts_error **err);

/**
 * @brief Write the field path of @p node below @p root into @p out
 * (e.g. `spec.containers[1].name`). @return 0, STS_ENOTFOUND, STS_ENOMEM.
 * @since 0.1
 */
STS_API int sts_node_path(sts_buf *out, const sts_node *root, const sts_node *node);

/**
 * @brief Structural equality: same types and values, maps compared as
 * unordered key sets, styles and positions ignored. INT 1 equals FLOAT 1.0.
 * @since 0.1
 */
STS_API int sts_node_equal(const sts_node *a, const sts_node *b);

/* ---- changing nodes ------------------------------------------------------ */
/* All nodes handed in must belong to the same document as the container.   */

/**
 * @brief Set @p key to @p value: replaces the value in place when the key
 * exists (keeping its position), appends otherwise.
 * @return 0, STS_EINVAL (not a map, foreign node), STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_node_map_set(sts_node *map, const char *key, size_t keylen, sts_node *value);
/**
 * @brief Append an entry with an existing key node (a STRING of the same
 * document), without checking for duplicates. For decoders.
 * @since 0.1
 */
STS_API int sts_node_map_append(sts_node *map, sts_node *key, sts_node *value);
/** @brief Remove @p key. @return 0 or STS_ENOTFOUND. @since 0.1 */
STS_API int sts_node_map_remove(sts_node *map, const char *key, size_t keylen);
STS_API int sts_node_seq_append(sts_node *seq, sts_node *item);
/** @brief Insert before index @p i (i == count appends). @since 0.1 */
STS_API int sts_node_seq_insert(sts_node *seq, size_t i, sts_node *item);
/** @brief Replace item @p i. @since 0.1 */
STS_API int sts_node_seq_set(sts_node *seq, size_t i, sts_node *item);
STS_API int sts_node_seq_remove(sts_node *seq, size_t i);

/**
 * @brief Set the node at @p path below @p root to @p value, creating
 * missing maps on the way (sequence steps must exist).
 * @since 0.1
 */
STS_API int sts_node_set_at(sts_node *root, const char *path, size_t len,
                            sts_node *value, sts_error **err);

/** @brief Record the source position (for decoders). @since 0.1 */
STS_API void sts_node_set_mark(sts_node *node, uint32_t line, uint32_t column, uint64_t offset);
STS_API void sts_node_set_style(sts_node *node, sts_node_style style);
/** @brief Keep the original text of a scalar (copied). @since 0.1 */
STS_API int sts_node_set_text(sts_node *node, const char *text, size_t len);

/* ---- lists of documents ------------------------------------------------- */

STS_API int sts_doclist_new(sts_doclist **out);
/** @brief Free the list and every document in it (NULL-safe). @since 0.1 */
STS_API void sts_doclist_free(sts_doclist *list);
STS_API size_t sts_doclist_count(const sts_doclist *list);
/** @brief Document @p i (transfer none). @since 0.1 */
STS_API sts_doc *sts_doclist_at(const sts_doclist *list, size_t i);
/**
 * @brief Append @p doc; the list takes ownership even on failure.
 * @since 0.1
 */
STS_API int sts_doclist_take(sts_doclist *list, sts_doc *doc);
/**
 * @brief Remove document @p i from the list and hand it to the caller.
 * @param[out] out (transfer full)
 * @since 0.1
 */
STS_API int sts_doclist_steal(sts_doc **out, sts_doclist *list, size_t i);

STS_END_DECLS

#endif
