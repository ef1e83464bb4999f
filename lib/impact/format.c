/* Renderers: a text summary and a document tree for any serializer. */
#include <string.h>

#include "impact_priv.h"

const char *imp_effect_name(sts_impact_effect e)
{
    switch (e) {
    case STS_IMPACT_EFFECT_ROLLS_PODS: return "rolls-pods";
    case STS_IMPACT_EFFECT_SCALES: return "scales";
    case STS_IMPACT_EFFECT_SHIFTS_ORDINALS: return "shifts-ordinals";
    case STS_IMPACT_EFFECT_ROLLOUT_CONTROL: return "rollout-control";
    case STS_IMPACT_EFFECT_FORBIDDEN: return "forbidden";
    default: return "none";
    }
}

const char *imp_group_name(sts_impact_pod_group g)
{
    switch (g) {
    case STS_IMPACT_POD_REPLACED: return "replaced";
    case STS_IMPACT_POD_KEPT: return "kept";
    case STS_IMPACT_POD_CREATED: return "created";
    case STS_IMPACT_POD_DELETED: return "deleted";
    case STS_IMPACT_POD_UNTOUCHED: return "untouched";
    default: return "";
    }
}

int sts_impact_format(sts_buf *out, const sts_impact *imp)
{
    if (!out || !imp)
        return STS_EINVAL;
    sts_buf b = STS_BUF_INIT;
    int rc = sts__buf_printf(&b, "StatefulSet %s/%s (Kubernetes %s)\n", imp->ns, imp->name,
                             imp->version);
    if (!rc)
        rc = sts__buf_printf(&b, "update: %s\n", imp->allowed ? "allowed" : "REFUSED");
    for (const sts_error *e = imp->errors; !rc && e; e = sts_error_next(e))
        rc = sts__buf_printf(&b, "  %s\n", sts_error_message(e));
    if (!rc && *imp->workaround)
        rc = sts__buf_printf(&b, "way out: %s\n", imp->workaround);
    if (!rc && imp->nchanges)
        rc = sts__buf_printf(&b, "changes:\n");
    for (size_t i = 0; !rc && i < imp->nchanges; i++) {
        const imp_change *c = &imp->changes[i];
        rc = sts__buf_printf(&b, "  %s: %s -> %s [%s]\n    %s\n", c->path,
                             c->old_value ? c->old_value : "(absent)",
                             c->new_value ? c->new_value : "(absent)", imp_effect_name(c->effect),
                             c->explanation);
    }
    if (!rc)
        rc = sts__buf_printf(&b, "revision: %s -> %s%s%s%s\n", *imp->old_rev ? imp->old_rev : "(none)",
                             imp->new_rev, imp->new_revision ? " (new ControllerRevision)" : "",
                             *imp->rollback ? " (rollback: earlier revision reused)" : "",
                             !imp->template_changed && !strcmp(imp->old_rev, imp->new_rev)
                                 ? " (template unchanged)"
                                 : "");
    if (!rc)
        rc = sts__buf_printf(&b, "strategy: %s, %s", imp->strategy, imp->policy);
    if (!rc && !strcmp(imp->strategy, "RollingUpdate"))
        rc = imp->max_unavailable
                 ? sts__buf_printf(&b, ", partition %d, maxUnavailable %d\n", imp->partition,
                                   imp->max_unavailable)
                 : sts__buf_printf(&b, ", partition %d, one pod at a time\n", imp->partition);
    else if (!rc)
        rc = sts__buf_printf(&b, "\n");
    for (int g = STS_IMPACT_POD_REPLACED; !rc && g <= STS_IMPACT_POD_UNTOUCHED; g++) {
        const imp_pods *p = imp_group(imp, (sts_impact_pod_group)g);
        if (!p->n)
            continue;
        rc = sts__buf_printf(&b, "%s pods:\n", imp_group_name((sts_impact_pod_group)g));
        for (size_t i = 0; !rc && i < p->n; i++) {
            if (g == STS_IMPACT_POD_REPLACED)
                rc = sts__buf_printf(&b, "  %u. %s (%s -> %s)\n", p->v[i].batch, p->v[i].name,
                                     *p->v[i].from ? p->v[i].from : "?", p->v[i].to);
            else
                rc = sts__buf_printf(&b, "  %s: %s\n", p->v[i].name, p->v[i].reason);
        }
    }
    if (!rc)
        rc = sts__buf_printf(&b, "completes: %s: %s\n", imp->completes ? "yes" : "no",
                             imp->completes_reason);
    if (!rc)
        rc = sts_buf_append(out, b.data, b.len);
    sts_buf_dispose(&b);
    return rc ? STS_ENOMEM : 0;
}

/* ---- document tree ---------------------------------------------------------- */

typedef struct dctx {
    sts_doc *doc;
    int rc;
} dctx;

static void put(dctx *d, sts_node *map, const char *key, sts_node *v)
{
    if (!d->rc && !v)
        d->rc = STS_ENOMEM;
    if (!d->rc)
        d->rc = sts_node_map_set(map, key, strlen(key), v);
}

static sts_node *s_(dctx *d, const char *s)
{
    sts_node *n = NULL;
    if (!d->rc && sts_doc_new_string(&n, d->doc, s ? s : "", s ? strlen(s) : 0))
        d->rc = STS_ENOMEM;
    return n;
}

static sts_node *i_(dctx *d, int64_t v)
{
    sts_node *n = NULL;
    if (!d->rc && sts_doc_new_int(&n, d->doc, v))
        d->rc = STS_ENOMEM;
    return n;
}

static sts_node *b_(dctx *d, int v)
{
    sts_node *n = NULL;
    if (!d->rc && sts_doc_new_bool(&n, d->doc, v))
        d->rc = STS_ENOMEM;
    return n;
}

