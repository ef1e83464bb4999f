/* sts_object_check and sts_load type checking: every wrong-typed field, in
 * document order, with code, message, Kubernetes field path and line:column.
 * Expectations come from kubectl (tests/data/models/kubectl-facts.md) and
 * from positions in the fixtures counted independently of the library. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

static sts_registry *reg;

static void setup(void) { ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0); }
static void teardown(void) { sts_registry_free(reg); }

/* Load YAML text; returns the code. The YAML decoder may still be a stub
 * while it is being written: then the test has nothing to check. */
static int load(sts_object_list **out, const char *yaml, const char *source, sts_error **err)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.source_name = source;
    return sts_load(out, reg, "yaml", yaml, strlen(yaml), &o, err);
}

#define NEED_YAML(rc, err)                                                  \
    do {                                                                    \
        if ((rc) == STS_EUNSUPPORTED) {                                     \
            fprintf(stderr, "%s: yaml decoder not available yet\n", __func__); \
            sts_error_free(err);                                            \
            return;                                                         \
        }                                                                   \
    } while (0)

typedef struct expect {
    int code;
    uint32_t line, column;
    const char *path;
    const char *message;
} expect;

static void assert_chain(const sts_error *e, const expect *x, size_t n, const char *source)
{
    for (size_t i = 0; i < n; i++, e = sts_error_next(e)) {
        ck_assert_msg(e != NULL, "missing error %zu (%s)", i, x[i].path);
        ck_assert_str_eq(sts_error_path(e), x[i].path);
        ck_assert_str_eq(sts_error_message(e), x[i].message);
        ck_assert_int_eq(sts_error_code(e), x[i].code);
        ck_assert_uint_eq(sts_error_line(e), x[i].line);
        ck_assert_uint_eq(sts_error_column(e), x[i].column);
        ck_assert_str_eq(sts_error_source(e), source);
    }
    ck_assert_msg(e == NULL, "unexpected extra error: %s (%s)", sts_error_message(e),
                  sts_error_path(e));
}

START_TEST(every_error_in_document_order)
{
    size_t len;
    char *text = tu_read_file(tu_data("models/type-errors.yaml"), &len);
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = load(&list, text, "type-errors.yaml", &err);
    free(text);
    NEED_YAML(rc, err);
    static const expect x[] = {
        {STS_ETYPE, 10, 11, "metadata.labels.tier", "expected a string, found integer 1"},
        {STS_ETYPE, 11, 13, "metadata.labels.canary", "expected a string, found boolean true"},
        {STS_ETYPE, 12, 16, "metadata.annotations", "expected a map of strings, found a list"},
        {STS_ETYPE, 15, 13, "spec.replicas", "expected an integer (int32), found string \"three\""},
        {STS_ETYPE, 16, 20, "spec.minReadySeconds", "expected an integer (int32), found number 1.5"},
        {STS_ERANGE, 17, 25, "spec.revisionHistoryLimit",
         "integer 3000000000 is out of range for int32 (-2147483648 to 2147483647)"},
        {STS_ETYPE, 23, 23, "spec.selector.matchExpressions", "expected a list, found a map"},
        {STS_ETYPE, 33, 19, "spec.template.spec.containers", "expected a list, found a map"},
        {STS_ETYPE, 36, 16, "spec.template.spec.initContainers[0].image",
         "expected a string, found number 1.25"},
        {STS_ETYPE, 38, 26, "spec.template.spec.initContainers[0].ports[0].containerPort",
         "expected an integer (int32), found string \"80\""},
        {STS_ETYPE, 42, 26, "spec.template.spec.initContainers[0].readinessProbe.periodSeconds",
         "expected an integer (int32), found boolean true"},
        {STS_ETYPE, 46, 21, "spec.template.spec.initContainers[0].resources.requests.memory",
         "expected a quantity (a string or a number), found boolean true"},
        {STS_ETYPE, 54, 20, "spec.volumeClaimTemplates[0].spec.accessModes",
         "expected a list, found string \"ReadWriteOnce\""},
        {STS_ETYPE, 60, 23, "status.observedGeneration",
         "expected an integer (int64), found number 1.5"},
        {STS_ERANGE, 61, 19, "status.collisionCount",
         "number 9223372036854775808 is out of range for int32 (-2147483648 to 2147483647)"},
    };
    ck_assert_int_eq(rc, STS_ETYPE); /* the first error's code */
    ck_assert_ptr_null(list);        /* nothing appended */
    assert_chain(err, x, sizeof x / sizeof x[0], "type-errors.yaml");
    sts_error_free(err);
}
END_TEST

