/* Which pods a rollout touches, in what order (statefulset-spec.md 5.4,
 * 5.12). Existing pods are sorted into: deleted (outside the new ordinal
 * range), untouched (already at the update revision), replaced (the
 * controller deletes and recreates them), kept (below the partition, or
 * OnDelete). Missing ordinals are created. */
#include <stdlib.h>
#include <string.h>

#include "impact_priv.h"

static int by_ordinal_desc(const void *a, const void *b)
{
    int32_t x = ((const imp_pod_in *)a)->ordinal, y = ((const imp_pod_in *)b)->ordinal;
    return (x < y) - (x > y);
}

static const char *pod_name(sts_impact *imp, const sts_object *set, int32_t ord)
{
    char buf[320];
    sts_statefulset_pod_name(buf, sizeof buf, set, ord);
    return imp_str(imp, buf);
}

/* The template a placeholder gets (newStatefulSetPod for an empty slot):
 * the current revision when (RollingUpdate without a rollingUpdate block and
 * ord < start + currentReplicas) or (rollingUpdate set and ord < start +
 * partition), else the update revision. OnDelete: always the update one. */
static bool placeholder_current(const imp_plan_in *in, int32_t ord)
{
    const imp_settings *s = &in->s;
    int64_t o = ord, st = s->start;
    if (!strcmp(s->strategy, "RollingUpdate") && !s->has_rolling &&
        o < st + in->current_replicas)
        return true;
    return s->has_rolling && o < st + s->partition;
}

int imp_plan(sts_impact *imp, const imp_plan_in *in)
{
    const imp_settings *s = &in->s;
    bool on_delete = !strcmp(s->strategy, "OnDelete");
    int32_t update_min = s->has_rolling ? s->partition : 0;
    int64_t end = (int64_t)s->start + s->replicas; /* exclusive */

    imp_pod_in *pods = NULL;
    if (in->npods) {
        pods = malloc(in->npods * sizeof *pods);
        if (!pods)
            return STS_ENOMEM;
        memcpy(pods, in->pods, in->npods * sizeof *pods);
        qsort(pods, in->npods, sizeof *pods, by_ordinal_desc);
    }

    /* pods outside the new range go first, highest ordinal first (the
     * condemned pass runs before the rolling update) */
    for (size_t i = 0; i < in->npods; i++) {
        const imp_pod_in *p = &pods[i];
        if (p->ordinal >= s->start && p->ordinal < end)
            continue;
        imp_pod *d = imp_add_pod(imp, STS_IMPACT_POD_DELETED);
        if (!d)
            break;
        d->name = pod_name(imp, in->set, p->ordinal);
        d->ordinal = p->ordinal;
        d->from = imp_str(imp, p->rev);
        d->reason = imp_printf(
            imp, "ordinal %d is outside the new range %d..%lld; its PVCs are %s (whenScaled: %s)",
            p->ordinal, s->start, (long long)end - 1,
            !strcmp(s->when_scaled, "Delete") ? "deleted" : "kept", s->when_scaled);
    }

    /* existing pods in range: from the highest index down, as the update loop scans */
    uint32_t replaced = 0;
    int32_t mu = imp->gate_max_unavailable ? imp->max_unavailable : 1;
    for (size_t i = 0; i < in->npods; i++) {
        const imp_pod_in *p = &pods[i];
        if (p->ordinal < s->start || p->ordinal >= end)
            continue;
        int32_t index = p->ordinal - s->start;
        const char *rev = p->rev ? p->rev : "";
        sts_impact_pod_group g;
        const char *reason;
        if (!strcmp(rev, in->update_rev)) {
            g = STS_IMPACT_POD_UNTOUCHED;
            reason = imp_printf(imp, "already at the update revision %s", in->update_rev);
        } else if (on_delete) {
            g = STS_IMPACT_POD_KEPT;
            reason = imp_printf(imp,
                                "OnDelete: keeps %s until it is deleted by hand; it is then "
                                "recreated at %s",
                                *rev ? rev : "its revision", in->update_rev);
        } else if (index < update_min) {
            g = STS_IMPACT_POD_KEPT;
            reason = imp_printf(imp, "index %d is below the partition %d: keeps %s", index,
                                update_min, *rev ? rev : "its revision");
        } else {
            g = STS_IMPACT_POD_REPLACED;
            reason = "";
        }
        imp_pod *d = imp_add_pod(imp, g);
        if (!d)
            break;
        d->name = pod_name(imp, in->set, p->ordinal);
        d->ordinal = p->ordinal;
        d->from = imp_str(imp, rev);
        d->to = g == STS_IMPACT_POD_KEPT ? d->from : in->update_rev;
        if (g == STS_IMPACT_POD_REPLACED) {
            d->batch = replaced / (uint32_t)mu + 1;
            imp->batches = d->batch;
            replaced++;
            reason = imp_printf(imp, "index %d >= partition %d: deleted and recreated at %s",
                                index, update_min, in->update_rev);
        }
        d->reason = reason;
    }

    /* missing ordinals, in the order the replica pass creates them */
    for (int64_t o = s->start; o < end && !imp->oom; o++) {
        bool exists = false;
        for (size_t i = 0; i < in->npods && !exists; i++)
            exists = pods[i].ordinal == o;
        if (exists)
            continue;
        imp_pod *d = imp_add_pod(imp, STS_IMPACT_POD_CREATED);
        if (!d)
            break;
        d->name = pod_name(imp, in->set, (int32_t)o);
        d->ordinal = (int32_t)o;
        bool cur = placeholder_current(in, (int32_t)o) && in->current_rev;
        d->to = cur ? imp_str(imp, in->current_rev) : in->update_rev;
        d->reason = cur ? imp_printf(imp, "created at the current revision %s (index %lld is "
                                          "below the partition)",
                                     d->to, (long long)(o - s->start))
                        : imp_printf(imp, "created at the update revision %s", d->to);
        /* a Parallel set creates all missing pods in one pass */
        if (!strcmp(s->policy, "Parallel"))
            d->batch = 0;
    }
    free(pods);
    return imp->oom ? STS_ENOMEM : 0;
}
