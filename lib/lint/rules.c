/* The rule table: stable IDs, severities, summaries and fix hints. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lint_priv.h"

static const struct rule {
    const char *id;
    sts_severity severity;
    const char *summary;
    const char *hint;
} rules[R_COUNT] = {
    [R_WRONG_TYPE] = {"STS100", STS_SEVERITY_ERROR,
                      "a field has the wrong type: the API server rejects the object",
                      "give the field the type the Kubernetes API defines"},
    [R_SERVICE_MISSING] = {"STS101", STS_SEVERITY_WARNING,
                           "the governing Service (spec.serviceName) is not in the input",
                           "add a headless Service (clusterIP: None) named like spec.serviceName"},
    [R_SERVICE_NOT_HEADLESS] = {"STS102", STS_SEVERITY_ERROR,
                                "the governing Service is not headless: no per-pod DNS names",
                                "set spec.clusterIP: None on the Service (recreate it: clusterIP is immutable)"},
    [R_SERVICE_NOT_SELECTING] = {"STS103", STS_SEVERITY_ERROR,
                                 "the governing Service does not select the set's pods",
                                 "make the Service selector a subset of the pod template labels"},
    [R_SERVICE_OTHER_NAMESPACE] = {"STS104", STS_SEVERITY_ERROR,
                                   "the governing Service is in another namespace",
                                   "create the Service in the StatefulSet's namespace"},
    [R_SET_NAME_LONG] = {"STS105", STS_SEVERITY_WARNING,
                         "set name over 52 characters: the controller-revision-hash label can exceed 63",
                         "shorten metadata.name to at most 52 characters"},
    [R_POD_NAME_LONG] = {"STS106", STS_SEVERITY_ERROR,
                         "pod names over 63 characters: pod creation fails",
                         "shorten metadata.name so that <name>-<highest ordinal> fits 63 characters"},
    [R_CLAIM_COLLISION] = {"STS107", STS_SEVERITY_ERROR,
                           "two StatefulSets derive the same PersistentVolumeClaim name",
                           "rename a claim template or a set so <template>-<set> differ"},
    [R_MOUNT_UNKNOWN] = {"STS108", STS_SEVERITY_ERROR,
                         "a volumeMount names neither a volume nor a claim template",
                         "add the volume or claim template, or fix the mount's name"},
    [R_CLAIM_NO_STORAGE] = {"STS109", STS_SEVERITY_ERROR,
                            "a claim template has no storage request: claims cannot be provisioned",
                            "set spec.resources.requests.storage on the claim template"},
    [R_CLAIM_NO_ACCESS_MODES] = {"STS110", STS_SEVERITY_ERROR,
                                 "a claim template has no accessModes: the claim is rejected",
                                 "set spec.accessModes, e.g. [ReadWriteOnce]"},
    [R_YAML11] = {"STS111", STS_SEVERITY_ERROR,
                  "an unquoted YAML 1.1 value (yes, no, on, off, y, n, 0777, ...) is not the string it looks like",
                  "quote the value"},
    [R_NO_READINESS] = {"STS112", STS_SEVERITY_WARNING,
                        "OrderedReady without a readinessProbe: the next pod starts as soon as containers run",
                        "add a readinessProbe that reports when the member is really ready"},
    [R_PARTITION_STUCK] = {"STS113", STS_SEVERITY_WARNING,
                           "partition >= replicas: no pod is updated, the rollout never completes",
                           "lower spec.updateStrategy.rollingUpdate.partition below spec.replicas"},
    [R_MAX_UNAVAILABLE_DROPPED] = {"STS114", STS_SEVERITY_WARNING,
                                   "maxUnavailable is set but the MaxUnavailableStatefulSet gate is off: the API server drops it",
                                   "remove the field or target a release where the gate is on (1.35)"},
    [R_NOT_READY_UNPUBLISHED] = {"STS115", STS_SEVERITY_INFO,
                                 "the governing Service does not publish not-ready pods: peers cannot resolve each other while bootstrapping",
                                 "set spec.publishNotReadyAddresses: true on the headless Service"},
    [R_NO_SPREAD] = {"STS116", STS_SEVERITY_INFO,
                     "replicas >= 2 without pod anti-affinity or topology spread: replicas may share a node",
                     "add podAntiAffinity or topologySpreadConstraints on kubernetes.io/hostname"},
    [R_NO_SERVICE_NAME] = {"STS117", STS_SEVERITY_WARNING,
                           "spec.serviceName is empty: pods get no subdomain and no DNS names",
                           "set spec.serviceName to a headless Service"},
    [R_CLAIM_NAME_LONG] = {"STS118", STS_SEVERITY_ERROR,
                           "claim or claim-volume names too long: claims or pods cannot be created",
                           "shorten the claim template name or the set name"},
};

size_t sts_lint_rule_count(void)
{
    return R_COUNT;
}

const char *sts_lint_rule_id(size_t i)
{
    return i < R_COUNT ? rules[i].id : NULL;
}

const char *sts_lint_rule_summary(size_t i)
{
    return i < R_COUNT ? rules[i].summary : NULL;
}

sts_severity sts_lint_rule_severity(size_t i)
{
    return i < R_COUNT ? rules[i].severity : STS_SEVERITY_NONE;
}

void sts_lint_opts_init(sts_lint_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
}

int lint_rule_enabled(const lint_ctx *c, enum lint_rule r)
{
    const char *list = c->opts->disable;
    size_t idlen = strlen(rules[r].id);
    while (list && *list) {
        size_t n = strcspn(list, ",");
        while (n && list[0] == ' ')
            list++, n--;
        size_t m = n;
        while (m && list[m - 1] == ' ')
            m--;
        if (m == idlen && strncmp(list, rules[r].id, m) == 0)
            return 0;
        list += n;
        if (*list == ',')
            list++;
    }
    return 1;
}

static void tag(lint_ctx *c, enum lint_rule r, sts_error *e)
{
    if (sts_error_set_rule(e, rules[r].id, rules[r].severity, rules[r].hint) && !c->rc)
        c->rc = STS_ENOMEM;
}

void lint_add(lint_ctx *c, enum lint_rule r, const sts_node *at, const char *path,
              const char *fmt, ...)
{
    if (!lint_rule_enabled(c, r))
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sts_error *e;
    if (sts_error_new(&e, STS_EVALIDATION, msg, path, sts_node_line(at), sts_node_column(at),
                      sts_node_offset(at))) {
        c->rc = STS_ENOMEM;
        return;
    }
    tag(c, r, e);
    sts_error_append(&c->findings, e);
    c->count++;
}

void lint_adopt(lint_ctx *c, enum lint_rule r, sts_error *problems)
{
    if (!lint_rule_enabled(c, r)) {
        sts_error_free(problems);
        return;
    }
    for (sts_error *e = problems; e; e = (sts_error *)sts_error_next(e)) {
        tag(c, r, e);
        c->count++;
    }
    sts_error_append(&c->findings, problems);
}
