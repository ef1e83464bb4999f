/* apps validation of a StatefulSet: ValidateStatefulSet (create),
 * ValidateStatefulSetUpdate and ValidateStatefulSetStatusUpdate, in the
 * order of pkg/apis/apps/validation/validation.go, per release. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "api_priv.h"

#define NONNEG "must be greater than or equal to 0"

static bool str_is(const char *s, size_t n, const char *lit)
{
    return s && strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static void nonneg(sts__verrs *v, const sts_node *map, const char *key, const char *path)
{
    int64_t i;
    if (sts__api_int(&i, map, key) && i < 0)
        sts__verr_int(v, STS_FIELD_ERROR_INVALID, path, i, NONNEG);
}

/* intstr.IntOrString printed with %#v (the value type has no String()). */
static int intstr_gov(sts_buf *b, const sts_node *n)
{
    const char *s;
    size_t l;
    if (sts_node_get_type(n) == STS_NODE_STRING && sts_node_get_string(&s, &l, n) == 0) {
        int rc = sts__buf_printf(b, "intstr.IntOrString{Type:1, IntVal:0, StrVal:");
        if (!rc)
            rc = sts__go_quote(b, s, l);
        return rc ? rc : sts__buf_putc(b, '}');
    }
    int64_t i = 0;
    sts_node_get_int(&i, n);
    return sts__buf_printf(b, "intstr.IntOrString{Type:0, IntVal:%d, StrVal:\"\"}", (int)i);
}

static void max_unavailable(sts__verrs *v, const sts_node *mu)
{
    const char *path = "spec.updateStrategy.rollingUpdate.maxUnavailable";
    sts_buf b = STS_BUF_INIT;
    if ((v->rc = v->rc ? v->rc : intstr_gov(&b, mu)))
        return;
    const char *s = NULL;
    size_t l = 0;
    int64_t value = 0;
    bool is_str = sts_node_get_type(mu) == STS_NODE_STRING &&
                  sts_node_get_string(&s, &l, mu) == 0;
    if (is_str) {
        /* IsValidPercent: [0-9]+% */
        bool ok = l >= 2 && s[l - 1] == '%';
        for (size_t i = 0; ok && i + 1 < l; i++)
            ok = s[i] >= '0' && s[i] <= '9';
        if (!ok)
            sts__verr(v, STS_FIELD_ERROR_INVALID, path, b.data,
                      "a valid percent string must be a numeric string followed by an ending "
                      "'%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
        else /* getIntOrPercentValue: Atoi of the digits (0 when it fails) */
            for (size_t i = 0; i + 1 < l && value <= 1000000000; i++)
                value = value * 10 + (s[i] - '0');
        if (value > 1000000000) /* strconv.Atoi overflow is out of int range: treat as big */
            value = 1000000001;
    } else {
        sts_node_get_int(&value, mu);
        if (value < 0)
            sts__verr(v, STS_FIELD_ERROR_INVALID, path, b.data, NONNEG);
    }
    if (value == 0)
        sts__verr(v, STS_FIELD_ERROR_INVALID, path, b.data, "cannot be 0");
    if (is_str && value > 100)
        sts__verr(v, STS_FIELD_ERROR_INVALID, path, b.data, "must not be greater than 100%");
    sts_buf_dispose(&b);
}

static int rolling_update_gov(sts_buf *b, const sts_node *ru)
{
    int64_t p = 0;
    sts__api_int(&p, ru, "partition");
    /* a non-nil pointer prints as an address, which differs per run */
    return sts__buf_printf(b,
                           "apps.RollingUpdateStatefulSetStrategy{Partition:%d, "
                           "MaxUnavailable:(*intstr.IntOrString)%s}",
                           (int)p, sts__api_get(ru, "maxUnavailable") ? "(0xc000000000)" : "(nil)");
}

static void update_strategy(sts__verrs *v, const sts_node *spec)
{
    sts_node *us = sts__api_get(spec, "updateStrategy");
    sts_node *ru = sts__api_get(us, "rollingUpdate");
    size_t tl = 0;
    const char *type = sts__api_str(us, "type", &tl);
    if (!type || tl == 0) {
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, "spec.updateStrategy", NULL, "");
    } else if (str_is(type, tl, "OnDelete")) {
        if (ru) {
            sts_buf b = STS_BUF_INIT;
            if (!(v->rc = v->rc ? v->rc : rolling_update_gov(&b, ru)))
                sts__verr(v, STS_FIELD_ERROR_INVALID, "spec.updateStrategy.rollingUpdate", b.data,
                          "only allowed for updateStrategy 'RollingUpdate'");
            sts_buf_dispose(&b);
        }
    } else if (str_is(type, tl, "RollingUpdate")) {
        if (ru) {
            nonneg(v, ru, "partition", "spec.updateStrategy.rollingUpdate.partition");
            sts_node *mu = sts__api_get(ru, "maxUnavailable");
            if (mu)
                max_unavailable(v, mu);
        }
    } else {
        sts_buf b = STS_BUF_INIT;
        int rc = sts__buf_printf(&b, "apps.StatefulSetUpdateStrategy{Type:");
        if (!rc)
            rc = sts__go_quote(&b, type, tl);
        if (!rc)
            rc = sts__buf_printf(&b, ", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)%s}",
                                 ru ? "(0xc000000000)" : "(nil)");
        if (rc)
            v->rc = v->rc ? v->rc : rc;
        else
            sts__verr(v, STS_FIELD_ERROR_INVALID, "spec.updateStrategy", b.data,
                      "must be 'RollingUpdate' or 'OnDelete'");
        sts_buf_dispose(&b);
    }
}

