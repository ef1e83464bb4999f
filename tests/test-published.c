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

/* ---- the defaulting round trip: strip what the server filled in, default again ---- */

static void drop_if(sts_node *map, const char *key, const char *value)
{
    sts_node *v = sts_node_map_get(map, key, strlen(key));
    const char *str;
    int64_t i;
    if (!v)
        return;
    if (!value || (sts_node_get_type(v) == STS_NODE_MAP && !sts_node_count(v) && !strcmp(value, "{}")) ||
        (!sts_node_get_string(&str, NULL, v) && !strcmp(str, value)) ||
        (!sts_node_get_int(&i, v) && i == atoll(value) && value[0] >= '0' && value[0] <= '9'))
        sts_node_map_remove(map, key, strlen(key));
}

/* Remove every field statefulset-spec.md section 6 says the server defaults,
 * where it holds the default value (and the derived imagePullPolicy). */
static void strip_defaults(sts_node *spec)
{
    drop_if(spec, "podManagementPolicy", "OrderedReady");
    drop_if(spec, "revisionHistoryLimit", "10");
    sts_node *us = sts_node_map_get(spec, "updateStrategy", 14);
    sts_node *ru = sts_node_map_get(us, "rollingUpdate", 13);
    drop_if(ru, "partition", "0");
    if (ru && !sts_node_count(ru))
        drop_if(us, "rollingUpdate", NULL);
    drop_if(us, "type", sts_node_map_get(us, "rollingUpdate", 13) ? "" : "RollingUpdate");
    if (us && !sts_node_count(us))
        drop_if(spec, "updateStrategy", NULL);
    sts_node *pspec = sts_node_map_get(sts_node_map_get(spec, "template", 8), "spec", 4);
    drop_if(pspec, "dnsPolicy", "ClusterFirst");
    drop_if(pspec, "restartPolicy", "Always");
    drop_if(pspec, "schedulerName", "default-scheduler");
    drop_if(pspec, "securityContext", "{}");
    drop_if(pspec, "terminationGracePeriodSeconds", "30");
    sts_node *cs = sts_node_map_get(pspec, "containers", 10);
    for (size_t i = 0; i < sts_node_count(cs); i++) {
        sts_node *c = sts_node_seq_at(cs, i);
        drop_if(c, "imagePullPolicy", NULL);
        drop_if(c, "terminationMessagePath", "/dev/termination-log");
        drop_if(c, "terminationMessagePolicy", "File");
        sts_node *ports = sts_node_map_get(c, "ports", 5);
        for (size_t k = 0; k < sts_node_count(ports); k++)
            drop_if(sts_node_seq_at(ports, k), "protocol", "TCP");
    }
    sts_node *vcts = sts_node_map_get(spec, "volumeClaimTemplates", 20);
    for (size_t i = 0; i < sts_node_count(vcts); i++) {
        sts_node *t = sts_node_seq_at(vcts, i);
        drop_if(sts_node_map_get(t, "spec", 4), "volumeMode", "Filesystem");
        drop_if(t, "status", NULL);
    }
}

/* What the typed encoder writes without a default behind it: unset times as
 * null (<= 1.33) and the always-present resources struct. */
static void strip_serialization(sts_node *spec)
{
    sts_node *tmpl = sts_node_map_get(spec, "template", 8);
    drop_if(sts_node_map_get(tmpl, "metadata", 8), "creationTimestamp", NULL);
    sts_node *cs = sts_node_map_get(sts_node_map_get(tmpl, "spec", 4), "containers", 10);
    for (size_t i = 0; i < sts_node_count(cs); i++)
        drop_if(sts_node_seq_at(cs, i), "resources", "{}");
    sts_node *vcts = sts_node_map_get(spec, "volumeClaimTemplates", 20);
    for (size_t i = 0; i < sts_node_count(vcts); i++)
        drop_if(sts_node_map_get(sts_node_seq_at(vcts, i), "metadata", 8), "creationTimestamp", NULL);
}

START_TEST(stripped_dumps_default_back_to_the_stored_template)
{
    sts_object_list *l = load_data(files[_i]);
    for (size_t i = 0; i < sts_object_list_count(l); i++) {
        const sts_object *live = sts_object_list_at(l, i);
        if (sts_object_kind(live) != STS_KIND_STATEFULSET)
            continue;
        sts_object *bare, *def;
        ck_assert_int_eq(sts_object_clone(&bare, live, NULL), 0);
        sts_node *bspec;
        ck_assert_int_eq(sts_object_get(&bspec, bare, "spec", NULL), 0);
        strip_defaults(bspec);
        sts_api_opts api = STS_API_OPTS_INIT;
        api.kube_version = "1.33";
        ck_assert_int_eq(sts_object_defaulted(&def, bare, &api, NULL), 0);

        sts_object *want;
        ck_assert_int_eq(sts_object_clone(&want, live, NULL), 0);
        sts_node *wspec, *dspec;
        ck_assert_int_eq(sts_object_get(&wspec, want, "spec", NULL), 0);
        ck_assert_int_eq(sts_object_get(&dspec, def, "spec", NULL), 0);
        strip_serialization(wspec);
        strip_serialization(dspec);
        static const char *const parts[] = {"template", "volumeClaimTemplates", "updateStrategy",
                                            "podManagementPolicy", "revisionHistoryLimit"};
        for (size_t p = 0; p < 5; p++) {
            const sts_node *w = sts_node_map_get(wspec, parts[p], strlen(parts[p]));
            const sts_node *d = sts_node_map_get(dspec, parts[p], strlen(parts[p]));
            if (!sts_node_equal(w, d) && getenv("STS_DEBUG")) {
                sts_buf b = STS_BUF_INIT;
                const sts_node *r[2] = {w, d};
                sts_encode(&b, reg, "json", r, 2, NULL, NULL);
                fprintf(stderr, "%s\n", b.data);
                sts_buf_dispose(&b);
            }
            ck_assert_msg(sts_node_equal(w, d), "%s/%s: spec.%s differs after defaulting",
                          files[_i], sts_object_name(live), parts[p]);
        }
        sts_object_free(want);
        sts_object_free(def);
        sts_object_free(bare);
    }
    sts_object_list_free(l);
}
END_TEST

/* The tutorial manifest (examples/nginx.yaml) is the template of the live
 * kstatus dump: as authored, it must get the name that cluster gave it. */
START_TEST(tutorial_manifest_gets_the_published_name)
{
    size_t len;
    char *text = tu_read_file(tu_data("../../examples/nginx.yaml"), &len);
    sts_object_list *l = NULL;
    ck_assert_int_eq(sts_load(&l, reg, "yaml", text, len, NULL, NULL), 0);
    free(text);
    const sts_object *web = sts_object_list_at(l, 1);
    char got[64];
    sts_revision_opts o = STS_REVISION_OPTS_INIT;
    o.kubernetes_version = "1.33";
    ck_assert_int_gt(sts_revision_name(got, sizeof got, web, &o, NULL), 0);
    ck_assert_str_eq(got, "web-7757fc6447");
    sts_object_list_free(l);
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
    tcase_add_test(tc, tutorial_manifest_gets_the_published_name);
    tcase_add_loop_test(tc, stripped_dumps_default_back_to_the_stored_template, 0,
                        (int)(sizeof files / sizeof files[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