static sts_node *m_(dctx *d)
{
    sts_node *n = NULL;
    if (!d->rc && sts_doc_new_map(&n, d->doc))
        d->rc = STS_ENOMEM;
    return n;
}

static sts_node *q_(dctx *d)
{
    sts_node *n = NULL;
    if (!d->rc && sts_doc_new_seq(&n, d->doc))
        d->rc = STS_ENOMEM;
    return n;
}

static sts_node *value(dctx *d, const sts_node *v)
{
    sts_node *n = NULL;
    if (d->rc)
        return NULL;
    if (!v) {
        if (sts_doc_new_null(&n, d->doc))
            d->rc = STS_ENOMEM;
    } else if (sts_doc_copy_node(&n, d->doc, v)) {
        d->rc = STS_ENOMEM;
    }
    return n;
}

static void append(dctx *d, sts_node *seq, sts_node *v)
{
    if (!d->rc && !v)
        d->rc = STS_ENOMEM;
    if (!d->rc)
        d->rc = sts_node_seq_append(seq, v);
}

int imp_doc_fill(sts_doc *doc, sts_node *root, const sts_impact *imp)
{
    dctx d = {doc, 0};
    put(&d, root, "name", s_(&d, imp->name));
    put(&d, root, "namespace", s_(&d, imp->ns));
    put(&d, root, "kubernetesVersion", s_(&d, imp->version));
    put(&d, root, "allowed", b_(&d, imp->allowed));
    sts_node *errs = q_(&d);
    for (const sts_error *e = imp->errors; e; e = sts_error_next(e)) {
        sts_node *m = m_(&d);
        put(&d, m, "message", s_(&d, sts_error_message(e)));
        put(&d, m, "path", s_(&d, sts_error_path(e)));
        put(&d, m, "type", s_(&d, sts_field_error_type_name(sts_error_field_type(e))));
        put(&d, m, "detail", s_(&d, sts_error_detail(e)));
        append(&d, errs, m);
    }
    put(&d, root, "errors", errs);
    put(&d, root, "workaround", s_(&d, imp->workaround));
    sts_node *rev = m_(&d);
    put(&d, rev, "old", s_(&d, imp->old_rev));
    put(&d, rev, "new", s_(&d, imp->new_rev));
    put(&d, rev, "templateChanged", b_(&d, imp->template_changed));
    put(&d, rev, "created", b_(&d, imp->new_revision));
    put(&d, rev, "rollbackTo", s_(&d, imp->rollback));
    put(&d, root, "revision", rev);
    sts_node *chs = q_(&d);
    for (size_t i = 0; i < imp->nchanges; i++) {
        const imp_change *c = &imp->changes[i];
        sts_node *m = m_(&d);
        put(&d, m, "path", s_(&d, c->path));
        put(&d, m, "effect", s_(&d, imp_effect_name(c->effect)));
        put(&d, m, "rollsPods", b_(&d, c->effect == STS_IMPACT_EFFECT_ROLLS_PODS));
        put(&d, m, "old", value(&d, c->old_node));
        put(&d, m, "new", value(&d, c->new_node));
        put(&d, m, "explanation", s_(&d, c->explanation));
        append(&d, chs, m);
    }
    put(&d, root, "changes", chs);
    sts_node *ro = m_(&d);
    put(&d, ro, "strategy", s_(&d, imp->strategy));
    put(&d, ro, "podManagementPolicy", s_(&d, imp->policy));
    put(&d, ro, "partition", i_(&d, imp->partition));
    put(&d, ro, "maxUnavailable", imp->max_unavailable ? i_(&d, imp->max_unavailable)
                                                       : value(&d, NULL));
    put(&d, ro, "batches", i_(&d, imp->batches));
    put(&d, ro, "completes", b_(&d, imp->completes));
    put(&d, ro, "reason", s_(&d, imp->completes_reason));
    put(&d, root, "rollout", ro);
    sts_node *pods = m_(&d);
    for (int g = STS_IMPACT_POD_REPLACED; g <= STS_IMPACT_POD_UNTOUCHED; g++) {
        const imp_pods *p = imp_group(imp, (sts_impact_pod_group)g);
        sts_node *seq = q_(&d);
        for (size_t i = 0; i < p->n; i++) {
            sts_node *m = m_(&d);
            put(&d, m, "name", s_(&d, p->v[i].name));
            put(&d, m, "ordinal", i_(&d, p->v[i].ordinal));
            if (g == STS_IMPACT_POD_REPLACED)
                put(&d, m, "batch", i_(&d, p->v[i].batch));
            put(&d, m, "from", s_(&d, p->v[i].from));
            put(&d, m, "to", s_(&d, p->v[i].to));
            put(&d, m, "reason", s_(&d, p->v[i].reason));
            append(&d, seq, m);
        }
        put(&d, pods, imp_group_name((sts_impact_pod_group)g), seq);
    }
    put(&d, root, "pods", pods);
    return d.rc;
}

int sts_impact_to_doc(sts_doc **out, const sts_impact *imp, sts_error **err)
{
    if (!out || !imp)
        return sts__err(err, STS_EINVAL, "sts_impact_to_doc: NULL argument");
    sts_doc *doc;
    sts_node *root;
    if (sts_doc_new(&doc))
        return sts__err(err, STS_ENOMEM, "out of memory");
    int rc = sts_doc_new_map(&root, doc);
    if (!rc)
        rc = sts_doc_set_root(doc, root);
    if (!rc)
        rc = imp_doc_fill(doc, root, imp);
    if (rc) {
        sts_doc_free(doc);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    *out = doc;
    return 0;
}
