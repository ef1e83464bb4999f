/* Defaulting as the API server does it before storing a StatefulSet, and
 * the version / feature-gate inputs. Expected values: statefulset-spec.md
 * §6 and test-scenarios.md J (D1-D12, upstream defaults_test.go), fixtures
 * in tests/data/api written by hand from those rules, and the live-dump
 * fixture tests/data/models/web-live.yaml (secondary: hand-assembled). */
#include <check.h>
#include <dirent.h>
#include <sys/stat.h>
#include <stdbool.h>
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

/* The first object of a YAML text (the list is freed, the object kept). */
static sts_object *load(const char *yaml, size_t len)
{
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    if (sts_load(&l, reg, "yaml", yaml, len, NULL, &err))
        ck_abort_msg("load failed: %s", sts_error_message(err));
    sts_object *o = NULL;
    ck_assert_int_eq(sts_object_clone(&o, sts_object_list_at(l, sts_object_list_count(l) - 1),
                                      NULL), 0);
    sts_object_list_free(l);
    return o;
}

static sts_object *load_str(const char *yaml)
{
    return load(yaml, strlen(yaml));
}

static sts_object *load_file(const char *name)
{
    size_t n;
    char *text = tu_read_file(tu_data(name), &n);
    sts_object *o = load(text, n);
    free(text);
    return o;
}

static void apply(sts_object *o, const char *version, const char *gates)
{
    sts_api_opts opts = STS_API_OPTS_INIT;
    opts.kube_version = version;
    opts.feature_gates = gates;
    sts_error *err = NULL;
    int rc = sts_object_apply_defaults(o, &opts, &err);
    if (rc)
        ck_abort_msg("defaulting failed: %s", sts_error_message(err));
}

static char *dump(const sts_object *o)
{
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_object_dump(&b, reg, "yaml", o, NULL, NULL), 0);
    char *s = strdup(b.data ? b.data : "");
    sts_buf_dispose(&b);
    return s;
}

static void assert_same(const sts_object *got, const sts_object *want)
{
    if (!sts_node_equal(sts_object_root(got), sts_object_root(want))) {
        char *g = dump(got), *w = dump(want);
        ck_abort_msg("defaulted object differs:\n--- got\n%s--- want\n%s", g, w);
    }
}

static const char *str(const sts_object *o, const char *path)
{
    const char *s = NULL;
    size_t n;
    sts_error *err = NULL;
    if (sts_object_get_string(&s, &n, o, path, &err))
        ck_abort_msg("%s: %s", path, sts_error_message(err));
    return s;
}

static int64_t num(const sts_object *o, const char *path)
{
    int64_t v = 0;
    sts_error *err = NULL;
    if (sts_object_get_int(&v, o, path, &err))
        ck_abort_msg("%s: %s", path, sts_error_message(err));
    return v;
}

static bool has(const sts_object *o, const char *path)
{
    sts_node *n = NULL;
    return sts_object_get(&n, o, path, NULL) == 0 && n;
}

/* ---- versions and gates ---------------------------------------------- */

