/**
 * @file model.h
 * @brief Typed views over Kubernetes objects: StatefulSet, Service, Pod,
 * PersistentVolumeClaim, and a generic object for any other kind.
 *
 * An `sts_object` is a view over a document: reading a field never copies,
 * writing a field changes only that node, so unknown fields and key order
 * survive a load/dump round trip.
 *
 * Getters distinguish "absent" from zero: they return 0 when the field is
 * present, STS_ENOTFOUND when it is absent (no error object is created for
 * that), and STS_ETYPE / STS_ERANGE with the field path and line:column
 * when the value has the wrong type (`replicas: "three"`). Kind-specific
 * functions return STS_EINVAL when called on another kind.
 *
 * Field paths use the syntax of sts_node_find():
 * `spec.template.spec.containers[0].image`.
 */
#ifndef STATEFULSET_MODEL_H
#define STATEFULSET_MODEL_H

#include "common.h"
#include "buf.h"
#include "doc.h"
#include "error.h"
#include "serial.h"

STS_BEGIN_DECLS

typedef struct sts_object sts_object;
typedef struct sts_object_list sts_object_list;

/** Kinds with typed views. @since 0.1 */
typedef enum sts_kind {
    STS_KIND_OTHER = 0,
    STS_KIND_STATEFULSET = 1,
    STS_KIND_SERVICE = 2,
    STS_KIND_POD = 3,
    STS_KIND_PERSISTENT_VOLUME_CLAIM = 4,
    STS_KIND_CONTROLLER_REVISION = 5,
    STS_KIND_FORCE_32BIT = 0x7fffffff
} sts_kind;

/* ---- objects ------------------------------------------------------------- */

/**
 * @brief Wrap a document as an object; the object takes @p doc
 * (transfer full, also on failure). The kind comes from `apiVersion`/`kind`.
 * @since 0.1
 */
STS_API int sts_object_take_doc(sts_object **out, sts_doc *doc, sts_error **err);

/**
 * @brief Build a new object from scratch: `apiVersion`, `kind` and
 * `metadata.name` set (apps/v1 for StatefulSet and ControllerRevision, v1
 * for the others). @p kind must not be STS_KIND_OTHER.
 * @since 0.1
 */
STS_API int sts_object_new(sts_object **out, sts_kind kind, const char *name, size_t namelen,
                           sts_error **err);

/** @brief Deep copy into a new document. @since 0.1 */
STS_API int sts_object_clone(sts_object **out, const sts_object *obj, sts_error **err);

/** @brief Free (NULL-safe). @since 0.1 */
STS_API void sts_object_free(sts_object *obj);

STS_API sts_kind sts_object_kind(const sts_object *obj);
/** @brief "StatefulSet", "Service", ... for a kind (transfer none). @since 0.1 */
STS_API const char *sts_kind_name(sts_kind kind);
/** @brief The `kind` string of the document, "" when absent (transfer none). @since 0.1 */
STS_API const char *sts_object_kind_string(const sts_object *obj);
/** @brief `apiVersion`, "" when absent (transfer none). @since 0.1 */
STS_API const char *sts_object_api_version(const sts_object *obj);
/** @brief `metadata.name`, "" when absent or not a string (transfer none). @since 0.1 */
STS_API const char *sts_object_name(const sts_object *obj);
/** @brief `metadata.namespace`, "" when absent (transfer none). @since 0.1 */
STS_API const char *sts_object_namespace(const sts_object *obj);
/** @brief The underlying document (transfer none). @since 0.1 */
STS_API sts_doc *sts_object_doc(const sts_object *obj);
/** @brief The root map (transfer none). @since 0.1 */
STS_API sts_node *sts_object_root(const sts_object *obj);

/**
 * @brief Check every field the library knows for its type (and int32
 * range), reporting all errors at once, in document order.
 * @return 0, or STS_ETYPE / STS_ERANGE (the first error's code) with the chain
 * @since 0.1
 */
STS_API int sts_object_check(const sts_object *obj, sts_error **err);

/* ---- generic typed access by field path ---------------------------------- */

/** @brief The node at @p path (transfer none). @return 0 or STS_ENOTFOUND. @since 0.1 */
STS_API int sts_object_get(sts_node **out, const sts_object *obj, const char *path,
                           sts_error **err);
