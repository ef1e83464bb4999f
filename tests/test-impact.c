/* Rollout impact: sts_statefulset_diff and sts_upgrade_check.
 *
 * Expected values come from the spec (statefulset-spec.md 5.3, 5.12, 5.13,
 * 7.3, 8) and the upstream scenarios (test-scenarios.md S13-S19, S23-S24,
 * S39-S46, S72): pod order highest index first down to the partition,
 * OnDelete replaces nothing, maxUnavailable batches, rollbacks reuse the
 * earlier revision, the forbidden-update message per release, 1.33 -> 1.34
 * revision names. Revision names of templates other than the published
 * vectors come from the revision area (sts_revision_name), never from the
 * code under test. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

#define FORBIDDEN_135                                                                            \
    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "    \
    "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "     \
    "'minReadySeconds' are forbidden"
#define FORBIDDEN_132                                                                            \
    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "    \
    "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "       \
    "forbidden"

static sts_registry *reg;

static void setup(void)
{
    ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0);
}

static void teardown(void)
{
    sts_registry_free(reg);
    reg = NULL;
}

static sts_object *load(const char *file)
{
    size_t len;
    char *text = tu_read_file(tu_data(file), &len);
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    if (sts_load(&l, reg, "yaml", text, len, NULL, &err))
        ck_abort_msg("load %s: %s", file, sts_error_message(err));
    free(text);
    sts_object *o;
    ck_assert_int_eq(sts_object_clone(&o, sts_object_list_at(l, 0), NULL), 0);
    sts_object_list_free(l);
    return o;
}

static sts_object *web(void)
{
    return load("impact/web.yaml");
}

static sts_object *copy(const sts_object *o)
{
    sts_object *c;
    ck_assert_int_eq(sts_object_clone(&c, o, NULL), 0);
    return c;
}

static void set_str(sts_object *o, const char *path, const char *v)
{
    ck_assert_int_eq(sts_object_set_string(o, path, v, strlen(v), NULL), 0);
}

static void set_image(sts_object *o, const char *image)
{
    set_str(o, "spec.template.spec.containers[0].image", image);
}

static sts_impact *diff_v(const sts_object *old, const sts_object *upd, const char *version,
                          const char *gates, const sts_object_list *objects)
{
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = version;
    api.feature_gates = gates;
    sts_impact_opts o = STS_IMPACT_OPTS_INIT;
    o.api = &api;
    o.objects = objects;
    sts_impact *imp = NULL;
    sts_error *err = NULL;
    int rc = sts_statefulset_diff(&imp, old, upd, &o, &err);
    if (rc)
        ck_abort_msg("diff: %d %s", rc, sts_error_message(err));
    /* the renderers work on every result */
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_impact_format(&b, imp), 0);
    ck_assert_ptr_nonnull(strstr(b.data, "StatefulSet default/web"));
    sts_buf_dispose(&b);
    sts_doc *d = NULL;
    ck_assert_int_eq(sts_impact_to_doc(&d, imp, NULL), 0);
    ck_assert_ptr_nonnull(sts_node_map_get(sts_doc_root(d), "pods", 4));
    sts_doc_free(d);
    return imp;
}

static sts_impact *diff(const sts_object *old, const sts_object *upd)
{
    return diff_v(old, upd, NULL, NULL, NULL);
}

/* "web-2,web-1,web-0" for a group */
static const char *group(const sts_impact *imp, sts_impact_pod_group g)
{
    static char buf[512];
    buf[0] = 0;
    for (size_t i = 0; i < sts_impact_pod_count(imp, g); i++) {
        if (i)
            strcat(buf, ",");
        strcat(buf, sts_impact_pod_name(imp, g, i));
    }
    return buf;
}

static const char *batches(const sts_impact *imp)
{
    static char buf[256];
    buf[0] = 0;
    for (size_t i = 0; i < sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED); i++)
        sprintf(buf + strlen(buf), "%s%u", i ? "," : "",
                sts_impact_pod_batch(imp, STS_IMPACT_POD_REPLACED, i));
    return buf;
}

/* The single change, checked for path and effect. */
static void one_change(const sts_impact *imp, const char *path, sts_impact_effect effect)
{
    ck_assert_uint_eq(sts_impact_change_count(imp), 1);
    ck_assert_str_eq(sts_impact_change_path(imp, 0), path);
    ck_assert_int_eq(sts_impact_change_effect(imp, 0), effect);
    ck_assert_int_eq(sts_impact_change_rolls_pods(imp, 0),
                     effect == STS_IMPACT_EFFECT_ROLLS_PODS);
    ck_assert_str_ne(sts_impact_change_explanation(imp, 0), "");
}

