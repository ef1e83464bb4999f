/* Typed views: kinds, getters (absent vs zero vs wrong type), setters that
 * write through in place, objects built from scratch, lists, load/dump.
 * Expected values come from the fixtures (the kubernetes.io tutorial, a
 * live-object dump shape) and from Kubernetes' rules, not from the code. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

static sts_registry *reg;
static void setup(void) { ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0); }
static void teardown(void) { sts_registry_free(reg); }

/* NULL when the YAML decoder is not there yet (then the test is moot). */
static sts_object_list *load_text(const char *yaml)
{
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = sts_load(&list, reg, "yaml", yaml, strlen(yaml), NULL, &err);
    if (rc == STS_EUNSUPPORTED) {
        sts_error_free(err);
        return NULL;
    }
    ck_assert_msg(rc == 0, "load: %s (%s)", sts_error_message(err), sts_error_path(err));
    return list;
}

static sts_object_list *load_file(const char *name)
{
    char *text = tu_read_file(tu_data(name), NULL);
    sts_object_list *l = load_text(text);
    free(text);
    return l;
}

#define STR_IS(call, expected)                                   \
    do {                                                         \
        const char *s_ = NULL;                                   \
        size_t n_ = 0;                                           \
        ck_assert_int_eq(call(&s_, &n_, o, NULL), 0);            \
        ck_assert_str_eq(s_, expected);                          \
        ck_assert_uint_eq(n_, strlen(expected));                 \
    } while (0)

#define I32_IS(call, expected)                                   \
    do {                                                         \
        int32_t v_ = -12345;                                     \
        ck_assert_int_eq(call(&v_, o, NULL), 0);                 \
        ck_assert_int_eq(v_, expected);                          \
    } while (0)

