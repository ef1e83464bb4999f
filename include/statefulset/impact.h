/**
 * @file impact.h
 * @brief Rollout impact: what an update of a StatefulSet does before it is
 * applied (is it allowed, does it make a new revision, which pods are
 * replaced and in what order, does the rollout complete), and what a
 * Kubernetes upgrade does to live StatefulSets (spurious rollouts from
 * template serialization changes, e.g. 1.33 -> 1.34).
 *
 * Inputs are an old object (the live object from `kubectl get -o yaml`, or
 * the manifest last applied) and a new one (usually a manifest). Both are
 * defaulted as the API server of the chosen Kubernetes version would store
 * them; templates are compared through their revision bytes (revision.h),
 * so fields the server fills in never count as changes.
 *
 * Which revision each existing pod runs is taken, in this order, from Pod
 * objects in sts_impact_opts.objects (label `controller-revision-hash`),
 * else from the old object's status (`currentRevision`, `updateRevision`,
 * `updatedReplicas`: the highest `updatedReplicas` ordinals are taken to be
 * updated, as a RollingUpdate leaves them), else all pods are taken to run
 * the old template's revision.
 *
 * Results are opaque, immutable objects; every string they return is
 * borrowed (transfer none) and lives as long as the result.
 */
#ifndef STATEFULSET_IMPACT_H
#define STATEFULSET_IMPACT_H

#include "common.h"
#include "buf.h"
#include "doc.h"
#include "error.h"
#include "model.h"
#include "api.h"

STS_BEGIN_DECLS

typedef struct sts_impact sts_impact;
typedef struct sts_upgrade sts_upgrade;

/** What a changed field does to the pods. @since 0.1 */
typedef enum sts_impact_effect {
    /** Nothing happens to pods (minReadySeconds, revisionHistoryLimit,
     *  retention policy, the set's own labels and annotations, ...). */
    STS_IMPACT_EFFECT_NONE = 0,
    /** Template change: a new (or earlier) revision, pods are replaced
     *  according to the update strategy. */
    STS_IMPACT_EFFECT_ROLLS_PODS = 1,
    /** replicas: pods are created or deleted at the top of the range. */
    STS_IMPACT_EFFECT_SCALES = 2,
    /** ordinals.start: the ordinal range moves; pods outside the new range
     *  are deleted and the missing ordinals are created. */
    STS_IMPACT_EFFECT_SHIFTS_ORDINALS = 3,
    /** updateStrategy: changes which pods a rollout replaces and how many at
     *  once; replaces pods only when pods are behind the update revision. */
    STS_IMPACT_EFFECT_ROLLOUT_CONTROL = 4,
    /** The API server refuses the update because of this field
     *  (selector, serviceName, podManagementPolicy, volumeClaimTemplates, ...). */
    STS_IMPACT_EFFECT_FORBIDDEN = 5,
    STS_IMPACT_EFFECT_FORCE_32BIT = 0x7fffffff
} sts_impact_effect;

/** Groups of pods in a result. @since 0.1 */
typedef enum sts_impact_pod_group {
    /** Deleted and recreated at the new update revision by the controller,
     *  in the order given (highest index first). */
    STS_IMPACT_POD_REPLACED = 1,
    /** Keep a revision other than the update revision (below the
     *  partition, or OnDelete until deleted by hand). */
    STS_IMPACT_POD_KEPT = 2,
    /** Created (scale up, ordinals shift), in creation order. */
    STS_IMPACT_POD_CREATED = 3,
    /** Deleted (scale down, ordinals shift), highest ordinal first. */
    STS_IMPACT_POD_DELETED = 4,
    /** Already at the update revision: not touched (e.g. after a rollback
     *  to the revision they run). */
    STS_IMPACT_POD_UNTOUCHED = 5,
    STS_IMPACT_POD_GROUP_FORCE_32BIT = 0x7fffffff
} sts_impact_pod_group;

/**
 * Options of sts_statefulset_diff() and sts_upgrade_check(). Initialise with
 * STS_IMPACT_OPTS_INIT or sts_impact_opts_init(); NULL options mean all
 * defaults.
 * @since 0.1
 */