/* The revision name the controller of `version` gives a set (revision area). */
static char *rev_name(const sts_object *set, const char *version)
{
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = version;
    sts_object *d;
    ck_assert_int_eq(sts_object_defaulted(&d, set, &api, NULL), 0);
    sts_revision_opts ro = STS_REVISION_OPTS_INIT;
    ro.kubernetes_version = version;
    ro.mode = STS_REVISION_MODE_AUTHORED;
    char buf[300];
    ck_assert_int_gt(sts_revision_name(buf, sizeof buf, d, &ro, NULL), 0);
    sts_object_free(d);
    return strdup(buf);
}

/* ---- fields that do not roll pods ------------------------------------------- */

START_TEST(identical)
{
    sts_object *a = web(), *b = web();
    sts_impact *imp = diff(a, b);
    ck_assert(sts_impact_is_allowed(imp));
    ck_assert_ptr_null(sts_impact_errors(imp));
    ck_assert_uint_eq(sts_impact_change_count(imp), 0);
    ck_assert(!sts_impact_template_changed(imp));
    ck_assert(!sts_impact_has_new_revision(imp));
    ck_assert_str_eq(sts_impact_old_revision(imp), sts_impact_new_revision(imp));
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_UNTOUCHED), "web-2,web-1,web-0");
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    ck_assert(sts_impact_completes(imp));
    char *name = rev_name(a, "1.35");
    ck_assert_str_eq(sts_impact_new_revision(imp), name);
    free(name);
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* S23 scale up, S24 scale down: no new revision, pods at the top. */
START_TEST(scale_up_down)
{
    sts_object *a = web(), *b = web();
    ck_assert_int_eq(sts_statefulset_set_replicas(b, 5, NULL), 0);
    sts_impact *imp = diff(a, b);
    ck_assert(sts_impact_is_allowed(imp));
    one_change(imp, "spec.replicas", STS_IMPACT_EFFECT_SCALES);
    ck_assert_str_eq(sts_impact_change_old_value(imp, 0), "3");
    ck_assert_str_eq(sts_impact_change_new_value(imp, 0), "5");
    ck_assert(!sts_impact_template_changed(imp));
    ck_assert(!sts_impact_has_new_revision(imp));
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-3,web-4");
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    ck_assert_int_eq(sts_impact_pod_ordinal(imp, STS_IMPACT_POD_CREATED, 1), 4);
    ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_CREATED, 0),
                     sts_impact_new_revision(imp));
    ck_assert(sts_impact_completes(imp));
    sts_impact_free(imp);

    ck_assert_int_eq(sts_statefulset_set_replicas(b, 1, NULL), 0);
    imp = diff(a, b);
    one_change(imp, "spec.replicas", STS_IMPACT_EFFECT_SCALES);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_DELETED), "web-2,web-1"); /* highest first */
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_UNTOUCHED), "web-0");
    ck_assert_ptr_nonnull(strstr(sts_impact_pod_reason(imp, STS_IMPACT_POD_DELETED, 0), "kept"));
    sts_impact_free(imp);

    /* whenScaled: Delete removes the claims of the deleted pods too */
    set_str(b, "spec.persistentVolumeClaimRetentionPolicy.whenScaled", "Delete");
    imp = diff(a, b);
    ck_assert_uint_eq(sts_impact_change_count(imp), 2);
    ck_assert_str_eq(sts_impact_change_path(imp, 1),
                     "spec.persistentVolumeClaimRetentionPolicy.whenScaled");
    ck_assert_int_eq(sts_impact_change_effect(imp, 1), STS_IMPACT_EFFECT_NONE);
    ck_assert_ptr_nonnull(
        strstr(sts_impact_pod_reason(imp, STS_IMPACT_POD_DELETED, 0), "deleted"));
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* Allowed fields that restart nothing (S72 allowed rows). */
START_TEST(no_rollout_fields)
{
    static const struct {
        const char *path, *value;
        int64_t ivalue;
    } cases[] = {
        {"spec.minReadySeconds", NULL, 10},
        {"spec.revisionHistoryLimit", NULL, 5},
        {"spec.persistentVolumeClaimRetentionPolicy.whenDeleted", "Delete", 0},
        {"spec.updateStrategy.rollingUpdate.partition", NULL, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sts_object *a = web(), *b = web();
        if (cases[i].value)
            set_str(b, cases[i].path, cases[i].value);
        else
            ck_assert_int_eq(sts_object_set_int(b, cases[i].path, cases[i].ivalue, NULL), 0);
        sts_impact *imp = diff(a, b);
        ck_assert_msg(sts_impact_is_allowed(imp), "%s", cases[i].path);
        one_change(imp, cases[i].path,
                   strstr(cases[i].path, "updateStrategy") ? STS_IMPACT_EFFECT_ROLLOUT_CONTROL
                                                           : STS_IMPACT_EFFECT_NONE);
        ck_assert(!sts_impact_template_changed(imp));
        ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
        ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_UNTOUCHED), 3);
        ck_assert(sts_impact_completes(imp));
        sts_impact_free(imp);
        sts_object_free(a);
        sts_object_free(b);
    }
}
END_TEST

