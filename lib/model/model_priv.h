/* Private declarations of the typed-model area (lib/model/). */
#ifndef STS_MODEL_PRIV_H
#define STS_MODEL_PRIV_H

#include "../internal.h"

/* An object is only its document: the kind is read from apiVersion/kind on
 * every call, so a setter that changes `kind` cannot leave a stale cache and
 * concurrent readers never write. */
struct sts_object {
    sts_doc *doc;
};

/* ---- schema ---- */

/* Field types, as the Kubernetes Go types decode them from JSON. */
enum {
    STS__T_STRING = 1,
    STS__T_BOOL,
    STS__T_INT32,
    STS__T_INT64,
    STS__T_QUANTITY, /* resource.Quantity: a string or a number */
    STS__T_INTORSTR, /* intstr.IntOrString: an int32 or a string */
    STS__T_OBJECT,
    STS__T_LIST,     /* items of type `elem` */
    STS__T_MAP       /* map[string]<elem> */
};

typedef struct sts__field {
    const char *name;
    const struct sts__field *fields; /* OBJECT, or LIST/MAP of OBJECT: sorted by name */
    uint8_t len;                     /* strlen(name) */
    uint8_t type;
    uint8_t elem;                    /* item type of LIST / MAP */
    uint8_t nfields;                 /* entries of `fields` before its {NULL} terminator */
} sts__field;

/* The root of a kind: an OBJECT whose fields are apiVersion, kind, metadata,
 * ...; never NULL. */
const sts__field *sts__schema_root(sts_kind kind);
/* The field `name` of the OBJECT (or LIST/MAP of OBJECT) `obj`, or NULL.
 * `*pos` is a cursor kept across the keys of one map (start it at 0): keys
 * that come in table order are found in a step or two. */
const sts__field *sts__schema_find(const sts__field *obj, size_t *pos, const char *name,
                                   size_t len);
/* Type-check a root node against the schema of `kind` (check.c). */
int sts__check_root(const sts_node *root, sts_kind kind, sts_error **err);
/* The kind of a document root from its apiVersion and kind (object.c). */
sts_kind sts__kind_of_root(const sts_node *root);

/* ---- scalar reading with Kubernetes' JSON rules (value.c) ---- */

/* "expected <what>, found <description of n>" at n's position. */
int sts__type_error(sts_error **err, const sts_node *n, const char *path, const char *what);
/* Describe a node for a message: `string "three"`, `integer 5`, `a map`. */
int sts__describe(sts_buf *out, const sts_node *n);
/* Integer of `bits` (32 or 64) width; integral floats count (YAML 3.0, 1e3). */
int sts__value_int(int64_t *out, const sts_node *n, int bits, const char *path, sts_error **err);
int sts__value_string(const char **out, size_t *len, const sts_node *n, const char *path,
                      sts_error **err);
int sts__value_bool(int *out, const sts_node *n, const char *path, sts_error **err);
/* Checks a quantity's type only (string or number). */
int sts__value_quantity(const sts_node *n, const char *path, sts_error **err);
/* IntOrString: *is_string tells which of *ival / *str is set. */
int sts__value_int_or_string(int32_t *ival, const char **str, size_t *len, int *is_string,
                             const sts_node *n, const char *path, sts_error **err);

/* ---- paths and lookups (access.c) ---- */

/* Walk `path` below `base`; null values count as absent. On a wrong-typed
 * step, an STS_ETYPE error whose path is `prefix` + the steps walked. */
int sts__lookup(sts_node **out, const sts_node *base, const char *prefix, const char *path,
                sts_error **err);
/* Remove the field at `path` below the root: 0 or STS_ENOTFOUND. */
int sts__remove(sts_object *obj, const char *path, sts_error **err);
/* Field path of `node` below the object's root into `out` ("" when not found). */
int sts__node_path_of(sts_buf *out, const sts_object *obj, const sts_node *node);
/* Set `path` (below the root) to `value`, creating missing or null maps. */
int sts__set(sts_object *obj, const char *path, sts_node *value, sts_error **err);
/* A new scalar styled like the node it replaces (quoted stays quoted). */
sts_node *sts__restyle(sts_node *value, const sts_node *old);

/* Kind guard for kind-specific functions: STS_EINVAL with a message. */
int sts__want_kind(const sts_object *obj, sts_kind kind, const char *fn, sts_error **err);

/* Typed getters by path from the root, shared by the kind files. */
int sts__get_i32(int32_t *out, const sts_object *obj, const char *path, sts_error **err);
int sts__get_str(const char **out, size_t *len, const sts_object *obj, const char *path,
                 sts_error **err);
int sts__set_i32(sts_object *obj, const char *path, int32_t v, sts_error **err);
int sts__set_str(sts_object *obj, const char *path, const char *v, sts_error **err);
/* Items of a list at `path` (0 / NULL when absent or not a list). */
size_t sts__list_count(const sts_object *obj, const char *path);
sts_node *sts__list_at(const sts_object *obj, const char *path, size_t i);

#endif
