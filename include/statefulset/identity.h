/**
 * @file identity.h
 * @brief Ordinal identity: pod and claim names, ordinals, the Pods and
 * PersistentVolumeClaims the StatefulSet controller creates, and the
 * naming limits that follow (Kubernetes statefulset controller rules).
 *
 * Small computed names use snprintf semantics: the return value is the
 * full length (or a negative STS_E* code), @p out is always NUL-terminated
 * when @p size > 0, and `NULL, 0` asks for the length.
 */
#ifndef STATEFULSET_IDENTITY_H
#define STATEFULSET_IDENTITY_H

#include "common.h"
#include "error.h"
#include "model.h"

STS_BEGIN_DECLS

/** Label keys the controller stamps on pods. @since 0.1 */
#define STS_LABEL_POD_NAME "statefulset.kubernetes.io/pod-name"
#define STS_LABEL_POD_INDEX "apps.kubernetes.io/pod-index"
#define STS_LABEL_REVISION_HASH "controller-revision-hash"

/**
 * @brief Split a pod name into parent and ordinal exactly as the controller
 * does: regex `(.*)-([0-9]+)$`, greedy, ordinal parsed as a signed 32-bit
 * decimal. `web-007` gives ("web", 7); `web-2147483648` gives ("web", -1);
 * no match gives ("", -1).
 * @param[out] parent_len length of the parent, a prefix of @p name (0 when none)
 * @param[out] ordinal the ordinal, or -1
 * @return 0, or STS_EINVAL for NULL arguments
 * @since 0.1
 */
STS_API int sts_pod_name_parse(size_t *parent_len, int32_t *ordinal, const char *name,
                               size_t len);

/** @brief `<set>-<ordinal>` (snprintf semantics). @since 0.1 */
STS_API int sts_pod_name(char *out, size_t size, const char *set_name, int32_t ordinal);

/** @brief `<claim>-<set>-<ordinal>` (snprintf semantics). @since 0.1 */
STS_API int sts_claim_name(char *out, size_t size, const char *claim, const char *set_name,
                           int32_t ordinal);

/** Options for identities and rendering. Zero fields mean "from the object". */
typedef struct sts_identity_opts {
    size_t sz;                  /**< sizeof(sts_identity_opts) */
    const char *ns;             /**< namespace override; default the object's, else "default" */
    const char *cluster_domain; /**< default "cluster.local" */
    const char *revision;       /**< ControllerRevision name for `controller-revision-hash` (nullable) */
    const char *uid;            /**< owner uid override (default metadata.uid, omitted when unknown) */
} sts_identity_opts;

#define STS_IDENTITY_OPTS_INIT { sizeof(sts_identity_opts), NULL, NULL, NULL, NULL }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_identity_opts_init(sts_identity_opts *opts);

/**
 * @brief The replica ordinals: `start .. start+count-1` where start is
 * `spec.ordinals.start` (0 when absent) and count is `spec.replicas`
 * (1 when absent, the API default). count 0 means no pods.
 * @return 0, STS_EINVAL (not a StatefulSet), STS_ETYPE, STS_ERANGE
 * (start + replicas beyond int32)
 * @since 0.1
 */
STS_API int sts_statefulset_ordinals(int32_t *start, int32_t *count, const sts_object *sts,
                                     sts_error **err);

/** @brief The namespace the set's pods live in (opts override, object's, else "default"). @since 0.1 */
STS_API const char *sts_statefulset_effective_namespace(const sts_object *sts,
                                                        const sts_identity_opts *opts);

/** @brief Pod name for @p ordinal (snprintf semantics). @since 0.1 */
STS_API int sts_statefulset_pod_name(char *out, size_t size, const sts_object *sts,
                                     int32_t ordinal);

/**
 * @brief Per-pod FQDN `<pod>.<serviceName>.<ns>.svc.<cluster-domain>`
 * (no trailing dot; snprintf semantics). With an empty serviceName the pod
 * has no subdomain and the result is STS_ENOTFOUND.
 * @since 0.1
 */
STS_API int sts_statefulset_pod_fqdn(char *out, size_t size, const sts_object *sts,
                                     int32_t ordinal, const sts_identity_opts *opts);

/** @brief Number of volumeClaimTemplates. @since 0.1 */
STS_API size_t sts_statefulset_claim_count(const sts_object *sts);

/** @brief PVC name of claim template @p i for @p ordinal (snprintf semantics). @since 0.1 */
STS_API int sts_statefulset_claim_name(char *out, size_t size, const sts_object *sts, size_t i,
                                       int32_t ordinal);

/**
 * @brief 1 when @p pod belongs to @p sts by name (the controller's
 * isMemberOf: the parsed parent equals the set name), else 0.
 * @since 0.1
 */
STS_API int sts_statefulset_is_member(const sts_object *sts, const sts_object *pod);

/**
 * @brief The Pod the controller creates for @p ordinal: template labels,
 * annotations and finalizers, the pod-name and pod-index labels (and
 * `controller-revision-hash` when opts->revision is set), the controller
 * owner reference, hostname, subdomain, claim volumes first (template
 * order) then the other template volumes, namespace.
 * @param[out] out a new Pod object (transfer full)
 * @since 0.1
 */
STS_API int sts_statefulset_render_pod(sts_object **out, const sts_object *sts, int32_t ordinal,
                                       const sts_identity_opts *opts, sts_error **err);

/**
 * @brief The PersistentVolumeClaims the controller creates for @p ordinal,
 * one per claim template, labels merged from `spec.selector.matchLabels`
 * (the selector wins), namespace set.
 * @param[out] out a new list (transfer full)
 * @since 0.1
 */
STS_API int sts_statefulset_render_claims(sts_object_list **out, const sts_object *sts,
                                          int32_t ordinal, const sts_identity_opts *opts,
                                          sts_error **err);

/**
 * @brief Naming problems with real consequences, appended to @p problems
 * as STS_EVALIDATION errors with field paths: pod names over 63 characters
 * (pod creation fails), set names over 52 (the `controller-revision-hash`
 * label can exceed 63; with opts->revision the exact length is checked),
 * claim names over 253.
 * @return the number of problems appended (>= 0), or a negative STS_E* code
 * @since 0.1
 */
STS_API int sts_statefulset_check_names(sts_error **problems, const sts_object *sts,
                                        const sts_identity_opts *opts);

/**
 * @brief PVC name collisions between the StatefulSets of @p objects in the
 * same namespace (template `data` + set `x-y` and template `data-x` + set
 * `y` both give `data-x-y-0`), appended to @p problems.
 * @return the number of problems appended, or a negative STS_E* code
 * @since 0.1
 */
STS_API int sts_check_claim_collisions(sts_error **problems, const sts_object_list *objects);

STS_END_DECLS

#endif
