/* Typed access to StatefulSet (apps/v1) fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_priv.h"

#define STS_KIND(fn)                                                    \
    do {                                                                \
        int k_ = sts__want_kind(sts, STS_KIND_STATEFULSET, fn, err);   \
        if (k_)                                                         \
            return k_;                                                  \
    } while (0)

#define I32_FIELD(getter, setter, path)                                          \
    int getter(int32_t *out, const sts_object *sts, sts_error **err)             \
    {                                                                            \
        STS_KIND(#getter);                                                       \
        return sts__get_i32(out, sts, path, err);                                \
    }                                                                            \
    int setter(sts_object *sts, int32_t value, sts_error **err)                  \
    {                                                                            \
        STS_KIND(#setter);                                                       \
        return sts__set_i32(sts, path, value, err);                              \
    }

#define STR_FIELD(getter, setter, path)                                                   \
    int getter(const char **out, size_t *len, const sts_object *sts, sts_error **err)     \
    {                                                                                     \
        STS_KIND(#getter);                                                                \
        return sts__get_str(out, len, sts, path, err);                                    \
    }                                                                                     \
    int setter(sts_object *sts, const char *value, sts_error **err)                       \
    {                                                                                     \
        STS_KIND(#setter);                                                                \
        return sts__set_str(sts, path, value, err);                                       \
    }

#define I32_GETTER(getter, path)                                     \
    int getter(int32_t *out, const sts_object *sts, sts_error **err) \
    {                                                                \
        STS_KIND(#getter);                                           \
        return sts__get_i32(out, sts, path, err);                    \
    }

#define STR_GETTER(getter, path)                                                      \
    int getter(const char **out, size_t *len, const sts_object *sts, sts_error **err) \
    {                                                                                 \
        STS_KIND(#getter);                                                            \
        return sts__get_str(out, len, sts, path, err);                                \
    }

I32_FIELD(sts_statefulset_get_replicas, sts_statefulset_set_replicas, "spec.replicas")
STR_FIELD(sts_statefulset_get_service_name, sts_statefulset_set_service_name, "spec.serviceName")
STR_FIELD(sts_statefulset_get_pod_management_policy, sts_statefulset_set_pod_management_policy,
          "spec.podManagementPolicy")
STR_FIELD(sts_statefulset_get_update_strategy_type, sts_statefulset_set_update_strategy_type,
          "spec.updateStrategy.type")
I32_FIELD(sts_statefulset_get_partition, sts_statefulset_set_partition,
          "spec.updateStrategy.rollingUpdate.partition")
I32_FIELD(sts_statefulset_get_revision_history_limit, sts_statefulset_set_revision_history_limit,
          "spec.revisionHistoryLimit")
I32_FIELD(sts_statefulset_get_min_ready_seconds, sts_statefulset_set_min_ready_seconds,
          "spec.minReadySeconds")
I32_FIELD(sts_statefulset_get_ordinals_start, sts_statefulset_set_ordinals_start,
          "spec.ordinals.start")
STR_FIELD(sts_statefulset_get_pvc_when_deleted, sts_statefulset_set_pvc_when_deleted,
          "spec.persistentVolumeClaimRetentionPolicy.whenDeleted")
STR_FIELD(sts_statefulset_get_pvc_when_scaled, sts_statefulset_set_pvc_when_scaled,
          "spec.persistentVolumeClaimRetentionPolicy.whenScaled")

I32_GETTER(sts_statefulset_get_status_replicas, "status.replicas")
I32_GETTER(sts_statefulset_get_ready_replicas, "status.readyReplicas")
I32_GETTER(sts_statefulset_get_current_replicas, "status.currentReplicas")
I32_GETTER(sts_statefulset_get_updated_replicas, "status.updatedReplicas")
I32_GETTER(sts_statefulset_get_available_replicas, "status.availableReplicas")
I32_GETTER(sts_statefulset_get_collision_count, "status.collisionCount")
STR_GETTER(sts_statefulset_get_current_revision, "status.currentRevision")
STR_GETTER(sts_statefulset_get_update_revision, "status.updateRevision")

int sts_statefulset_get_observed_generation(int64_t *out, const sts_object *sts,
                                            sts_error **err)
{
    STS_KIND("sts_statefulset_get_observed_generation");
    return sts_object_get_int(out, sts, "status.observedGeneration", err);
}

/* "N%" with N a decimal integer, as intstr.GetScaledValueFromIntOrPercent
 * reads it (strconv.Atoi on the text before the %). */
static int parse_percent(int32_t *out, const char *s, size_t len)
{
    if (len < 2 || s[len - 1] != '%')
        return -1;
    size_t i = 0;
    int neg = 0;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        i++;
    }
    if (i == len - 1)
        return -1;
    int64_t v = 0;
    for (; i < len - 1; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
        if (v > (int64_t)INT32_MAX + 1)
            return -1;
    }
    v = neg ? -v : v;
    if (v < INT32_MIN || v > INT32_MAX)
        return -1;
    *out = (int32_t)v;
    return 0;
}