static void retention(sts__verrs *v, const sts_node *spec)
{
    sts_node *pol = sts__api_get(spec, "persistentVolumeClaimRetentionPolicy");
    if (!pol)
        return;
    static const char *const keys[] = {"whenDeleted", "whenScaled"};
    for (int i = 0; i < 2; i++) {
        size_t l = 0;
        const char *s = sts__api_str(pol, keys[i], &l);
        if (str_is(s, l, "Retain") || str_is(s, l, "Delete"))
            continue;
        char path[80];
        snprintf(path, sizeof path, "spec.persistentVolumeClaimRetentionPolicy.%s", keys[i]);
        sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, path, s, l,
                      "supported values: \"Retain\", \"Delete\"");
    }
}

/* ---- selectors ---- */

static bool expr_values_has(const sts_node *vals, const char *s, size_t l)
{
    for (size_t i = 0; vals && i < sts_node_count(vals); i++) {
        const char *x;
        size_t xl;
        if (!sts_node_get_string(&x, &xl, sts_node_seq_at(vals, i)) && xl == l &&
            memcmp(x, s, l) == 0)
            return true;
    }
    return false;
}

/* Validate (ValidateLabelSelector) and tell whether it converts. */
static bool selector_validate(sts__verrs *v, const sts_node *sel)
{
    bool ok = true;
    sts_node *ml = sts__api_get(sel, "matchLabels");
    size_t before = v->count;
    sts__validate_labels(v, ml, "spec.selector.matchLabels");
    /* labels.NewRequirement rejects what ValidateLabels rejects: then the
     * selector does not convert either */
    if (v->count != before)
        ok = false;
    sts_node *me = sts__api_get(sel, "matchExpressions");
    for (size_t i = 0; me && sts_node_get_type(me) == STS_NODE_SEQ && i < sts_node_count(me);
         i++) {
        sts_node *e = sts_node_seq_at(me, i);
        char base[96], p[128];
        snprintf(base, sizeof base, "spec.selector.matchExpressions[%zu]", i);
        size_t ol = 0, kl = 0;
        const char *op = sts__api_str(e, "operator", &ol);
        sts_node *vals = sts__api_get(e, "values");
        size_t nv = vals ? sts_node_count(vals) : 0;
        snprintf(p, sizeof p, "%s.values", base);
        if (str_is(op, ol, "In") || str_is(op, ol, "NotIn")) {
            if (nv == 0) {
                sts__verr(v, STS_FIELD_ERROR_REQUIRED, p, NULL,
                          "must be specified when `operator` is 'In' or 'NotIn'");
                ok = false;
            }
        } else if (str_is(op, ol, "Exists") || str_is(op, ol, "DoesNotExist")) {
            if (nv > 0) {
                sts__verr(v, STS_FIELD_ERROR_FORBIDDEN, p, NULL,
                          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                ok = false;
            }
        } else {
            snprintf(p, sizeof p, "%s.operator", base);
            sts__verr_str(v, STS_FIELD_ERROR_INVALID, p, op, ol, "not a valid selector operator");
            ok = false;
        }
        const char *key = sts__api_str(e, "key", &kl);
        snprintf(p, sizeof p, "%s.key", base);
        before = v->count;
        sts__check_str(v, p, key ? key : "", key ? kl : 0, sts__is_qualified_name);
        if (v->count != before)
            ok = false;
        /* strict selector validation: values must be label values */
        for (size_t j = 0; vals && sts_node_get_type(vals) == STS_NODE_SEQ && j < nv; j++) {
            size_t vl = 0;
            const char *vs = sts__api_scalar(sts_node_seq_at(vals, j), &vl);
            snprintf(p, sizeof p, "%s.values[%zu]", base, j);
            before = v->count;
            sts__check_str(v, p, vs ? vs : "", vs ? vl : 0, sts__is_label_value);
            if (v->count != before)
                ok = false;
        }
    }
    return ok;
}

/* labels.Selector.Matches for the converted selector. */
static bool selector_matches(const sts_node *sel, const sts_node *labels)
{
    sts_node *ml = sts__api_get(sel, "matchLabels");
    for (size_t i = 0; ml && sts_node_get_type(ml) == STS_NODE_MAP && i < sts_node_count(ml);
         i++) {
        const char *k, *want, *have;
        size_t kl, wl = 0, hl = 0;
        if (sts_node_get_string(&k, &kl, sts_node_map_key_at(ml, i)))
            continue;
        want = sts__api_scalar(sts_node_map_value_at(ml, i), &wl);
        sts_node *hv = labels && sts_node_get_type(labels) == STS_NODE_MAP
                           ? sts_node_map_get(labels, k, kl) : NULL;
        if (!hv)
            return false;
        have = sts__api_scalar(hv, &hl);
        if (!have || !want || hl != wl || memcmp(have, want, wl) != 0)
            return false;
    }
    sts_node *me = sts__api_get(sel, "matchExpressions");
    for (size_t i = 0; me && sts_node_get_type(me) == STS_NODE_SEQ && i < sts_node_count(me);
         i++) {
        sts_node *e = sts_node_seq_at(me, i);
        size_t ol = 0, kl = 0, hl = 0;
        const char *op = sts__api_str(e, "operator", &ol);
        const char *key = sts__api_str(e, "key", &kl);
        sts_node *hv = key && labels && sts_node_get_type(labels) == STS_NODE_MAP
                           ? sts_node_map_get(labels, key, kl) : NULL;
        const char *have = hv ? sts__api_scalar(hv, &hl) : NULL;
        sts_node *vals = sts__api_get(e, "values");
        bool in = have && expr_values_has(vals, have, hl);
        if (str_is(op, ol, "In") && !in)
            return false;
        if (str_is(op, ol, "NotIn") && in)
            return false;
        if (str_is(op, ol, "Exists") && !hv)
            return false;
        if (str_is(op, ol, "DoesNotExist") && hv)
            return false;
    }
    return true;
}

static int selector_gov(sts_buf *b, const sts_node *sel)
{
    sts_node *ml = sts__api_get(sel, "matchLabels");
    int rc = sts__buf_printf(b, "v1.LabelSelector{MatchLabels:");
    if (!rc) {
        if (ml)
            rc = sts__go_string_map(b, ml);
        else
            rc = sts__buf_printf(b, "map[string]string(nil)");
    }
    sts_node *me = sts__api_get(sel, "matchExpressions");
    if (!rc && !me)
        rc = sts__buf_printf(b, ", MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
    if (!rc && me) {
        rc = sts__buf_printf(b, ", MatchExpressions:[]v1.LabelSelectorRequirement{");
        for (size_t i = 0; !rc && i < sts_node_count(me); i++) {
            sts_node *e = sts_node_seq_at(me, i);
            size_t kl = 0, ol = 0;
            const char *k = sts__api_str(e, "key", &kl), *op = sts__api_str(e, "operator", &ol);
            rc = sts__buf_printf(b, "%sv1.LabelSelectorRequirement{Key:", i ? ", " : "");
            if (!rc)
                rc = sts__go_quote(b, k ? k : "", k ? kl : 0);
            if (!rc)
                rc = sts__buf_printf(b, ", Operator:");
            if (!rc)
                rc = sts__go_quote(b, op ? op : "", op ? ol : 0);
            sts_node *vals = sts__api_get(e, "values");
            if (!rc)
                rc = sts__buf_printf(b, vals ? ", Values:[]string{" : ", Values:[]string(nil)}");
            for (size_t j = 0; !rc && vals && j < sts_node_count(vals); j++) {
                size_t vl = 0;
                const char *vs = sts__api_scalar(sts_node_seq_at(vals, j), &vl);
                rc = j ? sts__buf_printf(b, ", ") : 0;
                if (!rc)
                    rc = sts__go_quote(b, vs ? vs : "", vs ? vl : 0);
            }
            if (!rc && vals)
                rc = sts__buf_printf(b, "}}");
        }
        if (!rc)
            rc = sts__buf_printf(b, "}}");
    }
    return rc;
}

static void template_checks(sts__verrs *v, const sts_node *spec, const sts_node *sel,
                            bool converts, const sts__api_ctx *ctx)
{
    sts_node *tmpl = sts__api_get(spec, "template");
    sts_node *tmeta = sts__api_get(tmpl, "metadata");
    sts_node *labels = sts__api_get(tmeta, "labels");
    if (converts) {
        /* a nil selector converts to "nothing", which is not Empty() */
        bool empty = sel && !sts_node_count(sts__api_get(sel, "matchLabels")) &&
                     !sts_node_count(sts__api_get(sel, "matchExpressions"));
        if (!empty && (!sel || !selector_matches(sel, labels))) {
            sts_buf b = STS_BUF_INIT;
            if (!(v->rc = v->rc ? v->rc : sts__go_string_map(&b, labels)))
                sts__verr(v, STS_FIELD_ERROR_INVALID, "spec.template.metadata.labels", b.data,
                          "`selector` does not match template `labels`");
            sts_buf_dispose(&b);
        }
        sts__validate_labels(v, labels, "spec.template.labels");
        sts__validate_annotations(v, sts__api_get(tmeta, "annotations"),
                                  "spec.template.annotations");
        if (ctx->minor >= 34 && !ctx->skip_pod_template)
            sts__validate_pod_template(v, spec, ctx);
    }
}

static void validate_spec(sts__verrs *v, const sts_node *spec, const sts__api_ctx *ctx)
{
    size_t l = 0;
    const char *pmp = sts__api_str(spec, "podManagementPolicy", &l);
    if (!pmp || l == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, "spec.podManagementPolicy", NULL, "");
    else if (!str_is(pmp, l, "OrderedReady") && !str_is(pmp, l, "Parallel"))
        sts__verr_str(v, STS_FIELD_ERROR_INVALID, "spec.podManagementPolicy", pmp, l,
                      "must be 'OrderedReady' or 'Parallel'");
    update_strategy(v, spec);
    retention(v, spec);
    nonneg(v, spec, "replicas", "spec.replicas");
    nonneg(v, spec, "minReadySeconds", "spec.minReadySeconds");
    sts_node *ord = sts__api_get(spec, "ordinals");
    if (ord)
        nonneg(v, ord, "start", "spec.ordinals.start");
    if (ctx->minor >= 33) {
        /* PR #130233: a non-empty serviceName must be a DNS-1123 label
         * [inferred: each IsDNS1123Label message as Invalid] */
        const char *sn = sts__api_str(spec, "serviceName", &l);
        if (sn && l)
            sts__check_str(v, "spec.serviceName", sn, l, sts__is_dns1123_label);
    }
    sts_node *sel = sts__api_get(spec, "selector");
    bool converts = true;
    if (!sel) {
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, "spec.selector", NULL, "");
    } else {
        converts = selector_validate(v, sel);
        if (!sts_node_count(sts__api_get(sel, "matchLabels")) &&
            !sts_node_count(sts__api_get(sel, "matchExpressions"))) {
            sts_buf b = STS_BUF_INIT;
            if (!(v->rc = v->rc ? v->rc : selector_gov(&b, sel)))
                sts__verr(v, STS_FIELD_ERROR_INVALID, "spec.selector", b.data,
                          "empty selector is invalid for statefulset");
            sts_buf_dispose(&b);
        }
        if (!converts) {
            sts_buf b = STS_BUF_INIT;
            if (!(v->rc = v->rc ? v->rc : selector_gov(&b, sel)))
                sts__verr(v, STS_FIELD_ERROR_INVALID, "spec.selector", b.data, "");
            sts_buf_dispose(&b);
        }
    }
    template_checks(v, spec, sel, converts, ctx);
    /* [inferred] placement: right after the template, whatever the selector */
    if (ctx->minor >= 34 && !ctx->skip_pod_template)
        sts__validate_claim_templates(v, spec);
    sts_node *pspec = sts__api_get(sts__api_get(spec, "template"), "spec");
    const char *rp = sts__api_str(pspec, "restartPolicy", &l);
    if (!str_is(rp, l, "Always"))
        sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, "spec.template.spec.restartPolicy", rp,
                      rp ? l : 0, "supported values: \"Always\"");
    if (sts__api_get(pspec, "activeDeadlineSeconds"))
        sts__verr(v, STS_FIELD_ERROR_FORBIDDEN, "spec.template.spec.activeDeadlineSeconds", NULL,
                  "activeDeadlineSeconds in StatefulSet is not Supported");
}

