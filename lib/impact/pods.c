/* The pods that exist before the update and the revision each runs. */
#include <stdlib.h>
#include <string.h>

#include "impact_priv.h"

typedef struct pod_list {
    imp_pod_in *v;
    size_t n, cap;
} pod_list;

static int push(pod_list *l, int32_t ord, const char *rev)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].ordinal == ord)
            return 0; /* two pods in one slot: the controller keeps one */
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        imp_pod_in *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return STS_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n].ordinal = ord;
    l->v[l->n].rev = rev;
    l->n++;
    return 0;
}

/* Pods listed among the objects, with their controller-revision-hash label. */
static int from_objects(pod_list *l, const sts_object *set, const sts_object_list *objects)
{
    for (size_t i = 0; i < sts_object_list_count(objects); i++) {
        const sts_object *o = sts_object_list_at(objects, i);
        int32_t ord;
        if (!imp_pod_of(o, set, &ord))
            continue;
        const char *rev = "";
        sts_object_get_label(&rev, NULL, o, STS_LABEL_REVISION_HASH, NULL);
        int rc = push(l, ord, rev ? rev : "");
        if (rc)
            return rc;
    }
    return 0;
}

/* Without Pod objects: the old range, the highest `updatedReplicas`
 * ordinals at status.updateRevision (a RollingUpdate updates from the top),
 * the others at status.currentRevision. */
static int from_status(pod_list *l, sts_impact *imp, const sts_object *old)
{
    imp_settings s;
    imp_read_settings(&s, old);
    const char *upd = imp_status_str(old, "updateRevision");
    const char *cur = imp_status_str(old, "currentRevision");
    int32_t updated = 0;
    if (!upd) {
        upd = cur = imp->old_rev; /* a manifest: every pod at its template's revision */
        updated = s.replicas;
    } else {
        if (!cur)
            cur = upd;
        if (sts_statefulset_get_updated_replicas(&updated, old, NULL) || updated < 0)
            updated = 0;
        if (!strcmp(cur, upd))
            updated = s.replicas;
    }
    for (int64_t o = (int64_t)s.start + s.replicas - 1; o >= s.start; o--) {
        int64_t from_top = (int64_t)s.start + s.replicas - 1 - o;
        int rc = push(l, (int32_t)o, from_top < updated ? upd : cur);
        if (rc)
            return rc;
    }
    return 0;
}

int imp_plan_pods(sts_impact *imp, const sts_object *old, const sts_object *newd,
                  const sts_object_list *objects)
{
    pod_list l = {NULL, 0, 0};
    int rc = 0;
    if (old || objects)
        rc = from_objects(&l, newd, objects);
    if (!rc && !l.n && old)
        rc = from_status(&l, imp, old);

    imp_plan_in in;
    memset(&in, 0, sizeof in);
    in.set = newd;
    imp_read_settings(&in.s, newd);
    in.pods = l.v;
    in.npods = l.n;
    in.update_rev = imp->new_rev;
    in.revision_moved = strcmp(imp->new_rev, imp->old_rev) != 0;
    if (old) {
        const char *cur = imp_status_str(old, "currentRevision");
        in.current_rev = cur ? cur : imp->old_rev;
        imp_settings os;
        imp_read_settings(&os, old);
        if (sts_statefulset_get_current_replicas(&in.current_replicas, old, NULL))
            in.current_replicas = os.replicas;
    } else {
        in.current_rev = imp->new_rev;
    }
    if (!rc)
        rc = imp_plan(imp, &in);
    free(l.v);
    return rc;
}
