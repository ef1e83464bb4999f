/* STS101-104, STS115, STS117: the governing Service. */
#include <string.h>

#include "lint_priv.h"

static const char *ns_of(const sts_object *o)
{
    const char *ns = sts_object_namespace(o);
    return ns[0] ? ns : "default";
}

void lint_service(lint_ctx *c, const sts_object *sts)
{
    const char *name = sts_object_name(sts);
    sts_node *at = NULL;
    sts_object_get(&at, sts, "spec.serviceName", NULL);
    const char *svc_name = sts__service_name(sts);
    if (!svc_name[0]) {
        lint_add(c, R_NO_SERVICE_NAME, at, "spec.serviceName",
                 "StatefulSet %s has no serviceName: its pods get no subdomain and no DNS names",
                 name);
        return;
    }
    const sts_object *svc = NULL, *elsewhere = NULL;
    for (size_t i = 0; i < sts_object_list_count(c->objects); i++) {
        const sts_object *o = sts_object_list_at(c->objects, i);
        if (sts_object_kind(o) != STS_KIND_SERVICE || strcmp(sts_object_name(o), svc_name))
            continue;
        if (!strcmp(ns_of(o), ns_of(sts)))
            svc = o;
        else
            elsewhere = o;
    }
    if (!svc) {
        if (elsewhere)
            lint_add(c, R_SERVICE_OTHER_NAMESPACE, at, "spec.serviceName",
                     "StatefulSet %s/%s: Service %s is in namespace %s; a Service governs only "
                     "pods of its own namespace",
                     ns_of(sts), name, svc_name, ns_of(elsewhere));
        else
            lint_add(c, R_SERVICE_MISSING, at, "spec.serviceName",
                     "StatefulSet %s/%s: no Service %s in the input; without it the pods get no "
                     "DNS names",
                     ns_of(sts), name, svc_name);
        return;
    }
    sts_node *cip = NULL;
    sts_object_get(&cip, svc, "spec.clusterIP", NULL);
    if (sts_service_is_headless(svc) != 1)
        lint_add(c, R_SERVICE_NOT_HEADLESS, cip ? cip : sts_object_root(svc), "spec.clusterIP",
                 "Service %s is not headless: DNS serves only its cluster IP, no names per pod",
                 svc_name);
    sts_node *sel = NULL, *labels = NULL;
    sts_service_get_selector(&sel, svc, NULL);
    sts_object_get(&labels, sts, "spec.template.metadata.labels", NULL);
    if (!sts__labels_selected(sel, labels))
        lint_add(c, R_SERVICE_NOT_SELECTING, sel ? sel : sts_object_root(svc), "spec.selector",
                 "Service %s %s the pods of StatefulSet %s: they are not its endpoints and get "
                 "no DNS records",
                 svc_name, sts_node_count(sel) ? "does not select" : "has no selector, so selects none of",
                 name);
    int pnr = 0;
    sts_service_get_publish_not_ready_addresses(&pnr, svc, NULL);
    if (!pnr && sts_service_is_headless(svc) == 1)
        lint_add(c, R_NOT_READY_UNPUBLISHED, sts_object_root(svc), "spec.publishNotReadyAddresses",
                 "Service %s publishes only ready pods: members of %s cannot find each other by "
                 "DNS before they are ready (ordered bootstrap, quorum formation)",
                 svc_name, name);
}