/* The brief's examples one by one, each in its own document. */
static void one(const char *yaml, int code, const char *path, const char *message,
                uint32_t line, uint32_t column)
{
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = load(&list, yaml, "x.yaml", &err);
    if (rc == STS_EUNSUPPORTED) {
        sts_error_free(err);
        return;
    }
    expect x = {code, line, column, path, message};
    ck_assert_int_eq(rc, code);
    assert_chain(err, &x, 1, "x.yaml");
    sts_error_free(err);
    sts_object_list_free(list);
}

#define STS_HEAD "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"

START_TEST(single_examples)
{
    one(STS_HEAD "spec:\n  replicas: \"three\"\n", STS_ETYPE, "spec.replicas",
        "expected an integer (int32), found string \"three\"", 6, 13);
    one(STS_HEAD "spec:\n  replicas: 1.5\n", STS_ETYPE, "spec.replicas",
        "expected an integer (int32), found number 1.5", 6, 13);
    one(STS_HEAD "spec:\n  replicas: 3000000000\n", STS_ERANGE, "spec.replicas",
        "integer 3000000000 is out of range for int32 (-2147483648 to 2147483647)", 6, 13);
    one(STS_HEAD "spec:\n  template:\n    spec:\n      containers: {}\n", STS_ETYPE,
        "spec.template.spec.containers", "expected a list, found a map", 8, 19);
    one(STS_HEAD "  labels: [a]\n", STS_ETYPE, "metadata.labels",
        "expected a map of strings, found a list", 5, 11);
    one(STS_HEAD "  labels:\n    version: 1.0\n", STS_ETYPE, "metadata.labels.version",
        "expected a string, found number 1.0", 6, 14);
    one(STS_HEAD "spec: [1]\n", STS_ETYPE, "spec", "expected a map, found a list", 5, 7);
    one(STS_HEAD "spec:\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: true\n",
        STS_ETYPE, "spec.updateStrategy.rollingUpdate.maxUnavailable",
        "expected an integer or a string, found boolean true", 8, 23);
    one(STS_HEAD "spec:\n  template:\n    spec:\n      nodeSelector:\n        disk: 1\n",
        STS_ETYPE, "spec.template.spec.nodeSelector.disk", "expected a string, found integer 1",
        9, 15);
    one("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n"
        "  - port: 80\n    targetPort: 8080.5\n",
        STS_ETYPE, "spec.ports[0].targetPort",
        "expected an integer or a string, found number 8080.5", 8, 17);
    one("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n"
        "  publishNotReadyAddresses: \"true\"\n", STS_ETYPE, "spec.publishNotReadyAddresses",
        "expected a boolean, found string \"true\"", 6, 29);
    one("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences: {}\n", STS_ETYPE,
        "metadata.ownerReferences", "expected a list, found a map", 5, 20);
    /* any kind gets its metadata checked */
    one("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 5\n", STS_ETYPE, "metadata.name",
        "expected a string, found integer 5", 4, 9);
    /* label keys with dots are quoted in paths */
    one(STS_HEAD "  labels:\n    app.kubernetes.io/name: true\n", STS_ETYPE,
        "metadata.labels[\"app.kubernetes.io/name\"]", "expected a string, found boolean true",
        6, 29);
}
END_TEST

START_TEST(accepted_like_kubernetes)
{
    /* integral floats, null, unknown fields, quantities as numbers, int-or-string
     * as a string: all accepted (kubectl-facts.md) */
    static const char yaml[] = STS_HEAD "  generation: 2.0\n  labels:\n    a: null\n"
                               "  unknown: [1, {x: y}]\n"
                               "spec:\n  replicas: 1e3\n  minReadySeconds: -0.0\n"
                               "  selector: null\n  serviceName: null\n  future: \"three\"\n"
                               "  updateStrategy:\n    rollingUpdate:\n      partition: 3.0\n"
                               "      maxUnavailable: 25%\n"
                               "  template:\n    spec:\n      containers:\n      - name: c\n"
                               "        resources:\n          limits: {cpu: 0.5, memory: 128974848}\n"
                               "        livenessProbe:\n          httpGet: {port: http}\n"
                               "status:\n  observedGeneration: 9223372036854775807\n";
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = load(&list, yaml, "ok.yaml", &err);
    NEED_YAML(rc, err);
    ck_assert_msg(rc == 0, "%s (%s)", sts_error_message(err), sts_error_path(err));
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(sts_object_list_count(list), 1);
    int32_t v;
    ck_assert_int_eq(sts_statefulset_get_replicas(&v, sts_object_list_at(list, 0), NULL), 0);
    ck_assert_int_eq(v, 1000);
    ck_assert_int_eq(sts_statefulset_get_partition(&v, sts_object_list_at(list, 0), NULL), 0);
    ck_assert_int_eq(v, 3);
    sts_object_list_free(list);
}
END_TEST

