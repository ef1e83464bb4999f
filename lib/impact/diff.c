/* sts_statefulset_diff: validation, revisions, changed fields, pods. */
#include <stdlib.h>
#include <string.h>

#include "impact_priv.h"

#define LAST_APPLIED "kubectl.kubernetes.io/last-applied-configuration"

typedef struct leaf_ctx {
    sts_impact *imp;
    const char *top;
} leaf_ctx;

static sts_impact_effect effect_for(const char *top, uint32_t minor)
{
    static const char *const forbidden[] = {"selector", "serviceName", "podManagementPolicy",
                                            "volumeClaimTemplates"};
    if (!strcmp(top, "replicas"))
        return STS_IMPACT_EFFECT_SCALES;
    if (!strcmp(top, "ordinals"))
        return STS_IMPACT_EFFECT_SHIFTS_ORDINALS;
    if (!strcmp(top, "template"))
        return STS_IMPACT_EFFECT_ROLLS_PODS;
    if (!strcmp(top, "updateStrategy"))
        return STS_IMPACT_EFFECT_ROLLOUT_CONTROL;
    /* revisionHistoryLimit joined the update allow-list in 1.33 */
    if (!strcmp(top, "revisionHistoryLimit"))
        return minor >= 33 ? STS_IMPACT_EFFECT_NONE : STS_IMPACT_EFFECT_FORBIDDEN;
    for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++)
        if (!strcmp(top, forbidden[i]))
            return STS_IMPACT_EFFECT_FORBIDDEN;
    return STS_IMPACT_EFFECT_NONE;
}

static const char *json_of(sts_impact *imp, const sts_node *n)
{
    if (!n)
        return NULL;
    sts_buf b = STS_BUF_INIT;
    const char *s = sts_revision_canonical_json(&b, n, NULL) ? "" : imp_strn(imp, b.data, b.len);
    sts_buf_dispose(&b);
    return s;
}

static sts_node *copy_of(sts_impact *imp, const sts_node *n)
{
    sts_node *c = NULL;
    if (n && sts_doc_copy_node(&c, imp->values, n))
        imp->oom = 1;
    return c;
}

static int on_leaf(void *ud, const char *path, const sts_node *a, const sts_node *b)
{
    leaf_ctx *c = ud;
    sts_impact *imp = c->imp;
    if (strstr(path, "[\"" LAST_APPLIED "\"]"))
        return 0; /* written by kubectl apply, not part of the manifest */
    imp_change *ch = imp_add_change(imp);
    if (!ch)
        return STS_ENOMEM;
    ch->path = imp_str(imp, path);
    ch->top = c->top;
    ch->effect = !strcmp(c->top, "metadata") ? STS_IMPACT_EFFECT_NONE
                                             : effect_for(c->top, imp->minor);
    ch->old_value = json_of(imp, a);
    ch->new_value = json_of(imp, b);
    ch->old_node = copy_of(imp, a);
    ch->new_node = copy_of(imp, b);
    return imp->oom ? STS_ENOMEM : 0;
}

/* An empty map stands in for an absent one, so that a map present on one
 * side only is walked key by key. */
static const sts_node *or_empty(const sts_node *n, const sts_node *empty)
{
    return sts_node_get_type(n) == STS_NODE_MAP ? n : (imp_absent(n) ? empty : n);
}