/* The set's own labels and annotations are metadata only. */
START_TEST(set_metadata)
{
    sts_object *a = web(), *b = web();
    ck_assert_int_eq(sts_object_set_label(b, "team", "db", NULL), 0);
    ck_assert_int_eq(sts_object_set_annotation(a, "kubectl.kubernetes.io/last-applied-configuration",
                                               "{}", NULL),
                     0);
    sts_impact *imp = diff(a, b);
    one_change(imp, "metadata.labels.team", STS_IMPACT_EFFECT_NONE);
    ck_assert_ptr_null(sts_impact_change_old_value(imp, 0));
    ck_assert_str_eq(sts_impact_change_new_value(imp, 0), "\"db\"");
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* ordinals.start 0 -> 2: the range moves to 2..4 (spec 2.1). */
START_TEST(ordinals_shift)
{
    sts_object *a = web(), *b = web();
    ck_assert_int_eq(sts_statefulset_set_ordinals_start(b, 2, NULL), 0);
    sts_impact *imp = diff(a, b);
    ck_assert(sts_impact_is_allowed(imp));
    one_change(imp, "spec.ordinals.start", STS_IMPACT_EFFECT_SHIFTS_ORDINALS);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_DELETED), "web-1,web-0");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-3,web-4");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_UNTOUCHED), "web-2");
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* ---- template changes ----------------------------------------------------------- */

/* S39: a template change rolls every pod, highest ordinal first, one at a time. */
START_TEST(template_fields)
{
    static const char *paths[] = {"spec.template.spec.containers[0].image",
                                  "spec.template.spec.containers[0].env",
                                  "spec.template.metadata.labels.tier",
                                  "spec.template.metadata.annotations.rev"};
    for (size_t i = 0; i < 4; i++) {
        sts_object *a = web(), *b = web();
        if (i == 0)
            set_image(b, "registry.k8s.io/nginx-slim:0.25");
        else if (i == 1) {
            sts_node *c = sts_object_container_at(b, 0), *seq, *m, *s;
            sts_doc *d = sts_object_doc(b);
            ck_assert_int_eq(sts_doc_new_seq(&seq, d), 0);
            ck_assert_int_eq(sts_doc_new_map(&m, d), 0);
            ck_assert_int_eq(sts_doc_new_string(&s, d, "foo", 3), 0);
            ck_assert_int_eq(sts_node_map_set(m, "name", 4, s), 0);
            ck_assert_int_eq(sts_doc_new_string(&s, d, "bar", 3), 0);
            ck_assert_int_eq(sts_node_map_set(m, "value", 5, s), 0);
            ck_assert_int_eq(sts_node_seq_append(seq, m), 0);
            ck_assert_int_eq(sts_node_map_set(c, "env", 3, seq), 0);
        } else if (i == 2)
            set_str(b, "spec.template.metadata.labels.tier", "web");
        else
            set_str(b, "spec.template.metadata.annotations.rev", "2");
        sts_impact *imp = diff(a, b);
        ck_assert_msg(sts_impact_is_allowed(imp), "%s", paths[i]);
        one_change(imp, paths[i], STS_IMPACT_EFFECT_ROLLS_PODS);
        ck_assert(sts_impact_template_changed(imp));
        ck_assert(sts_impact_has_new_revision(imp));
        ck_assert_str_eq(sts_impact_rollback_target(imp), "");
        char *o = rev_name(a, "1.35"), *n = rev_name(b, "1.35");
        ck_assert_str_eq(sts_impact_old_revision(imp), o);
        ck_assert_str_eq(sts_impact_new_revision(imp), n);
        ck_assert_str_ne(o, n);
        ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2,web-1,web-0");
        ck_assert_str_eq(batches(imp), "1,2,3");
        ck_assert_uint_eq(sts_impact_batch_count(imp), 3);
        ck_assert_str_eq(sts_impact_pod_from_revision(imp, STS_IMPACT_POD_REPLACED, 0), o);
        ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_REPLACED, 0), n);
        ck_assert(sts_impact_completes(imp));
        free(o);
        free(n);
        sts_impact_free(imp);
        sts_object_free(a);
        sts_object_free(b);
    }
}
END_TEST

/* Fields the API server fills in are not changes: a live object against
 * its own manifest. */
START_TEST(defaults_are_not_changes)
{
    sts_object *a = web(), *live;
    ck_assert_int_eq(sts_object_defaulted(&live, a, NULL, NULL), 0);
    sts_impact *imp = diff(live, a);
    ck_assert_uint_eq(sts_impact_change_count(imp), 0);
    ck_assert(!sts_impact_template_changed(imp));
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(live);
}
END_TEST

