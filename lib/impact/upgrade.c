/* sts_upgrade_check: spurious rollouts from a Kubernetes upgrade.
 *
 * A release that serializes or defaults templates differently computes
 * another revision name for an unchanged template (1.33 -> 1.34:
 * `creationTimestamp: null` is no longer written, issue #134773). The
 * target's controller then makes a new revision and rolls every pod, unless
 * its StatefulSetSemanticRevisionComparison gate is on. */
#include <stdlib.h>
#include <string.h>

#include "impact_priv.h"

typedef struct up_entry {
    const char *name, *ns, *cur, *target, *reason;
    bool changes, prevents, rolls;
    sts_impact *imp;
} up_entry;

struct sts_upgrade {
    sts_impact *pool; /* holds the strings */
    const char *from, *to;
    bool semantic;
    up_entry *v;
    size_t n, cap;
};

void sts_upgrade_free(sts_upgrade *up)
{
    if (!up)
        return;
    for (size_t i = 0; i < up->n; i++)
        sts_impact_free(up->v[i].imp);
    free(up->v);
    sts_impact_free(up->pool);
    free(up);
}

/* The name `version`'s controller gives the template of `live`, and the
 * object defaulted for it (out, transfer full). */
static int name_under(const char **name, sts_buf *bytes, sts_object **defd, sts_impact *pool,
                      const sts_object *live, const sts_api_opts *api, const char *version,
                      sts_error **err)
{
    int rc = sts_object_defaulted(defd, live, api, err);
    if (!rc)
        rc = imp_bytes(bytes, *defd, version, err);
    if (!rc)
        *name = imp_rev_name(pool, sts_object_name(live), bytes, imp_collision_count(live));
    return rc;
}

static int check_one(sts_upgrade *up, up_entry *e, const sts_object *live,
                     const sts_impact_opts *o, const sts_api_opts *from_api, sts_error **err)
{
    sts_impact *pool = up->pool;
    sts_buf bf = STS_BUF_INIT, bt = STS_BUF_INIT;
    sts_object *fromd = NULL, *tod = NULL;
    const char *from_name = "";
    int rc = name_under(&from_name, &bf, &fromd, pool, live, from_api, up->from, err);
    sts_impact *imp = NULL;
    bool semantic_unused;
    if (!rc)
        rc = imp_new(&imp) ? STS_ENOMEM : 0;
    if (!rc)
        rc = imp_load_version(imp, &semantic_unused, o->api, err);
    if (!rc)
        rc = sts_object_defaulted(&tod, live, o->api, err);
    if (!rc)
        rc = imp_bytes(&bt, tod, imp->version, err);
    if (rc)
        goto done;
    e->imp = imp;
    imp->name = imp_str(imp, sts_object_name(live));
    imp->ns = imp_str(imp, imp_effective_ns(live));
    imp->allowed = true;
    imp_keep_settings(imp, tod);
    const char *upd = imp_status_str(live, "updateRevision");
    bool consistent = !upd || !strcmp(upd, from_name);
    imp->old_rev = imp_str(imp, upd ? upd : from_name);
    /* the target's name for the stored template; an existing revision with
     * the same bytes is reused (S19: [1.33 revision, 1.34 revision]) */
    imp->template_changed = true;
    rc = imp_resolve_revision(imp, live, tod, &bt, o, false, err);
    imp->template_changed = false;
    if (rc)
        goto done;
    e->name = imp->name;
    e->ns = imp->ns;
    e->cur = imp->old_rev;
    e->target = imp->new_rev;
    e->changes = strcmp(imp->new_rev, imp->old_rev) != 0;
    e->prevents = e->changes && up->semantic && consistent;
    e->rolls = e->changes && !e->prevents;
    if (!e->rolls) {
        imp->new_rev = imp->old_rev;
        imp->new_revision = false;
        imp->rollback = "";
    }
    rc = imp_plan_pods(imp, live, tod, o->objects);
    if (!rc)
        rc = imp_explain(imp, NULL);
    if (!rc && e->rolls && !imp_group(imp, STS_IMPACT_POD_REPLACED)->n)
        e->rolls = false; /* OnDelete or partition: a new revision, but no pod restarts */
    if (rc)
        goto done;
    if (!e->changes)
        e->reason = imp_printf(pool, "%s computes the same revision %s: no rollout", up->to,
                               e->cur);
    else if (e->prevents)
        e->reason = imp_printf(
            pool,
            "%s serializes the template differently (%s instead of %s), but its "
            "StatefulSetSemanticRevisionComparison gate finds the revisions semantically equal: "
            "no new revision, no pod restarts",
            up->to, e->target, e->cur);
    else if (!consistent)
        e->reason = imp_printf(
            pool,
            "status.updateRevision %s is not what %s computes for this template (%s): the set "
            "has an update pending or was not stored by %s; %s computes %s",
            e->cur, up->from, from_name, up->from, up->to, e->target);
    else
        e->reason = imp_printf(
            pool,
            "%s serializes the unchanged template differently: the controller creates "
            "revision %s (was %s) and %s",
            up->to, e->target, e->cur,
            e->rolls ? imp_printf(pool, "replaces %zu pod(s) under %s",
                                  imp_group(imp, STS_IMPACT_POD_REPLACED)->n, imp->strategy)
                     : "replaces no pod by itself (OnDelete or partition)");
    if (pool->oom || imp->oom)
        rc = STS_ENOMEM;
done:
    if (rc && e->imp != imp)
        sts_impact_free(imp);
    sts_buf_dispose(&bf);
    sts_buf_dispose(&bt);
    sts_object_free(fromd);
    sts_object_free(tod);
    return rc;
}

