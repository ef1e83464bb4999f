/* Lint rules: each rule fires on the input it is about, with its ID, path and
 * position, and stays quiet on the tutorial example's correct parts. */
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

/* The tutorial's Service and StatefulSet (kubernetes.io StatefulSet basics). */
#define SERVICE                                                                           \
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  labels:\n    app: nginx\n" \
    "spec:\n  ports:\n  - port: 80\n    name: web\n  clusterIP: None\n  selector:\n"        \
    "    app: nginx\n"
#define STATEFULSET(extra_spec, extra_pod)                                                \
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"            \
    "  selector:\n    matchLabels:\n      app: nginx\n  serviceName: nginx\n"             \
    "  replicas: 3\n" extra_spec "  template:\n    metadata:\n      labels:\n"             \
    "        app: nginx\n    spec:\n" extra_pod "      containers:\n      - name: nginx\n"  \
    "        image: registry.k8s.io/nginx-slim:0.24\n        ports:\n"                    \
    "        - containerPort: 80\n          name: web\n        volumeMounts:\n"           \
    "        - name: www\n          mountPath: /usr/share/nginx/html\n"                   \
    "  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n"                \
    "      accessModes: [\"ReadWriteOnce\"]\n      resources:\n        requests:\n"        \
    "          storage: 1Gi\n"

static int lint_text(const char *text, const char *disable, const char *version, sts_error **out)
{
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    sts_decode_opts d = STS_DECODE_OPTS_INIT;
    d.flags = STS_DECODE_NO_TYPE_CHECK;
    if (sts_load(&l, reg, "yaml", text, strlen(text), &d, &err))
        ck_abort_msg("load: %s", sts_error_message(err));
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = version;
    sts_lint_opts o = STS_LINT_OPTS_INIT;
    o.api = &api;
    o.disable = disable;
    int n = sts_lint(out, l, &o);
    sts_object_list_free(l);
    return n;
}

static const sts_error *find(const sts_error *e, const char *rule)
{
    for (; e; e = sts_error_next(e))
        if (!strcmp(sts_error_rule(e), rule))
            return e;
    return NULL;
}

static char *rules_of(const sts_error *e)
{
    static char buf[512];
    buf[0] = 0;
    for (; e; e = sts_error_next(e)) {
        strcat(buf, sts_error_rule(e));
        strcat(buf, " ");
    }
    return buf;
}

START_TEST(tutorial_gets_only_advice)
{
    sts_error *f = NULL;
    int n = lint_text(SERVICE "---\n" STATEFULSET("", ""), NULL, NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS115 STS112 STS116 ");
    ck_assert_int_eq(n, 3);
    const sts_error *e = find(f, "STS115");
    ck_assert_int_eq(sts_error_severity(e), STS_SEVERITY_INFO);
    ck_assert_str_eq(sts_error_path(e), "spec.publishNotReadyAddresses");
    ck_assert_str_eq(sts_error_hint(e), "set spec.publishNotReadyAddresses: true on the headless Service");
    sts_error_free(f);
    f = NULL;
    ck_assert_int_eq(lint_text(SERVICE "---\n" STATEFULSET("", ""), "STS112, STS116,STS115", NULL, &f), 0);
    ck_assert_ptr_null(f);
    /* with a probe, anti-affinity and publishNotReadyAddresses, nothing is left */
    ck_assert_int_eq(lint_text(SERVICE "  publishNotReadyAddresses: true\n---\n"
                               STATEFULSET("", "      topologySpreadConstraints: [{maxSkew: 1, "
                                               "topologyKey: kubernetes.io/hostname, "
                                               "whenUnsatisfiable: DoNotSchedule}]\n"),
                               "STS112", NULL, &f), 0);
}
END_TEST

START_TEST(governing_service_rules)
{
    sts_error *f = NULL;
    lint_text(STATEFULSET("", ""), "STS112,STS116", NULL, &f);
    const sts_error *e = find(f, "STS101");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(sts_error_message(e), "StatefulSet default/web: no Service nginx in the input; "
                                           "without it the pods get no DNS names");
    ck_assert_str_eq(sts_error_path(e), "spec.serviceName");
    ck_assert_uint_eq(sts_error_line(e), 9);
    ck_assert_uint_eq(sts_error_column(e), 16);
    sts_error_free(f);
    f = NULL;

    lint_text("apiVersion: v1\nkind: Service\nmetadata: {name: nginx, namespace: other}\n"
              "spec: {clusterIP: None, selector: {app: nginx}}\n---\n" STATEFULSET("", ""),
              "STS112,STS116", NULL, &f);
    ck_assert_ptr_nonnull(find(f, "STS104"));
    ck_assert_ptr_null(find(f, "STS101"));
    sts_error_free(f);
    f = NULL;

    lint_text("apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\n"
              "spec: {selector: {app: other}, publishNotReadyAddresses: true}\n---\n"
              STATEFULSET("", ""), "STS112,STS116", NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS102 STS103 ");
    sts_error_free(f);
    f = NULL;

    lint_text(SERVICE "---\n" "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n"
              "spec: {replicas: 1}\n", NULL, NULL, &f);
    ck_assert_ptr_nonnull(find(f, "STS117"));
    sts_error_free(f);
}
END_TEST

START_TEST(names_and_collisions)
{
    sts_error *f = NULL;
    char text[2048];
    snprintf(text, sizeof text,
             "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n"
             "spec: {replicas: 11, serviceName: s}\n",
             "a123456789b123456789c123456789d123456789e123456789f123456789g");
    lint_text(text, "STS101,STS112,STS116", NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS105 STS106 ");
    ck_assert_ptr_nonnull(strstr(sts_error_message(find(f, "STS106")), "-10 is 64 characters"));
    sts_error_free(f);
    f = NULL;
    lint_text("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x-y}\n"
              "spec: {replicas: 1, serviceName: s, volumeClaimTemplates: [{metadata: {name: data}, "
              "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]}\n---\n"
              "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\"}\n"
              "spec: {replicas: 1, serviceName: s, volumeClaimTemplates: [{metadata: {name: data-x}, "
              "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]}\n",
              "STS101,STS112,STS116", NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS107 ");
    sts_error_free(f);
}
END_TEST

START_TEST(mounts_and_claim_templates)
{
    sts_error *f = NULL;
    lint_text(SERVICE "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
              "spec:\n  serviceName: nginx\n  replicas: 1\n"
              "  template:\n    metadata: {labels: {app: nginx}}\n    spec:\n"
              "      containers:\n      - name: c\n        image: x\n"
              "        volumeMounts: [{name: data, mountPath: /d}, {name: cache, mountPath: /c}]\n"
              "      volumes: [{name: cache, emptyDir: {}}]\n"
              "  volumeClaimTemplates:\n  - metadata: {name: dat}\n    spec: {}\n",
              "STS112,STS115", NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS108 STS109 STS110 ");
    const sts_error *e = find(f, "STS108");
    ck_assert_str_eq(sts_error_path(e), "spec.template.spec.containers[0].volumeMounts[0].name");
    ck_assert_uint_eq(sts_error_line(e), 27);
    ck_assert_uint_eq(sts_error_column(e), 31);
    ck_assert_str_eq(sts_error_path(find(f, "STS109")),
                     "spec.volumeClaimTemplates[0].spec.resources.requests.storage");
    ck_assert_str_eq(sts_error_path(find(f, "STS110")), "spec.volumeClaimTemplates[0].spec.accessModes");
    sts_error_free(f);
}
END_TEST

START_TEST(yaml11_surprises_and_wrong_types)
{
    sts_error *f = NULL;
    lint_text(SERVICE "---\n" STATEFULSET("", "") "---\n"
              "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
              "  - name: c\n    image: x\n    env: [{name: DEBUG, value: on}, {name: MODE, value: 0777}]\n"
              "    args: [\"ok\", yes]\n---\n"
              "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s2}\n"
              "spec: {replicas: \"three\", serviceName: nginx}\n",
              "STS112,STS115,STS116,STS101", NULL, &f);
    ck_assert_str_eq(rules_of(f), "STS111 STS111 STS111 STS100 STS103 ");
    const sts_error *e = find(f, "STS111");
    ck_assert_str_eq(sts_error_path(e), "spec.containers[0].env[0].value");
    ck_assert_ptr_nonnull(strstr(sts_error_message(e), "the unquoted on is read as a boolean"));
    e = sts_error_next(e);
    ck_assert_ptr_nonnull(strstr(sts_error_message(e), "the unquoted 0777 is read as an octal number"));
    e = find(f, "STS100");
    ck_assert_str_eq(sts_error_path(e), "spec.replicas");
    ck_assert_int_eq(sts_error_severity(e), STS_SEVERITY_ERROR);
    sts_error_free(f);
}
END_TEST

START_TEST(rollout_rules_per_version)
{
    sts_error *f = NULL;
    const char *text = SERVICE "  publishNotReadyAddresses: true\n---\n"
        STATEFULSET("  updateStrategy:\n    rollingUpdate:\n      partition: 3\n"
                    "      maxUnavailable: 2\n", "");
    lint_text(text, "STS112,STS116", "1.34", &f);
    ck_assert_str_eq(rules_of(f), "STS113 STS114 ");
    ck_assert_ptr_nonnull(strstr(sts_error_message(find(f, "STS114")), "Kubernetes 1.34"));
    sts_error_free(f);
    f = NULL;
    lint_text(text, "STS112,STS116", "1.35", &f); /* the gate is beta, on, in 1.35 */
    ck_assert_str_eq(rules_of(f), "STS113 ");
    sts_error_free(f);
}
END_TEST

START_TEST(unknown_versions_and_gates_are_errors)
{
    sts_object_list *l = NULL;
    const char *text = SERVICE;
    ck_assert_int_eq(sts_load(&l, reg, "yaml", text, strlen(text), NULL, NULL), 0);
    sts_api_opts api = STS_API_OPTS_INIT;
    sts_lint_opts o = STS_LINT_OPTS_INIT;
    o.api = &api;
    sts_error *f = NULL;
    api.kube_version = "1.9";
    ck_assert_int_eq(sts_lint(&f, l, &o), STS_EVERSION);
    api.kube_version = NULL;
    api.feature_gates = "NoSuchGate=true";
    ck_assert_int_eq(sts_lint(&f, l, &o), STS_ENOTFOUND);
    ck_assert_ptr_null(f);
    sts_object_list_free(l);
}
END_TEST

START_TEST(rule_table)
{
    ck_assert_uint_eq(sts_lint_rule_count(), 19);
    for (size_t i = 0; i < sts_lint_rule_count(); i++) {
        char id[8];
        snprintf(id, sizeof id, "STS%zu", 100 + i);
        ck_assert_str_eq(sts_lint_rule_id(i), id);
        ck_assert_ptr_nonnull(sts_lint_rule_summary(i));
        ck_assert_int_ne(sts_lint_rule_severity(i), STS_SEVERITY_NONE);
    }
    ck_assert_ptr_null(sts_lint_rule_id(19));
    ck_assert_str_eq(sts_severity_name(STS_SEVERITY_WARNING), "warning");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lint");
    TCase *tc = tcase_create("lint");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, tutorial_gets_only_advice);
    tcase_add_test(tc, governing_service_rules);
    tcase_add_test(tc, names_and_collisions);
    tcase_add_test(tc, mounts_and_claim_templates);
    tcase_add_test(tc, yaml11_surprises_and_wrong_types);
    tcase_add_test(tc, rollout_rules_per_version);
    tcase_add_test(tc, unknown_versions_and_gates_are_errors);
    tcase_add_test(tc, rule_table);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
