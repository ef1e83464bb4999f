/* Cluster DNS records: test-scenarios.md S74-S77 (DNS spec 1.1.0, EndpointSlice
 * readiness rules) and the tutorial nginx example. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

static sts_registry *reg;

static void setup(void)
{
    ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0);
}

static void teardown(void)
{
    sts_registry_free(reg);
}

static const char *WEB =
    "apiVersion: v1\nkind: Service\nmetadata: {name: nginx, labels: {app: nginx}}\n"
    "spec:\n  ports: [{port: 80, name: web}]\n  clusterIP: None\n  selector: {app: nginx}\n"
    "%s"
    "---\n"
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
    "spec:\n  serviceName: nginx\n  replicas: %d\n  selector: {matchLabels: {app: nginx}}\n"
    "  template:\n    metadata: {labels: {app: nginx}}\n"
    "    spec: {containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.24, "
    "ports: [{containerPort: 80, name: web}]}]}\n";

static const char *POD =
    "---\napiVersion: v1\nkind: Pod\n"
    "metadata: {name: web-%d, namespace: default, labels: {app: nginx}%s}\n"
    "spec: {hostname: web-%d, subdomain: %s, containers: [{name: nginx, image: x}]}\n"
    "status: {phase: Running, podIP: %s, conditions: [{type: Ready, status: \"%s\"}]}\n";

static sts_object_list *load_text(const char *text)
{
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    if (sts_load(&l, reg, "yaml", text, strlen(text), NULL, &err))
        ck_abort_msg("load failed: %s", sts_error_message(err));
    return l;
}

static sts_dns_records *compute(sts_object_list *l)
{
    sts_dns_records *r = NULL;
    for (size_t i = 0; i < sts_object_list_count(l); i++)
        if (sts_object_kind(sts_object_list_at(l, i)) == STS_KIND_STATEFULSET)
            ck_assert_int_eq(sts_dns_compute(&r, sts_object_list_at(l, i), l, NULL, NULL, NULL), 0);
    ck_assert_ptr_nonnull(r);
    return r;
}

/* "TYPE name data" lines, for compact comparison. */
static char *render(const sts_dns_records *r)
{
    sts_buf b = STS_BUF_INIT;
    for (size_t i = 0; i < sts_dns_records_count(r); i++) {
        const char *line[] = {sts_dns_type_name(sts_dns_record_type(r, i)), " ",
                              sts_dns_record_name(r, i), " ", sts_dns_record_data(r, i), "\n"};
        for (size_t k = 0; k < 6; k++)
            sts_buf_append(&b, line[k], strlen(line[k]));
    }
    sts_buf_append(&b, "", 0);
    return sts_buf_detach(&b);
}

static int has_problem(const sts_dns_records *r, const char *needle)
{
    for (const sts_error *e = sts_dns_records_problems(r); e; e = sts_error_next(e))
        if (strstr(sts_error_message(e), needle))
            return 1;
    return 0;
}

static char *with_pods(const char *svc_extra, int ready1, const char *subdomain0)
{
    static char text[4096];
    char p0[700], p1[700];
    snprintf(text, sizeof text, WEB, svc_extra, 2);
    snprintf(p0, sizeof p0, POD, 0, "", 0, subdomain0, "10.0.0.10", "True");
    snprintf(p1, sizeof p1, POD, 1, "", 1, "nginx", "10.0.0.11", ready1 ? "True" : "False");
    strcat(text, p0);
    strcat(text, p1);
    return text;
}

