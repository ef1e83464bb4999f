/* Which pods are published and the records the cluster DNS serves for them
 * (DNS spec 1.1.0; endpoint rules of the EndpointSlice controller). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns_internal.h"

#define DEFAULT_TTL 5 /* CoreDNS kubernetes plugin */

typedef struct endpoint {
    char pod[320];
    const char *ips[2];
    int nips;
    int has_hostname; /* hostname = pod name: spec.hostname set and subdomain == service */
    int ready;
    const sts_object *obj; /* the Pod, or NULL when predicted */
} endpoint;

typedef struct ctx {
    sts_dns_records *r;
    const sts_object *sts, *svc;
    const char *ns, *svc_name, *domain;
    uint32_t ttl;
    char fqdn[512]; /* <svc>.<ns>.svc.<zone> */
    endpoint *eps;
    size_t neps;
    int predicted;
} ctx;

static const char *str_at(const sts_object *o, const char *path)
{
    const char *s = NULL;
    return sts_object_get_string(&s, NULL, o, path, NULL) ? "" : s;
}

static const char *node_str(const sts_node *n)
{
    const char *s = NULL;
    return sts_node_get_string(&s, NULL, n) ? "" : s;
}

static const char *obj_ns(const sts_object *o)
{
    const char *ns = sts_object_namespace(o);
    return ns[0] ? ns : "default";
}

static const sts_object *find_service(ctx *c, const sts_object_list *objects)
{
    const sts_object *elsewhere = NULL;
    for (size_t i = 0; i < sts_object_list_count(objects); i++) {
        const sts_object *o = sts_object_list_at(objects, i);
        if (sts_object_kind(o) != STS_KIND_SERVICE || strcmp(sts_object_name(o), c->svc_name))
            continue;
        if (strcmp(obj_ns(o), c->ns) == 0)
            return o;
        elsewhere = o;
    }
    if (elsewhere)
        dns_problem(c->r, STS_ENOTFOUND, "spec.serviceName",
                    "Service %s is in namespace %s, but the StatefulSet's pods are in %s: a "
                    "Service only governs pods of its own namespace, so they get no DNS records",
                    c->svc_name, obj_ns(elsewhere), c->ns);
    else
        dns_problem(c->r, STS_ENOTFOUND, "spec.serviceName",
                    "no Service named %s in namespace %s in the input: without it the pods get "
                    "no DNS records (create a headless Service with clusterIP: None)",
                    c->svc_name, c->ns);
    return NULL;
}

static int pod_ready(const sts_object *pod)
{
    return sts_pod_is_ready(pod) == 1;
}

