/**
 * @file api.h
 * @brief API-server behaviour per Kubernetes version: defaulting,
 * validation (create, update, status) with the server's messages and field
 * paths, resource quantities, and lint rules for what no validator checks.
 */
#ifndef STATEFULSET_API_H
#define STATEFULSET_API_H

#include "common.h"
#include "buf.h"
#include "error.h"
#include "model.h"

STS_BEGIN_DECLS

/** Flags of sts_api_opts. @since 0.1 */
enum {
    /** Validate the object as given, without applying the server's defaults first. */
    STS_API_NO_DEFAULTING = 1u << 0
};

/**
 * The Kubernetes release whose behaviour to follow, and feature-gate
 * overrides. Initialise with STS_API_OPTS_INIT or sts_api_opts_init().
 */
typedef struct sts_api_opts {
    size_t sz;                  /**< sizeof(sts_api_opts) */
    const char *kube_version;   /**< "1.31" .. "1.35" ("v1.34.2" accepted); NULL = "1.35" */
    const char *feature_gates;  /**< "Gate=true,Other=false" as kube-apiserver takes them (nullable) */
    uint32_t flags;             /**< STS_API_* */
} sts_api_opts;

#define STS_API_OPTS_INIT { sizeof(sts_api_opts), NULL, NULL, 0 }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_api_opts_init(sts_api_opts *opts);

/** @brief The newest Kubernetes release the library knows ("1.35"). @since 0.1 */
STS_API const char *sts_kube_version_default(void);

/**
 * @brief Parse and check a Kubernetes version.
 * @param[out] minor the minor release (31 for "1.31")
 * @return 0, or STS_EVERSION for an unknown or unsupported version
 * @since 0.1
 */
STS_API int sts_kube_version_parse(uint32_t *minor, const char *version, sts_error **err);

/**
 * @brief Whether a feature gate is on for @p opts (release default, then
 * overrides). Known gates: MaxUnavailableStatefulSet,
 * StatefulSetSemanticRevisionComparison.
 * @return 1 on, 0 off, or STS_EVERSION / STS_ENOTFOUND (unknown gate) / STS_EINVAL
 * @since 0.1
 */
STS_API int sts_feature_gate_enabled(const sts_api_opts *opts, const char *gate, sts_error **err);

/* ---- defaulting ----------------------------------------------------------- */

/**
 * @brief Apply what the API server fills in before storing the object
 * (SetDefaults_StatefulSet, the pod template and claim template defaults,
 * canonical resource quantities), in place, and drop fields that disabled
 * feature gates strip on create. New fields go at the end of their map.
 * Objects of other kinds are left alone (0 is returned).
 * @since 0.1
 */
STS_API int sts_object_apply_defaults(sts_object *obj, const sts_api_opts *opts, sts_error **err);

/** @brief A defaulted copy of @p obj (transfer full). @since 0.1 */
STS_API int sts_object_defaulted(sts_object **out, const sts_object *obj, const sts_api_opts *opts,
                                 sts_error **err);

/**
 * @brief A resource quantity in Kubernetes' canonical form (`1024Mi` ->
 * `1Gi`, `0.5` -> `500m`), snprintf semantics. The value is rounded up to
 * milli precision as the server does for resource lists (requests, limits,
 * storage); an exponent form is kept (`1e3` stays `1e3`).
 * @return the length, or STS_EINVAL for a malformed quantity (with the
 * API server's message in @p err)
 * @since 0.1
 */
STS_API int sts_quantity_canonical(char *out, size_t size, const char *quantity, sts_error **err);

/* ---- validation ----------------------------------------------------------- */

/**
 * @brief Validate a StatefulSet as the API server does on create (when
 * @p old is NULL) or update (old = the stored object), after applying
 * defaults unless STS_API_NO_DEFAULTING. Every error is appended to
 * @p errors, in the server's order, as field errors (sts_error_field_type()).
 * An absent namespace counts as the request's (kubectl sends the context's,
 * usually "default"); an explicit empty one is Required, as the server sees
 * it. On a negative return the cause (e.g. a wrong-typed field) is appended too.
 * @return the number of errors (0 = valid) or a negative STS_E* code
 * @since 0.1
 */
STS_API int sts_statefulset_validate(sts_error **errors, const sts_object *sts,
                                     const sts_object *old, const sts_api_opts *opts);

/**
 * @brief Validate a status update (ValidateStatefulSetStatusUpdate).
 * @return the number of errors or a negative STS_E* code
 * @since 0.1
 */
STS_API int sts_statefulset_validate_status(sts_error **errors, const sts_object *sts,
                                            const sts_object *old, const sts_api_opts *opts);

/**
 * @brief Render errors as kubectl prints a 422: `The StatefulSet "web" is
 * invalid: <error>` or, for several, one `* <error>` line each (a
 * repeated line once). Nothing is written when @p errors is NULL.
 * @since 0.1
 */
STS_API int sts_validation_format(sts_buf *out, const sts_object *obj, const sts_error *errors);

/* ---- lint ------------------------------------------------------------------ */

typedef struct sts_lint_opts {
    size_t sz;                 /**< sizeof(sts_lint_opts) */
    const sts_api_opts *api;   /**< Kubernetes version and gates (nullable) */
    const char *disable;       /**< comma-separated rule IDs to skip (nullable) */
    uint32_t flags;            /**< reserved, 0 */
} sts_lint_opts;

#define STS_LINT_OPTS_INIT { sizeof(sts_lint_opts), NULL, NULL, 0 }

STS_API void sts_lint_opts_init(sts_lint_opts *opts);

/**
 * @brief Check @p objects for problems no validator reports (see the
 * README's rule table). Findings are errors carrying a rule ID, severity,
 * message, hint and field path (sts_error_rule() etc.).
 * @return the number of findings or a negative STS_E* code
 * @since 0.1
 */
STS_API int sts_lint(sts_error **findings, const sts_object_list *objects,
                     const sts_lint_opts *opts);

/** @brief Number of lint rules. @since 0.1 */
STS_API size_t sts_lint_rule_count(void);
/** @brief Rule @p i: its ID ("STS101"), NULL when out of range. @since 0.1 */
STS_API const char *sts_lint_rule_id(size_t i);
/** @brief Rule @p i: one-line summary. @since 0.1 */
STS_API const char *sts_lint_rule_summary(size_t i);
/** @brief Rule @p i: severity. @since 0.1 */
STS_API sts_severity sts_lint_rule_severity(size_t i);

STS_END_DECLS

#endif