/* ---- update ---- */

static bool empty_value(const sts_node *n)
{
    if (!n)
        return true;
    switch (sts_node_get_type(n)) {
    case STS_NODE_NULL:
        return true;
    case STS_NODE_MAP:
    case STS_NODE_SEQ:
        return sts_node_count(n) == 0;
    case STS_NODE_STRING: {
        const char *s;
        size_t l = 1;
        sts_node_get_string(&s, &l, n);
        return l == 0;
    }
    default:
        return false;
    }
}

/* apiequality.Semantic.DeepEqual over decoded objects: nil and empty
 * slices/maps are equal, and so are absent and zero-valued strings. */
static bool sem_equal(const sts_node *a, const sts_node *b)
{
    if (empty_value(a) || empty_value(b))
        return empty_value(a) && empty_value(b);
    sts_node_type ta = sts_node_get_type(a), tb = sts_node_get_type(b);
    if (ta == STS_NODE_MAP && tb == STS_NODE_MAP) {
        for (int pass = 0; pass < 2; pass++) {
            const sts_node *x = pass ? b : a, *y = pass ? a : b;
            for (size_t i = 0; i < sts_node_count(x); i++) {
                const char *k;
                size_t kl;
                if (sts_node_get_string(&k, &kl, sts_node_map_key_at(x, i)))
                    return false;
                if (!sem_equal(sts_node_map_value_at(x, i), sts_node_map_get(y, k, kl)))
                    return false;
            }
        }
        return true;
    }
    if (ta == STS_NODE_SEQ && tb == STS_NODE_SEQ) {
        if (sts_node_count(a) != sts_node_count(b))
            return false;
        for (size_t i = 0; i < sts_node_count(a); i++)
            if (!sem_equal(sts_node_seq_at(a, i), sts_node_seq_at(b, i)))
                return false;
        return true;
    }
    return sts_node_equal(a, b) != 0;
}

