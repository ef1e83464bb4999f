/* Published live StatefulSets (tests/data/published/README.md): the library
 * must give exactly the status.updateRevision the cluster printed, and the
 * manifest kubectl recorded must default to the stored template. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

static sts_registry *reg;

static void setup(void)
{
    ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0);
}

static void teardown(void)
{
    sts_registry_free(reg);
}

static sts_object_list *load_data(const char *name)
{
    size_t len;
    char path[256];
    snprintf(path, sizeof path, "published/%s", name);
    char *text = tu_read_file(tu_data(path), &len);
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.source_name = name;
    if (sts_load(&l, reg, NULL, text, len, &o, &err))
        ck_abort_msg("%s: %s", name, sts_error_message(err));
    free(text);
    return l;
}

static const char *files[] = {
    "kstatus-web.yaml",          "notes-web-nginx-1.16.1.yaml", "notes-web-nginx-untagged.yaml",
    "notes-web-partition.yaml",  "notes-web-ondelete.yaml",     "compliance-resource-limits.json",
};

START_TEST(live_objects_reproduce_update_revision)
{
    sts_object_list *l = load_data(files[_i]);
    size_t sets = 0;
    for (size_t i = 0; i < sts_object_list_count(l); i++) {
        const sts_object *s = sts_object_list_at(l, i);
        if (sts_object_kind(s) != STS_KIND_STATEFULSET)
            continue;
        const char *want;
        ck_assert_int_eq(sts_statefulset_get_update_revision(&want, NULL, s, NULL), 0);
        char got[300];
        sts_revision_opts o = STS_REVISION_OPTS_INIT;
        o.mode = STS_REVISION_MODE_LIVE;
        ck_assert_int_gt(sts_revision_name(got, sizeof got, s, &o, NULL), 0);
        ck_assert_msg(!strcmp(got, want), "%s/%s: got %s, the cluster said %s", files[_i],
                      sts_object_name(s), got, want);
        /* auto mode recognises a live object */
        ck_assert_int_gt(sts_revision_name(got, sizeof got, s, NULL, NULL), 0);
        ck_assert_str_eq(got, want);
        sets++;
    }
    ck_assert_uint_gt(sets, 0);
    sts_object_list_free(l);
}
END_TEST

/* The manifest in kubectl's last-applied-configuration annotation is what the
 * user sent; the live object is what the (<= 1.33) server stored from it. */
START_TEST(applied_manifest_defaults_to_the_stored_template)
{
    sts_object_list *live = load_data("notes-web-partition.yaml");
    const sts_object *s = sts_object_list_at(live, 0);
    const char *applied;
    size_t alen;
    ck_assert_int_eq(sts_object_get_annotation(&applied, &alen, s,
                                               "kubectl.kubernetes.io/last-applied-configuration",
                                               NULL), 0);
    sts_object_list *l = NULL;
    ck_assert_int_eq(sts_load(&l, reg, "json", applied, alen, NULL, NULL), 0);
    sts_object *manifest = sts_object_list_at(l, 0);

    char got[64];
    sts_revision_opts o = STS_REVISION_OPTS_INIT;
    o.kubernetes_version = "1.33";
    ck_assert_int_gt(sts_revision_name(got, sizeof got, manifest, &o, NULL), 0);
    ck_assert_str_eq(got, "web-5458f7c8b7"); /* auto: a manifest is authored */

    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = "1.33";
    sts_object *def;
    ck_assert_int_eq(sts_object_defaulted(&def, manifest, &api, NULL), 0);
    sts_node *want_t, *got_t;
    ck_assert_int_eq(sts_object_get(&want_t, s, "spec.template", NULL), 0);
    ck_assert_int_eq(sts_object_get(&got_t, def, "spec.template", NULL), 0);
    /* creationTimestamp: null (how <= 1.33 serialized an unset time) and
     * resources: {} (a struct Go always writes) are serialization, not defaults */
    sts_node *meta = sts_node_map_get(want_t, "metadata", 8);
    ck_assert_int_eq(sts_node_map_remove(meta, "creationTimestamp", 17), 0);
    sts_node *c0;
    ck_assert_int_eq(sts_node_find(&c0, want_t, "spec.containers[0]", 18, NULL), 0);
    ck_assert_uint_eq(sts_node_count(sts_node_map_get(c0, "resources", 9)), 0);
    ck_assert_int_eq(sts_node_map_remove(c0, "resources", 9), 0);
    ck_assert(sts_node_equal(want_t, got_t));
    /* the rest of the spec the server filled in as well */
    const char *policy;
    ck_assert_int_eq(sts_statefulset_get_pod_management_policy(&policy, NULL, def, NULL), 0);
    ck_assert_str_eq(policy, "OrderedReady");
    int32_t v;
    ck_assert_int_eq(sts_statefulset_get_revision_history_limit(&v, def, NULL), 0);
    ck_assert_int_eq(v, 10);
    ck_assert_int_eq(sts_statefulset_get_partition(&v, def, NULL), 0);
    ck_assert_int_eq(v, 0);
    sts_object_free(def);
    sts_object_list_free(l);
    sts_object_list_free(live);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("published");
    TCase *tc = tcase_create("published");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, live_objects_reproduce_update_revision, 0,
                        (int)(sizeof files / sizeof files[0]));
    tcase_add_test(tc, applied_manifest_defaults_to_the_stored_template);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