START_TEST(versions)
{
    static const struct {
        const char *in;
        int rc;
        uint32_t minor;
    } cases[] = {{"1.31", 0, 31},     {"1.35", 0, 35},         {"v1.34", 0, 34},
                 {"1.34.2", 0, 34},   {"v1.33.0-rc.1", 0, 33}, {"1.30", STS_EVERSION, 0},
                 {"1.36", STS_EVERSION, 0}, {"2.0", STS_EVERSION, 0}, {"", STS_EVERSION, 0},
                 {"1.3x", STS_EVERSION, 0}, {"1", STS_EVERSION, 0},   {"1.34.", STS_EVERSION, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t m = 0;
        sts_error *err = NULL;
        ck_assert_msg(sts_kube_version_parse(&m, cases[i].in, &err) == cases[i].rc, "%s",
                      cases[i].in);
        if (cases[i].rc == 0)
            ck_assert_uint_eq(m, cases[i].minor);
        else
            ck_assert_ptr_nonnull(strstr(sts_error_message(err), cases[i].in));
        sts_error_free(err);
    }
    sts_error *err = NULL;
    uint32_t m;
    ck_assert_int_eq(sts_kube_version_parse(&m, "1.30", &err), STS_EVERSION);
    ck_assert_str_eq(sts_error_message(err),
                     "unsupported Kubernetes version \"1.30\": supported are 1.31 to 1.35");
    sts_error_free(err);
    ck_assert_str_eq(sts_kube_version_default(), "1.35");
    sts_api_opts o;
    sts_api_opts_init(&o);
    ck_assert_uint_eq(o.sz, sizeof o);
    ck_assert_ptr_null(o.kube_version);
}
END_TEST

START_TEST(feature_gates)
{
    static const struct {
        const char *version;
        int max_unavailable, semantic;
    } cases[] = {{"1.31", 0, 0}, {"1.32", 0, 0}, {"1.33", 0, 0}, {"1.34", 0, 1}, {"1.35", 1, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sts_api_opts o = STS_API_OPTS_INIT;
        o.kube_version = cases[i].version;
        ck_assert_int_eq(sts_feature_gate_enabled(&o, "MaxUnavailableStatefulSet", NULL),
                         cases[i].max_unavailable);
        ck_assert_int_eq(
            sts_feature_gate_enabled(&o, "StatefulSetSemanticRevisionComparison", NULL),
            cases[i].semantic);
    }
    ck_assert_int_eq(sts_feature_gate_enabled(NULL, "MaxUnavailableStatefulSet", NULL), 1);
    sts_api_opts o = STS_API_OPTS_INIT;
    o.kube_version = "1.34";
    o.feature_gates = "MaxUnavailableStatefulSet=true, StatefulSetSemanticRevisionComparison=false";
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "MaxUnavailableStatefulSet", NULL), 1);
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "StatefulSetSemanticRevisionComparison", NULL),
                     0);
    sts_error *err = NULL;
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "NoSuchGate", &err), STS_ENOTFOUND);
    ck_assert_str_eq(sts_error_message(err), "unrecognized feature gate: NoSuchGate");
    sts_error_free(err);
    err = NULL;
    o.feature_gates = "Bogus=true";
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "MaxUnavailableStatefulSet", &err),
                     STS_ENOTFOUND);
    sts_error_free(err);
    err = NULL;
    o.feature_gates = "MaxUnavailableStatefulSet=maybe";
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "MaxUnavailableStatefulSet", &err),
                     STS_EINVAL);
    sts_error_free(err);
    err = NULL;
    o.feature_gates = NULL;
    o.kube_version = "1.9";
    ck_assert_int_eq(sts_feature_gate_enabled(&o, "MaxUnavailableStatefulSet", &err),
                     STS_EVERSION);
    sts_error_free(err);
}
END_TEST

/* ---- fixtures -------------------------------------------------------- */

START_TEST(tutorial_as_stored_by_135)
{
    sts_object *o = load_file("api/tutorial.yaml");
    sts_object *want = load_file("api/tutorial-stored-1.35.yaml");
    apply(o, NULL, NULL);
    assert_same(o, want);
    /* defaulting the stored form changes nothing */
    apply(want, NULL, NULL);
    sts_object *again = load_file("api/tutorial-stored-1.35.yaml");
    assert_same(want, again);
    sts_object_free(o);
    sts_object_free(want);
    sts_object_free(again);
}
END_TEST

START_TEST(tutorial_on_134_has_no_max_unavailable)
{
    sts_object *o = load_file("api/tutorial.yaml");
    sts_object *want = load_file("api/tutorial-stored-1.35.yaml");
    ck_assert_int_eq(sts_object_remove(want, "spec.updateStrategy.rollingUpdate.maxUnavailable",
                                       NULL), 0);
    apply(o, "1.34", NULL);
    assert_same(o, want);
    sts_object_free(o);
    sts_object_free(want);
}
END_TEST

START_TEST(realistic_as_stored)
{
    sts_object *o = load_file("api/realistic.yaml");
    sts_object *want = load_file("api/realistic-stored-1.35.yaml");
    apply(o, "1.35", NULL);
    assert_same(o, want);
    sts_object_free(o);
    sts_object_free(want);
}
END_TEST

/* The test of success: remove from a stored object what the server
 * defaulted, default again, get the stored object back. */