START_TEST(tutorial_objects)
{
    sts_object_list *l = load_file("models/nginx-tutorial.yaml");
    if (!l)
        return;
    ck_assert_uint_eq(sts_object_list_count(l), 2);
    sts_object *o = sts_object_list_at(l, 0);
    ck_assert_int_eq(sts_object_kind(o), STS_KIND_SERVICE);
    ck_assert_str_eq(sts_object_name(o), "nginx");
    ck_assert_str_eq(sts_object_namespace(o), ""); /* absent */
    ck_assert_str_eq(sts_object_kind_string(o), "Service");
    ck_assert_str_eq(sts_object_api_version(o), "v1");
    ck_assert_int_eq(sts_service_is_headless(o), 1);
    STR_IS(sts_service_get_cluster_ip, "None");
    ck_assert_uint_eq(sts_service_port_count(o), 1);
    const char *s;
    size_t n;
    int32_t port, num;
    int is_name = -1;
    ck_assert_int_eq(sts_service_port_get_name(&s, &n, o, 0, NULL), 0);
    ck_assert_str_eq(s, "web");
    ck_assert_int_eq(sts_service_port_get_port(&port, o, 0, NULL), 0);
    ck_assert_int_eq(port, 80);
    ck_assert_int_eq(sts_service_port_get_target_port(&num, &s, &n, &is_name, o, 0, NULL),
                     STS_ENOTFOUND);
    ck_assert_int_eq(sts_service_port_get_protocol(&s, &n, o, 0, NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_service_port_get_port(&port, o, 1, NULL), STS_ENOTFOUND);
    int b = -1;
    ck_assert_int_eq(sts_service_get_publish_not_ready_addresses(&b, o, NULL), STS_ENOTFOUND);
    sts_node *sel;
    ck_assert_int_eq(sts_service_get_selector(&sel, o, NULL), 0);
    ck_assert_uint_eq(sts_node_count(sel), 1);
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "app", NULL), 0);
    ck_assert_str_eq(s, "nginx");
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "tier", NULL), STS_ENOTFOUND);

    o = sts_object_list_at(l, 1);
    ck_assert_int_eq(sts_object_kind(o), STS_KIND_STATEFULSET);
    ck_assert_str_eq(sts_object_name(o), "web");
    I32_IS(sts_statefulset_get_replicas, 3);
    I32_IS(sts_statefulset_get_min_ready_seconds, 10);
    STR_IS(sts_statefulset_get_service_name, "nginx");
    /* absent fields: STS_ENOTFOUND and no error object */
    sts_error *err = NULL;
    int32_t v = 77;
    ck_assert_int_eq(sts_statefulset_get_partition(&v, o, &err), STS_ENOTFOUND);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(v, 77);
    ck_assert_int_eq(sts_statefulset_get_status_replicas(&v, o, &err), STS_ENOTFOUND);
    ck_assert_int_eq(sts_statefulset_get_pod_management_policy(&s, &n, o, &err), STS_ENOTFOUND);
    int pct;
    ck_assert_int_eq(sts_statefulset_get_max_unavailable(&v, &pct, o, &err), STS_ENOTFOUND);
    ck_assert_ptr_null(err);
    /* claim templates */
    ck_assert_uint_eq(sts_statefulset_claim_template_count(o), 1);
    ck_assert_ptr_nonnull(sts_statefulset_claim_template_at(o, 0));
    ck_assert_ptr_null(sts_statefulset_claim_template_at(o, 1));
    ck_assert_int_eq(sts_statefulset_claim_template_get_name(&s, &n, o, 0, NULL), 0);
    ck_assert_str_eq(s, "www");
    ck_assert_int_eq(sts_statefulset_claim_template_get_storage_class_name(&s, &n, o, 0, NULL), 0);
    ck_assert_str_eq(s, "my-storage-class");
    ck_assert_int_eq(sts_statefulset_claim_template_get_volume_mode(&s, &n, o, 0, NULL),
                     STS_ENOTFOUND);
    ck_assert_uint_eq(sts_statefulset_claim_template_access_mode_count(o, 0), 1);
    ck_assert_int_eq(sts_statefulset_claim_template_get_access_mode(&s, &n, o, 0, 0, NULL), 0);
    ck_assert_str_eq(s, "ReadWriteOnce");
    char q[8];
    size_t qlen = 0;
    ck_assert_int_eq(sts_statefulset_claim_template_get_storage(q, sizeof q, &qlen, o, 0, NULL), 0);
    ck_assert_str_eq(q, "1Gi");
    ck_assert_uint_eq(qlen, 3);
    ck_assert_int_eq(sts_statefulset_claim_template_get_storage(q, 3, &qlen, o, 0, NULL), 0);
    ck_assert_str_eq(q, "1G"); /* snprintf semantics: truncated, terminated, full length */
    ck_assert_uint_eq(qlen, 3);
    ck_assert_int_eq(sts_statefulset_claim_template_get_storage(NULL, 0, &qlen, o, 0, NULL), 0);
    ck_assert_uint_eq(qlen, 3);
    /* pod template: containers and their fields */
    ck_assert_uint_eq(sts_object_container_count(o), 1);
    ck_assert_uint_eq(sts_object_init_container_count(o), 0);
    ck_assert_uint_eq(sts_object_volume_count(o), 0);
    sts_node *c = sts_object_container_at(o, 0);
    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_null(sts_object_container_at(o, 1));
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, c, "image", NULL), 0);
    ck_assert_str_eq(s, "registry.k8s.io/nginx-slim:0.24");
    ck_assert_int_eq(sts_object_get_int32_at(&v, o, c, "ports[0].containerPort", NULL), 0);
    ck_assert_int_eq(v, 80);
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, c, "volumeMounts[0].mountPath", NULL), 0);
    ck_assert_str_eq(s, "/usr/share/nginx/html");
    sts_node *spec, *tmpl;
    ck_assert_int_eq(sts_object_get_pod_spec(&spec, o, NULL), 0);
    ck_assert_int_eq(sts_statefulset_get_template(&tmpl, o, NULL), 0);
    ck_assert_ptr_eq(sts_node_map_get(tmpl, "spec", 4), spec);
    int64_t i64;
    ck_assert_int_eq(sts_object_get_int_at(&i64, o, spec, "terminationGracePeriodSeconds", NULL), 0);
    ck_assert_int_eq(i64, 10);
    /* kind-specific functions on the wrong kind */
    err = NULL;
    ck_assert_int_eq(sts_service_get_cluster_ip(&s, &n, o, &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(err), "sts_service_get_cluster_ip: the object is a "
                                             "StatefulSet (apps/v1), not a Service (v1)");
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_statefulset_get_replicas(&v, sts_object_list_at(l, 0), &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(err), "sts_statefulset_get_replicas: the object is a "
                                             "Service (v1), not a StatefulSet (apps/v1)");
    sts_error_free(err);
    ck_assert_int_eq(sts_pod_get_phase(&s, &n, o, NULL), STS_EINVAL);
    ck_assert_int_eq(sts_service_is_headless(o), 0);
    ck_assert_uint_eq(sts_service_port_count(o), 0);
    ck_assert_int_eq(sts_pod_is_ready(o), 0);
    ck_assert_uint_eq(sts_statefulset_claim_template_count(sts_object_list_at(l, 0)), 0);
    sts_object_list_free(l);
}
END_TEST