/* S39 with scaling in the same edit. */
START_TEST(image_and_scale)
{
    sts_object *a = web(), *b = web();
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    ck_assert_int_eq(sts_statefulset_set_replicas(b, 5, NULL), 0);
    sts_impact *imp = diff(a, b);
    ck_assert_uint_eq(sts_impact_change_count(imp), 2);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2,web-1,web-0");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-3,web-4");
    ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_CREATED, 0),
                     sts_impact_new_revision(imp));
    sts_impact_free(imp);
    ck_assert_int_eq(sts_statefulset_set_replicas(b, 1, NULL), 0); /* scale down 3 -> 1 */
    imp = diff(a, b);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_DELETED), "web-2,web-1");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-0");
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* S40: OnDelete replaces nothing; scale-up pods use the update revision. */
START_TEST(on_delete)
{
    sts_object *a = web(), *b;
    set_str(a, "spec.updateStrategy.type", "OnDelete");
    b = copy(a);
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    sts_impact *imp = diff(a, b);
    ck_assert(sts_impact_has_new_revision(imp));
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_KEPT), "web-2,web-1,web-0");
    ck_assert(!sts_impact_completes(imp));
    ck_assert_ptr_nonnull(strstr(sts_impact_completes_reason(imp), "OnDelete"));
    sts_impact_free(imp);

    ck_assert_int_eq(sts_statefulset_set_replicas(b, 5, NULL), 0);
    imp = diff(a, b);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-3,web-4");
    ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_CREATED, 0),
                     sts_impact_new_revision(imp));
    ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_KEPT, 0),
                     sts_impact_old_revision(imp));
    sts_impact_free(imp);

    /* switching the strategy alone */
    sts_object *c = web();
    imp = diff(c, a);
    /* the defaulted rollingUpdate block (partition, maxUnavailable) goes too */
    ck_assert_uint_ge(sts_impact_change_count(imp), 2);
    ck_assert_str_eq(sts_impact_change_path(imp, 0), "spec.updateStrategy.type");
    for (size_t i = 0; i < sts_impact_change_count(imp); i++) {
        ck_assert_int_eq(sts_impact_change_effect(imp, i), STS_IMPACT_EFFECT_ROLLOUT_CONTROL);
        ck_assert_ptr_nonnull(strstr(sts_impact_change_path(imp, i), "spec.updateStrategy."));
    }
    ck_assert(sts_impact_is_allowed(imp));
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
    sts_object_free(c);
}
END_TEST