START_TEST(live_dump_round_trip)
{
    static const char *const defaulted[] = {
        "spec.podManagementPolicy",
        "spec.updateStrategy",
        "spec.revisionHistoryLimit",
        "spec.persistentVolumeClaimRetentionPolicy",
        "spec.template.spec.dnsPolicy",
        "spec.template.spec.restartPolicy",
        "spec.template.spec.schedulerName",
        "spec.template.spec.securityContext",
        "spec.template.spec.containers[0].imagePullPolicy",
        "spec.template.spec.containers[0].terminationMessagePath",
        "spec.template.spec.containers[0].terminationMessagePolicy",
        "spec.template.spec.containers[0].ports[0].protocol",
        "spec.volumeClaimTemplates[0].spec.volumeMode",
        "spec.volumeClaimTemplates[0].status",
    };
    static const char *const fixtures[][2] = {{"models/web-live.yaml", "1.32"},
                                              {"api/tutorial-stored-1.35.yaml", "1.35"},
                                              {"api/realistic-stored-1.35.yaml", "1.35"}};
    for (size_t f = 0; f < 3; f++) {
        sts_object *stored = load_file(fixtures[f][0]);
        sts_object *o = NULL;
        ck_assert_int_eq(sts_object_clone(&o, stored, NULL), 0);
        for (size_t i = 0; i < sizeof defaulted / sizeof defaulted[0]; i++) {
            int rc = sts_object_remove(o, defaulted[i], NULL);
            ck_assert_msg(rc == 0 || rc == STS_ENOTFOUND, "%s", defaulted[i]);
        }
        if (f == 0) /* web-live.yaml has partition 0 from an empty updateStrategy */
            ck_assert(!has(o, "spec.updateStrategy"));
        ck_assert(!sts_node_equal(sts_object_root(o), sts_object_root(stored)));
        apply(o, fixtures[f][1], NULL);
        if (f == 2) {
            /* realistic: explicit RollingUpdate without rollingUpdate was
             * removed too, so defaulting makes {partition: 0} (D1) */
            ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 0);
            sts_object_remove(o, "spec.updateStrategy.rollingUpdate", NULL);
            sts_object_remove(o, "spec.persistentVolumeClaimRetentionPolicy", NULL);
            sts_object_remove(stored, "spec.persistentVolumeClaimRetentionPolicy", NULL);
        }
        assert_same(o, stored);
        sts_object_free(o);
        sts_object_free(stored);
    }
}
END_TEST

/* ---- D1-D12 ---------------------------------------------------------- */

static sts_object *dset(const char *spec_extra)
{
    char buf[2048];
    snprintf(buf, sizeof buf,
             "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: foo, namespace: default}\n"
             "spec:\n%s%s", spec_extra,
             strstr(spec_extra, "  template:\n") ? "" : "  template:\n    metadata: {labels: {foo: bar}}\n");
    return load_str(buf);
}