typedef struct sts_impact_opts {
    size_t sz;                      /**< sizeof(sts_impact_opts) */
    /** Kubernetes version and feature gates (nullable: 1.35, its gates).
     *  For sts_upgrade_check() this is the target release. */
    const sts_api_opts *api;
    /** Other objects (nullable), borrowed for the call: ControllerRevisions
     *  of the set (rollback detection, reuse of an earlier revision) and its
     *  Pods (their `controller-revision-hash` labels). Objects of other sets,
     *  namespaces or kinds are ignored. */
    const sts_object_list *objects;
    /** sts_upgrade_check() only: the release the objects come from
     *  (nullable: the target release). */
    const char *from_version;
    uint32_t flags;                 /**< reserved, 0 */
} sts_impact_opts;

#define STS_IMPACT_OPTS_INIT { sizeof(sts_impact_opts), NULL, NULL, NULL, 0 }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_impact_opts_init(sts_impact_opts *opts);

/**
 * @brief What updating @p old to @p updated does (`kubectl apply` of a
 * changed manifest).
 *
 * @param[out] out (transfer full) free with sts_impact_free()
 * @param[in] old the stored object or the previous manifest (nullable: a
 *   create, every pod is created)
 * @param[in] updated the new object
 * @param[in] opts (nullable) version, gates, other objects
 * @return 0 (also when the update is forbidden: see sts_impact_is_allowed()),
 *   STS_EINVAL (NULL @p updated, objects that are not StatefulSets, bad
 *   options), STS_EVERSION, STS_ENOTFOUND / STS_ETYPE (no usable
 *   `spec.template`), STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_statefulset_diff(sts_impact **out, const sts_object *old,
                                 const sts_object *updated, const sts_impact_opts *opts,
                                 sts_error **err);

/** @brief Free (NULL-safe). @since 0.1 */
STS_API void sts_impact_free(sts_impact *imp);

/** @brief `metadata.name` of the set (transfer none). @since 0.1 */
STS_API const char *sts_impact_name(const sts_impact *imp);
/** @brief The namespace of the set ("default" when absent; transfer none). @since 0.1 */
STS_API const char *sts_impact_namespace(const sts_impact *imp);
/** @brief The Kubernetes release followed ("1.35"; transfer none). @since 0.1 */
STS_API const char *sts_impact_kube_version(const sts_impact *imp);

/** @brief 1 when the API server accepts the update (or create), else 0. @since 0.1 */
STS_API int sts_impact_is_allowed(const sts_impact *imp);
/**
 * @brief The validation errors that refuse the update, as the API server
 * reports them (sts_statefulset_validate()); NULL when allowed
 * (transfer none).
 * @since 0.1
 */
STS_API const sts_error *sts_impact_errors(const sts_impact *imp);
/**
 * @brief The usual way out of a refused update (orphan delete and
 * re-create, resizing each PVC by hand, ...), "" when allowed
 * (transfer none).
 * @since 0.1
 */
STS_API const char *sts_impact_workaround(const sts_impact *imp);

/** @brief 1 when the pod template changed (compared on the defaulted
 *  templates' revision bytes), else 0. @since 0.1 */
STS_API int sts_impact_template_changed(const sts_impact *imp);
/** @brief 1 when the controller creates a new ControllerRevision (a
 *  template change that matches no existing revision), else 0. @since 0.1 */
STS_API int sts_impact_has_new_revision(const sts_impact *imp);
/** @brief The update revision before (`status.updateRevision`, or computed)
 *  (transfer none). @since 0.1 */
STS_API const char *sts_impact_old_revision(const sts_impact *imp);
/** @brief The update revision after the update (transfer none). @since 0.1 */
STS_API const char *sts_impact_new_revision(const sts_impact *imp);
/**
 * @brief When the new template equals an earlier revision (a rollback),
 * that revision's name, which the controller reuses; "" otherwise
 * (transfer none).
 * @since 0.1
 */
STS_API const char *sts_impact_rollback_target(const sts_impact *imp);