START_TEST(s74_records_for_ready_pods)
{
    sts_object_list *l = load_text(with_pods("", 1, "nginx"));
    sts_dns_records *r = compute(l);
    char *got = render(r);
    ck_assert_str_eq(got,
                     "A nginx.default.svc.cluster.local. 10.0.0.10\n"
                     "A nginx.default.svc.cluster.local. 10.0.0.11\n"
                     "A web-0.nginx.default.svc.cluster.local. 10.0.0.10\n"
                     "A web-1.nginx.default.svc.cluster.local. 10.0.0.11\n"
                     "SRV _web._tcp.nginx.default.svc.cluster.local. 0 50 80 "
                     "web-0.nginx.default.svc.cluster.local.\n"
                     "SRV _web._tcp.nginx.default.svc.cluster.local. 0 50 80 "
                     "web-1.nginx.default.svc.cluster.local.\n"
                     "PTR 10.0.0.10.in-addr.arpa. web-0.nginx.default.svc.cluster.local.\n"
                     "PTR 11.0.0.10.in-addr.arpa. web-1.nginx.default.svc.cluster.local.\n");
    ck_assert_uint_eq(sts_dns_record_ttl(r, 0), 5);
    ck_assert_str_eq(sts_dns_service_fqdn(r), "nginx.default.svc.cluster.local");
    ck_assert_ptr_null(sts_dns_records_problems(r));
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(s75_unready_pod_and_publish_not_ready)
{
    sts_object_list *l = load_text(with_pods("", 0, "nginx"));
    sts_dns_records *r = compute(l);
    char *got = render(r);
    ck_assert_ptr_null(strstr(got, "web-1.nginx"));
    ck_assert_ptr_null(strstr(got, "10.0.0.11"));
    ck_assert_ptr_nonnull(strstr(got, "SRV _web._tcp.nginx.default.svc.cluster.local. 0 100 80 "
                                      "web-0.nginx.default.svc.cluster.local.\n"));
    ck_assert(has_problem(r, "pod web-1 is not ready"));
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);

    l = load_text(with_pods("  publishNotReadyAddresses: true\n", 0, "nginx"));
    r = compute(l);
    got = render(r);
    ck_assert_ptr_nonnull(strstr(got, "A web-1.nginx.default.svc.cluster.local. 10.0.0.11\n"));
    ck_assert_ptr_null(sts_dns_records_problems(r));
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(s76_hostname_only_when_subdomain_matches)
{
    sts_object_list *l = load_text(with_pods("", 1, "other"));
    sts_dns_records *r = compute(l);
    char *got = render(r);
    ck_assert_ptr_null(strstr(got, "web-0.nginx"));
    ck_assert_ptr_nonnull(strstr(got, "A 10-0-0-10.nginx.default.svc.cluster.local. 10.0.0.10\n"));
    ck_assert(has_problem(r, "has subdomain \"other\", not nginx"));
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(s77_unnamed_ports_get_no_srv)
{
    char text[4096];
    snprintf(text, sizeof text, WEB, "", 1);
    char *p = strstr(text, ", name: web}");
    memmove(p, p + 11, strlen(p + 11) + 1); /* drop the port's name */
    sts_object_list *l = load_text(text);
    sts_dns_records *r = compute(l);
    for (size_t i = 0; i < sts_dns_records_count(r); i++)
        ck_assert_int_ne(sts_dns_record_type(r, i), STS_DNS_SRV);
    ck_assert(has_problem(r, "port 80 of Service nginx has no name: it gets no SRV records"));
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(tutorial_prediction_without_pods)
{
    char text[4096];
    snprintf(text, sizeof text, WEB, "", 3);
    sts_object_list *l = load_text(text);
    sts_dns_records *r = compute(l);
    size_t a = 0, srv = 0, ptr = 0;
    for (size_t i = 0; i < sts_dns_records_count(r); i++) {
        sts_dns_type t = sts_dns_record_type(r, i);
        ck_assert_str_eq(sts_dns_record_data(r, i)[0] && t != STS_DNS_SRV ? "address" : "",
                         ""); /* no addresses without pods */
        a += t == STS_DNS_A;
        srv += t == STS_DNS_SRV;
        ptr += t == STS_DNS_PTR;
    }
    ck_assert_uint_eq(a, 6);
    ck_assert_uint_eq(srv, 3);
    ck_assert_uint_eq(ptr, 0);
    ck_assert_str_eq(sts_dns_record_name(r, 3), "web-0.nginx.default.svc.cluster.local.");
    ck_assert_str_eq(sts_dns_record_name(r, 6), "_web._tcp.nginx.default.svc.cluster.local.");
    ck_assert_str_eq(sts_dns_record_data(r, 8), "0 33 80 web-2.nginx.default.svc.cluster.local.");
    sts_buf zone = STS_BUF_INIT;
    ck_assert_int_eq(sts_dns_records_zone(&zone, r, NULL), 0);
    ck_assert_ptr_nonnull(strstr(zone.data, "$ORIGIN nginx.default.svc.cluster.local.\n$TTL 5\n"));
    ck_assert_ptr_nonnull(strstr(zone.data, "_web._tcp.nginx.default.svc.cluster.local. 5 IN SRV "
                                            "0 33 80 web-1.nginx.default.svc.cluster.local.\n"));
    sts_buf_dispose(&zone);
    /* the zone format is a registered, encode-only serializer */
    const sts_node *roots[2] = {sts_object_root(sts_object_list_at(l, 0)),
                                sts_object_root(sts_object_list_at(l, 1))};
    ck_assert_int_eq(sts_encode(&zone, reg, "zone", roots, 2, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(zone.data, "; StatefulSet default/web, Service default/nginx "
                                            "(headless)\n"));
    sts_buf_dispose(&zone);
    sts_doclist *dl;
    sts_doclist_new(&dl);
    ck_assert_int_eq(sts_decode(dl, reg, "zone", "x", 1, NULL, NULL), STS_EUNSUPPORTED);
    sts_doclist_free(dl);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(explains_missing_dns)
{
    sts_object_list *l = load_text(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec: {serviceName: nginx}\n");
    sts_dns_records *r = compute(l);
    ck_assert_uint_eq(sts_dns_records_count(r), 0);
    ck_assert(has_problem(r, "no Service named nginx in namespace default in the input"));
    sts_dns_records_free(r);
    sts_object_list_free(l);

    l = load_text("apiVersion: v1\nkind: Service\nmetadata: {name: nginx, namespace: other}\n"
                  "spec: {clusterIP: None, selector: {app: x}}\n---\n"
                  "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
                  "spec: {serviceName: nginx}\n");
    r = compute(l);
    ck_assert(has_problem(r, "Service nginx is in namespace other, but the StatefulSet's pods "
                             "are in default"));
    sts_dns_records_free(r);
    sts_object_list_free(l);

    l = load_text("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
                  "spec: {serviceName: 1svc}\n");
    r = compute(l);
    ck_assert(has_problem(r, "no Service can be named \"1svc\""));
    sts_dns_records_free(r);
    sts_object_list_free(l);

    l = load_text("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec: {}\n");
    r = compute(l);
    ck_assert(has_problem(r, "spec.serviceName is empty"));
    ck_assert_str_eq(sts_dns_service_fqdn(r), "");
    sts_dns_records_free(r);
    sts_object_list_free(l);

    /* not headless, and a selector that misses the template labels */
    l = load_text("apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\n"
                  "spec: {clusterIP: 10.96.0.12, selector: {app: other}, ports: [{name: web, port: 8080}]}\n"
                  "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
                  "spec: {serviceName: nginx, template: {metadata: {labels: {app: nginx}}}}\n");
    r = compute(l);
    ck_assert(has_problem(r, "Service nginx is not headless (clusterIP 10.96.0.12)"));
    ck_assert(has_problem(r, "does not select the pod template's labels"));
    char *got = render(r);
    ck_assert_str_eq(got, "A nginx.default.svc.cluster.local. 10.96.0.12\n"
                          "SRV _web._tcp.nginx.default.svc.cluster.local. 0 100 8080 "
                          "nginx.default.svc.cluster.local.\n"
                          "PTR 12.0.96.10.in-addr.arpa. nginx.default.svc.cluster.local.\n");
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

START_TEST(ipv6_and_named_target_port)
{
    char text[4096];
    snprintf(text, sizeof text, WEB, "", 1);
    const char *from = "[{port: 80, name: web}]";
    const char *to = "[{port: 81, name: web, targetPort: web}]";
    char *p = strstr(text, from);
    memmove(p + strlen(to), p + strlen(from), strlen(p + strlen(from)) + 1);
    memcpy(p, to, strlen(to));
    strcat(text, "---\napiVersion: v1\nkind: Pod\n"
                 "metadata: {name: web-0, labels: {app: nginx}}\n"
                 "spec: {hostname: web-0, subdomain: nginx, containers: [{name: main, image: x, "
                 "ports: [{name: web, containerPort: 8080}]}]}\n"
                 "status: {phase: Running, podIPs: [{ip: 'fd00::1:5'}], "
                 "conditions: [{type: Ready, status: 'True'}]}\n");
    sts_object_list *l = load_text(text);
    sts_dns_records *r = compute(l);
    char *got = render(r);
    ck_assert_ptr_nonnull(strstr(got, "AAAA web-0.nginx.default.svc.cluster.local. fd00::1:5\n"));
    ck_assert_ptr_nonnull(strstr(got, "SRV _web._tcp.nginx.default.svc.cluster.local. 0 100 8080 "
                                      "web-0.nginx.default.svc.cluster.local.\n"));
    ck_assert_ptr_nonnull(strstr(got, "PTR 5.0.0.0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"
                                      ".0.0.d.f.ip6.arpa. web-0.nginx.default.svc.cluster.local.\n"));
    free(got);
    sts_dns_records_free(r);
    sts_object_list_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dns");
    TCase *tc = tcase_create("dns");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, s74_records_for_ready_pods);
    tcase_add_test(tc, s75_unready_pod_and_publish_not_ready);
    tcase_add_test(tc, s76_hostname_only_when_subdomain_matches);
    tcase_add_test(tc, s77_unnamed_ports_get_no_srv);
    tcase_add_test(tc, tutorial_prediction_without_pods);
    tcase_add_test(tc, explains_missing_dns);
    tcase_add_test(tc, ipv6_and_named_target_port);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