/* S41: partition 2 of 3; scaled to 5 pods 2-4 are new. */
START_TEST(partition)
{
    sts_object *a = web(), *b;
    ck_assert_int_eq(sts_statefulset_set_partition(a, 2, NULL), 0);
    b = copy(a);
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    sts_impact *imp = diff(a, b);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_KEPT), "web-1,web-0");
    ck_assert(!sts_impact_completes(imp));
    sts_impact_free(imp);

    ck_assert_int_eq(sts_statefulset_set_replicas(b, 5, NULL), 0);
    imp = diff(a, b);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-3,web-4");
    ck_assert_str_eq(sts_impact_pod_to_revision(imp, STS_IMPACT_POD_CREATED, 1),
                     sts_impact_new_revision(imp));
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_KEPT), "web-1,web-0");
    sts_impact_free(imp);

    /* partition >= replicas: nothing is updated, the rollout never completes */
    ck_assert_int_eq(sts_statefulset_set_replicas(b, 3, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(b, 3, NULL), 0);
    imp = diff(a, b);
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_KEPT), 3);
    ck_assert(!sts_impact_completes(imp));
    ck_assert_ptr_nonnull(strstr(sts_impact_completes_reason(imp), "never completes"));
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* S42: the partition counts from ordinals.start. */
START_TEST(partition_start_ordinal)
{
    sts_object *a = web(), *b;
    ck_assert_int_eq(sts_statefulset_set_ordinals_start(a, 5, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(a, 1, NULL), 0);
    b = copy(a);
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    sts_impact *imp = diff(a, b);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-7,web-6");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_KEPT), "web-5");
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* S46: 6 replicas, partition 3, maxUnavailable 2: 5 and 4 together, then 3.
 * The gate is on in 1.35, off in 1.34 (one pod at a time there). */
START_TEST(max_unavailable)
{
    sts_object *a = web(), *b;
    ck_assert_int_eq(sts_statefulset_set_replicas(a, 6, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(a, 3, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_max_unavailable(a, 2, 0, NULL), 0);
    b = copy(a);
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    sts_impact *imp = diff_v(a, b, "1.35", NULL, NULL);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-5,web-4,web-3");
    ck_assert_str_eq(batches(imp), "1,1,2");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_KEPT), "web-2,web-1,web-0");
    sts_impact_free(imp);
    imp = diff_v(a, b, "1.34", NULL, NULL);
    ck_assert_str_eq(batches(imp), "1,2,3");
    sts_impact_free(imp);
    imp = diff_v(a, b, "1.34", "MaxUnavailableStatefulSet=true", NULL);
    ck_assert_str_eq(batches(imp), "1,1,2");
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);

    /* S45: a percentage of replicas, rounded down, at least 1 */
    a = web();
    ck_assert_int_eq(sts_statefulset_set_replicas(a, 5, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_partition(a, 0, NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_max_unavailable(a, 50, 1, NULL), 0);
    b = copy(a);
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    imp = diff_v(a, b, "1.35", NULL, NULL);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-4,web-3,web-2,web-1,web-0");
    ck_assert_str_eq(batches(imp), "1,1,2,2,3"); /* 50% of 5 -> 2 */
    sts_impact_free(imp);
    ck_assert_int_eq(sts_statefulset_set_max_unavailable(b, 10, 1, NULL), 0);
    imp = diff_v(a, b, "1.35", NULL, NULL);
    ck_assert_str_eq(batches(imp), "1,2,3,4,5"); /* 10% of 5 -> 1 */
    ck_assert_uint_eq(sts_impact_change_count(imp), 2);
    ck_assert_str_eq(sts_impact_change_path(imp, 1),
                     "spec.updateStrategy.rollingUpdate.maxUnavailable");
    ck_assert_int_eq(sts_impact_change_effect(imp, 1), STS_IMPACT_EFFECT_ROLLOUT_CONTROL);
    sts_impact_free(imp);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* ---- rollback (S17, S44, spec 5.13) ---------------------------------------------- */

static sts_object *revision_of(const sts_object *set, int64_t number)
{
    sts_object *d, *rev;
    ck_assert_int_eq(sts_object_defaulted(&d, set, NULL, NULL), 0);
    sts_revision_opts ro = STS_REVISION_OPTS_INIT;
    ro.mode = STS_REVISION_MODE_AUTHORED;
    ck_assert_int_eq(sts_revision_object(&rev, d, number, &ro, NULL), 0);
    sts_object_free(d);
    return rev;
}

/* `set` as the API server shows it during a rollout from cur to upd. */
static sts_object *live(const sts_object *set, const char *cur, const char *upd, int updated)
{
    sts_object *l;
    ck_assert_int_eq(sts_object_defaulted(&l, set, NULL, NULL), 0);
    set_str(l, "metadata.uid", "2f4c1a7e-8d3b-4e6f-9a10-5b7c9d1e2f30");
    set_str(l, "status.currentRevision", cur);
    set_str(l, "status.updateRevision", upd);
    ck_assert_int_eq(sts_object_set_int(l, "status.replicas", 3, NULL), 0);
    ck_assert_int_eq(sts_object_set_int(l, "status.updatedReplicas", updated, NULL), 0);
    ck_assert_int_eq(sts_object_set_int(l, "status.collisionCount", 0, NULL), 0);
    return l;
}

START_TEST(rollback)
{
    sts_object *set0 = web(), *set1 = web();
    set_image(set1, "foo");
    sts_object *rev0 = revision_of(set0, 1), *rev1 = revision_of(set1, 2);
    sts_object_list *revs;
    ck_assert_int_eq(sts_object_list_new(&revs), 0);
    ck_assert_int_eq(sts_object_list_take(revs, copy(rev0)), 0);
    ck_assert_int_eq(sts_object_list_take(revs, copy(rev1)), 0);
    const char *n0 = sts_object_name(rev0), *n1 = sts_object_name(rev1);

    /* rolled out to set1 completely, then the manifest goes back to set0 */
    sts_object *l = live(set1, n1, n1, 3);
    sts_impact *imp = diff_v(l, set0, NULL, NULL, revs);
    ck_assert(sts_impact_template_changed(imp));
    ck_assert(!sts_impact_has_new_revision(imp)); /* no new object: rev0 is reused */
    ck_assert_str_eq(sts_impact_rollback_target(imp), n0);
    ck_assert_str_eq(sts_impact_new_revision(imp), n0);
    ck_assert_str_eq(sts_impact_old_revision(imp), n1);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2,web-1,web-0");
    sts_impact_free(imp);
    sts_object_free(l);

    /* mid-rollout (only web-2 updated): pods still on rev0 are not touched */
    l = live(set1, n0, n1, 1);
    imp = diff_v(l, set0, NULL, NULL, revs);
    ck_assert_str_eq(sts_impact_rollback_target(imp), n0);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_UNTOUCHED), "web-1,web-0");
    ck_assert(sts_impact_completes(imp));
    sts_impact_free(imp);
    /* the same without ControllerRevisions: the name is the hash of the data */
    imp = diff_v(l, set0, NULL, NULL, NULL);
    ck_assert_str_eq(sts_impact_rollback_target(imp), n0);
    ck_assert(!sts_impact_has_new_revision(imp));
    sts_impact_free(imp);

    /* "must not recreate a new revision of same set" */
    imp = diff_v(l, set1, NULL, NULL, revs);
    ck_assert(!sts_impact_template_changed(imp));
    ck_assert(!sts_impact_has_new_revision(imp));
    ck_assert_str_eq(sts_impact_rollback_target(imp), "");
    ck_assert_str_eq(sts_impact_new_revision(imp), n1);
    sts_impact_free(imp);
    sts_object_free(l);

    sts_object_list_free(revs);
    sts_object_free(rev0);
    sts_object_free(rev1);
    sts_object_free(set0);
    sts_object_free(set1);
}
END_TEST

/* Pod objects tell which revision each pod runs. */
START_TEST(pods_from_objects)
{
    sts_object *a = web(), *b = web();
    set_image(b, "registry.k8s.io/nginx-slim:0.25");
    char *o = rev_name(a, "1.35"), *n = rev_name(b, "1.35");
    sts_object_list *pods;
    ck_assert_int_eq(sts_object_list_new(&pods), 0);
    const char *revs[] = {o, n, o};
    for (int i = 0; i < 3; i++) {
        sts_object *p;
        sts_identity_opts io = STS_IDENTITY_OPTS_INIT;
        io.revision = revs[i];
        ck_assert_int_eq(sts_statefulset_render_pod(&p, a, i, &io, NULL), 0);
        ck_assert_int_eq(sts_object_list_take(pods, p), 0);
    }
    sts_impact *imp = diff_v(a, b, NULL, NULL, pods);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "web-2,web-0");
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_UNTOUCHED), "web-1");
    sts_impact_free(imp);
    sts_object_list_free(pods);
    free(o);
    free(n);
    sts_object_free(a);
    sts_object_free(b);
}
END_TEST