/** @brief Number of changed fields. @since 0.1 */
STS_API size_t sts_impact_change_count(const sts_impact *imp);
/** @brief Field path of change @p i (`spec.template.spec.containers[0].image`),
 *  NULL when out of range (transfer none). @since 0.1 */
STS_API const char *sts_impact_change_path(const sts_impact *imp, size_t i);
/** @brief Effect of change @p i (STS_IMPACT_EFFECT_NONE when out of range). @since 0.1 */
STS_API sts_impact_effect sts_impact_change_effect(const sts_impact *imp, size_t i);
/** @brief 1 when change @p i makes pods restart (a template change). @since 0.1 */
STS_API int sts_impact_change_rolls_pods(const sts_impact *imp, size_t i);
/** @brief Old value of change @p i as compact JSON, NULL when the field was
 *  absent (transfer none). @since 0.1 */
STS_API const char *sts_impact_change_old_value(const sts_impact *imp, size_t i);
/** @brief New value of change @p i as compact JSON, NULL when the field is
 *  absent (transfer none). @since 0.1 */
STS_API const char *sts_impact_change_new_value(const sts_impact *imp, size_t i);
/** @brief What change @p i does instead of (or besides) rolling pods, one
 *  or more sentences (transfer none, NULL when out of range). @since 0.1 */
STS_API const char *sts_impact_change_explanation(const sts_impact *imp, size_t i);

/** @brief Number of pods in @p group. @since 0.1 */
STS_API size_t sts_impact_pod_count(const sts_impact *imp, sts_impact_pod_group group);
/** @brief Name of pod @p i of @p group (NULL when out of range; transfer none). @since 0.1 */
STS_API const char *sts_impact_pod_name(const sts_impact *imp, sts_impact_pod_group group,
                                        size_t i);
/** @brief Ordinal of pod @p i of @p group (-1 when out of range). @since 0.1 */
STS_API int32_t sts_impact_pod_ordinal(const sts_impact *imp, sts_impact_pod_group group,
                                       size_t i);
/**
 * @brief 1-based batch of a replaced pod: pods of one batch are deleted
 * together (maxUnavailable with MaxUnavailableStatefulSet on), each batch
 * after the previous one is available again; 0 for other groups.
 * @since 0.1
 */
STS_API uint32_t sts_impact_pod_batch(const sts_impact *imp, sts_impact_pod_group group,
                                      size_t i);
/** @brief The revision pod @p i runs before ("" for created pods; transfer none). @since 0.1 */
STS_API const char *sts_impact_pod_from_revision(const sts_impact *imp,
                                                 sts_impact_pod_group group, size_t i);
/** @brief The revision pod @p i runs after ("" for deleted pods; transfer none). @since 0.1 */
STS_API const char *sts_impact_pod_to_revision(const sts_impact *imp, sts_impact_pod_group group,
                                               size_t i);
/** @brief Why the pod is in its group (transfer none). @since 0.1 */
STS_API const char *sts_impact_pod_reason(const sts_impact *imp, sts_impact_pod_group group,
                                          size_t i);
/** @brief Number of replacement batches (0 when no pod is replaced). @since 0.1 */
STS_API uint32_t sts_impact_batch_count(const sts_impact *imp);

/**
 * @brief 1 when the rollout reaches `currentRevision == updateRevision` by
 * itself (every pod ends at the update revision); 0 when it never does
 * (partition >= replicas, pods kept below the partition, OnDelete).
 * @since 0.1
 */
STS_API int sts_impact_completes(const sts_impact *imp);
/** @brief Why the rollout completes or not (transfer none). @since 0.1 */
STS_API const char *sts_impact_completes_reason(const sts_impact *imp);

/**
 * @brief Human-readable summary (several lines), appended to @p out.
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_impact_format(sts_buf *out, const sts_impact *imp);

/**
 * @brief The result as a document tree (a map with `allowed`, `errors`,
 * `revision`, `changes`, `rollout`, `pods`), to print with any serializer.
 * @param[out] out (transfer full) free with sts_doc_free()
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_impact_to_doc(sts_doc **out, const sts_impact *imp, sts_error **err);

/* ---- Kubernetes upgrade check ---------------------------------------------- */

