/* Field paths: lookup, building paths back from nodes, setting at a path. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static sts_doc *doc;
static sts_node *root;

/* Builds {"spec": {"template": {"spec": {"containers": [{"name": "nginx",
 *   "image": "nginx"}]}}}, "metadata": {"labels": {"app.kubernetes.io/name": "web",
 *   "we\"ird[": "x"}}} */
static void setup(void)
{
    sts_node *spec, *tmpl, *pspec, *containers, *c0, *meta, *labels, *v;
    ck_assert_int_eq(sts_doc_new(&doc), 0);
    sts_doc_new_map(&root, doc);
    sts_doc_new_map(&spec, doc);
    sts_doc_new_map(&tmpl, doc);
    sts_doc_new_map(&pspec, doc);
    sts_doc_new_seq(&containers, doc);
    sts_doc_new_map(&c0, doc);
    sts_doc_new_string(&v, doc, "nginx", 5);
    sts_node_map_set(c0, "name", 4, v);
    sts_doc_new_string(&v, doc, "nginx:1.25", 10);
    sts_node_map_set(c0, "image", 5, v);
    sts_node_seq_append(containers, c0);
    sts_node_map_set(pspec, "containers", 10, containers);
    sts_node_map_set(tmpl, "spec", 4, pspec);
    sts_node_map_set(spec, "template", 8, tmpl);
    sts_node_map_set(root, "spec", 4, spec);
    sts_doc_new_map(&meta, doc);
    sts_doc_new_map(&labels, doc);
    sts_doc_new_string(&v, doc, "web", 3);
    sts_node_map_set(labels, "app.kubernetes.io/name", 22, v);
    sts_doc_new_string(&v, doc, "x", 1);
    sts_node_map_set(labels, "we\"ird[", 7, v);
    sts_node_map_set(meta, "labels", 6, labels);
    sts_node_map_set(root, "metadata", 8, meta);
    sts_doc_set_root(doc, root);
}

static void teardown(void)
{
    sts_doc_free(doc);
}

static const char *find_str(const char *path)
{
    sts_node *n = NULL;
    const char *s = NULL;
    if (sts_node_find(&n, root, path, strlen(path), NULL))
        return NULL;
    sts_node_get_string(&s, NULL, n);
    return s;
}

START_TEST(find_plain_indexed_and_quoted)
{
    ck_assert_str_eq(find_str("spec.template.spec.containers[0].image"), "nginx:1.25");
    ck_assert_str_eq(find_str("metadata.labels[\"app.kubernetes.io/name\"]"), "web");
    ck_assert_str_eq(find_str("metadata.labels['app.kubernetes.io/name']"), "web");
    ck_assert_str_eq(find_str("metadata.labels[\"we\\\"ird[\"]"), "x");
    ck_assert_str_eq(find_str("[\"spec\"].template.spec.containers[0].name"), "nginx");
    sts_node *n;
    ck_assert_int_eq(sts_node_find(&n, root, "", 0, NULL), 0);
    ck_assert_ptr_eq(n, root);
}
END_TEST

START_TEST(find_reports_missing_bad_and_crossing)
{
    sts_node *n = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_node_find(&n, root, "spec.replicas", 13, &err), STS_ENOTFOUND);
    ck_assert_ptr_null(err); /* absence is not worth an error object */
    ck_assert_int_eq(sts_node_find(&n, root, "spec.template.spec.containers[1]", 32, &err),
                     STS_ENOTFOUND);
    const char *bad[] = {"spec..x", "spec.", "spec[", "spec[x]", "spec[\"a\"", ".spec", "a[1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(sts_node_find(&n, root, bad[i], strlen(bad[i]), &err), STS_EINVAL);
        ck_assert_ptr_nonnull(err);
        ck_assert_ptr_nonnull(strstr(sts_error_message(err), "malformed field path"));
        sts_error_free(err);
        err = NULL;
    }
    ck_assert_int_eq(sts_node_find(&n, root, "spec.template.spec.containers[0].image.x", 40, &err),
                     STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.containers[0].image");
    ck_assert_str_eq(sts_error_message(err), "expected a map, found string");
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_node_find(&n, root, "spec[0]", 7, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_message(err), "expected a list, found map");
    sts_error_free(err);
}
END_TEST

START_TEST(path_of_node_round_trips)
{
    const char *paths[] = {"spec.template.spec.containers[0].image",
                           "metadata.labels[\"app.kubernetes.io/name\"]",
                           "metadata.labels[\"we\\\"ird[\"]", "spec"};
    for (size_t i = 0; i < 4; i++) {
        sts_node *n;
        ck_assert_int_eq(sts_node_find(&n, root, paths[i], strlen(paths[i]), NULL), 0);
        sts_buf b = STS_BUF_INIT;
        ck_assert_int_eq(sts_node_path(&b, root, n), 0);
        ck_assert_str_eq(b.data, paths[i]);
        sts_buf_dispose(&b);
    }
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_node_path(&b, root, root), 0);
    ck_assert_str_eq(b.data, "");
    sts_buf_dispose(&b);
    sts_doc *other;
    sts_node *x;
    sts_doc_new(&other);
    sts_doc_new_null(&x, other);
    ck_assert_int_eq(sts_node_path(&b, root, x), STS_ENOTFOUND);
    sts_doc_free(other);
    sts_buf_dispose(&b);
}
END_TEST

START_TEST(set_at_creates_maps_and_keeps_order)
{
    sts_node *v;
    sts_doc_new_int(&v, doc, 0);
    ck_assert_int_eq(sts_node_set_at(root, "spec.replicas", 13, v, NULL), 0);
    /* a new key goes to the end of its parent map */
    ck_assert_int_eq(sts_node_map_index(sts_node_map_get(root, "spec", 4), "replicas", 8), 1);
    sts_doc_new_string(&v, doc, "Delete", 6);
    const char *p = "spec.persistentVolumeClaimRetentionPolicy.whenScaled";
    ck_assert_int_eq(sts_node_set_at(root, p, strlen(p), v, NULL), 0);
    ck_assert_str_eq(find_str(p), "Delete");
    sts_doc_new_string(&v, doc, "busybox", 7);
    p = "spec.template.spec.containers[0].image";
    ck_assert_int_eq(sts_node_set_at(root, p, strlen(p), v, NULL), 0);
    ck_assert_str_eq(find_str(p), "busybox");
    ck_assert_int_eq(sts_node_map_index(sts_node_seq_at(sts_node_map_get(
                         sts_node_map_get(sts_node_map_get(sts_node_map_get(root, "spec", 4),
                                                           "template", 8), "spec", 4),
                         "containers", 10), 0), "image", 5), 1);
    sts_error *err = NULL;
    p = "spec.template.spec.containers[5].image";
    ck_assert_int_eq(sts_node_set_at(root, p, strlen(p), v, &err), STS_ENOTFOUND);
    sts_error_free(err);
    err = NULL;
    p = "spec.replicas.x";
    ck_assert_int_eq(sts_node_set_at(root, p, strlen(p), v, &err), STS_ETYPE);
    sts_error_free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("path");
    TCase *tc = tcase_create("path");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, find_plain_indexed_and_quoted);
    tcase_add_test(tc, find_reports_missing_bad_and_crossing);
    tcase_add_test(tc, path_of_node_round_trips);
    tcase_add_test(tc, set_at_creates_maps_and_keeps_order);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