int sts_upgrade_check(sts_upgrade **out, const sts_object_list *objects,
                      const sts_impact_opts *opts, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "sts_upgrade_check: NULL argument");
    *out = NULL;
    sts_impact_opts o;
    int rc = imp_load_opts(&o, opts, err);
    if (rc)
        return rc;
    sts_upgrade *up = calloc(1, sizeof *up);
    if (!up || imp_new(&up->pool)) {
        sts_upgrade_free(up);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    bool semantic = false;
    rc = imp_load_version(up->pool, &semantic, o.api, err);
    sts_api_opts from_api = STS_API_OPTS_INIT;
    uint32_t from_minor = 0;
    if (!rc) {
        up->semantic = semantic;
        up->to = up->pool->version;
        if (o.api)
            from_api.flags = o.api->flags;
        from_api.kube_version = o.from_version ? o.from_version : up->to;
        rc = sts_kube_version_parse(&from_minor, from_api.kube_version, err);
    }
    if (!rc)
        up->from = imp_printf(up->pool, "1.%u", from_minor);
    for (size_t i = 0; !rc && i < sts_object_list_count(objects); i++) {
        const sts_object *obj = sts_object_list_at(objects, i);
        if (sts_object_kind(obj) != STS_KIND_STATEFULSET)
            continue;
        if (up->n == up->cap) {
            size_t cap = up->cap ? up->cap * 2 : 8;
            up_entry *v = realloc(up->v, cap * sizeof *v);
            if (!v) {
                rc = sts__err(err, STS_ENOMEM, "out of memory");
                break;
            }
            up->v = v;
            up->cap = cap;
        }
        up_entry *e = &up->v[up->n];
        memset(e, 0, sizeof *e);
        rc = check_one(up, e, obj, &o, &from_api, err);
        if (!rc)
            up->n++;
    }
    if (rc) {
        sts_upgrade_free(up);
        return rc;
    }
    *out = up;
    return 0;
}

static const up_entry *at(const sts_upgrade *up, size_t i)
{
    return up && i < up->n ? &up->v[i] : NULL;
}

const char *sts_upgrade_from_version(const sts_upgrade *up) { return up ? up->from : ""; }
const char *sts_upgrade_to_version(const sts_upgrade *up) { return up ? up->to : ""; }
int sts_upgrade_semantic_comparison(const sts_upgrade *up) { return up && up->semantic; }
size_t sts_upgrade_count(const sts_upgrade *up) { return up ? up->n : 0; }

size_t sts_upgrade_affected_count(const sts_upgrade *up)
{
    size_t n = 0;
    for (size_t i = 0; up && i < up->n; i++)
        n += up->v[i].rolls;
    return n;
}

