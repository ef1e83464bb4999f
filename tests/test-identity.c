/* Ordinal identity: names, parsing, membership, rendered pods and claims,
 * naming limits and collisions. Expected values: statefulset-spec.md §2 and
 * test-scenarios.md S01-S12 (upstream stateful_set_utils_test.go). */
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

static sts_object_list *load(const char *yaml)
{
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    int rc = sts_load(&l, reg, "yaml", yaml, strlen(yaml), NULL, &err);
    if (rc)
        ck_abort_msg("load failed: %s", sts_error_message(err));
    return l;
}

/* newStatefulSet(3) of the upstream unit tests (test-scenarios.md). */
static const char *FOO =
    "apiVersion: apps/v1\n"
    "kind: StatefulSet\n"
    "metadata: {name: foo, namespace: default, uid: test}\n"
    "spec:\n"
    "  replicas: 3\n"
    "  selector: {matchLabels: {foo: bar}}\n"
    "  serviceName: governingsvc\n"
    "  template:\n"
    "    metadata: {labels: {foo: bar}}\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: nginx\n"
    "        image: nginx\n"
    "        volumeMounts: [{name: datadir, mountPath: /tmp/zookeeper}, {name: home, mountPath: /home}]\n"
    "      volumes: [{name: home, hostPath: {path: /tmp/home}}]\n"
    "  volumeClaimTemplates:\n"
    "  - metadata: {name: datadir}\n"
    "    spec: {resources: {requests: {storage: 1}}}\n";

START_TEST(parse_pod_names_like_the_controller)
{
    static const struct {
        const char *name;
        size_t parent;
        int32_t ordinal;
    } cases[] = {
        {"foo-1", 3, 1},          {"1-bar", 0, -1},        {"my-web-app-12", 10, 12},
        {"web-3-4", 5, 4},        {"web-007", 3, 7},       {"web-", 0, -1},
        {"web", 0, -1},           {"web-2147483647", 3, 2147483647},
        {"web-2147483648", 3, -1}, {"web-99999999999", 3, -1}, {"-5", 0, 5},
        {"", 0, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t plen = 99;
        int32_t ord = 99;
        ck_assert_int_eq(sts_pod_name_parse(&plen, &ord, cases[i].name, strlen(cases[i].name)), 0);
        ck_assert_msg(plen == cases[i].parent && ord == cases[i].ordinal,
                      "%s: got (%zu, %d)", cases[i].name, plen, (int)ord);
    }
    ck_assert_int_eq(sts_pod_name_parse(NULL, NULL, "x", 1), STS_EINVAL);
}
END_TEST

START_TEST(names_with_snprintf_semantics)
{
    char buf[8];
    ck_assert_int_eq(sts_pod_name(NULL, 0, "web", 12), 6);
    ck_assert_int_eq(sts_pod_name(buf, sizeof buf, "web", 0), 5);
    ck_assert_str_eq(buf, "web-0");
    ck_assert_int_eq(sts_pod_name(buf, 4, "web", 0), 5); /* truncated, still terminated */
    ck_assert_str_eq(buf, "web");
    char c[64];
    ck_assert_int_eq(sts_claim_name(c, sizeof c, "www", "web", 2), 9);
    ck_assert_str_eq(c, "www-web-2");
    ck_assert_int_eq(sts_pod_name(buf, sizeof buf, NULL, 0), STS_EINVAL);
}
END_TEST

START_TEST(ordinal_range_and_start)
{
    sts_object_list *l = load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
                              "spec: {replicas: 3, ordinals: {start: 5}, serviceName: nginx}\n"
                              "---\n"
                              "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: z}\n"
                              "spec: {replicas: 0}\n"
                              "---\n"
                              "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\n"
                              "spec: {}\n");
    int32_t start, count;
    sts_object *web = sts_object_list_at(l, 0);
    ck_assert_int_eq(sts_statefulset_ordinals(&start, &count, web, NULL), 0);
    ck_assert_int_eq(start, 5);
    ck_assert_int_eq(count, 3);
    char name[64];
    ck_assert_int_gt(sts_statefulset_pod_name(name, sizeof name, web, start + count - 1), 0);
    ck_assert_str_eq(name, "web-7");
    ck_assert_int_gt(sts_statefulset_pod_fqdn(name, sizeof name, web, 5, NULL), 0);
    ck_assert_str_eq(name, "web-5.nginx.default.svc.cluster.local");
    sts_identity_opts o = STS_IDENTITY_OPTS_INIT;
    o.ns = "prod";
    o.cluster_domain = "example.org";
    ck_assert_int_gt(sts_statefulset_pod_fqdn(name, sizeof name, web, 6, &o), 0);
    ck_assert_str_eq(name, "web-6.nginx.prod.svc.example.org");
    /* replicas 0: an empty range */
    ck_assert_int_eq(sts_statefulset_ordinals(&start, &count, sts_object_list_at(l, 1), NULL), 0);
    ck_assert_int_eq(count, 0);
    /* absent replicas: the API default 1; no serviceName: no FQDN */
    ck_assert_int_eq(sts_statefulset_ordinals(&start, &count, sts_object_list_at(l, 2), NULL), 0);
    ck_assert_int_eq(start, 0);
    ck_assert_int_eq(count, 1);
    ck_assert_int_eq(sts_statefulset_pod_fqdn(name, sizeof name, sts_object_list_at(l, 2), 0, NULL),
                     STS_ENOTFOUND);
    sts_object_list_free(l);
}
END_TEST

