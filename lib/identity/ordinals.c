/* Which ordinals a set has, and the names that derive from them. */
#include <stdio.h>
#include <string.h>

#include "../internal.h"

static int want_sts(const sts_object *sts)
{
    return sts && sts_object_kind(sts) == STS_KIND_STATEFULSET;
}

int sts_statefulset_ordinals(int32_t *start, int32_t *count, const sts_object *sts,
                             sts_error **err)
{
    if (!start || !count || !want_sts(sts))
        return sts__err(err, STS_EINVAL, "not a StatefulSet");
    int32_t s = 0, n = 1; /* replicas defaults to 1, ordinals.start to 0 */
    int rc = sts_statefulset_get_ordinals_start(&s, sts, err);
    if (rc && rc != STS_ENOTFOUND)
        return rc;
    rc = sts_statefulset_get_replicas(&n, sts, err);
    if (rc && rc != STS_ENOTFOUND)
        return rc;
    if (s < 0 || n < 0)
        return sts__err(err, STS_ERANGE, "negative %s", s < 0 ? "spec.ordinals.start"
                                                                : "spec.replicas");
    if ((int64_t)s + n - 1 > INT32_MAX)
        return sts__err(err, STS_ERANGE,
                        "spec.ordinals.start + spec.replicas exceeds the int32 ordinal range");
    *start = s;
    *count = n;
    return 0;
}

const char *sts_statefulset_effective_namespace(const sts_object *sts,
                                                const sts_identity_opts *opts)
{
    if (opts && opts->sz >= offsetof(sts_identity_opts, ns) + sizeof opts->ns && opts->ns &&
        opts->ns[0])
        return opts->ns;
    const char *ns = sts ? sts_object_namespace(sts) : "";
    return ns[0] ? ns : "default";
}

int sts_statefulset_pod_name(char *out, size_t size, const sts_object *sts, int32_t ordinal)
{
    if (!want_sts(sts))
        return STS_EINVAL;
    return sts_pod_name(out, size, sts_object_name(sts), ordinal);
}

const char *sts__service_name(const sts_object *sts)
{
    const char *s = NULL;
    if (sts_statefulset_get_service_name(&s, NULL, sts, NULL))
        return "";
    return s;
}

int sts_statefulset_pod_fqdn(char *out, size_t size, const sts_object *sts, int32_t ordinal,
                             const sts_identity_opts *opts)
{
    if (!want_sts(sts) || (!out && size))
        return STS_EINVAL;
    sts_identity_opts o;
    sts__identity_opts_fill(&o, opts);
    const char *svc = sts__service_name(sts);
    if (!svc[0])
        return STS_ENOTFOUND;
    return snprintf(out, size, "%s-%d.%s.%s.svc.%s", sts_object_name(sts), (int)ordinal, svc,
                    sts_statefulset_effective_namespace(sts, &o), o.cluster_domain);
}

size_t sts_statefulset_claim_count(const sts_object *sts)
{
    return want_sts(sts) ? sts_statefulset_claim_template_count(sts) : 0;
}

const char *sts__claim_template_name(const sts_object *sts, size_t i)
{
    sts_node *t = sts_statefulset_claim_template_at(sts, i);
    sts_node *n = sts_node_map_get(sts_node_map_get(t, "metadata", 8), "name", 4);
    const char *s;
    return sts_node_get_string(&s, NULL, n) ? "" : s;
}

int sts_statefulset_claim_name(char *out, size_t size, const sts_object *sts, size_t i,
                               int32_t ordinal)
{
    if (!want_sts(sts) || i >= sts_statefulset_claim_template_count(sts))
        return STS_EINVAL;
    return sts_claim_name(out, size, sts__claim_template_name(sts, i), sts_object_name(sts),
                          ordinal);
}

int sts_statefulset_is_member(const sts_object *sts, const sts_object *pod)
{
    if (!want_sts(sts) || !pod)
        return 0;
    const char *name = sts_object_name(pod);
    size_t plen;
    int32_t ord;
    sts_pod_name_parse(&plen, &ord, name, strlen(name));
    const char *set = sts_object_name(sts);
    return plen == strlen(set) && plen > 0 && memcmp(name, set, plen) == 0;
}