START_TEST(live_dump)
{
    sts_object_list *l = load_file("models/web-live.yaml");
    if (!l)
        return;
    sts_object *o = sts_object_list_at(l, 0);
    ck_assert_str_eq(sts_object_namespace(o), "default");
    const char *s;
    size_t n;
    ck_assert_int_eq(sts_object_get_string(&s, &n, o, "metadata.uid", NULL), 0);
    ck_assert_str_eq(s, "9e7a1f4c-2b1d-4c3e-8f55-0a1b2c3d4e5f");
    int64_t gen;
    ck_assert_int_eq(sts_object_get_int(&gen, o, "metadata.generation", NULL), 0);
    ck_assert_int_eq(gen, 1);
    ck_assert_int_eq(sts_object_get_annotation(&s, &n, o,
                                               "kubectl.kubernetes.io/last-applied-configuration",
                                               NULL), 0);
    ck_assert_uint_eq(n, 111); /* the JSON line plus the literal block's newline */
    ck_assert_int_eq(s[n - 1], '\n');
    /* spec, every field */
    I32_IS(sts_statefulset_get_replicas, 3);
    I32_IS(sts_statefulset_get_partition, 0); /* zero is a value, not absence */
    I32_IS(sts_statefulset_get_ordinals_start, 0);
    I32_IS(sts_statefulset_get_revision_history_limit, 10);
    I32_IS(sts_statefulset_get_min_ready_seconds, 10);
    STR_IS(sts_statefulset_get_pod_management_policy, "OrderedReady");
    STR_IS(sts_statefulset_get_update_strategy_type, "RollingUpdate");
    STR_IS(sts_statefulset_get_pvc_when_deleted, "Retain");
    STR_IS(sts_statefulset_get_pvc_when_scaled, "Retain");
    sts_node *sel;
    ck_assert_int_eq(sts_statefulset_get_selector(&sel, o, NULL), 0);
    ck_assert_ptr_nonnull(sts_node_map_get(sel, "matchLabels", 11));
    ck_assert_int_eq(sts_statefulset_claim_template_get_volume_mode(&s, &n, o, 0, NULL), 0);
    ck_assert_str_eq(s, "Filesystem");
    /* creationTimestamp: null in the template is absent */
    ck_assert_int_eq(sts_object_get_string(&s, &n, o, "spec.template.metadata.creationTimestamp",
                                           NULL), STS_ENOTFOUND);
    /* status, every field */
    I32_IS(sts_statefulset_get_status_replicas, 3);
    I32_IS(sts_statefulset_get_ready_replicas, 3);
    I32_IS(sts_statefulset_get_current_replicas, 3);
    I32_IS(sts_statefulset_get_updated_replicas, 3);
    I32_IS(sts_statefulset_get_available_replicas, 3);
    I32_IS(sts_statefulset_get_collision_count, 0);
    STR_IS(sts_statefulset_get_current_revision, "web-7b5c5b7d9f");
    STR_IS(sts_statefulset_get_update_revision, "web-7b5c5b7d9f");
    int64_t og;
    ck_assert_int_eq(sts_statefulset_get_observed_generation(&og, o, NULL), 0);
    ck_assert_int_eq(og, 1);
    sts_object_list_free(l);
}
END_TEST

START_TEST(pod_fields)
{
    sts_object_list *l = load_file("models/pod-web-0.yaml");
    if (!l)
        return;
    sts_object *o = sts_object_list_at(l, 0);
    ck_assert_int_eq(sts_object_kind(o), STS_KIND_POD);
    STR_IS(sts_pod_get_phase, "Running");
    STR_IS(sts_pod_get_hostname, "web-0");
    STR_IS(sts_pod_get_subdomain, "nginx");
    STR_IS(sts_pod_get_deletion_timestamp, "2025-03-01T11:00:00Z");
    ck_assert_int_eq(sts_pod_is_ready(o), 1);
    ck_assert_uint_eq(sts_pod_condition_count(o), 3);
    const char *s;
    size_t n;
    ck_assert_int_eq(sts_pod_get_condition_status(&s, &n, o, "ContainersReady", NULL), 0);
    ck_assert_str_eq(s, "False");
    ck_assert_int_eq(sts_pod_get_condition_status(&s, &n, o, "Initialized", NULL), STS_ENOTFOUND);
    ck_assert_ptr_nonnull(sts_pod_condition_at(o, 2));
    ck_assert_ptr_null(sts_pod_condition_at(o, 3));
    ck_assert_uint_eq(sts_object_owner_reference_count(o), 1);
    sts_node *ref = sts_object_owner_reference_at(o, 0);
    int ctl = 0;
    ck_assert_int_eq(sts_object_get_bool_at(&ctl, o, ref, "controller", NULL), 0);
    ck_assert_int_eq(ctl, 1);
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, ref, "kind", NULL), 0);
    ck_assert_str_eq(s, "StatefulSet");
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "apps.kubernetes.io/pod-index", NULL), 0);
    ck_assert_str_eq(s, "0");
    ck_assert_uint_eq(sts_object_volume_count(o), 1);
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, sts_object_volume_at(o, 0),
                                              "persistentVolumeClaim.claimName", NULL), 0);
    ck_assert_str_eq(s, "www-web-0");
    ck_assert_uint_eq(sts_object_container_count(o), 1);
    sts_object_list_free(l);
}
END_TEST