/**
 * @brief Which StatefulSets of @p objects a Kubernetes upgrade from
 * opts->from_version to opts->api->kube_version would roll from template
 * serialization or defaulting changes alone.
 *
 * For each StatefulSet, the stored template is defaulted and serialized as
 * the target release does and hashed with `status.collisionCount`; when the
 * name differs from `status.updateRevision` (or, for a manifest without
 * status, from the name under the source release) the target's controller
 * makes a new revision, unless its StatefulSetSemanticRevisionComparison
 * gate is on (1.34 with the backport, 1.35), in which case no pod restarts.
 * ControllerRevisions in @p objects that equal the target bytes are reused.
 * @param[out] out (transfer full) free with sts_upgrade_free()
 * @return 0, STS_EINVAL, STS_EVERSION, STS_ENOMEM, or the error of a set
 *   whose template cannot be read
 * @since 0.1
 */
STS_API int sts_upgrade_check(sts_upgrade **out, const sts_object_list *objects,
                              const sts_impact_opts *opts, sts_error **err);

/** @brief Free (NULL-safe). @since 0.1 */
STS_API void sts_upgrade_free(sts_upgrade *up);
/** @brief Source release ("1.33"; transfer none). @since 0.1 */
STS_API const char *sts_upgrade_from_version(const sts_upgrade *up);
/** @brief Target release ("1.34"; transfer none). @since 0.1 */
STS_API const char *sts_upgrade_to_version(const sts_upgrade *up);
/** @brief 1 when the target's StatefulSetSemanticRevisionComparison gate is on. @since 0.1 */
STS_API int sts_upgrade_semantic_comparison(const sts_upgrade *up);
/** @brief Number of StatefulSets examined. @since 0.1 */
STS_API size_t sts_upgrade_count(const sts_upgrade *up);
/** @brief Number of StatefulSets whose pods the upgrade would restart. @since 0.1 */
STS_API size_t sts_upgrade_affected_count(const sts_upgrade *up);
/** @brief Set @p i: its name (NULL when out of range; transfer none). @since 0.1 */
STS_API const char *sts_upgrade_name(const sts_upgrade *up, size_t i);
/** @brief Set @p i: its namespace (transfer none). @since 0.1 */
STS_API const char *sts_upgrade_namespace(const sts_upgrade *up, size_t i);
/** @brief Set @p i: the update revision now (transfer none). @since 0.1 */
STS_API const char *sts_upgrade_current_revision(const sts_upgrade *up, size_t i);
/** @brief Set @p i: the revision name the target release computes (transfer none). @since 0.1 */
STS_API const char *sts_upgrade_target_revision(const sts_upgrade *up, size_t i);
/** @brief Set @p i: 1 when the target computes another revision name. @since 0.1 */
STS_API int sts_upgrade_revision_changes(const sts_upgrade *up, size_t i);
/** @brief Set @p i: 1 when the semantic comparison keeps the current revision. @since 0.1 */
STS_API int sts_upgrade_gate_prevents(const sts_upgrade *up, size_t i);
/** @brief Set @p i: 1 when pods would be replaced. @since 0.1 */
STS_API int sts_upgrade_rolls_pods(const sts_upgrade *up, size_t i);
/** @brief Set @p i: explanation (transfer none). @since 0.1 */
STS_API const char *sts_upgrade_reason(const sts_upgrade *up, size_t i);
/**
 * @brief Set @p i: the full impact (which pods are replaced, in what order,
 * kept pods, completion), as sts_statefulset_diff() describes it
 * (transfer none; NULL when out of range).
 * @since 0.1
 */
STS_API const sts_impact *sts_upgrade_impact_at(const sts_upgrade *up, size_t i);

/** @brief Human-readable summary, appended to @p out. @return 0 or STS_ENOMEM. @since 0.1 */
STS_API int sts_upgrade_format(sts_buf *out, const sts_upgrade *up);
/** @brief The result as a document tree (transfer full). @since 0.1 */
STS_API int sts_upgrade_to_doc(sts_doc **out, const sts_upgrade *up, sts_error **err);

STS_END_DECLS

#endif
