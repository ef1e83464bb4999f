/* The fields of a defaulted StatefulSet that drive a rollout. */
#include <string.h>

#include "impact_priv.h"

void imp_read_settings(imp_settings *s, const sts_object *sts)
{
    memset(s, 0, sizeof *s);
    s->strategy = "RollingUpdate";
    s->policy = "OrderedReady";
    s->when_scaled = "Retain";
    s->replicas = 1;
    const char *v;
    if (!sts_statefulset_get_update_strategy_type(&v, NULL, sts, NULL) && *v)
        s->strategy = v;
    if (!sts_statefulset_get_pod_management_policy(&v, NULL, sts, NULL) && *v)
        s->policy = v;
    if (!sts_statefulset_get_pvc_when_scaled(&v, NULL, sts, NULL) && *v)
        s->when_scaled = v;
    sts_node *ru = NULL;
    s->has_rolling = !sts_object_get(&ru, sts, "spec.updateStrategy.rollingUpdate", NULL) &&
                     sts_node_get_type(ru) == STS_NODE_MAP;
    if (s->has_rolling && sts_statefulset_get_partition(&s->partition, sts, NULL))
        s->partition = 0;
    if (s->partition < 0)
        s->partition = 0;
    int32_t start = 0, count = 1;
    if (!sts_statefulset_ordinals(&start, &count, sts, NULL)) {
        s->start = start;
        s->replicas = count;
    }
    if (sts_statefulset_get_min_ready_seconds(&s->min_ready, sts, NULL))
        s->min_ready = 0;
    s->has_max_unavailable =
        s->has_rolling &&
        !sts_statefulset_get_max_unavailable(&s->mu_value, &s->mu_percent, sts, NULL);
}

int32_t imp_max_unavailable(const imp_settings *s)
{
    int64_t mu = 1;
    if (s->has_max_unavailable) {
        mu = s->mu_value;
        if (s->mu_percent)
            mu = (int64_t)s->mu_value * s->replicas / 100; /* rounded down, as the code does */
    }
    return mu < 1 ? 1 : (int32_t)(mu > INT32_MAX ? INT32_MAX : mu);
}
