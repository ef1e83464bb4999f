/* Explanations: what each changed field does, the usual way out of a
 * refused update, and whether the rollout completes. */
#include <string.h>

#include "impact_priv.h"

/* "web-3, web-4" (at most 8 names, then "and N more"). */
static const char *names(sts_impact *imp, sts_impact_pod_group g)
{
    const imp_pods *p = imp_group(imp, g);
    sts_buf b = STS_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; !rc && i < p->n; i++) {
        if (i == 8) {
            rc = sts__buf_printf(&b, " and %zu more", p->n - 8);
            break;
        }
        rc = sts__buf_printf(&b, "%s%s", i ? ", " : "", p->v[i].name);
    }
    const char *s = rc ? (imp->oom = 1, "") : imp_strn(imp, b.data ? b.data : "", b.len);
    sts_buf_dispose(&b);
    return s;
}

static bool parallel(const sts_impact *imp)
{
    return !strcmp(imp->policy, "Parallel");
}

static const char *scale_text(sts_impact *imp)
{
    size_t nc = imp_group(imp, STS_IMPACT_POD_CREATED)->n;
    size_t nd = imp_group(imp, STS_IMPACT_POD_DELETED)->n;
    const char *create = "", *del = "";
    if (nc)
        create = imp_printf(imp, "creates %s%s; ", names(imp, STS_IMPACT_POD_CREATED),
                            parallel(imp) ? " (Parallel: all at once)"
                                          : " (OrderedReady: in order, each after the previous "
                                            "one is Running and Ready)");
    if (nd)
        del = imp_printf(
            imp, "deletes %s%s, and their PVCs are %s (whenScaled: %s); ",
            names(imp, STS_IMPACT_POD_DELETED),
            parallel(imp) ? " (Parallel: all at once)"
                          : " (OrderedReady: highest ordinal first, one at a time; it waits while "
                            "any remaining pod is not Ready)",
            !strcmp(imp->when_scaled, "Delete") ? "deleted" : "kept for a later scale-up",
            imp->when_scaled);
    if (!imp->allowed)
        return "nothing happens while the update is refused";
    if (!nc && !nd)
        return "no pod is created or deleted";
    return imp_printf(imp, "%s%sno other pod restarts", create, del);
}

static const char *max_unavailable_text(sts_impact *imp)
{
    if (imp->gate_max_unavailable)
        return imp_printf(imp,
                          "up to %d pods are replaced at once (MaxUnavailableStatefulSet is on in "
                          "%s); no pod restarts by itself",
                          imp->max_unavailable, imp->version);
    return imp_printf(imp,
                      "ignored: the MaxUnavailableStatefulSet feature gate is off in %s (the API "
                      "server drops the field unless the stored object already has it); pods are "
                      "replaced one at a time",
                      imp->version);
}

static const char *strategy_text(sts_impact *imp, const imp_change *c)
{
    if (strstr(c->path, "maxUnavailable"))
        return max_unavailable_text(imp);
    if (strstr(c->path, "partition"))
        return imp_printf(imp,
                          "pods with index (ordinal - start) >= %d are updated to the update "
                          "revision, lower ones keep theirs; no pod restarts by itself, but pods "
                          "above the new partition that run an older revision are replaced",
                          imp->partition);
    if (!strcmp(imp->strategy, "OnDelete"))
        return "OnDelete: the controller no longer replaces pods; a pod moves to the update "
               "revision only when it is deleted (by hand, or when it fails)";
    return "RollingUpdate: pods not at the update revision are replaced from the highest index "
           "down to the partition; no pod restarts by itself";
}