static int add_endpoint(ctx *c, endpoint *e)
{
    if ((c->neps & (c->neps - 1)) == 0) { /* capacity doubles at powers of two */
        endpoint *p = realloc(c->eps, (c->neps ? c->neps * 2 : 1) * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        c->eps = p;
    }
    c->eps[c->neps++] = *e;
    return 0;
}

static int collect_pods(ctx *c, const sts_object_list *objects, int publish_not_ready)
{
    sts_node *sel = NULL;
    sts_service_get_selector(&sel, c->svc, NULL);
    for (size_t i = 0; i < sts_object_list_count(objects); i++) {
        const sts_object *pod = sts_object_list_at(objects, i);
        if (sts_object_kind(pod) != STS_KIND_POD || strcmp(obj_ns(pod), c->ns))
            continue;
        sts_node *labels = NULL;
        sts_object_get(&labels, pod, "metadata.labels", NULL);
        if (!sts__labels_selected(sel, labels))
            continue;
        c->predicted = 0;
        endpoint e;
        memset(&e, 0, sizeof e);
        e.obj = pod;
        snprintf(e.pod, sizeof e.pod, "%s", sts_object_name(pod));
        sts_node *ips = NULL;
        sts_object_get(&ips, pod, "status.podIPs", NULL);
        for (size_t k = 0; k < sts_node_count(ips) && e.nips < 2; k++) {
            const char *ip = node_str(sts_node_map_get(sts_node_seq_at(ips, k), "ip", 2));
            if (ip[0])
                e.ips[e.nips++] = ip;
        }
        if (!e.nips && str_at(pod, "status.podIP")[0])
            e.ips[e.nips++] = str_at(pod, "status.podIP");
        const char *phase = str_at(pod, "status.phase");
        if (!strcmp(phase, "Failed") || !strcmp(phase, "Succeeded")) {
            dns_problem(c->r, STS_ENOTFOUND, "status.phase",
                        "pod %s is %s: finished pods are never endpoints", e.pod, phase);
            continue;
        }
        if (!e.nips) {
            dns_problem(c->r, STS_ENOTFOUND, "status.podIP",
                        "pod %s has no IP yet: no records until it has one", e.pod);
            continue;
        }
        int terminating = str_at(pod, "metadata.deletionTimestamp")[0] != '\0';
        /* EndpointSlice: ready = publishNotReadyAddresses || (podReady && !terminating) */
        e.ready = publish_not_ready || (pod_ready(pod) && !terminating);
        if (!e.ready)
            dns_problem(c->r, STS_ENOTFOUND, "status.conditions",
                        "pod %s is %s and the Service does not set publishNotReadyAddresses: "
                        "it gets no records until it is ready",
                        e.pod, terminating ? "terminating" : "not ready");
        const char *host = str_at(pod, "spec.hostname");
        e.has_hostname = host[0] && !strcmp(str_at(pod, "spec.subdomain"), c->svc_name);
        if (e.has_hostname)
            snprintf(e.pod, sizeof e.pod, "%s", host);
        else if (host[0])
            dns_problem(c->r, STS_ENOTFOUND, "spec.subdomain",
                        "pod %s has subdomain \"%s\", not %s: its endpoint gets no hostname, "
                        "only the address-derived name",
                        sts_object_name(pod), str_at(pod, "spec.subdomain"), c->svc_name);
        if (add_endpoint(c, &e))
            return STS_ENOMEM;
    }
    return 0;
}

/* Predictions list every replica; beyond this many that is no longer an answer. */
#define MAX_PREDICTED_PODS 100000

static int predict_pods(ctx *c)
{
    int32_t start, count;
    if (sts_statefulset_ordinals(&start, &count, c->sts, NULL))
        return 0;
    if (count > MAX_PREDICTED_PODS) {
        dns_problem(c->r, STS_ELIMIT, "spec.replicas",
                    "%d replicas: records are predicted for at most %d pods", (int)count,
                    MAX_PREDICTED_PODS);
        return 0;
    }
    for (int32_t o = start; o < start + count; o++) {
        endpoint e;
        memset(&e, 0, sizeof e);
        sts_statefulset_pod_name(e.pod, sizeof e.pod, c->sts, o);
        e.has_hostname = 1;
        e.ready = 1;
        if (add_endpoint(c, &e))
            return STS_ENOMEM;
    }
    return 0;
}

/* `<hostname or dashed ip>.<svc fqdn>.` */
static int endpoint_name(sts_buf *b, const ctx *c, const endpoint *e, const char *ip)
{
    b->len = 0;
    int rc = e->has_hostname ? sts__buf_printf(b, "%s", e->pod) : dns_dashed_ip(b, ip);
    return rc ? rc : sts__buf_printf(b, ".%s.", c->fqdn);
}

/* The SRV port: targetPort (a number, or a container port name), else port. */
static int64_t target_port(const ctx *c, const endpoint *e, const sts_node *port)
{
    const sts_node *tp = sts_node_map_get(port, "targetPort", 10);
    int64_t v;
    if (!sts_node_get_int(&v, tp))
        return v;
    const char *name = node_str(tp);
    if (!name[0]) {
        sts_node_get_int(&v, sts_node_map_get(port, "port", 4));
        return v;
    }
    sts_node *containers = NULL;
    if (e->obj)
        sts_object_get(&containers, e->obj, "spec.containers", NULL);
    else
        sts_object_get(&containers, c->sts, "spec.template.spec.containers", NULL);
    for (size_t i = 0; i < sts_node_count(containers); i++) {
        const sts_node *ports = sts_node_map_get(sts_node_seq_at(containers, i), "ports", 5);
        for (size_t k = 0; k < sts_node_count(ports); k++) {
            const sts_node *p = sts_node_seq_at(ports, k);
            if (!strcmp(node_str(sts_node_map_get(p, "name", 4)), name) &&
                !sts_node_get_int(&v, sts_node_map_get(p, "containerPort", 13)))
                return v;
        }
    }
    return -1;
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* `_<port>._<proto>.<svc fqdn>.`, the protocol lower-case (TCP when absent) */
static void srv_name(char *out, size_t size, const ctx *c, const sts_node *port, const char *pname)
{
    char proto[16];
    const char *pr = node_str(sts_node_map_get(port, "protocol", 8));
    snprintf(proto, sizeof proto, "%s", pr[0] ? pr : "TCP");
    lower(proto);
    snprintf(out, size, "_%s._%s.%s.", pname, proto, c->fqdn);
}

static int headless_records(ctx *c)
{
    sts_buf name = STS_BUF_INIT, tmp = STS_BUF_INIT;
    int rc = 0;
    size_t ready = 0;
    char svcname[520];
    snprintf(svcname, sizeof svcname, "%s.", c->fqdn);
    for (size_t i = 0; !rc && i < c->neps; i++) {
        const endpoint *e = &c->eps[i];
        if (!e->ready)
            continue;
        ready++;
        for (int k = 0; !rc && k < (e->nips ? e->nips : 1); k++) {
            const char *ip = e->nips ? e->ips[k] : "";
            rc = dns_add(c->r, svcname, e->nips && dns_is_ipv6(ip) ? STS_DNS_AAAA : STS_DNS_A,
                         c->ttl, ip, e->obj ? sts_object_name(e->obj) : e->pod);
        }
    }
    if (!rc && !ready)
        dns_problem(c->r, STS_ENOTFOUND, "", "no ready endpoints: %s answers NXDOMAIN", svcname);
    for (size_t i = 0; !rc && i < c->neps; i++) {
        const endpoint *e = &c->eps[i];
        if (!e->ready)
            continue;
        for (int k = 0; !rc && k < (e->nips ? e->nips : 1); k++) {
            const char *ip = e->nips ? e->ips[k] : "";
            rc = endpoint_name(&name, c, e, ip);
            if (!rc)
                rc = dns_add(c->r, name.data, e->nips && dns_is_ipv6(ip) ? STS_DNS_AAAA
                                                                         : STS_DNS_A,
                             c->ttl, ip, e->obj ? sts_object_name(e->obj) : e->pod);
        }
    }
    /* SRV: each named port x each ready endpoint */
    for (size_t p = 0; !rc && p < sts_service_port_count(c->svc); p++) {
        const sts_node *port = sts_service_port_at(c->svc, p);
        const char *pname = node_str(sts_node_map_get(port, "name", 4));
        if (!pname[0])
            continue;
        char srv[700];
        srv_name(srv, sizeof srv, c, port, pname);
        size_t n = 0;
        for (size_t i = 0; i < c->neps; i++)
            n += c->eps[i].ready;
        for (size_t i = 0; !rc && i < c->neps; i++) {
            const endpoint *e = &c->eps[i];
            if (!e->ready)
                continue;
            int64_t tp = target_port(c, e, port);
            if (tp < 0) {
                dns_problem(c->r, STS_ENOTFOUND, "spec.ports",
                            "port %s: targetPort names no container port of pod %s", pname,
                            e->pod);
                continue;
            }
            rc = endpoint_name(&name, c, e, e->nips ? e->ips[0] : "");
            tmp.len = 0;
            if (!rc) /* CoreDNS: priority 0, weight 100 / records sharing the name */
                rc = sts__buf_printf(&tmp, "0 %zu %lld %s", (size_t)(100 / n), (long long)tp,
                                     name.data);
            if (!rc)
                rc = dns_add(c->r, srv, STS_DNS_SRV, c->ttl, tmp.data,
                             e->obj ? sts_object_name(e->obj) : e->pod);
        }
    }
    for (size_t i = 0; !rc && i < c->neps; i++) {
        const endpoint *e = &c->eps[i];
        for (int k = 0; !rc && e->ready && k < e->nips; k++) {
            tmp.len = 0;
            if (dns_reverse_name(&tmp, e->ips[k]))
                continue;
            rc = endpoint_name(&name, c, e, e->ips[k]);
            if (!rc)
                rc = dns_add(c->r, tmp.data, STS_DNS_PTR, c->ttl, name.data,
                             sts_object_name(e->obj));
        }
    }
    sts_buf_dispose(&name);
    sts_buf_dispose(&tmp);
    return rc;
}

static int cluster_ip_records(ctx *c, const char *cip)
{
    char svcname[520];
    snprintf(svcname, sizeof svcname, "%s.", c->fqdn);
    int rc = dns_add(c->r, svcname, dns_is_ipv6(cip) ? STS_DNS_AAAA : STS_DNS_A, c->ttl, cip, "");
    for (size_t p = 0; !rc && p < sts_service_port_count(c->svc); p++) {
        const sts_node *port = sts_service_port_at(c->svc, p);
        const char *pname = node_str(sts_node_map_get(port, "name", 4));
        int64_t num = 0;
        sts_node_get_int(&num, sts_node_map_get(port, "port", 4));
        if (!pname[0])
            continue;
        char srv[700], data[700];
        srv_name(srv, sizeof srv, c, port, pname);
        snprintf(data, sizeof data, "0 100 %lld %s", (long long)num, svcname);
        rc = dns_add(c->r, srv, STS_DNS_SRV, c->ttl, data, "");
    }
    sts_buf rev = STS_BUF_INIT;
    if (!rc && cip[0] && !dns_reverse_name(&rev, cip))
        rc = dns_add(c->r, rev.data, STS_DNS_PTR, c->ttl, svcname, "");
    sts_buf_dispose(&rev);
    return rc;
}

/* Returns 1 when the Service would select the set's pods. */
static int check_service(ctx *c)
{
    sts_node *sel = NULL, *tlabels = NULL;
    sts_service_get_selector(&sel, c->svc, NULL);
    sts_object_get(&tlabels, c->sts, "spec.template.metadata.labels", NULL);
    int selected = sts__labels_selected(sel, tlabels);
    if (!sts_node_count(sel))
        dns_problem(c->r, STS_ENOTFOUND, "spec.selector",
                    "Service %s has no selector: the cluster creates no endpoints for it, so "
                    "no pod records exist",
                    c->svc_name);
    else if (!selected)
        dns_problem(c->r, STS_ENOTFOUND, "spec.selector",
                    "the selector of Service %s does not select the pod template's labels: "
                    "the pods are not its endpoints and get no records",
                    c->svc_name);
    for (size_t p = 0; p < sts_service_port_count(c->svc); p++) {
        const sts_node *port = sts_service_port_at(c->svc, p);
        if (node_str(sts_node_map_get(port, "name", 4))[0])
            continue;
        int64_t num = 0;
        sts_node_get_int(&num, sts_node_map_get(port, "port", 4));
        char path[64];
        snprintf(path, sizeof path, "spec.ports[%zu].name", p);
        dns_problem(c->r, STS_ENOTFOUND, path,
                    "port %lld of Service %s has no name: it gets no SRV records", (long long)num,
                    c->svc_name);
    }
    return selected;
}

int sts_dns_compute(sts_dns_records **out, const sts_object *sts, const sts_object_list *objects,
                    const sts_object *service, const sts_dns_opts *opts, sts_error **err)
{
    if (!out || !sts || sts_object_kind(sts) != STS_KIND_STATEFULSET)
        return sts__err(err, STS_EINVAL, "not a StatefulSet");
    if (service && sts_object_kind(service) != STS_KIND_SERVICE)
        return sts__err(err, STS_EINVAL, "the service argument is not a Service");
    sts_dns_opts o;
    sts_dns_opts_init(&o);
    if (opts)
        memcpy(&o, opts, opts->sz < sizeof o ? opts->sz : sizeof o);
    ctx c;
    memset(&c, 0, sizeof c);
    c.r = calloc(1, sizeof *c.r);
    if (!c.r)
        return sts__err(err, STS_ENOMEM, "out of memory");
    c.sts = sts;
    c.ns = sts_statefulset_effective_namespace(sts, NULL);
    c.svc_name = sts__service_name(sts);
    c.domain = o.cluster_domain && o.cluster_domain[0] ? o.cluster_domain : "cluster.local";
    c.ttl = o.ttl ? o.ttl : DEFAULT_TTL;
    c.predicted = 1;
    int rc = 0;
    if (!c.svc_name[0]) {
        dns_problem(c.r, STS_ENOTFOUND, "spec.serviceName",
                    "spec.serviceName is empty: pods get no subdomain and no per-pod DNS records");
        goto done;
    }
    snprintf(c.fqdn, sizeof c.fqdn, "%s.%s.svc.%s", c.svc_name, c.ns, c.domain);
    c.r->service_fqdn = strdup(c.fqdn);
    if (!c.r->service_fqdn) {
        rc = STS_ENOMEM;
        goto done;
    }
    if (!dns_is_1035_label(c.svc_name)) {
        dns_problem(c.r, STS_EVALIDATION, "spec.serviceName",
                    "no Service can be named \"%s\": Service names must be DNS-1035 labels "
                    "(lower case, starting with a letter), so the pods never get DNS records",
                    c.svc_name);
        goto done;
    }
    c.svc = service ? service : find_service(&c, objects);
    if (!c.svc)
        goto done;
    char comment[700];
    const char *cip = str_at(c.svc, "spec.clusterIP");
    int headless = sts_service_is_headless(c.svc) == 1;
    snprintf(comment, sizeof comment, "StatefulSet %s/%s, Service %s/%s (%s)", c.ns,
             sts_object_name(sts), obj_ns(c.svc), sts_object_name(c.svc),
             headless ? "headless" : "not headless");
    c.r->origin_comment = strdup(comment);
    int selected = check_service(&c);
    if (!headless) {
        dns_problem(c.r, STS_EVALIDATION, "spec.clusterIP",
                    "Service %s is not headless (clusterIP %s): DNS serves only the Service "
                    "address, no per-pod names; set clusterIP: None",
                    c.svc_name, cip[0] ? cip : "to be allocated");
        rc = cluster_ip_records(&c, cip);
        goto done;
    }
    int pnr = 0;
    sts_service_get_publish_not_ready_addresses(&pnr, c.svc, NULL);
    rc = collect_pods(&c, objects, pnr);
    if (!rc && c.predicted && selected)
        rc = predict_pods(&c);
    if (!rc)
        rc = headless_records(&c);
done:
    free(c.eps);
    if (rc) {
        sts_dns_records_free(c.r);
        return sts__err(err, rc, "cannot compute DNS records: %s", sts_strerror(rc));
    }
    *out = c.r;
    return 0;
}
