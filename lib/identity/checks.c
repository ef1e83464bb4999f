/* Naming limits with real consequences, and PVC name collisions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

#define DNS1123_LABEL_MAX 63
#define DNS1123_SUBDOMAIN_MAX 253
/* longest safe set name: "-" + a 10-character hash must fit a 63-character label value */
#define REVISION_SAFE_SET_NAME 52

static int digits(int32_t v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

static int problem(sts_error **problems, const char *path, const char *fmt, ...)
    STS__PRINTF(3, 4);
static int problem(sts_error **problems, const char *path, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sts_error *e;
    if (sts_error_new(&e, STS_EVALIDATION, msg, path, 0, 0, UINT64_MAX))
        return STS_ENOMEM;
    sts_error_append(problems, e);
    return 1;
}

static int32_t last_ordinal(const sts_object *sts, int32_t *start, int32_t *count)
{
    if (sts_statefulset_ordinals(start, count, sts, NULL))
        *start = 0, *count = 1;
    return *count > 0 ? *start + *count - 1 : *start;
}

int sts__check_pod_name_length(sts_error **problems, const sts_object *sts)
{
    const char *set = sts_object_name(sts);
    size_t setlen = strlen(set);
    int32_t start, count, last = last_ordinal(sts, &start, &count);
    size_t podlen = setlen + 1 + (size_t)digits(last);
    if (count > 0 && podlen > DNS1123_LABEL_MAX) {
        /* the first ordinal whose name is too long */
        int32_t first = start;
        while (setlen + 1 + (size_t)digits(first) <= DNS1123_LABEL_MAX) {
            int64_t p = 10; /* the smallest ordinal with one more digit */
            while (p <= first)
                p *= 10;
            first = (int32_t)p;
        }
        char name[600];
        snprintf(name, sizeof name, "%.500s-%d", set, (int)first);
        return problem(problems, "metadata.name",
                    "pod %s is %zu characters, more than 63: creating it fails validation "
                    "(spec.hostname and the statefulset.kubernetes.io/pod-name label: must be "
                    "no more than 63 characters) and the controller retries forever",
                    name, strlen(name));
    }
    return 0;
}

int sts__check_revision_label_length(sts_error **problems, const sts_object *sts,
                                     const char *revision)
{
    const char *set = sts_object_name(sts);
    size_t setlen = strlen(set);
    int found = 0, r;
    if (revision && revision[0]) {
        size_t rl = strlen(revision);
        if (rl > DNS1123_LABEL_MAX) {
            r = problem(problems, "metadata.name",
                        "the controller-revision-hash label value %s is %zu characters, more "
                        "than 63: pods of this revision fail validation",
                        revision, rl);
            if (r < 0)
                return r;
            found += r;
        }
    } else if (setlen > REVISION_SAFE_SET_NAME) {
        r = problem(problems, "metadata.name",
                    "the set name %s is %zu characters: the controller-revision-hash label "
                    "(<set>-<hash>, the hash up to 10 characters) can exceed 63 characters and "
                    "then pod creation fails; keep set names at most 52 characters",
                    set, setlen);
        if (r < 0)
            return r;
        found += r;
    }
    return found;
}

int sts__check_claim_name_lengths(sts_error **problems, const sts_object *sts)
{
    const char *set = sts_object_name(sts);
    size_t setlen = strlen(set);
    int32_t start, count, last = last_ordinal(sts, &start, &count);
    int found = 0, r;
    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++) {
        const char *t = sts__claim_template_name(sts, i);
        char path[96];
        snprintf(path, sizeof path, "spec.volumeClaimTemplates[%zu].metadata.name", i);
        size_t clen = strlen(t) + 1 + setlen + 1 + (size_t)digits(last);
        if (clen > DNS1123_SUBDOMAIN_MAX) {
            r = problem(problems, path,
                        "claim names %s-%s-<ordinal> reach %zu characters, more than 253: the "
                        "PersistentVolumeClaim cannot be created",
                        t, set, clen);
            if (r < 0)
                return r;
            found += r;
        }
        if (strlen(t) > DNS1123_LABEL_MAX) {
            r = problem(problems, path,
                        "claim template name %s is %zu characters: the pod volume of that name "
                        "must be a DNS-1123 label of at most 63 characters",
                        t, strlen(t));
            if (r < 0)
                return r;
            found += r;
        }
    }
    return found;
}