START_TEST(top_level_not_a_map)
{
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    /* a good document, an empty one (skipped, as kubectl does), a list, a scalar */
    int rc = load(&list,
                  "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n---\n- a\n---\nhello\n",
                  "top.yaml", &err);
    NEED_YAML(rc, err);
    static const expect x[] = {
        {STS_ETYPE, 6, 1, "", "expected a map (a Kubernetes object), found a list"},
        {STS_ETYPE, 8, 1, "", "expected a map (a Kubernetes object), found string \"hello\""},
    };
    ck_assert_int_eq(rc, STS_ETYPE);
    ck_assert_ptr_null(list);
    assert_chain(err, x, 2, "top.yaml");
    sts_error_free(err);
}
END_TEST

START_TEST(failed_load_appends_nothing)
{
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = load(&list, "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n", "a", &err);
    NEED_YAML(rc, err);
    ck_assert_int_eq(rc, 0);
    rc = load(&list, "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n---\n"
                     "apiVersion: v1\nkind: Pod\nmetadata: {name: [c]}\n", "b", &err);
    ck_assert_int_eq(rc, STS_ETYPE);
    ck_assert_uint_eq(sts_object_list_count(list), 1);
    ck_assert_str_eq(sts_object_name(sts_object_list_at(list, 0)), "a");
    ck_assert_str_eq(sts_error_path(err), "metadata.name");
    ck_assert_uint_eq(sts_error_line(err), 7);
    ck_assert_uint_eq(sts_error_column(err), 18);
    sts_error_free(err);
    err = NULL;
    /* a second good load appends */
    rc = load(&list, "apiVersion: v1\nkind: Service\nmetadata: {name: d}\n", "d", &err);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(sts_object_list_count(list), 2);
    sts_object_list_free(list);
}
END_TEST

/* Documents built in code have no positions: line and column are 0. */
START_TEST(check_built_in_code)
{
    sts_object *o;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_object_new(&o, STS_KIND_STATEFULSET, "web", 3, NULL), 0);
    ck_assert_int_eq(sts_object_check(o, NULL), 0);
    ck_assert_int_eq(sts_object_set_string(o, "spec.replicas", "3", 1, NULL), 0);
    ck_assert_int_eq(sts_object_set_int(o, "spec.serviceName", 7, NULL), 0);
    ck_assert_int_eq(sts_object_set_int(o, "spec.template.spec.priority", 1ll << 40, NULL), 0);
    ck_assert_int_eq(sts_object_check(o, &err), STS_ETYPE);
    static const expect x[] = {
        {STS_ETYPE, 0, 0, "spec.replicas", "expected an integer (int32), found string \"3\""},
        {STS_ETYPE, 0, 0, "spec.serviceName", "expected a string, found integer 7"},
        {STS_ERANGE, 0, 0, "spec.template.spec.priority",
         "integer 1099511627776 is out of range for int32 (-2147483648 to 2147483647)"},
    };
    assert_chain(err, x, 3, "");
    ck_assert_uint_eq(sts_error_offset(err), UINT64_MAX);
    sts_error_free(err);
    /* a float that is not finite is never an integer */
    sts_node *nan;
    ck_assert_int_eq(sts_doc_new_float(&nan, sts_object_doc(o), 1.0 / 0.0), 0);
    sts_object_remove(o, "spec.replicas", NULL);
    sts_object_remove(o, "spec.serviceName", NULL);
    sts_object_remove(o, "spec.template", NULL);
    ck_assert_int_eq(sts_node_map_set(sts_node_map_get(sts_object_root(o), "spec", 4),
                                      "minReadySeconds", 15, nan), 0);
    err = NULL;
    ck_assert_int_eq(sts_object_check(o, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_message(err), "expected an integer (int32), found number inf");
    ck_assert_uint_eq(sts_error_count(err), 1);
    sts_error_free(err);
    sts_object_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("model-check");
    TCase *tc = tcase_create("check");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, every_error_in_document_order);
    tcase_add_test(tc, single_examples);
    tcase_add_test(tc, accepted_like_kubernetes);
    tcase_add_test(tc, top_level_not_a_map);
    tcase_add_test(tc, failed_load_appends_nothing);
    tcase_add_test(tc, check_built_in_code);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