static int diff_fields(sts_impact *imp, const sts_object *old, const sts_object *upd)
{
    sts_node *empty;
    if (sts_doc_new_map(&empty, imp->values))
        return STS_ENOMEM;
    sts_buf path = STS_BUF_INIT;
    leaf_ctx c = {imp, "metadata"};
    const sts_node *om = sts_node_map_get(sts_object_root(old), "metadata", 8);
    const sts_node *nm = sts_node_map_get(sts_object_root(upd), "metadata", 8);
    static const char *const meta[] = {"labels", "annotations"};
    int rc = 0;
    for (size_t i = 0; !rc && i < 2; i++) {
        path.len = 0;
        rc = sts_buf_append(&path, "metadata.", 9) ||
             sts_buf_append(&path, meta[i], strlen(meta[i]));
        if (rc) {
            rc = STS_ENOMEM;
            break;
        }
        rc = imp_tree_diff(or_empty(sts_node_map_get(om, meta[i], strlen(meta[i])), empty),
                           or_empty(sts_node_map_get(nm, meta[i], strlen(meta[i])), empty),
                           &path, on_leaf, &c);
    }
    const sts_node *os = or_empty(sts_node_map_get(sts_object_root(old), "spec", 4), empty);
    const sts_node *ns = or_empty(sts_node_map_get(sts_object_root(upd), "spec", 4), empty);
    /* spec keys: the old object's order, then keys only the new one has */
    for (int pass = 0; !rc && pass < 2; pass++) {
        const sts_node *from = pass ? ns : os;
        for (size_t i = 0; !rc && i < sts_node_count(from); i++) {
            const char *k;
            size_t kl;
            sts_node_get_string(&k, &kl, sts_node_map_key_at(from, i));
            if (pass && sts_node_map_index(os, k, kl) >= 0)
                continue;
            c.top = imp_strn(imp, k, kl);
            path.len = 0;
            if (sts_buf_append(&path, "spec", 4) || sts__path_key(&path, k, kl)) {
                rc = STS_ENOMEM;
                break;
            }
            rc = imp_tree_diff(sts_node_map_get(os, k, kl), sts_node_map_get(ns, k, kl), &path,
                               on_leaf, &c);
        }
    }
    sts_buf_dispose(&path);
    return rc;
}

/* A working copy of the new object as the API server sees it on update:
 * the request namespace and the system fields come from the stored object,
 * and the status is kept from it. */