static const char *vct_text(sts_impact *imp, const imp_change *c, const sts_object *old)
{
    if (strstr(c->path, "resources.requests.storage") && old) {
        /* the claims that exist: every template for every old ordinal */
        sts_buf b = STS_BUF_INIT;
        int32_t start = 0, count = 0;
        sts_statefulset_ordinals(&start, &count, old, NULL);
        size_t listed = 0;
        for (size_t t = 0; t < sts_statefulset_claim_count(old); t++)
            for (int32_t o = 0; o < count && listed < 8; o++, listed++) {
                char pvc[512];
                sts_statefulset_claim_name(pvc, sizeof pvc, old, t, start + o);
                sts__buf_printf(&b, "%s%s", listed ? ", " : "", pvc);
            }
        const char *s = imp_printf(
            imp,
            "the controller never resizes PVCs and volumeClaimTemplates are immutable: when the "
            "StorageClass allows expansion (allowVolumeExpansion: true), edit each existing PVC "
            "to the new size by hand (%s%s: kubectl patch pvc NAME -p "
            "'{\"spec\":{\"resources\":{\"requests\":{\"storage\":%s}}}}'), then `kubectl "
            "delete statefulset %s --cascade=orphan` and re-create the set with the new "
            "template size so that new replicas get it",
            b.data ? b.data : "", listed >= 8 ? ", ..." : "", c->new_value ? c->new_value : "\"\"",
            imp->name);
        sts_buf_dispose(&b);
        return s;
    }
    if (strstr(c->path, "storageClassName"))
        return "volumeClaimTemplates are immutable, and existing PVCs keep their storage class "
               "(the controller never changes PVCs): only claims created after an orphan delete "
               "and re-create get the new class; moving data needs new PVCs";
    return "volumeClaimTemplates are immutable (adding, removing or changing a claim "
           "template): orphan-delete the set and re-create it; existing PVCs are reused by name, "
           "new claim templates get PVCs only for pods created afterwards";
}

static const char *forbidden_text(sts_impact *imp, const imp_change *c, const sts_object *old)
{
    const char *t = c->top;
    if (!strcmp(t, "volumeClaimTemplates"))
        return vct_text(imp, c, old);
    if (!strcmp(t, "selector"))
        return "spec.selector is immutable: orphan-delete and re-create the set; the new set "
               "adopts only pods whose labels match the new selector";
    if (!strcmp(t, "serviceName"))
        return "spec.serviceName is immutable: orphan-delete and re-create the set; existing "
               "pods keep their old subdomain (DNS name) until they are recreated";
    if (!strcmp(t, "podManagementPolicy"))
        return "spec.podManagementPolicy is immutable: orphan-delete and re-create the set";
    if (!strcmp(t, "revisionHistoryLimit"))
        return imp_printf(imp, "revisionHistoryLimit is immutable before 1.33 (this is %s)",
                          imp->version);
    return "immutable field";
}

static const char *explain_change(sts_impact *imp, const imp_change *c, const sts_object *old)
{
    const char *t = c->top;
    if (!strcmp(t, "metadata"))
        return strstr(c->path, "annotations")
                   ? "the StatefulSet's own annotation: no pod restarts (it is copied onto "
                     "ControllerRevisions created later)"
                   : "the StatefulSet's own label: no pod restarts (pods take their labels "
                     "from spec.template)";
    switch (c->effect) {
    case STS_IMPACT_EFFECT_ROLLS_PODS:
        if (!imp->allowed)
            return "pod template change (nothing happens while the update is refused)";
        if (*imp->rollback)
            return imp_printf(imp,
                              "pod template change back to revision %s (a rollback: that "
                              "revision is reused, pods already on it are not touched)",
                              imp->rollback);
        return imp_printf(imp, "pod template change: %s; pods are replaced per the update "
                               "strategy (%s)",
                          imp->new_revision ? imp_printf(imp, "new revision %s", imp->new_rev)
                                            : imp_printf(imp, "revision %s", imp->new_rev),
                          imp->strategy);
    case STS_IMPACT_EFFECT_SCALES:
        return imp_printf(imp, "scale: %s", scale_text(imp));
    case STS_IMPACT_EFFECT_SHIFTS_ORDINALS:
        return imp_printf(imp,
                          "the ordinals become %d..%d (pod and PVC names follow the "
                          "ordinals): %s",
                          imp->start, imp->start + imp->replicas - 1, scale_text(imp));
    case STS_IMPACT_EFFECT_ROLLOUT_CONTROL:
        return strategy_text(imp, c);
    case STS_IMPACT_EFFECT_FORBIDDEN:
        return forbidden_text(imp, c, old);
    default:
        break;
    }
    if (!strcmp(t, "minReadySeconds"))
        return "no pod restarts: a pod counts as available only after it has been Ready this "
               "many seconds; rolling updates and OrderedReady scaling wait that long per pod";
    if (!strcmp(t, "revisionHistoryLimit"))
        return "no pod restarts: how many old ControllerRevisions are kept (older ones are "
               "deleted)";
    if (!strcmp(t, "persistentVolumeClaimRetentionPolicy"))
        return strstr(c->path, "whenScaled")
                   ? "no pod restarts: decides whether the PVCs of pods removed by a scale-down "
                     "are deleted; the controller updates the PVCs' ownerReferences"
                   : "no pod restarts: decides whether the PVCs are deleted with the "
                     "StatefulSet; the controller updates the PVCs' ownerReferences";
    return "not a StatefulSet spec field: the API server drops it";
}