STS_API int sts_object_get_string(const char **out, size_t *len, const sts_object *obj,
                                  const char *path, sts_error **err);
STS_API int sts_object_get_int(int64_t *out, const sts_object *obj, const char *path,
                               sts_error **err);
STS_API int sts_object_get_bool(int *out, const sts_object *obj, const char *path,
                                sts_error **err);
/** @brief Set a string, creating missing maps on the way. @since 0.1 */
STS_API int sts_object_set_string(sts_object *obj, const char *path, const char *value,
                                  size_t len, sts_error **err);
STS_API int sts_object_set_int(sts_object *obj, const char *path, int64_t value,
                               sts_error **err);
STS_API int sts_object_set_bool(sts_object *obj, const char *path, int value, sts_error **err);
/** @brief Remove the field at @p path. @return 0 or STS_ENOTFOUND. @since 0.1 */
STS_API int sts_object_remove(sts_object *obj, const char *path, sts_error **err);

/** @brief A label of `metadata.labels` (transfer none). @since 0.1 */
STS_API int sts_object_get_label(const char **out, size_t *len, const sts_object *obj,
                                 const char *key, sts_error **err);
/** @brief Set a label (creating `metadata.labels`); a NULL @p value removes it. @since 0.1 */
STS_API int sts_object_set_label(sts_object *obj, const char *key, const char *value,
                                 sts_error **err);
STS_API int sts_object_get_annotation(const char **out, size_t *len, const sts_object *obj,
                                      const char *key, sts_error **err);
/** @brief Set an annotation; a NULL @p value removes it. @since 0.1 */
STS_API int sts_object_set_annotation(sts_object *obj, const char *key, const char *value,
                                      sts_error **err);

/**
 * @name Typed access below a node
 * Read a field at @p path relative to @p base, a node of @p obj (NULL = the
 * root), with the same rules as the getters above: STS_ENOTFOUND when
 * absent or null, STS_ETYPE / STS_ERANGE with the full field path from the
 * root (`spec.template.spec.containers[1].image`) and line:column. Use them
 * with the nodes that the `_at` functions return, e.g. a container's
 * `image`, `ports[0].containerPort`, `env[2].value`,
 * `volumeMounts[0].mountPath`, `resources.limits.cpu`,
 * `readinessProbe.httpGet.port`.
 * @{
 */
/** @brief A string field (transfer none). @since 0.1 */
STS_API int sts_object_get_string_at(const char **out, size_t *len, const sts_object *obj,
                                     const sts_node *base, const char *path, sts_error **err);
/** @brief An int64 field; integral floats (`3.0`, `1e3`) count as integers. @since 0.1 */
STS_API int sts_object_get_int_at(int64_t *out, const sts_object *obj, const sts_node *base,
                                  const char *path, sts_error **err);
/** @brief An int32 field (STS_ERANGE outside int32). @since 0.1 */
STS_API int sts_object_get_int32_at(int32_t *out, const sts_object *obj, const sts_node *base,
                                    const char *path, sts_error **err);
STS_API int sts_object_get_bool_at(int *out, const sts_object *obj, const sts_node *base,
                                   const char *path, sts_error **err);
/**
 * @brief An int-or-string field (`targetPort`, `httpGet.port`, `maxUnavailable`).
 * @param[out] ival the integer, when @p *is_string is 0
 * @param[out] str the string (transfer none), when @p *is_string is 1
 * @param[out] is_string which of the two was found
 * @since 0.1
 */
STS_API int sts_object_get_int_or_string_at(int32_t *ival, const char **str, size_t *len,
                                            int *is_string, const sts_object *obj,
                                            const sts_node *base, const char *path,
                                            sts_error **err);
/**
 * @brief A quantity field (`resources.requests.storage`): a string, or a
 * number written as in the source (or as Go writes it when built in code).
 * snprintf semantics: @p buf (nullable when @p size is 0) always gets a
 * NUL-terminated, possibly truncated copy; @p len the full length.
 * @since 0.1
 */