START_TEST(d1_nothing_set)
{
    for (int gate = 0; gate < 2; gate++) {
        sts_object *o = dset("");
        apply(o, gate ? "1.35" : "1.34", NULL);
        ck_assert_str_eq(str(o, "spec.podManagementPolicy"), "OrderedReady");
        ck_assert_str_eq(str(o, "spec.updateStrategy.type"), "RollingUpdate");
        ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 0);
        ck_assert_int_eq(has(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"), gate);
        if (gate)
            ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"), 1);
        ck_assert_int_eq(num(o, "spec.replicas"), 1);
        ck_assert_int_eq(num(o, "spec.revisionHistoryLimit"), 10);
        ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"), "Retain");
        ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenScaled"), "Retain");
        ck_assert(!has(o, "spec.selector"));
        ck_assert(!has(o, "spec.minReadySeconds"));
        ck_assert(!has(o, "spec.ordinals"));
        /* nested defaults of the same output */
        ck_assert_str_eq(str(o, "spec.template.spec.dnsPolicy"), "ClusterFirst");
        ck_assert_str_eq(str(o, "spec.template.spec.restartPolicy"), "Always");
        ck_assert_str_eq(str(o, "spec.template.spec.schedulerName"), "default-scheduler");
        ck_assert_int_eq(num(o, "spec.template.spec.terminationGracePeriodSeconds"), 30);
        ck_assert(has(o, "spec.template.spec.securityContext"));
        sts_object_free(o);
    }
}
END_TEST

START_TEST(d2_to_d12)
{
    sts_object *o = dset("  podManagementPolicy: Parallel\n");
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.podManagementPolicy"), "Parallel"); /* D2 */
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 0);
    sts_object_free(o);

    o = dset("  updateStrategy: {type: OnDelete}\n"); /* D3 */
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.updateStrategy.type"), "OnDelete");
    ck_assert(!has(o, "spec.updateStrategy.rollingUpdate"));
    ck_assert_int_eq(num(o, "spec.replicas"), 1);
    sts_object_free(o);

    o = dset("  updateStrategy: {rollingUpdate: {partition: 42}}\n"); /* D4 */
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.updateStrategy.type"), "RollingUpdate");
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 42);
    sts_object_free(o);

    o = dset("  updateStrategy: {type: RollingUpdate}\n"); /* D5 */
    apply(o, NULL, NULL);
    ck_assert(!has(o, "spec.updateStrategy.rollingUpdate"));
    sts_object_free(o);

    o = dset("  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}\n"); /* D6 */
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"), "Retain");
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenScaled"), "Delete");
    sts_object_free(o);

    o = dset("  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}\n"); /* D7 */
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"), "Delete");
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenScaled"), "Retain");
    sts_object_free(o);

    o = dset("  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}\n");
    apply(o, NULL, NULL); /* D8 */
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"), "Delete");
    ck_assert_str_eq(str(o, "spec.persistentVolumeClaimRetentionPolicy.whenScaled"), "Delete");
    sts_object_free(o);

    o = dset("  updateStrategy: {rollingUpdate: {}}\n"); /* D9 */
    apply(o, "1.34", "MaxUnavailableStatefulSet=true");
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 0);
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"), 1);
    sts_object_free(o);

    o = dset("  updateStrategy: {rollingUpdate: {maxUnavailable: 3}}\n"); /* D10 */
    apply(o, NULL, NULL);
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"), 3);
    sts_object_free(o);

    o = dset(""); /* D11 */
    apply(o, "1.35", "MaxUnavailableStatefulSet=false");
    ck_assert(!has(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    sts_object_free(o);

    o = dset("  replicas: 0\n  revisionHistoryLimit: 0\n"); /* D12 */
    apply(o, NULL, NULL);
    ck_assert_int_eq(num(o, "spec.replicas"), 0);
    ck_assert_int_eq(num(o, "spec.revisionHistoryLimit"), 0);
    sts_object_free(o);
}
END_TEST

START_TEST(gate_off_drops_max_unavailable_on_create)
{
    sts_object *o = dset("  updateStrategy: {rollingUpdate: {maxUnavailable: 2, partition: 1}}\n");
    apply(o, "1.34", NULL);
    ck_assert(!has(o, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    ck_assert_int_eq(num(o, "spec.updateStrategy.rollingUpdate.partition"), 1);
    sts_object_free(o);
}
END_TEST

/* ---- placement, nulls, nested defaults ------------------------------- */

START_TEST(defaults_go_last_user_order_kept)
{
    sts_object *o = load_file("api/tutorial.yaml");
    apply(o, NULL, NULL);
    sts_node *spec = NULL;
    ck_assert_int_eq(sts_object_get(&spec, o, "spec", NULL), 0);
    static const char *const keys[] = {
        "selector", "serviceName", "replicas", "minReadySeconds", "template",
        "volumeClaimTemplates", "podManagementPolicy", "updateStrategy",
        "persistentVolumeClaimRetentionPolicy", "revisionHistoryLimit"};
    ck_assert_uint_eq(sts_node_count(spec), 10);
    for (size_t i = 0; i < 10; i++) {
        const char *k;
        size_t n;
        sts_node_get_string(&k, &n, sts_node_map_key_at(spec, i));
        ck_assert_str_eq(k, keys[i]);
    }
    sts_node *pspec = NULL;
    ck_assert_int_eq(sts_object_get(&pspec, o, "spec.template.spec", NULL), 0);
    static const char *const pkeys[] = {"terminationGracePeriodSeconds", "containers",
                                        "dnsPolicy", "restartPolicy", "securityContext",
                                        "schedulerName"};
    ck_assert_uint_eq(sts_node_count(pspec), 6);
    for (size_t i = 0; i < 6; i++) {
        const char *k;
        size_t n;
        sts_node_get_string(&k, &n, sts_node_map_key_at(pspec, i));
        ck_assert_str_eq(k, pkeys[i]);
    }
    sts_object_free(o);
}
END_TEST

START_TEST(null_and_empty_values_are_defaulted_in_place)
{
    sts_object *o = dset("  replicas: null\n  podManagementPolicy: \"\"\n");
    apply(o, NULL, NULL);
    sts_node *spec = NULL;
    ck_assert_int_eq(sts_object_get(&spec, o, "spec", NULL), 0);
    const char *k;
    size_t n;
    sts_node_get_string(&k, &n, sts_node_map_key_at(spec, 0));
    ck_assert_str_eq(k, "replicas");
    ck_assert_int_eq(num(o, "spec.replicas"), 1);
    ck_assert_str_eq(str(o, "spec.podManagementPolicy"), "OrderedReady");
    sts_object_free(o);
}
END_TEST

START_TEST(image_pull_policy)
{
    static const char *const cases[][2] = {
        {"nginx", "Always"},
        {"nginx:latest", "Always"},
        {"nginx:1.25", "IfNotPresent"},
        {"registry.k8s.io/nginx-slim:0.24", "IfNotPresent"},
        {"localhost:5000/app", "Always"},
        {"localhost:5000/app:v1", "IfNotPresent"},
        {"localhost/app", "Always"},
        {"example.com:8443/team/app:latest", "Always"},
        {"nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
         "IfNotPresent"},
        {"nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
         "Always"},
        {"Nginx", "IfNotPresent"},             /* unparsable: upper case */
        {"nginx@sha256:abc", "IfNotPresent"},  /* unparsable: short digest */
        {"", "IfNotPresent"},                  /* unparsable */
        {"my_registry/app", "Always"},
        {"a/b/c/d", "Always"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[512];
        snprintf(buf, sizeof buf,
                 "  template:\n    spec:\n      containers: [{name: c, image: \"%s\"}]\n",
                 cases[i][0]);
        sts_object *o = dset(buf);
        apply(o, NULL, NULL);
        const char *got = str(o, "spec.template.spec.containers[0].imagePullPolicy");
        ck_assert_msg(strcmp(got, cases[i][1]) == 0, "%s: %s", cases[i][0], got);
        sts_object_free(o);
    }
}
END_TEST

START_TEST(probes_zero_values_are_defaulted)
{
    sts_object *o = dset("  template:\n    spec:\n      containers:\n"
                         "      - name: c\n        image: x:1\n"
                         "        readinessProbe: {periodSeconds: 0, timeoutSeconds: 5,"
                         " httpGet: {port: 80, scheme: HTTPS}}\n"
                         "        lifecycle: {postStart: {httpGet: {port: 1}}}\n"
                         "      ephemeralContainers: [{name: dbg, image: busybox}]\n");
    apply(o, NULL, NULL);
    ck_assert_int_eq(num(o, "spec.template.spec.containers[0].readinessProbe.periodSeconds"), 10);
    ck_assert_int_eq(num(o, "spec.template.spec.containers[0].readinessProbe.timeoutSeconds"), 5);
    ck_assert_str_eq(str(o, "spec.template.spec.containers[0].readinessProbe.httpGet.scheme"),
                     "HTTPS");
    ck_assert_str_eq(str(o, "spec.template.spec.containers[0].readinessProbe.httpGet.path"), "/");
    ck_assert_str_eq(
        str(o, "spec.template.spec.containers[0].lifecycle.postStart.httpGet.scheme"), "HTTP");
    ck_assert_str_eq(str(o, "spec.template.spec.ephemeralContainers[0].imagePullPolicy"),
                     "Always");
    ck_assert_str_eq(str(o, "spec.template.spec.ephemeralContainers[0].terminationMessagePolicy"),
                     "File");
    sts_object_free(o);
}
END_TEST

START_TEST(volume_sources)
{
    sts_object *o = dset("  template:\n    spec:\n      volumes:\n"
                         "      - {name: a}\n"
                         "      - {name: b, iscsi: {targetPortal: x, iqn: y, lun: 0}}\n"
                         "      - {name: c, rbd: {monitors: [m], image: i}}\n"
                         "      - {name: d, azureDisk: {diskName: d, diskURI: u}}\n"
                         "      - {name: e, scaleIO: {gateway: g, system: s, secretRef: {name: n}}}\n"
                         "      - {name: f, ephemeral: {volumeClaimTemplate: {spec: {accessModes: "
                         "[ReadWriteOnce], resources: {requests: {storage: 1.5Gi}}}}}}\n"
                         "      - {name: g, emptyDir: {sizeLimit: 0.0001}}\n");
    apply(o, NULL, NULL);
    ck_assert(has(o, "spec.template.spec.volumes[0].emptyDir"));
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[1].iscsi.iscsiInterface"), "default");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[2].rbd.pool"), "rbd");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[2].rbd.user"), "admin");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[2].rbd.keyring"), "/etc/ceph/keyring");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[3].azureDisk.cachingMode"), "ReadWrite");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[3].azureDisk.kind"), "Shared");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[3].azureDisk.fsType"), "ext4");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[4].scaleIO.storageMode"),
                     "ThinProvisioned");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[4].scaleIO.fsType"), "xfs");
    ck_assert_str_eq(
        str(o, "spec.template.spec.volumes[5].ephemeral.volumeClaimTemplate.spec.volumeMode"),
        "Filesystem");
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[5].ephemeral.volumeClaimTemplate.spec."
                            "resources.requests.storage"),
                     "1536Mi");
    /* sizeLimit is a plain Quantity: nano precision, not rounded to milli */
    ck_assert_str_eq(str(o, "spec.template.spec.volumes[6].emptyDir.sizeLimit"), "100u");
    sts_object_free(o);
}
END_TEST

