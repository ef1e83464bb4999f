/* Pod and claim names, and the controller's pod-name parser. */
#include <stdio.h>
#include <string.h>

#include "../internal.h"

int sts_pod_name_parse(size_t *parent_len, int32_t *ordinal, const char *name, size_t len)
{
    if (!parent_len || !ordinal || (!name && len))
        return STS_EINVAL;
    *parent_len = 0;
    *ordinal = -1;
    /* `(.*)-([0-9]+)$` with a greedy prefix: the digits after the last dash */
    size_t end = len, digits = end;
    while (digits > 0 && name[digits - 1] >= '0' && name[digits - 1] <= '9')
        digits--;
    if (digits == end || digits == 0 || name[digits - 1] != '-')
        return 0;
    *parent_len = digits - 1;
    int64_t v = 0;
    for (size_t i = digits; i < end; i++) {
        v = v * 10 + (name[i] - '0');
        if (v > INT32_MAX)
            return 0; /* strconv.ParseInt(.., 10, 32) fails: ordinal -1, parent kept */
    }
    *ordinal = (int32_t)v;
    return 0;
}

int sts_pod_name(char *out, size_t size, const char *set_name, int32_t ordinal)
{
    if (!set_name || (!out && size))
        return STS_EINVAL;
    return snprintf(out, size, "%s-%d", set_name, (int)ordinal);
}

int sts_claim_name(char *out, size_t size, const char *claim, const char *set_name,
                   int32_t ordinal)
{
    if (!claim || !set_name || (!out && size))
        return STS_EINVAL;
    return snprintf(out, size, "%s-%s-%d", claim, set_name, (int)ordinal);
}

void sts_identity_opts_init(sts_identity_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
}

/* Copy what an older caller's struct has; missing fields stay zero. */
void sts__identity_opts_fill(sts_identity_opts *dst, const sts_identity_opts *src)
{
    memset(dst, 0, sizeof *dst);
    if (src)
        memcpy(dst, src, src->sz < sizeof *dst ? src->sz : sizeof *dst);
    dst->sz = sizeof *dst;
    if (!dst->cluster_domain || !dst->cluster_domain[0])
        dst->cluster_domain = "cluster.local";
}

int sts__labels_selected(const sts_node *match_labels, const sts_node *labels)
{
    if (!sts_node_count(match_labels)) /* an empty selector selects nothing here */
        return 0;
    for (size_t i = 0; i < sts_node_count(match_labels); i++) {
        const char *k;
        size_t klen;
        sts_node_get_string(&k, &klen, sts_node_map_key_at(match_labels, i));
        const sts_node *v = sts_node_map_get(labels, k, klen);
        if (!v || !sts_node_equal(v, sts_node_map_value_at(match_labels, i)))
            return 0;
    }
    return 1;
}