STS_API int sts_object_get_quantity_at(char *buf, size_t size, size_t *len,
                                       const sts_object *obj, const sts_node *base,
                                       const char *path, sts_error **err);
/** @} */

/** @brief Number of `metadata.ownerReferences` (0 when absent). @since 0.1 */
STS_API size_t sts_object_owner_reference_count(const sts_object *obj);
/** @brief `metadata.ownerReferences[i]` node (transfer none, NULL when out of range). @since 0.1 */
STS_API sts_node *sts_object_owner_reference_at(const sts_object *obj, size_t i);

/* ---- pod spec: StatefulSet spec.template.spec, Pod spec ------------------- */

/**
 * @brief The pod spec map: `spec.template.spec` of a StatefulSet, `spec` of
 * a Pod (transfer none). @return 0, STS_ENOTFOUND, STS_ETYPE, or STS_EINVAL
 * for other kinds.
 * @since 0.1
 */
STS_API int sts_object_get_pod_spec(sts_node **out, const sts_object *obj, sts_error **err);
/** @brief Number of `containers` of the pod spec (0 when absent). @since 0.1 */
STS_API size_t sts_object_container_count(const sts_object *obj);
/** @brief `containers[i]` of the pod spec (transfer none, nullable). @since 0.1 */
STS_API sts_node *sts_object_container_at(const sts_object *obj, size_t i);
/** @brief Number of `initContainers` of the pod spec. @since 0.1 */
STS_API size_t sts_object_init_container_count(const sts_object *obj);
/** @brief `initContainers[i]` of the pod spec (transfer none, nullable). @since 0.1 */
STS_API sts_node *sts_object_init_container_at(const sts_object *obj, size_t i);
/** @brief Number of `volumes` of the pod spec. @since 0.1 */
STS_API size_t sts_object_volume_count(const sts_object *obj);
/** @brief `volumes[i]` of the pod spec (transfer none, nullable). @since 0.1 */
STS_API sts_node *sts_object_volume_at(const sts_object *obj, size_t i);

/* ---- StatefulSet (apps/v1) ------------------------------------------------ */

STS_API int sts_statefulset_get_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_replicas(sts_object *sts, int32_t value, sts_error **err);
STS_API int sts_statefulset_get_service_name(const char **out, size_t *len, const sts_object *sts,
                                             sts_error **err);