static const char *workaround(sts_impact *imp, const sts_object *old)
{
    sts_buf b = STS_BUF_INIT;
    bool general = false;
    for (size_t i = 0; i < imp->nchanges; i++) {
        const imp_change *c = &imp->changes[i];
        if (c->effect != STS_IMPACT_EFFECT_FORBIDDEN)
            continue;
        if (!strcmp(c->top, "volumeClaimTemplates") &&
            strstr(c->path, "resources.requests.storage")) {
            sts__buf_printf(&b, "%sPVC resize: %s.", b.len ? " " : "", vct_text(imp, c, old));
        } else {
            general = true;
        }
    }
    if (general)
        sts__buf_printf(&b,
                        "%s`kubectl delete statefulset %s --cascade=orphan` (the pods and PVCs "
                        "are kept), then create the StatefulSet again with the new spec; it "
                        "adopts the pods that match its selector and reuses the PVCs by name.",
                        b.len ? " " : "", imp->name);
    const char *s = imp_strn(imp, b.data ? b.data : "", b.len);
    sts_buf_dispose(&b);
    return s;
}

static void completion(sts_impact *imp)
{
    size_t kept = imp_group(imp, STS_IMPACT_POD_KEPT)->n;
    const imp_pods *cr = imp_group(imp, STS_IMPACT_POD_CREATED);
    size_t created_old = 0;
    for (size_t i = 0; i < cr->n; i++)
        created_old += strcmp(cr->v[i].to, imp->new_rev) != 0;
    size_t replaced = imp_group(imp, STS_IMPACT_POD_REPLACED)->n;
    bool moved = strcmp(imp->new_rev, imp->old_rev) != 0;
    imp->completes = true;
    if (!imp->allowed) {
        imp->completes_reason = "the update is refused: nothing changes";
        return;
    }
    if (!strcmp(imp->strategy, "OnDelete") && (kept || moved)) {
        imp->completes = false;
        imp->completes_reason = imp_printf(
            imp,
            "OnDelete: the controller replaces no pod%s%s, and status.currentRevision never "
            "advances under OnDelete",
            kept ? "; delete these to move them to the update revision: " : "",
            kept ? names(imp, STS_IMPACT_POD_KEPT) : "");
        return;
    }
    if (kept || created_old) {
        imp->completes = false;
        if (imp->partition >= imp->replicas)
            imp->completes_reason = imp_printf(
                imp,
                "partition %d >= replicas %d: no pod is updated and the rollout never "
                "completes (status.currentRevision stays %s)",
                imp->partition, imp->replicas, imp->old_rev);
        else
            imp->completes_reason = imp_printf(
                imp,
                "the partition %d keeps %s on an older revision: the rollout completes only "
                "after the partition is lowered to 0",
                imp->partition, names(imp, STS_IMPACT_POD_KEPT));
        return;
    }
    if (!replaced && !cr->n)
        imp->completes_reason = "nothing to roll out: every pod already runs the update revision";
    else if (imp->min_ready > 0)
        imp->completes_reason = imp_printf(
            imp, "completes once every replaced or created pod is Running, Ready and available "
                 "(Ready for minReadySeconds=%d)",
            imp->min_ready);
    else
        imp->completes_reason = "completes once every replaced or created pod is Running and Ready";
}

int imp_explain(sts_impact *imp, const sts_object *old)
{
    for (size_t i = 0; i < imp->nchanges; i++)
        imp->changes[i].explanation = explain_change(imp, &imp->changes[i], old);
    if (!imp->allowed)
        imp->workaround = workaround(imp, old);
    completion(imp);
    return imp->oom ? STS_ENOMEM : 0;
}