int sts_statefulset_check_names(sts_error **problems, const sts_object *sts,
                                const sts_identity_opts *opts)
{
    if (!problems || !sts || sts_object_kind(sts) != STS_KIND_STATEFULSET)
        return STS_EINVAL;
    sts_identity_opts o;
    sts__identity_opts_fill(&o, opts);
    int a = sts__check_pod_name_length(problems, sts);
    int b = a < 0 ? a : sts__check_revision_label_length(problems, sts, o.revision);
    int c = b < 0 ? b : sts__check_claim_name_lengths(problems, sts);
    return a < 0 ? a : b < 0 ? b : c < 0 ? c : a + b + c;
}

typedef struct claim_prefix {
    char *prefix; /* "<template>-<set>" */
    const char *ns, *set, *tmpl;
    int32_t first, last; /* ordinal range, first > last when empty */
} claim_prefix;

int sts_check_claim_collisions(sts_error **problems, const sts_object_list *objects)
{
    if (!problems || !objects)
        return STS_EINVAL;
    size_t n = 0, cap = 0;
    claim_prefix *v = NULL;
    int found = 0, rc = 0;
    for (size_t i = 0; !rc && i < sts_object_list_count(objects); i++) {
        const sts_object *s = sts_object_list_at(objects, i);
        if (sts_object_kind(s) != STS_KIND_STATEFULSET)
            continue;
        int32_t start, count;
        if (sts_statefulset_ordinals(&start, &count, s, NULL))
            continue;
        for (size_t t = 0; t < sts_statefulset_claim_template_count(s); t++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                claim_prefix *p = realloc(v, cap * sizeof *p);
                if (!p) {
                    rc = STS_ENOMEM;
                    break;
                }
                v = p;
            }
            const char *tn = sts__claim_template_name(s, t);
            size_t len = strlen(tn) + 1 + strlen(sts_object_name(s)) + 1;
            char *prefix = malloc(len);
            if (!prefix) {
                rc = STS_ENOMEM;
                break;
            }
            snprintf(prefix, len, "%s-%s", tn, sts_object_name(s));
            v[n++] = (claim_prefix){prefix, sts_statefulset_effective_namespace(s, NULL),
                                    sts_object_name(s), tn, start, start + count - 1};
        }
    }
    for (size_t a = 0; !rc && a < n; a++) {
        for (size_t b = a + 1; b < n; b++) {
            if (strcmp(v[a].prefix, v[b].prefix) || strcmp(v[a].ns, v[b].ns) ||
                (strcmp(v[a].set, v[b].set) == 0 && strcmp(v[a].tmpl, v[b].tmpl) == 0))
                continue;
            int32_t lo = v[a].first > v[b].first ? v[a].first : v[b].first;
            int32_t hi = v[a].last < v[b].last ? v[a].last : v[b].last;
            if (lo > hi)
                continue; /* same names, but no ordinal in common yet */
            char msg[1400];
            snprintf(msg, sizeof msg,
                     "PersistentVolumeClaim %.300s-%d in namespace %.100s would be shared: "
                     "StatefulSet %.200s (claim template %.200s) and StatefulSet %.200s (claim "
                     "template %.200s) both derive it, so their pods mount the same volume",
                     v[a].prefix, (int)lo, v[a].ns, v[a].set, v[a].tmpl, v[b].set, v[b].tmpl);
            sts_error *e;
            if (sts_error_new(&e, STS_EVALIDATION, msg, "spec.volumeClaimTemplates", 0, 0,
                              UINT64_MAX)) {
                rc = STS_ENOMEM;
                break;
            }
            sts_error_append(problems, e);
            found++;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].prefix);
    free(v);
    return rc ? rc : found;
}