/* ---- forbidden updates (S72, spec 7.3) ------------------------------------------- */

static void check_forbidden(sts_impact *imp, const char *detail, const char *path)
{
    ck_assert(!sts_impact_is_allowed(imp));
    const sts_error *e = sts_impact_errors(imp);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(sts_error_path(e), "spec");
    ck_assert_int_eq(sts_error_field_type(e), STS_FIELD_ERROR_FORBIDDEN);
    ck_assert_str_eq(sts_error_detail(e), detail);
    int found = 0;
    for (size_t i = 0; i < sts_impact_change_count(imp); i++)
        if (!strcmp(sts_impact_change_path(imp, i), path)) {
            ck_assert_int_eq(sts_impact_change_effect(imp, i), STS_IMPACT_EFFECT_FORBIDDEN);
            found = 1;
        }
    ck_assert_msg(found, "no change at %s", path);
    /* a refused update changes nothing */
    ck_assert(!sts_impact_has_new_revision(imp));
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED), 0);
    ck_assert_uint_eq(sts_impact_pod_count(imp, STS_IMPACT_POD_CREATED), 0);
}

START_TEST(forbidden_fields)
{
    sts_object *a = web(), *b;
    sts_impact *imp;

    b = web();
    set_str(b, "spec.podManagementPolicy", "Parallel");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.podManagementPolicy");
    ck_assert_str_eq(sts_error_message(sts_impact_errors(imp)), "spec: Forbidden: " FORBIDDEN_135);
    ck_assert_ptr_nonnull(strstr(sts_impact_workaround(imp),
                                 "kubectl delete statefulset web --cascade=orphan"));
    sts_impact_free(imp);
    imp = diff_v(a, b, "1.32", NULL, NULL); /* before revisionHistoryLimit became mutable */
    check_forbidden(imp, FORBIDDEN_132, "spec.podManagementPolicy");
    sts_impact_free(imp);
    sts_object_free(b);

    b = web();
    set_str(b, "spec.serviceName", "nginx2");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.serviceName");
    sts_impact_free(imp);
    sts_object_free(b);

    b = web(); /* selector and labels changed together (still matching) */
    set_str(b, "spec.selector.matchLabels.app", "nginx2");
    set_str(b, "spec.template.metadata.labels.app", "nginx2");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.selector.matchLabels.app");
    sts_impact_free(imp);
    sts_object_free(b);

    b = web(); /* PVC resize: edit each PVC, then orphan-delete and re-create */
    set_str(b, "spec.volumeClaimTemplates[0].spec.resources.requests.storage", "2Gi");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.volumeClaimTemplates[0].spec.resources.requests.storage");
    const char *w = sts_impact_workaround(imp);
    ck_assert_ptr_nonnull(strstr(w, "www-web-0, www-web-1, www-web-2"));
    ck_assert_ptr_nonnull(strstr(w, "allowVolumeExpansion"));
    ck_assert_ptr_nonnull(strstr(w, "--cascade=orphan"));
    sts_impact_free(imp);
    sts_object_free(b);

    b = web();
    set_str(b, "spec.volumeClaimTemplates[0].spec.storageClassName", "fast");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.volumeClaimTemplates[0].spec.storageClassName");
    sts_impact_free(imp);
    sts_object_free(b);

    b = web(); /* a second claim template */
    sts_node *vcts = NULL, *c;
    ck_assert_int_eq(sts_object_get(&vcts, b, "spec.volumeClaimTemplates", NULL), 0);
    ck_assert_int_eq(sts_doc_copy_node(&c, sts_object_doc(b), sts_node_seq_at(vcts, 0)), 0);
    ck_assert_int_eq(sts_node_seq_append(vcts, c), 0);
    set_str(b, "spec.volumeClaimTemplates[1].metadata.name", "logs");
    imp = diff(a, b);
    check_forbidden(imp, FORBIDDEN_135, "spec.volumeClaimTemplates");
    sts_impact_free(imp);
    sts_object_free(b);

    b = web(); /* revisionHistoryLimit: mutable from 1.33 only */
    ck_assert_int_eq(sts_statefulset_set_revision_history_limit(b, 3, NULL), 0);
    imp = diff_v(a, b, "1.32", NULL, NULL);
    check_forbidden(imp, FORBIDDEN_132, "spec.revisionHistoryLimit");
    sts_impact_free(imp);
    imp = diff_v(a, b, "1.33", NULL, NULL);
    ck_assert(sts_impact_is_allowed(imp));
    sts_impact_free(imp);
    sts_object_free(b);

    b = web(); /* invalid, not forbidden: replicas -1 (S72) */
    ck_assert_int_eq(sts_statefulset_set_replicas(b, -1, NULL), 0);
    imp = diff(a, b);
    ck_assert(!sts_impact_is_allowed(imp));
    ck_assert_str_eq(sts_error_path(sts_impact_errors(imp)), "spec.replicas");
    sts_impact_free(imp);
    sts_object_free(b);
    sts_object_free(a);
}
END_TEST

