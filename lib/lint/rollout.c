/* STS112-114, STS116: rollout and placement. */
#include <stdio.h>
#include <string.h>

#include "lint_priv.h"

static int any_container_has(const sts_node *pspec, const char *field)
{
    const sts_node *cs = sts_node_map_get(pspec, "containers", 10);
    for (size_t i = 0; i < sts_node_count(cs); i++)
        if (sts_node_map_get(sts_node_seq_at(cs, i), field, strlen(field)))
            return 1;
    return 0;
}

void lint_rollout(lint_ctx *c, const sts_object *sts)
{
    const char *name = sts_object_name(sts);
    const char *policy = "OrderedReady";
    sts_statefulset_get_pod_management_policy(&policy, NULL, sts, NULL);
    sts_node *pspec = NULL, *at = NULL;
    sts_object_get(&pspec, sts, "spec.template.spec", NULL);
    int32_t start = 0, replicas = 1;
    sts_statefulset_ordinals(&start, &replicas, sts, NULL);

    const sts_node *cs = sts_node_map_get(pspec, "containers", 10);
    if (!strcmp(policy, "OrderedReady") && pspec && !any_container_has(pspec, "readinessProbe"))
        lint_add(c, R_NO_READINESS, cs ? cs : pspec, "spec.template.spec.containers",
                 "StatefulSet %s is OrderedReady but no container has a readinessProbe: each pod "
                 "counts as ready once its containers run, so the order guarantees little",
                 name);

    const char *type = "RollingUpdate";
    sts_statefulset_get_update_strategy_type(&type, NULL, sts, NULL);
    int32_t partition = 0;
    if (!strcmp(type, "RollingUpdate") && !sts_statefulset_get_partition(&partition, sts, NULL) &&
        partition > 0 && partition >= replicas) {
        sts_object_get(&at, sts, "spec.updateStrategy.rollingUpdate.partition", NULL);
        lint_add(c, R_PARTITION_STUCK, at, "spec.updateStrategy.rollingUpdate.partition",
                 "StatefulSet %s: partition %d >= replicas %d: a template change updates no pod "
                 "and the rollout never completes",
                 name, (int)partition, (int)replicas);
    }

    int32_t mu;
    int pct;
    at = NULL;
    if (sts_object_get(&at, sts, "spec.updateStrategy.rollingUpdate.maxUnavailable", NULL) == 0 &&
        (sts_statefulset_get_max_unavailable(&mu, &pct, sts, NULL) == 0 || at)) {
        int on = sts_feature_gate_enabled(c->opts->api, "MaxUnavailableStatefulSet", NULL);
        if (on == 0)
            lint_add(c, R_MAX_UNAVAILABLE_DROPPED, at,
                     "spec.updateStrategy.rollingUpdate.maxUnavailable",
                     "StatefulSet %s sets maxUnavailable, but the MaxUnavailableStatefulSet feature "
                     "gate is off in Kubernetes %s: the API server drops the field and pods roll "
                     "one at a time",
                     name, c->opts->api && c->opts->api->kube_version ? c->opts->api->kube_version
                                                                      : sts_kube_version_default());
    }

    sts_node *affinity = sts_node_map_get(pspec, "affinity", 8);
    if (replicas >= 2 && !sts_node_map_get(affinity, "podAntiAffinity", 15) &&
        !sts_node_count(sts_node_map_get(pspec, "topologySpreadConstraints", 25)))
        lint_add(c, R_NO_SPREAD, pspec ? pspec : sts_object_root(sts), "spec.template.spec.affinity",
                 "StatefulSet %s has %d replicas but no pod anti-affinity or topology spread: "
                 "several replicas may land on one node and fail together",
                 name, (int)replicas);
}