/* One document wrapped without the type check (sts_load would refuse it). */
static sts_object *wrap_text(const char *yaml)
{
    sts_doclist *dl;
    sts_object *o = NULL;
    ck_assert_int_eq(sts_doclist_new(&dl), 0);
    int rc = sts_decode(dl, reg, "yaml", yaml, strlen(yaml), NULL, NULL);
    if (rc == STS_EUNSUPPORTED) {
        sts_doclist_free(dl);
        return NULL;
    }
    ck_assert_int_eq(rc, 0);
    sts_doc *d;
    ck_assert_int_eq(sts_doclist_steal(&d, dl, 0), 0);
    ck_assert_int_eq(sts_object_take_doc(&o, d, NULL), 0);
    sts_doclist_free(dl);
    return o;
}

static void assert_err(sts_error *err, int code, const char *path, const char *msg,
                       uint32_t line, uint32_t col)
{
    ck_assert_ptr_nonnull(err);
    ck_assert_int_eq(sts_error_code(err), code);
    ck_assert_str_eq(sts_error_path(err), path);
    ck_assert_str_eq(sts_error_message(err), msg);
    ck_assert_uint_eq(sts_error_line(err), line);
    ck_assert_uint_eq(sts_error_column(err), col);
    ck_assert_uint_eq(sts_error_count(err), 1);
    sts_error_free(err);
}

/* Wrong types through getters: STS_ETYPE / STS_ERANGE with the full path and
 * position, also for relative getters (the base's path is prepended). */
START_TEST(getter_type_errors)
{
    sts_object *o = wrap_text(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n  labels: [a]\n"
        "spec:\n  replicas: \"three\"\n  serviceName: 5\n"
        "  updateStrategy:\n    rollingUpdate: 7\n"
        "  template:\n    spec:\n      containers:\n      - name: a\n      - name: b\n"
        "        image: [x]\n        ports:\n        - containerPort: 3000000000\n"
        "  volumeClaimTemplates:\n  - spec:\n      resources:\n        requests:\n"
        "          storage: false\n");
    if (!o)
        return;
    sts_error *err = NULL;
    int32_t v;
    const char *s;
    size_t n;
    ck_assert_int_eq(sts_statefulset_get_replicas(&v, o, &err), STS_ETYPE);
    assert_err(err, STS_ETYPE, "spec.replicas", "expected an integer (int32), found string \"three\"",
               7, 13);
    err = NULL;
    ck_assert_int_eq(sts_statefulset_get_service_name(&s, &n, o, &err), STS_ETYPE);
    assert_err(err, STS_ETYPE, "spec.serviceName", "expected a string, found integer 5", 8, 16);
    err = NULL; /* a step on the way has the wrong type */
    ck_assert_int_eq(sts_statefulset_get_partition(&v, o, &err), STS_ETYPE);
    assert_err(err, STS_ETYPE, "spec.updateStrategy.rollingUpdate",
               "expected a map, found integer 7", 10, 20);
    err = NULL;
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "app", &err), STS_ETYPE);
    assert_err(err, STS_ETYPE, "metadata.labels", "expected a map, found a list", 5, 11);
    err = NULL;
    sts_node *c = sts_object_container_at(o, 1);
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, c, "image", &err), STS_ETYPE);
    assert_err(err, STS_ETYPE, "spec.template.spec.containers[1].image",
               "expected a string, found a list", 16, 16);
    err = NULL;
    ck_assert_int_eq(sts_object_get_int32_at(&v, o, c, "ports[0].containerPort", &err), STS_ERANGE);
    assert_err(err, STS_ERANGE, "spec.template.spec.containers[1].ports[0].containerPort",
               "integer 3000000000 is out of range for int32 (-2147483648 to 2147483647)", 18, 26);
    err = NULL;
    char q[4];
    ck_assert_int_eq(sts_statefulset_claim_template_get_storage(q, sizeof q, &n, o, 0, &err),
                     STS_ETYPE);
    assert_err(err, STS_ETYPE, "spec.volumeClaimTemplates[0].spec.resources.requests.storage",
               "expected a quantity (a string or a number), found boolean false", 23, 20);
    /* NULL err: just the code */
    ck_assert_int_eq(sts_statefulset_get_replicas(&v, o, NULL), STS_ETYPE);
    /* a malformed path */
    err = NULL;
    ck_assert_int_eq(sts_object_get_string(&s, &n, o, "spec..x", &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(err), "malformed field path \"spec..x\"");
    sts_error_free(err);
    sts_object_free(o);
}
END_TEST