/* ---- create, arguments ------------------------------------------------------------ */

START_TEST(create_and_arguments)
{
    sts_object *a = web();
    sts_impact *imp = diff(NULL, a);
    ck_assert(sts_impact_is_allowed(imp));
    ck_assert(sts_impact_has_new_revision(imp));
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_CREATED), "web-0,web-1,web-2");
    sts_impact_free(imp);

    sts_error *err = NULL;
    imp = NULL;
    ck_assert_int_eq(sts_statefulset_diff(&imp, a, NULL, NULL, &err), STS_EINVAL);
    ck_assert_ptr_null(imp);
    sts_error_free(err);
    err = NULL;
    sts_object *svc;
    ck_assert_int_eq(sts_object_new(&svc, STS_KIND_SERVICE, "nginx", 5, NULL), 0);
    ck_assert_int_eq(sts_statefulset_diff(&imp, a, svc, NULL, &err), STS_EINVAL);
    sts_error_free(err);
    err = NULL;
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = "1.20";
    sts_impact_opts o = STS_IMPACT_OPTS_INIT;
    o.api = &api;
    ck_assert_int_eq(sts_statefulset_diff(&imp, a, a, &o, &err), STS_EVERSION);
    sts_error_free(err);
    err = NULL;
    o.sz = 1;
    ck_assert_int_eq(sts_statefulset_diff(&imp, a, a, &o, &err), STS_EINVAL);
    sts_error_free(err);
    /* accessors are NULL-safe */
    ck_assert_uint_eq(sts_impact_change_count(NULL), 0);
    ck_assert_ptr_null(sts_impact_pod_name(NULL, STS_IMPACT_POD_REPLACED, 0));
    ck_assert_int_eq(sts_impact_pod_ordinal(NULL, STS_IMPACT_POD_KEPT, 0), -1);
    sts_impact_free(NULL);
    sts_object_free(svc);
    sts_object_free(a);
}
END_TEST

/* ---- Kubernetes upgrade (S13, S14, S19, issue #134773) ---------------------------- */

static sts_upgrade *upgrade(const char *file, const char *from, const char *to, const char *gates)
{
    sts_object_list *l;
    ck_assert_int_eq(sts_object_list_new(&l), 0);
    ck_assert_int_eq(sts_object_list_take(l, load(file)), 0);
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = to;
    api.feature_gates = gates;
    sts_impact_opts o = STS_IMPACT_OPTS_INIT;
    o.api = &api;
    o.from_version = from;
    sts_upgrade *up = NULL;
    sts_error *err = NULL;
    if (sts_upgrade_check(&up, l, &o, &err))
        ck_abort_msg("upgrade: %s", sts_error_message(err));
    sts_object_list_free(l);
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_upgrade_format(&b, up), 0);
    ck_assert_ptr_nonnull(strstr(b.data, "default/test"));
    sts_buf_dispose(&b);
    sts_doc *d;
    ck_assert_int_eq(sts_upgrade_to_doc(&d, up, NULL), 0);
    sts_doc_free(d);
    return up;
}

