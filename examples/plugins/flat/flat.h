/* The `flat` serializer: one line per leaf, `path = json-value`.
 *
 *     apiVersion = "apps/v1"
 *     spec.template.spec.containers[0].image = "nginx"
 *     metadata.labels["app.kubernetes.io/name"] = "web"
 *     spec.volumeClaimTemplates = []
 *     ---
 *
 * Built only on the public API, as any third-party plugin would be. */
#ifndef FLAT_H
#define FLAT_H

#include <statefulset/statefulset.h>

/* Encoder and decoder, with the sts_encode_fn / sts_decode_fn signatures. */
int flat_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                const sts_encode_opts *opts, sts_error **err);
int flat_decode(void *userdata, sts_doclist *out, const char *data, size_t len,
                const sts_decode_opts *opts, sts_error **err);

/* ---- shared by both directions (flat_value.c) ---- */

/* Append a JSON string literal for the bytes (escaping quotes, backslashes, controls). */
int flat_put_json_string(sts_buf *out, const char *s, size_t len);
/* Append one path step for a map key: `.key`, or `["key"]` when the key needs quoting. */
int flat_put_key(sts_buf *out, const char *key, size_t len, int first);
/* Append the JSON text of a scalar (or `{}` / `[]` for an empty collection). */
int flat_put_scalar(sts_buf *out, const sts_node *node);

/* A parse position inside one line. */
typedef struct flat_cursor {
    const char *p, *end;
} flat_cursor;

/* Parse a JSON string literal at c->p (which points at '"') into @p out
 * (unescaped). Returns 0, or a negative code with *why set (static text);
 * c->p is left at the offending byte. */
int flat_parse_json_string(flat_cursor *c, sts_buf *out, uint64_t max_len, const char **why);
/* Parse a value at c->p into a new node of @p doc. Same error convention. */
int flat_parse_value(flat_cursor *c, sts_doc *doc, sts_node **out, uint64_t max_len,
                     const char **why);

#endif