START_TEST(max_unavailable)
{
    sts_object *o;
    ck_assert_int_eq(sts_object_new(&o, STS_KIND_STATEFULSET, "web", 3, NULL), 0);
    int32_t v = 0;
    int pct = -1;
    ck_assert_int_eq(sts_statefulset_get_max_unavailable(&v, &pct, o, NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_statefulset_set_max_unavailable(o, 2, 0, NULL), 0);
    ck_assert_int_eq(sts_statefulset_get_max_unavailable(&v, &pct, o, NULL), 0);
    ck_assert_int_eq(v, 2);
    ck_assert_int_eq(pct, 0);
    ck_assert_int_eq(sts_statefulset_set_max_unavailable(o, 50, 1, NULL), 0);
    const char *s;
    size_t n;
    ck_assert_int_eq(sts_object_get_string(&s, &n, o,
                                           "spec.updateStrategy.rollingUpdate.maxUnavailable",
                                           NULL), 0);
    ck_assert_str_eq(s, "50%");
    ck_assert_int_eq(sts_statefulset_get_max_unavailable(&v, &pct, o, NULL), 0);
    ck_assert_int_eq(v, 50);
    ck_assert_int_eq(pct, 1);
    /* strings that are not "N%": intstr would fail to scale them */
    static const char *bad[] = {"abc", "5", "%", "5.5%", "x%"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sts_error *err = NULL;
        ck_assert_int_eq(sts_object_set_string(o, "spec.updateStrategy.rollingUpdate.maxUnavailable",
                                               bad[i], strlen(bad[i]), NULL), 0);
        ck_assert_int_eq(sts_statefulset_get_max_unavailable(&v, &pct, o, &err), STS_ETYPE);
        ck_assert_str_eq(sts_error_path(err), "spec.updateStrategy.rollingUpdate.maxUnavailable");
        char msg[128];
        snprintf(msg, sizeof msg,
                 "expected an integer or a percentage (\"N%%\"), found string \"%s\"", bad[i]);
        ck_assert_str_eq(sts_error_message(err), msg);
        sts_error_free(err);
    }
    sts_object_free(o);
}
END_TEST

/* Build a whole StatefulSet in code, then read it back. */
START_TEST(build_from_scratch)
{
    sts_object *o;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_object_new(&o, STS_KIND_STATEFULSET, "db", 2, NULL), 0);
    ck_assert_int_eq(sts_object_kind(o), STS_KIND_STATEFULSET);
    ck_assert_str_eq(sts_object_api_version(o), "apps/v1");
    ck_assert_str_eq(sts_object_kind_string(o), "StatefulSet");
    ck_assert_str_eq(sts_object_name(o), "db");
    ck_assert_int_eq(sts_object_set_string(o, "metadata.namespace", "prod", 4, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_replicas(o, 0, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_service_name(o, "db", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_pod_management_policy(o, "Parallel", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_update_strategy_type(o, "RollingUpdate", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(o, 1, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_revision_history_limit(o, 5, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_min_ready_seconds(o, 30, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_ordinals_start(o, 1, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_pvc_when_deleted(o, "Delete", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_pvc_when_scaled(o, "Retain", NULL), 0);
    ck_assert_int_eq(sts_object_set_string(o, "spec.selector.matchLabels.app", "db", 2, NULL), 0);
    ck_assert_int_eq(sts_object_set_label(o, "app.kubernetes.io/name", "db", NULL), 0);
    ck_assert_int_eq(sts_object_set_annotation(o, "note", "built in code", NULL), 0);
    ck_assert_int_eq(sts_object_set_string(o, "spec.template.metadata.labels.app", "db", 2, NULL), 0);
    /* sequence steps must exist: build the container list through nodes */
    sts_doc *doc = sts_object_doc(o);
    sts_node *seq, *c;
    ck_assert_int_eq(sts_doc_new_seq(&seq, doc), 0);
    ck_assert_int_eq(sts_doc_new_map(&c, doc), 0);
    ck_assert_int_eq(sts_node_seq_append(seq, c), 0);
    ck_assert_int_eq(sts_node_set_at(sts_object_root(o), "spec.template.spec.containers", 29, seq,
                                     NULL), 0);
    ck_assert_int_eq(sts_object_set_string(o, "spec.template.spec.containers[0].name", "pg", 2,
                                           NULL), 0);
    ck_assert_int_eq(sts_object_set_string(o, "spec.template.spec.containers[0].image",
                                           "postgres:17", 11, NULL), 0);
    ck_assert_int_eq(sts_object_set_bool(o, "spec.template.spec.enableServiceLinks", 0, NULL), 0);
    /* a list item that does not exist cannot be created by a path */
    ck_assert_int_eq(sts_object_set_string(o, "spec.template.spec.containers[2].name", "x", 1,
                                           &err), STS_ENOTFOUND);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.containers");
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_object_check(o, &err), 0);
    ck_assert_ptr_null(err);

    I32_IS(sts_statefulset_get_replicas, 0);
    I32_IS(sts_statefulset_get_partition, 1);
    I32_IS(sts_statefulset_get_ordinals_start, 1);
    STR_IS(sts_statefulset_get_pvc_when_deleted, "Delete");
    ck_assert_str_eq(sts_object_namespace(o), "prod");
    const char *s;
    size_t n;
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "app.kubernetes.io/name", NULL), 0);
    ck_assert_str_eq(s, "db");
    ck_assert_int_eq(sts_object_get_string(&s, &n, o,
                                           "metadata.labels[\"app.kubernetes.io/name\"]", NULL), 0);
    ck_assert_str_eq(s, "db");
    ck_assert_uint_eq(sts_object_container_count(o), 1);
    ck_assert_int_eq(sts_object_get_string_at(&s, &n, o, sts_object_container_at(o, 0), "image",
                                              NULL), 0);
    ck_assert_str_eq(s, "postgres:17");
    int b = 1;
    ck_assert_int_eq(sts_object_get_bool(&b, o, "spec.template.spec.enableServiceLinks", NULL), 0);
    ck_assert_int_eq(b, 0);
    /* keys come in the order they were set: apiVersion, kind, metadata, spec */
    sts_node *root = sts_object_root(o);
    ck_assert_uint_eq(sts_node_count(root), 4);
    ck_assert_int_eq(sts_node_map_index(root, "spec", 4), 3);
    sts_node *md = sts_node_map_get(root, "metadata", 8);
    ck_assert_int_eq(sts_node_map_index(md, "name", 4), 0);
    ck_assert_int_eq(sts_node_map_index(md, "namespace", 9), 1);
    ck_assert_int_eq(sts_node_map_index(md, "labels", 6), 2);
    ck_assert_int_eq(sts_node_map_index(md, "annotations", 11), 3);

    /* the other kinds */
    static const struct { sts_kind k; const char *api, *name; } kinds[] = {
        {STS_KIND_SERVICE, "v1", "Service"},
        {STS_KIND_POD, "v1", "Pod"},
        {STS_KIND_PERSISTENT_VOLUME_CLAIM, "v1", "PersistentVolumeClaim"},
        {STS_KIND_CONTROLLER_REVISION, "apps/v1", "ControllerRevision"},
    };
    for (size_t i = 0; i < 4; i++) {
        sts_object *x;
        ck_assert_int_eq(sts_object_new(&x, kinds[i].k, "x", 1, NULL), 0);
        ck_assert_int_eq(sts_object_kind(x), kinds[i].k);
        ck_assert_str_eq(sts_object_api_version(x), kinds[i].api);
        ck_assert_str_eq(sts_kind_name(kinds[i].k), kinds[i].name);
        sts_object_free(x);
    }
    sts_object *x = NULL;
    err = NULL;
    ck_assert_int_eq(sts_object_new(&x, STS_KIND_OTHER, "x", 1, &err), STS_EINVAL);
    ck_assert_ptr_null(x);
    ck_assert_str_eq(sts_error_message(err), "sts_object_new: kind 0 has no typed view");
    sts_error_free(err);
    ck_assert_str_eq(sts_kind_name(STS_KIND_OTHER), "");

    /* clone is independent */
    sts_object *copy;
    ck_assert_int_eq(sts_object_clone(&copy, o, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_replicas(copy, 9, NULL), 0);
    I32_IS(sts_statefulset_get_replicas, 0);
    ck_assert_str_eq(sts_object_name(copy), "db");
    sts_object_free(copy);

    /* remove */
    ck_assert_int_eq(sts_object_remove(o, "spec.ordinals.start", NULL), 0);
    ck_assert_int_eq(sts_object_remove(o, "spec.ordinals.start", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_object_set_label(o, "app.kubernetes.io/name", NULL, NULL), 0);
    ck_assert_int_eq(sts_object_get_label(&s, &n, o, "app.kubernetes.io/name", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_object_remove(o, "spec.template.spec.containers[0]", NULL), 0);
    ck_assert_uint_eq(sts_object_container_count(o), 0);
    sts_object_free(o);
}
END_TEST

/* Setters write through: key order and unknown fields survive, a quoted
 * string stays quoted, new fields go at the end of their parent map, and a
 * null parent (`rollingUpdate:` with nothing) becomes a map in place. */
START_TEST(setters_preserve_document)
{
    sts_object *o = wrap_text(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
        "spec:\n  serviceName: 'nginx'\n  replicas: 3\n  x-unknown: {keep: me}\n"
        "  updateStrategy:\n    rollingUpdate:\n    type: RollingUpdate\n");
    if (!o)
        return;
    ck_assert_int_eq(sts_statefulset_set_replicas(o, 5, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_service_name(o, "web", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(o, 2, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_min_ready_seconds(o, 4, NULL), 0);
    sts_node *spec = sts_node_map_get(sts_object_root(o), "spec", 4);
    ck_assert_int_eq(sts_node_map_index(spec, "serviceName", 11), 0);
    ck_assert_int_eq(sts_node_map_index(spec, "replicas", 8), 1);
    ck_assert_int_eq(sts_node_map_index(spec, "x-unknown", 9), 2);
    ck_assert_int_eq(sts_node_map_index(spec, "updateStrategy", 14), 3);
    ck_assert_int_eq(sts_node_map_index(spec, "minReadySeconds", 15), 4);
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(spec, "serviceName", 11)),
                     STS_STYLE_SINGLE_QUOTED);
    sts_node *us = sts_node_map_get(spec, "updateStrategy", 14);
    ck_assert_int_eq(sts_node_map_index(us, "rollingUpdate", 13), 0);
    ck_assert_int_eq(sts_node_map_index(us, "type", 4), 1);
    int32_t v;
    ck_assert_int_eq(sts_statefulset_get_partition(&v, o, NULL), 0);
    ck_assert_int_eq(v, 2);
    sts_buf out = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_object_dump(&out, reg, "yaml", o, NULL, &err);
    if (rc == STS_EUNSUPPORTED) {
        sts_error_free(err);
    } else {
        ck_assert_int_eq(rc, 0);
        ck_assert_ptr_nonnull(strstr(out.data, "serviceName: 'web'"));
        ck_assert_ptr_nonnull(strstr(out.data, "keep: me"));
        /* a wrong-typed parent is an error, not a silent overwrite */
        ck_assert_int_eq(sts_object_set_string(o, "metadata.name.first", "x", 1, &err), STS_ETYPE);
        ck_assert_str_eq(sts_error_path(err), "metadata.name");
        ck_assert_str_eq(sts_error_message(err), "expected a map, found string \"web\"");
        ck_assert_uint_eq(sts_error_line(err), 4);
        ck_assert_uint_eq(sts_error_column(err), 9);
        sts_error_free(err);
    }
    sts_buf_dispose(&out);
    sts_object_free(o);
}
END_TEST

START_TEST(kinds_and_lists)
{
    sts_object_list *l = load_text(
        "apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata: {name: old}\n---\n"
        "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: web-1}\nrevision: 2\n"
        "data: {spec: 1}\n---\n"
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: www-web-0}\n---\n"
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n---\n"
        "kind: List\napiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n");
    if (!l)
        return;
    ck_assert_uint_eq(sts_object_list_count(l), 5);
    ck_assert_int_eq(sts_object_kind(sts_object_list_at(l, 0)), STS_KIND_OTHER);
    ck_assert_str_eq(sts_object_kind_string(sts_object_list_at(l, 0)), "StatefulSet");
    ck_assert_int_eq(sts_object_kind(sts_object_list_at(l, 1)), STS_KIND_CONTROLLER_REVISION);
    ck_assert_int_eq(sts_object_kind(sts_object_list_at(l, 2)), STS_KIND_PERSISTENT_VOLUME_CLAIM);
    ck_assert_int_eq(sts_object_kind(sts_object_list_at(l, 3)), STS_KIND_OTHER);
    ck_assert_int_eq(sts_object_kind(sts_object_list_at(l, 4)), STS_KIND_POD);
    ck_assert_str_eq(sts_object_name(sts_object_list_at(l, 4)), "p");
    ck_assert_ptr_null(sts_object_list_at(l, 5));
    sts_error *err = NULL;
    int32_t v;
    ck_assert_int_eq(sts_statefulset_get_replicas(&v, sts_object_list_at(l, 0), &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(err), "sts_statefulset_get_replicas: the object is a "
                                             "StatefulSet (apps/v1beta2), not a StatefulSet (apps/v1)");
    sts_error_free(err);
    /* dump every object and load the result again */
    sts_buf out = STS_BUF_INIT;
    int rc = sts_dump(&out, reg, "yaml", l, NULL, NULL);
    if (rc != STS_EUNSUPPORTED) {
        ck_assert_int_eq(rc, 0);
        sts_object_list *again = load_text(out.data);
        ck_assert_uint_eq(sts_object_list_count(again), 5);
        for (size_t i = 0; i < 5; i++)
            ck_assert(sts_node_equal(sts_object_root(sts_object_list_at(l, i)),
                                     sts_object_root(sts_object_list_at(again, i))));
        sts_object_list_free(again);
    }
    sts_buf_dispose(&out);
    /* take: ownership passes even on failure */
    sts_object *x;
    ck_assert_int_eq(sts_object_new(&x, STS_KIND_POD, "q", 1, NULL), 0);
    ck_assert_int_eq(sts_object_list_take(l, x), 0);
    ck_assert_uint_eq(sts_object_list_count(l), 6);
    ck_assert_int_eq(sts_object_list_take(NULL, NULL), STS_EINVAL);
    sts_object_list_free(l);
    sts_object_list_free(NULL);
    sts_object_free(NULL);
}
END_TEST

START_TEST(take_doc_rules)
{
    sts_doc *d;
    sts_node *seq;
    sts_object *o = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_doc_new(&d), 0);
    ck_assert_int_eq(sts_object_take_doc(&o, d, &err), STS_ETYPE); /* no root: freed anyway */
    ck_assert_str_eq(sts_error_message(err), "expected a map (a Kubernetes object), found null");
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_doc_new(&d), 0);
    ck_assert_int_eq(sts_doc_new_seq(&seq, d), 0);
    ck_assert_int_eq(sts_doc_set_root(d, seq), 0);
    ck_assert_int_eq(sts_object_take_doc(&o, d, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_message(err), "expected a map (a Kubernetes object), found a list");
    sts_error_free(err);
    ck_assert_ptr_null(o);
    ck_assert_int_eq(sts_object_take_doc(NULL, NULL, NULL), STS_EINVAL);
    ck_assert_int_eq(sts_object_kind(NULL), STS_KIND_OTHER);
    ck_assert_str_eq(sts_object_name(NULL), "");
    ck_assert_ptr_null(sts_object_root(NULL));
}
END_TEST

/* Quantities: strings as written, numbers as in the source or as Go writes them. */
START_TEST(quantities)
{
    sts_object *o = wrap_text("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\n"
                              "spec:\n  resources:\n    requests: {storage: 1e3, cpu: 0.5}\n");
    if (!o)
        return;
    char q[16];
    size_t n;
    ck_assert_int_eq(sts_object_get_quantity_at(q, sizeof q, &n, o, NULL,
                                                "spec.resources.requests.storage", NULL), 0);
    ck_assert_str_eq(q, "1e3");
    ck_assert_int_eq(sts_object_get_quantity_at(q, sizeof q, &n, o, NULL,
                                                "spec.resources.requests.cpu", NULL), 0);
    ck_assert_str_eq(q, "0.5");
    ck_assert_int_eq(sts_object_set_int(o, "spec.resources.requests.storage", 1073741824, NULL), 0);
    ck_assert_int_eq(sts_object_get_quantity_at(q, sizeof q, &n, o, NULL,
                                                "spec.resources.requests.storage", NULL), 0);
    ck_assert_str_eq(q, "1073741824");
    ck_assert_uint_eq(n, 10);
    ck_assert_int_eq(sts_object_get_quantity_at(q, sizeof q, &n, o, NULL,
                                                "spec.resources.limits.storage", NULL), STS_ENOTFOUND);
    sts_object_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("models");
    TCase *tc = tcase_create("models");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, tutorial_objects);
    tcase_add_test(tc, live_dump);
    tcase_add_test(tc, pod_fields);
    tcase_add_test(tc, getter_type_errors);
    tcase_add_test(tc, max_unavailable);
    tcase_add_test(tc, build_from_scratch);
    tcase_add_test(tc, setters_preserve_document);
    tcase_add_test(tc, kinds_and_lists);
    tcase_add_test(tc, take_doc_rules);
    tcase_add_test(tc, quantities);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
