/* Private declarations of the API-server area (lib/api/). */
#ifndef STS_API_PRIV_H
#define STS_API_PRIV_H

#include "../internal.h"

/* ---- versions and gates (version.c) ---- */

/* What one call follows: the release and the effective feature gates. */
typedef struct sts__api_ctx {
    uint32_t minor;          /* 31 .. 35 */
    bool max_unavailable;    /* MaxUnavailableStatefulSet */
    bool semantic_revision;  /* StatefulSetSemanticRevisionComparison */
    bool no_defaulting;      /* STS_API_NO_DEFAULTING */
    bool skip_pod_template;  /* update ratcheting of the 1.34+ pod template checks */
} sts__api_ctx;

/* Resolve options (nullable: 1.35, release gates) into a context. */
int sts__api_ctx_init(sts__api_ctx *ctx, const sts_api_opts *opts, sts_error **err);

/* ---- node helpers (nodes.c) ---- */

/* Value of `key` in `map`; NULL when absent, null, or `map` is no map. */
sts_node *sts__api_get(const sts_node *map, const char *key);
/* String value of `key` ("" -> "" ; absent/null/non-string -> NULL). */
const char *sts__api_str(const sts_node *map, const char *key, size_t *len);
/* A string field that Go compares with "" (absent, null or ""). */
bool sts__api_str_empty(const sts_node *map, const char *key);
/* Text of a scalar (strings as stored, others as written); NULL for
 * collections. */
const char *sts__api_scalar(const sts_node *n, size_t *len);
/* Integer value; false when absent, null or not an integer. */
bool sts__api_int(int64_t *out, const sts_node *map, const char *key);

/* Defaulting writes: new keys go at the end of the map, an existing null
 * (Go nil) is replaced in place. All return 0 or a negative code. */
int sts__api_set_str(sts_doc *doc, sts_node *map, const char *key, const char *value);
int sts__api_set_int(sts_doc *doc, sts_node *map, const char *key, int64_t value);
int sts__api_set_bool(sts_doc *doc, sts_node *map, const char *key, int value);
/* `key` as a map: the existing map, or a new empty one when absent/null.
 * *out is NULL (rc 0) when the value exists with another type. */
int sts__api_ensure_map(sts_node **out, sts_doc *doc, sts_node *map, const char *key);
/* Set when Go would find the field empty: string "" / absent / null. */
int sts__api_default_str(sts_doc *doc, sts_node *map, const char *key, const char *value);
/* Set when absent or null (Go pointer nil). */
int sts__api_default_ptr_int(sts_doc *doc, sts_node *map, const char *key, int64_t value);
/* Set when absent, null or 0 (Go int32 compared with 0). */
int sts__api_default_zero_int(sts_doc *doc, sts_node *map, const char *key, int64_t value);

/* ---- quantities (quantity.c) ---- */

/* Canonical text of a quantity node's value into `out` (NUL-terminated).
 * milli: round up to milli as SetDefaults_ResourceList does; otherwise
 * nano as ParseQuantity does. STS_EINVAL with the server's message. */
int sts__quantity_canon(sts_buf *out, const char *text, size_t len, bool milli,
                        sts_error **err);
/* Replace a quantity node (string or number) by its canonical string. */
int sts__quantity_default_node(sts_doc *doc, sts_node *map, const char *key, bool milli,
                               const char *path, sts_error **err);
/* Every value of a ResourceList map (nullable), milli-rounded. */
int sts__quantity_default_list(sts_doc *doc, sts_node *list, const char *path,
                               sts_error **err);
/* Parse for validation: sign and whether the value is zero. 0 or STS_EINVAL. */
int sts__quantity_sign(int *sign, const char *text, size_t len);

/* ---- defaulting (defaults_*.c) ---- */

/* The whole StatefulSet document root, in place. */
int sts__default_statefulset(sts_doc *doc, sts_node *root, const sts__api_ctx *ctx,
                             sts_error **err);
int sts__default_pod_spec(sts_doc *doc, sts_node *spec, const char *path, sts_error **err);
int sts__default_container(sts_doc *doc, sts_node *c, const char *path, sts_error **err);
int sts__default_volume(sts_doc *doc, sts_node *v, const char *path, sts_error **err);
int sts__default_pvc(sts_doc *doc, sts_node *pvc, const char *path, sts_error **err);
int sts__default_pvc_spec(sts_doc *doc, sts_node *spec, const char *path, sts_error **err);
int sts__default_field_ref(sts_doc *doc, sts_node *owner, sts_error **err);
/* Image pull policy Kubernetes picks for an image reference. */
const char *sts__image_pull_policy(const char *image, size_t len);
/* Registry behaviour: drop maxUnavailable when its gate is off (and `old`,
 * nullable, does not use it). */
int sts__drop_disabled_fields(sts_node *root, const sts_node *old_root, const sts__api_ctx *ctx);

/* ---- validation (validate_*.c) ---- */

/* An error list under construction; the first failure to allocate sticks. */
typedef struct sts__verrs {
    sts_error *head;
    size_t count;
    int rc;
    const sts_node *root; /* the validated object: errors get its line:column (nullable) */
} sts__verrs;

void sts__verr(sts__verrs *v, sts_field_error_type type, const char *path, const char *value,
               const char *detail);
/* `"text"` as Go's %q prints it, into a fresh buf. */
int sts__go_quote(sts_buf *out, const char *s, size_t len);
/* Invalid with a %q string value. */
void sts__verr_str(sts__verrs *v, sts_field_error_type type, const char *path, const char *s,
                   size_t len, const char *detail);
void sts__verr_int(sts__verrs *v, sts_field_error_type type, const char *path, int64_t value,
                   const char *detail);

/* String validators: each returns the messages apimachinery would return,
 * as up to 2 static/strbuf strings via a callback. */
typedef void (*sts__msg_fn)(void *ud, const char *msg);
void sts__is_dns1123_label(const char *s, size_t len, sts__msg_fn fn, void *ud);
void sts__is_dns1123_subdomain(const char *s, size_t len, sts__msg_fn fn, void *ud);
void sts__is_dns1035_label(const char *s, size_t len, sts__msg_fn fn, void *ud);
void sts__is_qualified_name(const char *s, size_t len, sts__msg_fn fn, void *ud);
void sts__is_label_value(const char *s, size_t len, sts__msg_fn fn, void *ud);

/* Report each message of `check` on s as Invalid(path, %q s). */
void sts__check_str(sts__verrs *v, const char *path, const char *s, size_t n,
                    void (*check)(const char *, size_t, sts__msg_fn, void *));

/* `map[string]string{"a":"b"}` (keys sorted), Go %#v. */
int sts__go_string_map(sts_buf *out, const sts_node *map);

void sts__validate_object_meta(sts__verrs *v, const sts_node *meta, bool namespaced,
                               const sts__api_ctx *ctx);
void sts__validate_object_meta_update(sts__verrs *v, const sts_node *meta, const sts_node *old);
void sts__validate_labels(sts__verrs *v, const sts_node *labels, const char *path);
void sts__validate_annotations(sts__verrs *v, const sts_node *annotations, const char *path);
/* 1.34+: the pod template and claim templates as the core validation does. */
void sts__validate_pod_template(sts__verrs *v, const sts_node *spec, const sts__api_ctx *ctx);
/* 1.34+: each claim template's PVC spec. */
void sts__validate_claim_templates(sts__verrs *v, const sts_node *spec);

#endif