static const char *str(const sts_object *o, const char *path)
{
    const char *s = NULL;
    sts_error *err = NULL;
    if (sts_object_get_string(&s, NULL, o, path, &err))
        ck_abort_msg("%s: missing (%s)", path, err ? sts_error_message(err) : "absent");
    return s;
}

START_TEST(rendered_pod_matches_new_stateful_set_pod)
{
    sts_object_list *l = load(FOO);
    sts_object *set = sts_object_list_at(l, 0), *pod;
    sts_identity_opts o = STS_IDENTITY_OPTS_INIT;
    o.revision = "foo-6cdf689c4c";
    ck_assert_int_eq(sts_statefulset_render_pod(&pod, set, 0, &o, NULL), 0);
    ck_assert_int_eq(sts_object_kind(pod), STS_KIND_POD);
    ck_assert_str_eq(sts_object_name(pod), "foo-0");
    ck_assert_str_eq(sts_object_namespace(pod), "default");
    ck_assert_str_eq(str(pod, "metadata.labels.foo"), "bar");
    ck_assert_str_eq(str(pod, "metadata.labels[\"statefulset.kubernetes.io/pod-name\"]"), "foo-0");
    ck_assert_str_eq(str(pod, "metadata.labels[\"apps.kubernetes.io/pod-index\"]"), "0");
    ck_assert_str_eq(str(pod, "metadata.labels[\"controller-revision-hash\"]"), "foo-6cdf689c4c");
    ck_assert_str_eq(str(pod, "metadata.ownerReferences[0].apiVersion"), "apps/v1");
    ck_assert_str_eq(str(pod, "metadata.ownerReferences[0].kind"), "StatefulSet");
    ck_assert_str_eq(str(pod, "metadata.ownerReferences[0].name"), "foo");
    ck_assert_str_eq(str(pod, "metadata.ownerReferences[0].uid"), "test");
    int b = 0;
    ck_assert_int_eq(sts_object_get_bool(&b, pod, "metadata.ownerReferences[0].controller", NULL), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(sts_object_get_bool(&b, pod, "metadata.ownerReferences[0].blockOwnerDeletion",
                                         NULL), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_str_eq(str(pod, "spec.hostname"), "foo-0");
    ck_assert_str_eq(str(pod, "spec.subdomain"), "governingsvc");
    /* claim volumes first, then the template's own */
    ck_assert_str_eq(str(pod, "spec.volumes[0].name"), "datadir");
    ck_assert_str_eq(str(pod, "spec.volumes[0].persistentVolumeClaim.claimName"), "datadir-foo-0");
    ck_assert_int_eq(sts_object_get_bool(&b, pod, "spec.volumes[0].persistentVolumeClaim.readOnly",
                                         NULL), 0);
    ck_assert_int_eq(b, 0);
    ck_assert_str_eq(str(pod, "spec.volumes[1].name"), "home");
    ck_assert_str_eq(str(pod, "spec.volumes[1].hostPath.path"), "/tmp/home");
    ck_assert_str_eq(str(pod, "spec.containers[0].image"), "nginx");
    sts_node *n;
    ck_assert_int_eq(sts_object_get(&n, pod, "spec.volumes[2]", NULL), STS_ENOTFOUND);
    /* the rendered pod is a member and its pod-index label is its ordinal */
    ck_assert(sts_statefulset_is_member(set, pod));
    sts_object_free(pod);
    sts_object_list_free(l);
}
END_TEST

START_TEST(claim_volume_replaces_template_volume_of_same_name)
{
    sts_object_list *l = load(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web, namespace: prod}\n"
        "spec:\n  replicas: 2\n  ordinals: {start: 5}\n"
        "  template:\n    spec:\n      volumes: [{name: a, emptyDir: {}}, {name: www, emptyDir: {}},"
        " {name: b, configMap: {name: c}}]\n"
        "  volumeClaimTemplates: [{metadata: {name: www}}, {metadata: {name: logs}}]\n");
    sts_object *set = sts_object_list_at(l, 0), *pod;
    ck_assert_int_eq(sts_statefulset_render_pod(&pod, set, 6, NULL, NULL), 0);
    ck_assert_str_eq(str(pod, "spec.volumes[0].persistentVolumeClaim.claimName"), "www-web-6");
    ck_assert_str_eq(str(pod, "spec.volumes[1].persistentVolumeClaim.claimName"), "logs-web-6");
    ck_assert_str_eq(str(pod, "spec.volumes[2].name"), "a");
    ck_assert_str_eq(str(pod, "spec.volumes[3].name"), "b");
    ck_assert_str_eq(str(pod, "metadata.namespace"), "prod");
    ck_assert_str_eq(str(pod, "metadata.labels[\"apps.kubernetes.io/pod-index\"]"), "6");
    sts_node *n;
    /* no serviceName: no subdomain; no uid: none in the owner reference */
    ck_assert_int_eq(sts_object_get(&n, pod, "spec.subdomain", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_object_get(&n, pod, "metadata.ownerReferences[0].uid", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_object_get(&n, pod, "metadata.labels[\"controller-revision-hash\"]", NULL),
                     STS_ENOTFOUND);
    sts_object_free(pod);
    ck_assert_int_eq(sts_statefulset_render_pod(&pod, set, -1, NULL, NULL), STS_ERANGE);
    sts_object_list_free(l);
}
END_TEST

/* S08: selector.matchLabels merged into the claim labels, the selector wins. */
START_TEST(claim_labels_merge_selector_wins)
{
    static const struct {
        const char *selector, *labels, *expect_key, *expect_val;
        size_t nlabels;
    } cases[] = {
        {"{}", "", NULL, NULL, 0},
        {"{matchLabels: {test: test}}", "", "test", "test", 1},
        {"{matchLabels: {name: foo}}", ", labels: {test: test}", "name", "foo", 2},
        {"{matchLabels: {test: foo}}", ", labels: {test: test}", "test", "foo", 1},
    };
    for (size_t i = 0; i < 4; i++) {
        char yaml[600];
        snprintf(yaml, sizeof yaml,
                 "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: foo, namespace: default}\n"
                 "spec:\n  replicas: 1\n  selector: %s\n"
                 "  volumeClaimTemplates: [{metadata: {name: datadir%s}, spec: {resources: "
                 "{requests: {storage: 1}}}}]\n",
                 cases[i].selector, cases[i].labels);
        sts_object_list *l = load(yaml), *claims;
        ck_assert_int_eq(sts_statefulset_render_claims(&claims, sts_object_list_at(l, 0), 0, NULL,
                                                       NULL), 0);
        ck_assert_uint_eq(sts_object_list_count(claims), 1);
        sts_object *c = sts_object_list_at(claims, 0);
        ck_assert_int_eq(sts_object_kind(c), STS_KIND_PERSISTENT_VOLUME_CLAIM);
        ck_assert_str_eq(sts_object_name(c), "datadir-foo-0");
        ck_assert_str_eq(sts_object_namespace(c), "default");
        sts_node *labels = NULL;
        int rc = sts_object_get(&labels, c, "metadata.labels", NULL);
        if (!cases[i].expect_key) {
            ck_assert_int_eq(rc, STS_ENOTFOUND);
        } else {
            ck_assert_uint_eq(sts_node_count(labels), cases[i].nlabels);
            const char *v;
            ck_assert_int_eq(sts_object_get_label(&v, NULL, c, cases[i].expect_key, NULL), 0);
            ck_assert_str_eq(v, cases[i].expect_val);
        }
        int64_t storage;
        ck_assert_int_eq(sts_object_get_int(&storage, c, "spec.resources.requests.storage", NULL), 0);
        ck_assert(storage == 1);
        sts_object_list_free(claims);
        sts_object_list_free(l);
    }
}
END_TEST

START_TEST(membership_by_parent_name)
{
    sts_object_list *l = load(FOO);
    sts_object *set = sts_object_list_at(l, 0), *pod;
    ck_assert_int_eq(sts_statefulset_render_pod(&pod, set, 1, NULL, NULL), 0);
    ck_assert(sts_statefulset_is_member(set, pod));
    sts_object_list *l2 = load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: foo2}\n");
    ck_assert(!sts_statefulset_is_member(sts_object_list_at(l2, 0), pod));
    sts_object_free(pod);
    sts_object_list_free(l2);
    sts_object_list_free(l);
}
END_TEST

static int count_problems(const char *yaml, const char *revision, sts_error **out)
{
    sts_object_list *l = load(yaml);
    sts_identity_opts o = STS_IDENTITY_OPTS_INIT;
    o.revision = revision;
    int n = sts_statefulset_check_names(out, sts_object_list_at(l, 0), &o);
    sts_object_list_free(l);
    return n;
}

/* S12: 61-character set: web-0 is 63 characters, ordinal 10 makes 64. */
START_TEST(name_length_limits)
{
    char yaml[1200], name61[62], name52[53], name53[54];
    memset(name61, 'a', 61);
    name61[61] = 0;
    memset(name52, 'b', 52);
    name52[52] = 0;
    memset(name53, 'c', 53);
    name53[53] = 0;
    sts_error *p = NULL;
    snprintf(yaml, sizeof yaml, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n"
                                "spec: {replicas: 10}\n", name61);
    ck_assert_int_eq(count_problems(yaml, "x", &p), 0); /* ordinals 0..9: 63 characters */
    snprintf(yaml, sizeof yaml, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n"
                                "spec: {replicas: 11}\n", name61);
    ck_assert_int_eq(count_problems(yaml, "x", &p), 1);
    ck_assert_str_eq(sts_error_path(p), "metadata.name");
    ck_assert_ptr_nonnull(strstr(sts_error_message(p), "-10 is 64 characters, more than 63"));
    sts_error_free(p);
    p = NULL;
    /* 52 is always safe, 53 is not without knowing the hash */
    snprintf(yaml, sizeof yaml, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n",
             name52);
    ck_assert_int_eq(count_problems(yaml, NULL, &p), 0);
    snprintf(yaml, sizeof yaml, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n",
             name53);
    ck_assert_int_eq(count_problems(yaml, NULL, &p), 1);
    ck_assert_ptr_nonnull(strstr(sts_error_message(p), "is 53 characters"));
    sts_error_free(p);
    p = NULL;
    /* with the revision known, the exact length decides: 53 + 1 + 7 = 61 fits, +10 = 64 not */
    char rev[80];
    snprintf(rev, sizeof rev, "%s-59b8f57", name53);
    ck_assert_int_eq(count_problems(yaml, rev, &p), 0);
    snprintf(rev, sizeof rev, "%s-6cdf689c4c", name53);
    ck_assert_int_eq(count_problems(yaml, rev, &p), 1);
    ck_assert_ptr_nonnull(strstr(sts_error_message(p), "is 64 characters, more than 63"));
    sts_error_free(p);
}
END_TEST

/* S11: set x-y with template data and set y with template data-x share data-x-y-0. */
START_TEST(claim_name_collisions)
{
    sts_object_list *l = load(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x-y}\n"
        "spec: {replicas: 1, volumeClaimTemplates: [{metadata: {name: data}}]}\n---\n"
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\"}\n"
        "spec: {replicas: 2, volumeClaimTemplates: [{metadata: {name: data-x}}]}\n---\n"
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\", namespace: other}\n"
        "spec: {replicas: 2, volumeClaimTemplates: [{metadata: {name: data-x}}]}\n");
    sts_error *p = NULL;
    ck_assert_int_eq(sts_check_claim_collisions(&p, l), 1);
    ck_assert_ptr_nonnull(strstr(sts_error_message(p), "PersistentVolumeClaim data-x-y-0 in "
                                                       "namespace default would be shared"));
    sts_error_free(p);
    sts_object_list_free(l);
    /* disjoint ordinals: same prefix but no shared claim */
    l = load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x-y}\n"
             "spec: {replicas: 1, volumeClaimTemplates: [{metadata: {name: data}}]}\n---\n"
             "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\"}\n"
             "spec: {replicas: 1, ordinals: {start: 3}, "
             "volumeClaimTemplates: [{metadata: {name: data-x}}]}\n");
    p = NULL;
    ck_assert_int_eq(sts_check_claim_collisions(&p, l), 0);
    ck_assert_ptr_null(p);
    sts_object_list_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("identity");
    TCase *tc = tcase_create("identity");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, parse_pod_names_like_the_controller);
    tcase_add_test(tc, names_with_snprintf_semantics);
    tcase_add_test(tc, ordinal_range_and_start);
    tcase_add_test(tc, rendered_pod_matches_new_stateful_set_pod);
    tcase_add_test(tc, claim_volume_replaces_template_volume_of_same_name);
    tcase_add_test(tc, claim_labels_merge_selector_wins);
    tcase_add_test(tc, membership_by_parent_name);
    tcase_add_test(tc, name_length_limits);
    tcase_add_test(tc, claim_name_collisions);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