static bool is_mutable(const char *k, size_t kl, const sts__api_ctx *ctx)
{
    static const char *const mut[] = {"replicas", "ordinals", "template", "updateStrategy",
                                      "persistentVolumeClaimRetentionPolicy",
                                      "minReadySeconds"};
    for (size_t i = 0; i < sizeof mut / sizeof mut[0]; i++)
        if (str_is(k, kl, mut[i]))
            return true;
    /* revisionHistoryLimit joined the allow-list in 1.33 [version; inferred] */
    return ctx->minor >= 33 && str_is(k, kl, "revisionHistoryLimit");
}

static void forbidden_spec_change(sts__verrs *v, const sts_node *spec, const sts_node *old,
                                  const sts__api_ctx *ctx)
{
    bool same = true;
    for (int pass = 0; pass < 2 && same; pass++) {
        const sts_node *x = pass ? old : spec, *y = pass ? spec : old;
        for (size_t i = 0; x && sts_node_get_type(x) == STS_NODE_MAP && i < sts_node_count(x);
             i++) {
            const char *k;
            size_t kl;
            if (sts_node_get_string(&k, &kl, sts_node_map_key_at(x, i)) ||
                is_mutable(k, kl, ctx))
                continue;
            sts_node *other = y && sts_node_get_type(y) == STS_NODE_MAP
                                  ? sts_node_map_get(y, k, kl) : NULL;
            if (!sem_equal(sts_node_map_value_at(x, i), other)) {
                same = false;
                break;
            }
        }
    }
    if (same)
        return;
    sts__verr(v, STS_FIELD_ERROR_FORBIDDEN, "spec", NULL,
              ctx->minor >= 33
                  ? "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    "'template', 'updateStrategy', 'revisionHistoryLimit', "
                    "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
                  : "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and "
                    "'minReadySeconds' are forbidden");
}