static int working_copy(sts_object **out, const sts_object *upd, const sts_object *old,
                        sts_error **err)
{
    int rc = sts_object_clone(out, upd, err);
    if (rc || !old)
        return rc;
    sts_node *root = sts_object_root(*out);
    static const char *const keep[] = {"metadata.namespace", "metadata.uid",
                                       "metadata.creationTimestamp", "metadata.resourceVersion",
                                       "metadata.generation", "status"};
    for (size_t i = 0; !rc && i < sizeof keep / sizeof keep[0]; i++) {
        sts_node *have = NULL, *src = NULL, *copy = NULL;
        if (!sts_object_get(&have, *out, keep[i], NULL) && !imp_absent(have))
            continue;
        if (sts_object_get(&src, old, keep[i], NULL) || imp_absent(src))
            continue;
        rc = sts_doc_copy_node(&copy, sts_object_doc(*out), src);
        if (!rc)
            rc = sts_node_set_at(root, keep[i], strlen(keep[i]), copy, NULL);
    }
    if (rc) {
        sts_object_free(*out);
        *out = NULL;
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    return 0;
}

bool imp_buf_eq(const sts_buf *a, const sts_buf *b)
{
    return a->len == b->len && (!a->len || !memcmp(a->data, b->data, a->len));
}

/* Does revision `rev` hold the new template? Bytes first (EqualRevision);
 * with StatefulSetSemanticRevisionComparison also after applying it to the
 * set and re-serializing with this release's defaults. */
static int revision_equal(bool *eq, const sts_object *rev, const sts_object *newd,
                          const sts_buf *bytes, const sts_impact *imp, const sts_api_opts *api,
                          bool semantic, sts_error **err)
{
    sts_buf b = STS_BUF_INIT;
    *eq = false;
    const sts_node *data = sts_node_map_get(sts_object_root(rev), "data", 4);
    if (imp_absent(data))
        return 0;
    int rc = sts_revision_canonical_json(&b, data, NULL);
    *eq = !rc && imp_buf_eq(&b, bytes);
    sts_buf_dispose(&b);
    if (*eq || !semantic)
        return 0;
    sts_object *applied = NULL, *defd = NULL;
    if (sts_revision_apply(&applied, newd, rev, NULL))
        return 0; /* not a template revision: never equal */
    rc = sts_object_defaulted(&defd, applied, api, err);
    if (!rc)
        rc = imp_bytes(&b, defd, imp->version, err);
    if (!rc)
        *eq = imp_buf_eq(&b, bytes);
    sts_buf_dispose(&b);
    sts_object_free(applied);
    sts_object_free(defd);
    return rc;
}

/* The update revision after the update (statefulset-spec.md 5.3): an
 * existing revision with the same template is reused (a rollback when it is
 * not the newest one), otherwise a new one is named from the bytes. */
int imp_resolve_revision(sts_impact *imp, const sts_object *old, const sts_object *newd,
                            const sts_buf *bytes, const sts_impact_opts *o, bool semantic,
                            sts_error **err)
{
    const char *best = NULL, *last = NULL;
    int64_t best_num = INT64_MIN, last_num = INT64_MIN;
    for (size_t i = 0; o->objects && i < sts_object_list_count(o->objects); i++) {
        const sts_object *rev = sts_object_list_at(o->objects, i);
        if (!imp_revision_of(rev, newd))
            continue;
        int64_t num = 0;
        sts_object_get_int(&num, rev, "revision", NULL);
        if (num >= last_num) {
            last_num = num;
            last = sts_object_name(rev);
        }
        bool eq;
        int rc = revision_equal(&eq, rev, newd, bytes, imp, o->api, semantic, err);
        if (rc)
            return rc;
        if (eq && num >= best_num) {
            best_num = num;
            best = sts_object_name(rev);
        }
    }
    if (best) {
        imp->new_rev = imp_str(imp, best);
        if (strcmp(best, last) && strcmp(best, imp->old_rev))
            imp->rollback = imp->new_rev;
        return 0;
    }
    if (!imp->template_changed) {
        imp->new_rev = imp->old_rev;
        return 0;
    }
    imp->new_rev = imp_rev_name(imp, imp->name, bytes, imp_collision_count(old ? old : newd));
    const char *cur = old ? imp_status_str(old, "currentRevision") : NULL;
    /* names are hashes of the data: the current revision's name means its template */
    if (cur && !strcmp(cur, imp->new_rev) && strcmp(cur, imp->old_rev))
        imp->rollback = imp->new_rev;
    else
        imp->new_revision = true;
    return 0;
}

int imp_load_opts(sts_impact_opts *o, const sts_impact_opts *opts, sts_error **err)
{
    sts_impact_opts_init(o);
    if (opts) {
        if (opts->sz < offsetof(sts_impact_opts, objects) + sizeof(void *))
            return sts__err(err, STS_EINVAL, "sts_impact_opts.sz is %zu; use sts_impact_opts_init()",
                            opts->sz);
        memcpy(o, opts, opts->sz < sizeof *o ? opts->sz : sizeof *o);
        o->sz = sizeof *o;
    }
    return 0;
}

/* Version string, minor and gates into imp. */
int imp_load_version(sts_impact *imp, bool *semantic, const sts_api_opts *api,
                        sts_error **err)
{
    const char *v = api && api->kube_version ? api->kube_version : sts_kube_version_default();
    int rc = sts_kube_version_parse(&imp->minor, v, err);
    if (rc)
        return rc;
    imp->version = imp_printf(imp, "1.%u", imp->minor);
    int g = sts_feature_gate_enabled(api, "MaxUnavailableStatefulSet", err);
    if (g < 0)
        return g;
    imp->gate_max_unavailable = g == 1;
    g = sts_feature_gate_enabled(api, "StatefulSetSemanticRevisionComparison", err);
    if (g < 0)
        return g;
    *semantic = g == 1;
    return 0;
}

void imp_keep_settings(sts_impact *imp, const sts_object *newd)
{
    imp_settings s;
    imp_read_settings(&s, newd);
    imp->strategy = imp_str(imp, s.strategy);
    imp->policy = imp_str(imp, s.policy);
    imp->when_scaled = imp_str(imp, s.when_scaled);
    imp->has_rolling = s.has_rolling;
    imp->partition = s.partition;
    imp->start = s.start;
    imp->replicas = s.replicas;
    imp->min_ready = s.min_ready;
    imp->max_unavailable = imp->gate_max_unavailable ? imp_max_unavailable(&s) : 0;
}

int sts_statefulset_diff(sts_impact **out, const sts_object *old, const sts_object *updated,
                         const sts_impact_opts *opts, sts_error **err)
{
    if (!out || !updated)
        return sts__err(err, STS_EINVAL, "sts_statefulset_diff: NULL argument");
    *out = NULL;
    if (sts_object_kind(updated) != STS_KIND_STATEFULSET ||
        (old && sts_object_kind(old) != STS_KIND_STATEFULSET))
        return sts__err(err, STS_EINVAL, "sts_statefulset_diff: the objects must be StatefulSets");
    sts_impact_opts o;
    int rc = imp_load_opts(&o, opts, err);
    if (rc)
        return rc;
    sts_impact *imp;
    if (imp_new(&imp))
        return sts__err(err, STS_ENOMEM, "out of memory");
    bool semantic = false;
    sts_object *work = NULL, *newd = NULL, *oldd = NULL;
    sts_buf bn = STS_BUF_INIT, bo = STS_BUF_INIT;
    sts_error *verrs = NULL;

    rc = imp_load_version(imp, &semantic, o.api, err);
    if (!rc)
        rc = working_copy(&work, updated, old, err);
    if (!rc) {
        imp->name = imp_str(imp, sts_object_name(work));
        imp->ns = imp_str(imp, imp_effective_ns(work));
        int n = sts_statefulset_validate(&verrs, work, old, o.api);
        if (n < 0)
            rc = sts__err(err, n, "cannot validate the StatefulSet");
        imp->allowed = n == 0;
        imp->errors = verrs;
        verrs = NULL;
    }
    if (!rc)
        rc = sts_object_defaulted(&newd, work, o.api, err);
    if (!rc && old)
        rc = sts_object_defaulted(&oldd, old, o.api, err);
    if (!rc)
        rc = imp_bytes(&bn, newd, imp->version, err);
    if (!rc && old)
        rc = imp_bytes(&bo, oldd, imp->version, err);
    if (!rc) {
        imp_keep_settings(imp, newd);
        imp->template_changed = old && !imp_buf_eq(&bn, &bo);
        const char *upd = old ? imp_status_str(old, "updateRevision") : NULL;
        if (upd)
            imp->old_rev = imp_str(imp, upd);
        else if (old)
            imp->old_rev = imp_rev_name(imp, imp->name, &bo, imp_collision_count(old));
        if (old)
            rc = imp_resolve_revision(imp, old, newd, &bn, &o, semantic, err);
        else {
            imp->new_rev = imp_rev_name(imp, imp->name, &bn, imp_collision_count(newd));
            imp->new_revision = true;
        }
    }
    if (!rc && old)
        rc = diff_fields(imp, oldd, newd);
    if (!rc && !imp->allowed) {
        /* a refused update changes nothing */
        imp->new_revision = false;
        imp->rollback = "";
        imp->new_rev = old ? imp->old_rev : "";
    } else if (!rc) {
        rc = imp_plan_pods(imp, old, newd, o.objects);
    }
    if (!rc)
        rc = imp_explain(imp, old);
    if (!rc && imp->oom)
        rc = STS_ENOMEM;
    if (rc == STS_ENOMEM && !(err && *err))
        sts__err(err, STS_ENOMEM, "out of memory");
    sts_buf_dispose(&bn);
    sts_buf_dispose(&bo);
    sts_object_free(work);
    sts_object_free(newd);
    sts_object_free(oldd);
    if (rc) {
        sts_impact_free(imp);
        return rc;
    }
    *out = imp;
    return 0;
}