START_TEST(number_quantities_become_strings)
{
    sts_object *o = dset("  template:\n    spec:\n      containers:\n"
                         "      - name: c\n        image: x:1\n"
                         "        resources: {requests: {cpu: 0.25, memory: 1e3}, limits: {cpu: 1}}\n"
                         "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                         "    spec: {resources: {requests: {storage: 1}}}\n");
    apply(o, NULL, NULL);
    ck_assert_str_eq(str(o, "spec.template.spec.containers[0].resources.requests.cpu"), "250m");
    ck_assert_str_eq(str(o, "spec.template.spec.containers[0].resources.requests.memory"), "1k");
    ck_assert_str_eq(str(o, "spec.template.spec.containers[0].resources.limits.cpu"), "1");
    ck_assert_str_eq(str(o, "spec.volumeClaimTemplates[0].spec.resources.requests.storage"), "1");
    ck_assert_str_eq(str(o, "spec.volumeClaimTemplates[0].status.phase"), "Pending");
    sts_object_free(o);
}
END_TEST

START_TEST(bad_quantity_leaves_object_untouched)
{
    sts_object *o = dset("  template:\n    spec:\n      containers:\n"
                         "      - name: c\n        image: x:1\n"
                         "        resources: {requests: {cpu: lots}}\n");
    sts_object *before = NULL;
    ck_assert_int_eq(sts_object_clone(&before, o, NULL), 0);
    sts_error *err = NULL;
    ck_assert_int_eq(sts_object_apply_defaults(o, NULL, &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.containers[0].resources.requests[cpu]");
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "quantities must match the regular"));
    ck_assert_uint_eq(sts_error_line(err), 10);
    sts_error_free(err);
    ck_assert(sts_node_equal(sts_object_root(o), sts_object_root(before)));
    sts_object_free(o);
    sts_object_free(before);
}
END_TEST

START_TEST(other_kinds_and_bad_arguments)
{
    sts_object *svc = load_str("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
    sts_object *copy = NULL;
    ck_assert_int_eq(sts_object_clone(&copy, svc, NULL), 0);
    apply(svc, NULL, NULL);
    ck_assert(sts_node_equal(sts_object_root(svc), sts_object_root(copy)));
    sts_error *err = NULL;
    ck_assert_int_eq(sts_object_apply_defaults(NULL, NULL, &err), STS_EINVAL);
    sts_error_free(err);
    err = NULL;
    sts_api_opts opts = STS_API_OPTS_INIT;
    opts.kube_version = "1.20";
    ck_assert_int_eq(sts_object_apply_defaults(svc, &opts, &err), STS_EVERSION);
    sts_error_free(err);
    err = NULL;
    sts_object *d = NULL;
    ck_assert_int_eq(sts_object_defaulted(&d, copy, NULL, NULL), 0);
    ck_assert_ptr_nonnull(d);
    sts_object_free(d);
    sts_object_free(svc);
    sts_object_free(copy);

    /* a wrong-typed field is the decoder's error, before any defaulting */
    sts_object *bad = dset("");
    ck_assert_int_eq(sts_object_set_string(bad, "spec.replicas", "three", 5, NULL), 0);
    ck_assert_int_eq(sts_object_apply_defaults(bad, NULL, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "spec.replicas");
    sts_error_free(err);
    sts_object_free(bad);
}
END_TEST

START_TEST(defaulted_copy_leaves_input_alone)
{
    sts_object *o = load_file("api/tutorial.yaml");
    sts_object *d = NULL;
    ck_assert_int_eq(sts_object_defaulted(&d, o, NULL, NULL), 0);
    ck_assert(!has(o, "spec.podManagementPolicy"));
    ck_assert_str_eq(str(d, "spec.podManagementPolicy"), "OrderedReady");
    sts_object_free(o);
    sts_object_free(d);
}
END_TEST


/* Every YAML fixture of the project: defaulting and validation never
 * crash or leak, and fail only with an error in the chain. */
static size_t walked;

static void exercise(const char *path)
{
    size_t n;
    char *text = tu_read_file(path, &n);
    sts_object_list *l = NULL;
    sts_decode_opts dopts = STS_DECODE_OPTS_INIT;
    if (sts_load(&l, reg, "yaml", text, n, &dopts, NULL) == 0) {
        for (size_t i = 0; i < sts_object_list_count(l); i++) {
            sts_object *o = sts_object_list_at(l, i);
            for (size_t v = 0; v < 5; v++) {
                static const char *const vs[] = {"1.31", "1.32", "1.33", "1.34", "1.35"};
                sts_api_opts opts = STS_API_OPTS_INIT;
                opts.kube_version = vs[v];
                sts_object *d = NULL;
                sts_error *err = NULL;
                int rc = sts_object_defaulted(&d, o, &opts, &err);
                ck_assert_msg(rc == 0 || err, "%s: %d without error", path, rc);
                sts_error_free(err);
                err = NULL;
                if (sts_object_kind(o) == STS_KIND_STATEFULSET) {
                    sts_error *errs = NULL;
                    rc = sts_statefulset_validate(&errs, o, NULL, &opts);
                    ck_assert(rc >= 0 || errs);
                    sts_buf b = STS_BUF_INIT;
                    if (rc > 0)
                        ck_assert_int_eq(sts_validation_format(&b, o, errs), 0);
                    sts_buf_dispose(&b);
                    sts_error_free(errs);
                    errs = NULL;
                    rc = sts_statefulset_validate(&errs, o, d ? d : o, &opts);
                    ck_assert(rc >= 0 || errs);
                    sts_error_free(errs);
                    errs = NULL;
                    rc = sts_statefulset_validate_status(&errs, o, o, &opts);
                    ck_assert(rc >= 0 || errs);
                    sts_error_free(errs);
                    walked++;
                }
                sts_object_free(d);
            }
        }
        sts_object_list_free(l);
    }
    free(text);
}

static void walk(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        size_t len = strlen(e->d_name);
        if (S_ISDIR(st.st_mode))
            walk(path);
        else if (len > 5 && (strcmp(e->d_name + len - 5, ".yaml") == 0 ||
                             strcmp(e->d_name + len - 4, ".yml") == 0) &&
                 st.st_size < 4 * 1024 * 1024)
            exercise(path);
    }
    closedir(d);
}

START_TEST(every_fixture_is_handled)
{
    walked = 0;
    walk(getenv("STS_TEST_DATA") ? getenv("STS_TEST_DATA") : "tests/data");
    ck_assert_uint_gt(walked, 10);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("defaults");
    TCase *tc = tcase_create("defaults");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, versions);
    tcase_add_test(tc, feature_gates);
    tcase_add_test(tc, tutorial_as_stored_by_135);
    tcase_add_test(tc, tutorial_on_134_has_no_max_unavailable);
    tcase_add_test(tc, realistic_as_stored);
    tcase_add_test(tc, live_dump_round_trip);
    tcase_add_test(tc, d1_nothing_set);
    tcase_add_test(tc, d2_to_d12);
    tcase_add_test(tc, gate_off_drops_max_unavailable_on_create);
    tcase_add_test(tc, defaults_go_last_user_order_kept);
    tcase_add_test(tc, null_and_empty_values_are_defaulted_in_place);
    tcase_add_test(tc, image_pull_policy);
    tcase_add_test(tc, probes_zero_values_are_defaulted);
    tcase_add_test(tc, volume_sources);
    tcase_add_test(tc, number_quantities_become_strings);
    tcase_add_test(tc, bad_quantity_leaves_object_untouched);
    tcase_add_test(tc, other_kinds_and_bad_arguments);
    tcase_add_test(tc, defaulted_copy_leaves_input_alone);
    tcase_add_test(tc, every_fixture_is_handled);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