/* ---- status ---- */

static int64_t status_int(const sts_node *st, const char *key)
{
    int64_t i = 0;
    sts__api_int(&i, st, key);
    return i;
}

static void validate_status(sts__verrs *v, const sts_node *st)
{
    nonneg(v, st, "replicas", "status.replicas");
    nonneg(v, st, "readyReplicas", "status.readyReplicas");
    nonneg(v, st, "currentReplicas", "status.currentReplicas");
    nonneg(v, st, "updatedReplicas", "status.updatedReplicas");
    nonneg(v, st, "availableReplicas", "status.availableReplicas");
    nonneg(v, st, "observedGeneration", "status.observedGeneration");
    nonneg(v, st, "collisionCount", "status.collisionCount");
    int64_t rep = status_int(st, "replicas"), ready = status_int(st, "readyReplicas");
    static const char *const more[] = {"readyReplicas", "currentReplicas", "updatedReplicas",
                                       "availableReplicas"};
    for (size_t i = 0; i < 4; i++) {
        int64_t x = status_int(st, more[i]);
        if (x > rep) {
            char path[48];
            snprintf(path, sizeof path, "status.%s", more[i]);
            sts__verr_int(v, STS_FIELD_ERROR_INVALID, path, x,
                          "cannot be greater than status.replicas");
        }
    }
    int64_t avail = status_int(st, "availableReplicas");
    if (avail > ready)
        sts__verr_int(v, STS_FIELD_ERROR_INVALID, "status.availableReplicas", avail,
                      "cannot be greater than status.readyReplicas");
}