int sts_statefulset_get_max_unavailable(int32_t *value, int *is_percent, const sts_object *sts,
                                        sts_error **err)
{
    STS_KIND("sts_statefulset_get_max_unavailable");
    static const char path[] = "spec.updateStrategy.rollingUpdate.maxUnavailable";
    int32_t iv = 0;
    const char *s = NULL;
    size_t len = 0;
    int is_string = 0;
    int rc = sts_object_get_int_or_string_at(&iv, &s, &len, &is_string, sts, NULL, path, err);
    if (rc)
        return rc;
    if (is_string && parse_percent(&iv, s, len)) {
        sts_node *n = NULL;
        sts_object_get(&n, sts, path, NULL);
        return sts__type_error(err, n, path, "an integer or a percentage (\"N%\")");
    }
    if (value)
        *value = iv;
    if (is_percent)
        *is_percent = is_string;
    return 0;
}

int sts_statefulset_set_max_unavailable(sts_object *sts, int32_t value, int is_percent,
                                        sts_error **err)
{
    STS_KIND("sts_statefulset_set_max_unavailable");
    static const char path[] = "spec.updateStrategy.rollingUpdate.maxUnavailable";
    if (!is_percent)
        return sts_object_set_int(sts, path, value, err);
    char text[16];
    int n = snprintf(text, sizeof text, "%ld%%", (long)value);
    return sts_object_set_string(sts, path, text, (size_t)n, err);
}

static int get_map(sts_node **out, const sts_object *obj, const char *path, sts_error **err)
{
    sts_node *n;
    int rc = sts_object_get(&n, obj, path, err);
    if (rc)
        return rc;
    if (n->type != STS_NODE_MAP)
        return sts__type_error(err, n, path, "a map");
    if (out)
        *out = n;
    return 0;
}

int sts_statefulset_get_selector(sts_node **out, const sts_object *sts, sts_error **err)
{
    STS_KIND("sts_statefulset_get_selector");
    return get_map(out, sts, "spec.selector", err);
}

int sts_statefulset_get_template(sts_node **out, const sts_object *sts, sts_error **err)
{
    STS_KIND("sts_statefulset_get_template");
    return get_map(out, sts, "spec.template", err);
}

size_t sts_statefulset_claim_template_count(const sts_object *sts)
{
    if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
        return 0;
    return sts__list_count(sts, "spec.volumeClaimTemplates");
}

sts_node *sts_statefulset_claim_template_at(const sts_object *sts, size_t i)
{
    if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
        return NULL;
    return sts__list_at(sts, "spec.volumeClaimTemplates", i);
}

/* ---- claim template fields ---- */

static int claim_string(const char **out, size_t *len, const sts_object *sts, size_t i,
                        const char *field, const char *fn, sts_error **err)
{
    STS_KIND(fn);
    sts_node *t = sts_statefulset_claim_template_at(sts, i);
    if (!t)
        return STS_ENOTFOUND;
    return sts_object_get_string_at(out, len, sts, t, field, err);
}

int sts_statefulset_claim_template_get_name(const char **out, size_t *len,
                                            const sts_object *sts, size_t i, sts_error **err)
{
    return claim_string(out, len, sts, i, "metadata.name",
                        "sts_statefulset_claim_template_get_name", err);
}

int sts_statefulset_claim_template_get_storage_class_name(const char **out, size_t *len,
                                                          const sts_object *sts, size_t i,
                                                          sts_error **err)
{
    return claim_string(out, len, sts, i, "spec.storageClassName",
                        "sts_statefulset_claim_template_get_storage_class_name", err);
}

int sts_statefulset_claim_template_get_volume_mode(const char **out, size_t *len,
                                                   const sts_object *sts, size_t i,
                                                   sts_error **err)
{
    return claim_string(out, len, sts, i, "spec.volumeMode",
                        "sts_statefulset_claim_template_get_volume_mode", err);
}

size_t sts_statefulset_claim_template_access_mode_count(const sts_object *sts, size_t i)
{
    sts_node *t = sts_statefulset_claim_template_at(sts, i), *modes;
    if (!t || sts__lookup(&modes, t, "", "spec.accessModes", NULL))
        return 0;
    return sts_node_count(modes) * (modes->type == STS_NODE_SEQ);
}

int sts_statefulset_claim_template_get_access_mode(const char **out, size_t *len,
                                                   const sts_object *sts, size_t i, size_t j,
                                                   sts_error **err)
{
    STS_KIND("sts_statefulset_claim_template_get_access_mode");
    sts_node *t = sts_statefulset_claim_template_at(sts, i);
    if (!t)
        return STS_ENOTFOUND;
    char path[48];
    snprintf(path, sizeof path, "spec.accessModes[%zu]", j);
    return sts_object_get_string_at(out, len, sts, t, path, err);
}

int sts_statefulset_claim_template_get_storage(char *buf, size_t size, size_t *len,
                                               const sts_object *sts, size_t i,
                                               sts_error **err)
{
    STS_KIND("sts_statefulset_claim_template_get_storage");
    sts_node *t = sts_statefulset_claim_template_at(sts, i);
    if (!t)
        return STS_ENOTFOUND;
    return sts_object_get_quantity_at(buf, size, len, sts, t, "spec.resources.requests.storage",
                                      err);
}