STS_API int sts_statefulset_set_service_name(sts_object *sts, const char *value, sts_error **err);
STS_API int sts_statefulset_get_pod_management_policy(const char **out, size_t *len,
                                                      const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_pod_management_policy(sts_object *sts, const char *value,
                                                      sts_error **err);
STS_API int sts_statefulset_get_update_strategy_type(const char **out, size_t *len,
                                                     const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_update_strategy_type(sts_object *sts, const char *value,
                                                     sts_error **err);
STS_API int sts_statefulset_get_partition(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_partition(sts_object *sts, int32_t value, sts_error **err);
/**
 * @brief `spec.updateStrategy.rollingUpdate.maxUnavailable` (int or "N%").
 * @param[out] value the integer, or N of a percentage
 * @param[out] is_percent 1 for "N%", 0 for an integer
 * @return 0, STS_ENOTFOUND, STS_ETYPE (neither an integer nor "N%")
 * @since 0.1
 */
STS_API int sts_statefulset_get_max_unavailable(int32_t *value, int *is_percent,
                                                const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_max_unavailable(sts_object *sts, int32_t value, int is_percent,
                                                sts_error **err);
STS_API int sts_statefulset_get_revision_history_limit(int32_t *out, const sts_object *sts,
                                                       sts_error **err);
STS_API int sts_statefulset_set_revision_history_limit(sts_object *sts, int32_t value,
                                                       sts_error **err);
STS_API int sts_statefulset_get_min_ready_seconds(int32_t *out, const sts_object *sts,
                                                  sts_error **err);
STS_API int sts_statefulset_set_min_ready_seconds(sts_object *sts, int32_t value,
                                                  sts_error **err);
STS_API int sts_statefulset_get_ordinals_start(int32_t *out, const sts_object *sts,
                                               sts_error **err);
STS_API int sts_statefulset_set_ordinals_start(sts_object *sts, int32_t value, sts_error **err);
/** @brief `spec.persistentVolumeClaimRetentionPolicy.whenDeleted`. @since 0.1 */
STS_API int sts_statefulset_get_pvc_when_deleted(const char **out, size_t *len,
                                                 const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_pvc_when_deleted(sts_object *sts, const char *value,
                                                 sts_error **err);
/** @brief `spec.persistentVolumeClaimRetentionPolicy.whenScaled`. @since 0.1 */
STS_API int sts_statefulset_get_pvc_when_scaled(const char **out, size_t *len,
                                                const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_set_pvc_when_scaled(sts_object *sts, const char *value,
                                                sts_error **err);
/** @brief `spec.selector` map node (transfer none). @since 0.1 */
STS_API int sts_statefulset_get_selector(sts_node **out, const sts_object *sts, sts_error **err);
/** @brief `spec.template` map node (transfer none). @since 0.1 */
STS_API int sts_statefulset_get_template(sts_node **out, const sts_object *sts, sts_error **err);
/** @brief Number of `spec.volumeClaimTemplates` (0 when absent). @since 0.1 */
STS_API size_t sts_statefulset_claim_template_count(const sts_object *sts);
/** @brief `spec.volumeClaimTemplates[i]` node (transfer none). @since 0.1 */
STS_API sts_node *sts_statefulset_claim_template_at(const sts_object *sts, size_t i);
/** @brief `spec.volumeClaimTemplates[i].metadata.name`. @since 0.1 */
STS_API int sts_statefulset_claim_template_get_name(const char **out, size_t *len,
                                                    const sts_object *sts, size_t i,
                                                    sts_error **err);
/** @brief `spec.volumeClaimTemplates[i].spec.storageClassName`. @since 0.1 */
STS_API int sts_statefulset_claim_template_get_storage_class_name(const char **out, size_t *len,
                                                                  const sts_object *sts,
                                                                  size_t i, sts_error **err);
/** @brief `spec.volumeClaimTemplates[i].spec.volumeMode`. @since 0.1 */
STS_API int sts_statefulset_claim_template_get_volume_mode(const char **out, size_t *len,
                                                           const sts_object *sts, size_t i,
                                                           sts_error **err);
/** @brief Number of `spec.volumeClaimTemplates[i].spec.accessModes`. @since 0.1 */
STS_API size_t sts_statefulset_claim_template_access_mode_count(const sts_object *sts,
                                                                size_t i);
/** @brief `spec.volumeClaimTemplates[i].spec.accessModes[j]`. @since 0.1 */
STS_API int sts_statefulset_claim_template_get_access_mode(const char **out, size_t *len,
                                                           const sts_object *sts, size_t i,
                                                           size_t j, sts_error **err);
/**
 * @brief `spec.volumeClaimTemplates[i].spec.resources.requests.storage`,
 * with the snprintf semantics of sts_object_get_quantity_at().
 * @since 0.1
 */
STS_API int sts_statefulset_claim_template_get_storage(char *buf, size_t size, size_t *len,
                                                       const sts_object *sts, size_t i,
                                                       sts_error **err);

/* status */
STS_API int sts_statefulset_get_status_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_ready_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_current_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_updated_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_available_replicas(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_observed_generation(int64_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_collision_count(int32_t *out, const sts_object *sts, sts_error **err);
STS_API int sts_statefulset_get_current_revision(const char **out, size_t *len, const sts_object *sts,
                                                 sts_error **err);
STS_API int sts_statefulset_get_update_revision(const char **out, size_t *len, const sts_object *sts,
                                                sts_error **err);

/* ---- Service (v1) ---------------------------------------------------------- */

STS_API int sts_service_get_cluster_ip(const char **out, size_t *len, const sts_object *svc,
                                       sts_error **err);
/** @brief 1 when `spec.clusterIP` is "None". @since 0.1 */
STS_API int sts_service_is_headless(const sts_object *svc);
STS_API int sts_service_get_publish_not_ready_addresses(int *out, const sts_object *svc,
                                                        sts_error **err);
/** @brief `spec.selector` map node (transfer none). @since 0.1 */
STS_API int sts_service_get_selector(sts_node **out, const sts_object *svc, sts_error **err);
STS_API size_t sts_service_port_count(const sts_object *svc);
/** @brief `spec.ports[i]` node (transfer none). @since 0.1 */
STS_API sts_node *sts_service_port_at(const sts_object *svc, size_t i);
/** @brief `spec.ports[i].name`. @since 0.1 */
STS_API int sts_service_port_get_name(const char **out, size_t *len, const sts_object *svc,
                                      size_t i, sts_error **err);
/** @brief `spec.ports[i].protocol`. @since 0.1 */
STS_API int sts_service_port_get_protocol(const char **out, size_t *len, const sts_object *svc,
                                          size_t i, sts_error **err);
/** @brief `spec.ports[i].port`. @since 0.1 */
STS_API int sts_service_port_get_port(int32_t *out, const sts_object *svc, size_t i,
                                      sts_error **err);
/**
 * @brief `spec.ports[i].targetPort`: a number or the name of a container port.
 * @param[out] is_name 1 when @p name was set, 0 when @p number was
 * @since 0.1
 */
STS_API int sts_service_port_get_target_port(int32_t *number, const char **name, size_t *len,
                                             int *is_name, const sts_object *svc, size_t i,
                                             sts_error **err);

/* ---- Pod (v1) -------------------------------------------------------------- */

STS_API int sts_pod_get_phase(const char **out, size_t *len, const sts_object *pod, sts_error **err);
STS_API int sts_pod_get_hostname(const char **out, size_t *len, const sts_object *pod, sts_error **err);
STS_API int sts_pod_get_subdomain(const char **out, size_t *len, const sts_object *pod, sts_error **err);
STS_API int sts_pod_get_deletion_timestamp(const char **out, size_t *len, const sts_object *pod,
                                           sts_error **err);
/** @brief 1 when the Ready condition has status "True", 0 otherwise. @since 0.1 */
STS_API int sts_pod_is_ready(const sts_object *pod);
/** @brief Number of `status.conditions`. @since 0.1 */
STS_API size_t sts_pod_condition_count(const sts_object *pod);
/** @brief `status.conditions[i]` node (transfer none, nullable). @since 0.1 */
STS_API sts_node *sts_pod_condition_at(const sts_object *pod, size_t i);
/**
 * @brief `status` of the condition whose `type` is @p type ("Ready",
 * "PodScheduled", ...). @return 0, STS_ENOTFOUND, STS_ETYPE, STS_EINVAL.
 * @since 0.1
 */
STS_API int sts_pod_get_condition_status(const char **out, size_t *len, const sts_object *pod,
                                         const char *type, sts_error **err);

/* ---- lists of objects and loading ----------------------------------------- */

STS_API int sts_object_list_new(sts_object_list **out);
/** @brief Free the list and its objects (NULL-safe). @since 0.1 */
STS_API void sts_object_list_free(sts_object_list *list);
STS_API size_t sts_object_list_count(const sts_object_list *list);
/** @brief Object @p i (transfer none). @since 0.1 */
STS_API sts_object *sts_object_list_at(const sts_object_list *list, size_t i);
/** @brief Append @p obj; the list takes ownership even on failure. @since 0.1 */
STS_API int sts_object_list_take(sts_object_list *list, sts_object *obj);

/**
 * @brief Decode bytes (sts_decode()) and wrap every document as an object,
 * type-checking each (sts_object_check()). Documents that are not maps are
 * an STS_ETYPE error. Appends to @p *out, creating the list when *out is NULL;
 * on failure nothing is appended.
 * @since 0.1
 */
STS_API int sts_load(sts_object_list **out, const sts_registry *reg, const char *format,
                     const char *data, size_t len, const sts_decode_opts *opts, sts_error **err);

/**
 * @brief Encode every object of @p list with the named format.
 * @since 0.1
 */
STS_API int sts_dump(sts_buf *out, const sts_registry *reg, const char *format,
                     const sts_object_list *list, const sts_encode_opts *opts, sts_error **err);

/** @brief Encode one object. @since 0.1 */
STS_API int sts_object_dump(sts_buf *out, const sts_registry *reg, const char *format,
                            const sts_object *obj, const sts_encode_opts *opts, sts_error **err);

STS_END_DECLS

#endif