/* ---- entry points ---- */

static sts_node *rolling_update(const sts_node *root)
{
    return sts__api_get(sts__api_get(sts__api_get(root, "spec"), "updateStrategy"),
                        "rollingUpdate");
}

typedef struct prepared {
    sts_object *obj, *old;  /* defaulted copies, or NULL when used as given */
    const sts_node *root, *old_root;
} prepared;

static int prepare(prepared *p, sts_error **errors, const sts_object *sts, const sts_object *old,
                   sts__api_ctx *ctx, const sts_api_opts *opts, const char *fn)
{
    memset(p, 0, sizeof *p);
    sts_error *e = NULL;
    int rc = 0;
    if (!errors || !sts)
        rc = sts__err(&e, STS_EINVAL, "%s: NULL argument", fn);
    else if (sts_object_kind(sts) != STS_KIND_STATEFULSET ||
             (old && sts_object_kind(old) != STS_KIND_STATEFULSET))
        rc = sts__err(&e, STS_EINVAL, "%s: not a StatefulSet", fn);
    if (!rc)
        rc = sts__api_ctx_init(ctx, opts, &e);
    if (!rc)
        rc = sts_object_check(sts, &e);
    if (!rc && old)
        rc = sts_object_check(old, &e);
    if (!rc && !ctx->no_defaulting) {
        rc = sts_object_defaulted(&p->obj, sts, opts, &e);
        if (!rc && old)
            rc = sts_object_defaulted(&p->old, old, opts, &e);
    }
    if (rc) {
        if (errors)
            sts_error_append(errors, e);
        else
            sts_error_free(e);
        sts_object_free(p->obj);
        sts_object_free(p->old);
        return rc;
    }
    p->root = sts_object_root(p->obj ? p->obj : sts);
    p->old_root = old ? sts_object_root(p->old ? p->old : old) : NULL;
    if (p->obj && old && !ctx->max_unavailable) {
        /* defaulting dropped the gated maxUnavailable as on create; on
         * update it stays when the stored object already uses it */
        const sts_node *mu = sts__api_get(rolling_update(sts_object_root(sts)), "maxUnavailable");
        sts_node *ru = rolling_update(sts_object_root(p->obj));
        sts_node *copy;
        if (mu && ru && sts__api_get(rolling_update(sts_object_root(old)), "maxUnavailable") &&
            sts_doc_copy_node(&copy, sts_object_doc(p->obj), mu) == 0)
            sts_node_map_set(ru, "maxUnavailable", 14, copy);
    }
    return 0;
}