START_TEST(upgrade_133_134)
{
    /* 1.34.0 before the backport: no semantic comparison, every pod rolls */
    sts_upgrade *up = upgrade("revision/live-1.33.yaml", "1.33", "1.34",
                              "StatefulSetSemanticRevisionComparison=false");
    ck_assert_uint_eq(sts_upgrade_count(up), 1);
    ck_assert_str_eq(sts_upgrade_name(up, 0), "test");
    ck_assert_str_eq(sts_upgrade_current_revision(up, 0), "test-c77f6d978");
    ck_assert_str_eq(sts_upgrade_target_revision(up, 0), "test-776999688b");
    ck_assert(sts_upgrade_revision_changes(up, 0));
    ck_assert(!sts_upgrade_gate_prevents(up, 0));
    ck_assert(sts_upgrade_rolls_pods(up, 0));
    ck_assert_uint_eq(sts_upgrade_affected_count(up), 1);
    const sts_impact *imp = sts_upgrade_impact_at(up, 0);
    ck_assert_str_eq(group(imp, STS_IMPACT_POD_REPLACED), "test-0");
    ck_assert_str_eq(sts_impact_new_revision(imp), "test-776999688b");
    sts_upgrade_free(up);

    /* with the gate (1.34 with the backport, 1.35): no pod restarts */
    up = upgrade("revision/live-1.33.yaml", "1.33", "1.34", NULL);
    ck_assert(sts_upgrade_semantic_comparison(up));
    ck_assert(sts_upgrade_revision_changes(up, 0));
    ck_assert(sts_upgrade_gate_prevents(up, 0));
    ck_assert(!sts_upgrade_rolls_pods(up, 0));
    ck_assert_uint_eq(sts_upgrade_affected_count(up), 0);
    ck_assert_uint_eq(sts_impact_pod_count(sts_upgrade_impact_at(up, 0), STS_IMPACT_POD_REPLACED),
                      0);
    sts_upgrade_free(up);

    /* no version change, and 1.34 -> 1.35: same bytes */
    up = upgrade("revision/live-1.33.yaml", "1.33", "1.33", NULL);
    ck_assert(!sts_upgrade_revision_changes(up, 0));
    ck_assert_str_eq(sts_upgrade_target_revision(up, 0), "test-c77f6d978");
    sts_upgrade_free(up);
    up = upgrade("revision/live-1.34.yaml", "1.34", "1.35",
                 "StatefulSetSemanticRevisionComparison=false");
    ck_assert(!sts_upgrade_revision_changes(up, 0));
    ck_assert(!sts_upgrade_rolls_pods(up, 0));
    sts_upgrade_free(up);

    /* a manifest without status: names under both releases */
    up = upgrade("revision/authored.yaml", "1.33", "1.34",
                 "StatefulSetSemanticRevisionComparison=false");
    ck_assert_str_eq(sts_upgrade_current_revision(up, 0), "test-c77f6d978");
    ck_assert_str_eq(sts_upgrade_target_revision(up, 0), "test-776999688b");
    ck_assert(sts_upgrade_rolls_pods(up, 0));
    sts_upgrade_free(up);
    sts_upgrade_free(NULL);
}
END_TEST

static Suite *impact_suite(void)
{
    Suite *s = suite_create("impact");
    TCase *tc = tcase_create("diff");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, identical);
    tcase_add_test(tc, scale_up_down);
    tcase_add_test(tc, no_rollout_fields);
    tcase_add_test(tc, set_metadata);
    tcase_add_test(tc, ordinals_shift);
    tcase_add_test(tc, template_fields);
    tcase_add_test(tc, defaults_are_not_changes);
    tcase_add_test(tc, image_and_scale);
    tcase_add_test(tc, on_delete);
    tcase_add_test(tc, partition);
    tcase_add_test(tc, partition_start_ordinal);
    tcase_add_test(tc, max_unavailable);
    tcase_add_test(tc, rollback);
    tcase_add_test(tc, pods_from_objects);
    tcase_add_test(tc, forbidden_fields);
    tcase_add_test(tc, create_and_arguments);
    suite_add_tcase(s, tc);
    TCase *up = tcase_create("upgrade");
    tcase_add_checked_fixture(up, setup, teardown);
    tcase_add_test(up, upgrade_133_134);
    suite_add_tcase(s, up);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(impact_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
