/* The sts_impact result object: storage and accessors. Strings live in one
 * arena so the caller gets borrowed pointers that stay valid until free. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "impact_priv.h"

void sts_impact_opts_init(sts_impact_opts *opts)
{
    if (!opts)
        return;
    sts_impact_opts o = STS_IMPACT_OPTS_INIT;
    *opts = o;
}

int imp_new(sts_impact **out)
{
    sts_impact *imp = calloc(1, sizeof *imp);
    if (!imp)
        return STS_ENOMEM;
    imp->arena = sts__arena_new();
    if (!imp->arena || sts_doc_new(&imp->values)) {
        sts_impact_free(imp);
        return STS_ENOMEM;
    }
    imp->name = imp->ns = imp->version = imp->workaround = "";
    imp->old_rev = imp->new_rev = imp->rollback = imp->completes_reason = "";
    imp->strategy = "RollingUpdate";
    imp->policy = "OrderedReady";
    imp->when_scaled = "Retain";
    *out = imp;
    return 0;
}

void sts_impact_free(sts_impact *imp)
{
    if (!imp)
        return;
    free(imp->changes);
    for (size_t g = 0; g < IMP_GROUPS; g++)
        free(imp->groups[g].v);
    sts_error_free(imp->errors);
    sts_doc_free(imp->values);
    if (imp->arena)
        sts__arena_unref(imp->arena);
    free(imp);
}

const char *imp_strn(sts_impact *imp, const char *s, size_t len)
{
    if (!s)
        return "";
    char *c = sts__arena_strndup(imp->arena, s, len);
    if (!c) {
        imp->oom = 1;
        return "";
    }
    return c;
}

const char *imp_str(sts_impact *imp, const char *s)
{
    return s ? imp_strn(imp, s, strlen(s)) : "";
}

const char *imp_printf(sts_impact *imp, const char *fmt, ...)
{
    sts_buf b = STS_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    int rc = sts__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    const char *s = rc ? (imp->oom = 1, "") : imp_strn(imp, b.data ? b.data : "", b.len);
    sts_buf_dispose(&b);
    return s;
}

imp_change *imp_add_change(sts_impact *imp)
{
    if (imp->nchanges == imp->capchanges) {
        size_t cap = imp->capchanges ? imp->capchanges * 2 : 8;
        imp_change *v = realloc(imp->changes, cap * sizeof *v);
        if (!v) {
            imp->oom = 1;
            return NULL;
        }
        imp->changes = v;
        imp->capchanges = cap;
    }
    imp_change *c = &imp->changes[imp->nchanges++];
    memset(c, 0, sizeof *c);
    c->path = c->explanation = c->top = "";
    return c;
}

imp_pod *imp_add_pod(sts_impact *imp, sts_impact_pod_group group)
{
    imp_pods *g = &imp->groups[group];
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 8;
        imp_pod *v = realloc(g->v, cap * sizeof *v);
        if (!v) {
            imp->oom = 1;
            return NULL;
        }
        g->v = v;
        g->cap = cap;
    }
    imp_pod *p = &g->v[g->n++];
    memset(p, 0, sizeof *p);
    p->name = p->from = p->to = p->reason = "";
    p->ordinal = -1;
    return p;
}

const imp_pods *imp_group(const sts_impact *imp, sts_impact_pod_group group)
{
    if (!imp || group < STS_IMPACT_POD_REPLACED || group > STS_IMPACT_POD_UNTOUCHED)
        return NULL;
    return &imp->groups[group];
}

/* ---- accessors ------------------------------------------------------------ */

const char *sts_impact_name(const sts_impact *imp) { return imp ? imp->name : ""; }
const char *sts_impact_namespace(const sts_impact *imp) { return imp ? imp->ns : ""; }
const char *sts_impact_kube_version(const sts_impact *imp) { return imp ? imp->version : ""; }
int sts_impact_is_allowed(const sts_impact *imp) { return imp && imp->allowed; }
const sts_error *sts_impact_errors(const sts_impact *imp) { return imp ? imp->errors : NULL; }
const char *sts_impact_workaround(const sts_impact *imp) { return imp ? imp->workaround : ""; }
int sts_impact_template_changed(const sts_impact *imp) { return imp && imp->template_changed; }
int sts_impact_has_new_revision(const sts_impact *imp) { return imp && imp->new_revision; }
const char *sts_impact_old_revision(const sts_impact *imp) { return imp ? imp->old_rev : ""; }
const char *sts_impact_new_revision(const sts_impact *imp) { return imp ? imp->new_rev : ""; }
const char *sts_impact_rollback_target(const sts_impact *imp) { return imp ? imp->rollback : ""; }
size_t sts_impact_change_count(const sts_impact *imp) { return imp ? imp->nchanges : 0; }
uint32_t sts_impact_batch_count(const sts_impact *imp) { return imp ? imp->batches : 0; }
int sts_impact_completes(const sts_impact *imp) { return imp && imp->completes; }

const char *sts_impact_completes_reason(const sts_impact *imp)
{
    return imp ? imp->completes_reason : "";
}

static const imp_change *change_at(const sts_impact *imp, size_t i)
{
    return imp && i < imp->nchanges ? &imp->changes[i] : NULL;
}

const char *sts_impact_change_path(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c ? c->path : NULL;
}

sts_impact_effect sts_impact_change_effect(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c ? c->effect : STS_IMPACT_EFFECT_NONE;
}

int sts_impact_change_rolls_pods(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c && c->effect == STS_IMPACT_EFFECT_ROLLS_PODS;
}

const char *sts_impact_change_old_value(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c ? c->old_value : NULL;
}

const char *sts_impact_change_new_value(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c ? c->new_value : NULL;
}

const char *sts_impact_change_explanation(const sts_impact *imp, size_t i)
{
    const imp_change *c = change_at(imp, i);
    return c ? c->explanation : NULL;
}

static const imp_pod *pod_at(const sts_impact *imp, sts_impact_pod_group group, size_t i)
{
    const imp_pods *g = imp_group(imp, group);
    return g && i < g->n ? &g->v[i] : NULL;
}

size_t sts_impact_pod_count(const sts_impact *imp, sts_impact_pod_group group)
{
    const imp_pods *g = imp_group(imp, group);
    return g ? g->n : 0;
}

const char *sts_impact_pod_name(const sts_impact *imp, sts_impact_pod_group group, size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->name : NULL;
}

int32_t sts_impact_pod_ordinal(const sts_impact *imp, sts_impact_pod_group group, size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->ordinal : -1;
}

uint32_t sts_impact_pod_batch(const sts_impact *imp, sts_impact_pod_group group, size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->batch : 0;
}

const char *sts_impact_pod_from_revision(const sts_impact *imp, sts_impact_pod_group group,
                                         size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->from : NULL;
}

const char *sts_impact_pod_to_revision(const sts_impact *imp, sts_impact_pod_group group,
                                       size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->to : NULL;
}

const char *sts_impact_pod_reason(const sts_impact *imp, sts_impact_pod_group group, size_t i)
{
    const imp_pod *p = pod_at(imp, group, i);
    return p ? p->reason : NULL;
}