static int finish(prepared *p, sts_error **errors, sts__verrs *v)
{
    sts_object_free(p->obj);
    sts_object_free(p->old);
    if (v->rc) {
        sts_error_free(v->head);
        sts_error *e = NULL;
        sts__err(&e, v->rc, "validation: %s", sts_strerror(v->rc));
        sts_error_append(errors, e);
        return v->rc;
    }
    sts_error_append(errors, v->head);
    return (int)v->count;
}

int sts_statefulset_validate(sts_error **errors, const sts_object *sts, const sts_object *old,
                             const sts_api_opts *opts)
{
    sts__api_ctx ctx;
    prepared p;
    int rc = prepare(&p, errors, sts, old, &ctx, opts, "sts_statefulset_validate");
    if (rc)
        return rc;
    sts__verrs v = {0};
    v.root = p.root;
    const sts_node *meta = sts__api_get(p.root, "metadata");
    const sts_node *spec = sts__api_get(p.root, "spec");
    if (!p.old_root) {
        sts__validate_object_meta(&v, meta, true, &ctx);
        validate_spec(&v, spec, &ctx);
    } else {
        const sts_node *old_spec = sts__api_get(p.old_root, "spec");
        sts__validate_object_meta_update(&v, meta, sts__api_get(p.old_root, "metadata"));
        if (ctx.minor >= 34) {
            /* ratcheting: keep accepting a stored object that the stricter
             * pod template validation would reject [inferred] */
            sts__verrs probe = {0};
            sts__validate_pod_template(&probe, old_spec, &ctx);
            sts__validate_claim_templates(&probe, old_spec);
            ctx.skip_pod_template = probe.count > 0;
            sts_error_free(probe.head);
        }
        validate_spec(&v, spec, &ctx);
        forbidden_spec_change(&v, spec, old_spec, &ctx);
    }
    return finish(&p, errors, &v);
}

int sts_statefulset_validate_status(sts_error **errors, const sts_object *sts,
                                    const sts_object *old, const sts_api_opts *opts)
{
    sts__api_ctx ctx;
    prepared p;
    int rc = prepare(&p, errors, sts, old, &ctx, opts, "sts_statefulset_validate_status");
    if (rc)
        return rc;
    sts__verrs v = {0};
    v.root = p.root;
    validate_status(&v, sts__api_get(p.root, "status"));
    if (p.old_root) {
        sts__validate_object_meta_update(&v, sts__api_get(p.root, "metadata"),
                                         sts__api_get(p.old_root, "metadata"));
        int64_t nc = 0, oc = 0;
        bool has_new = sts__api_int(&nc, sts__api_get(p.root, "status"), "collisionCount");
        bool has_old = sts__api_int(&oc, sts__api_get(p.old_root, "status"), "collisionCount");
        /* IsDecremented: nil after non-nil, or smaller */
        if (has_old && (!has_new || nc < oc))
            sts__verr_int(&v, STS_FIELD_ERROR_INVALID, "status.collisionCount",
                          has_new ? nc : 0, "cannot be decremented");
    }
    return finish(&p, errors, &v);
}
