/* Typed access to Pod (v1) fields. */
#include <string.h>

#include "model_priv.h"

#define POD_KIND(fn)                                              \
    do {                                                          \
        int k_ = sts__want_kind(pod, STS_KIND_POD, fn, err);     \
        if (k_)                                                   \
            return k_;                                            \
    } while (0)

int sts_pod_get_phase(const char **out, size_t *len, const sts_object *pod, sts_error **err)
{
    POD_KIND("sts_pod_get_phase");
    return sts__get_str(out, len, pod, "status.phase", err);
}

int sts_pod_get_hostname(const char **out, size_t *len, const sts_object *pod, sts_error **err)
{
    POD_KIND("sts_pod_get_hostname");
    return sts__get_str(out, len, pod, "spec.hostname", err);
}

int sts_pod_get_subdomain(const char **out, size_t *len, const sts_object *pod, sts_error **err)
{
    POD_KIND("sts_pod_get_subdomain");
    return sts__get_str(out, len, pod, "spec.subdomain", err);
}

int sts_pod_get_deletion_timestamp(const char **out, size_t *len, const sts_object *pod,
                                   sts_error **err)
{
    POD_KIND("sts_pod_get_deletion_timestamp");
    return sts__get_str(out, len, pod, "metadata.deletionTimestamp", err);
}

size_t sts_pod_condition_count(const sts_object *pod)
{
    return sts_object_kind(pod) == STS_KIND_POD ? sts__list_count(pod, "status.conditions") : 0;
}

sts_node *sts_pod_condition_at(const sts_object *pod, size_t i)
{
    return sts_object_kind(pod) == STS_KIND_POD ? sts__list_at(pod, "status.conditions", i)
                                                : NULL;
}

/* The API server merges conditions by `type` (patch merge key), so at most
 * one entry per type is meaningful; the first one wins here. */
int sts_pod_get_condition_status(const char **out, size_t *len, const sts_object *pod,
                                 const char *type, sts_error **err)
{
    POD_KIND("sts_pod_get_condition_status");
    if (!type)
        return sts__err(err, STS_EINVAL, "sts_pod_get_condition_status: no condition type");
    size_t n = sts_pod_condition_count(pod);
    for (size_t i = 0; i < n; i++) {
        sts_node *c = sts_pod_condition_at(pod, i);
        if (sts__node_is_string(sts_node_map_get(c, "type", 4), type))
            return sts_object_get_string_at(out, len, pod, c, "status", err);
    }
    return STS_ENOTFOUND;
}

int sts_pod_is_ready(const sts_object *pod)
{
    const char *s;
    size_t len;
    if (sts_pod_get_condition_status(&s, &len, pod, "Ready", NULL))
        return 0;
    return len == 4 && memcmp(s, "True", 4) == 0;
}