const char *sts_upgrade_name(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->name : NULL;
}
const char *sts_upgrade_namespace(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->ns : NULL;
}
const char *sts_upgrade_current_revision(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->cur : NULL;
}
const char *sts_upgrade_target_revision(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->target : NULL;
}
int sts_upgrade_revision_changes(const sts_upgrade *up, size_t i)
{
    return at(up, i) && at(up, i)->changes;
}
int sts_upgrade_gate_prevents(const sts_upgrade *up, size_t i)
{
    return at(up, i) && at(up, i)->prevents;
}
int sts_upgrade_rolls_pods(const sts_upgrade *up, size_t i)
{
    return at(up, i) && at(up, i)->rolls;
}
const char *sts_upgrade_reason(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->reason : NULL;
}
const sts_impact *sts_upgrade_impact_at(const sts_upgrade *up, size_t i)
{
    return at(up, i) ? at(up, i)->imp : NULL;
}

int sts_upgrade_format(sts_buf *out, const sts_upgrade *up)
{
    if (!out || !up)
        return STS_EINVAL;
    sts_buf b = STS_BUF_INIT;
    int rc = sts__buf_printf(&b, "Kubernetes upgrade %s -> %s (StatefulSetSemanticRevisionComparison %s)\n",
                             up->from, up->to, up->semantic ? "on" : "off");
    for (size_t i = 0; !rc && i < up->n; i++) {
        const up_entry *e = &up->v[i];
        rc = sts__buf_printf(&b, "%s/%s: %s\n  %s\n", e->ns, e->name,
                             e->rolls ? "PODS RESTART" : "no pod restarts", e->reason);
        const imp_pods *p = imp_group(e->imp, STS_IMPACT_POD_REPLACED);
        for (size_t j = 0; !rc && e->rolls && j < p->n; j++)
            rc = sts__buf_printf(&b, "  %u. %s\n", p->v[j].batch, p->v[j].name);
    }
    if (!rc)
        rc = sts__buf_printf(&b, "%zu of %zu StatefulSets would restart pods\n",
                             sts_upgrade_affected_count(up), up->n);
    if (!rc)
        rc = sts_buf_append(out, b.data, b.len);
    sts_buf_dispose(&b);
    return rc ? STS_ENOMEM : 0;
}

int sts_upgrade_to_doc(sts_doc **out, const sts_upgrade *up, sts_error **err)
{
    if (!out || !up)
        return sts__err(err, STS_EINVAL, "sts_upgrade_to_doc: NULL argument");
    sts_doc *doc;
    sts_node *root = NULL, *seq = NULL, *n;
    if (sts_doc_new(&doc))
        return sts__err(err, STS_ENOMEM, "out of memory");
    int rc = sts_doc_new_map(&root, doc);
    rc = rc ? rc : sts_doc_set_root(doc, root);
#define PUT(map, key, make) (rc = rc ? rc : (make) ? STS_ENOMEM : sts_node_map_set(map, key, strlen(key), n))
    PUT(root, "from", sts_doc_new_string(&n, doc, up->from, strlen(up->from)));
    PUT(root, "to", sts_doc_new_string(&n, doc, up->to, strlen(up->to)));
    PUT(root, "semanticRevisionComparison", sts_doc_new_bool(&n, doc, up->semantic));
    PUT(root, "affected", sts_doc_new_int(&n, doc, (int64_t)sts_upgrade_affected_count(up)));
    rc = rc ? rc : sts_doc_new_seq(&seq, doc);
    for (size_t i = 0; !rc && i < up->n; i++) {
        const up_entry *e = &up->v[i];
        sts_node *m = NULL;
        rc = sts_doc_new_map(&m, doc);
        PUT(m, "currentRevision", sts_doc_new_string(&n, doc, e->cur, strlen(e->cur)));
        PUT(m, "targetRevision", sts_doc_new_string(&n, doc, e->target, strlen(e->target)));
        PUT(m, "revisionChanges", sts_doc_new_bool(&n, doc, e->changes));
        PUT(m, "gatePrevents", sts_doc_new_bool(&n, doc, e->prevents));
        PUT(m, "rollsPods", sts_doc_new_bool(&n, doc, e->rolls));
        PUT(m, "reason", sts_doc_new_string(&n, doc, e->reason, strlen(e->reason)));
        if (!rc)
            rc = imp_doc_fill(doc, m, e->imp);
        rc = rc ? rc : sts_node_seq_append(seq, m);
    }
#undef PUT
    rc = rc ? rc : sts_node_map_set(root, "statefulsets", 12, seq);
    if (rc) {
        sts_doc_free(doc);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    *out = doc;
    return 0;
}
