/* Validation as the API server does it (create, update, status), with the
 * exact field paths, types and messages. Expected values: statefulset-spec.md
 * §7 and test-scenarios.md S69-S73 (upstream validation_test.go), the lead's
 * checked facts on field.Error rendering and kubectl's 422 format. */
#include <check.h>
#include <stdbool.h>
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

static sts_object *load(const char *yaml)
{
    sts_object_list *l = NULL;
    sts_error *err = NULL;
    if (sts_load(&l, reg, "yaml", yaml, strlen(yaml), NULL, &err))
        ck_abort_msg("load failed: %s\n%s", sts_error_message(err), yaml);
    sts_object *o = NULL;
    ck_assert_int_eq(sts_object_clone(&o, sts_object_list_at(l, 0), NULL), 0);
    sts_object_list_free(l);
    return o;
}

/* The valid base of test-scenarios.md section I, with overrides: each
 * placeholder is replaced by the given text (or its default). */
typedef struct base {
    const char *name, *ns, *pmp, *selector, *labels, *annotations, *restart, *extra_pod,
        *strategy, *retention, *replicas, *spec_extra, *containers;
} base;

static sts_object *make(const base *b)
{
    char buf[4096];
    snprintf(buf, sizeof buf,
             "apiVersion: apps/v1\n"
             "kind: StatefulSet\n"
             "metadata: {name: %s, namespace: %s}\n"
             "spec:\n"
             "  podManagementPolicy: %s\n"
             "%s"
             "  template:\n"
             "    metadata: {labels: %s%s}\n"
             "    spec:\n"
             "      restartPolicy: %s\n"
             "      dnsPolicy: ClusterFirst\n"
             "%s"
             "      containers: %s\n"
             "  updateStrategy: %s\n"
             "  persistentVolumeClaimRetentionPolicy: %s\n"
             "  replicas: %s\n"
             "%s",
             b->name ? b->name : "abc", b->ns ? b->ns : "default", b->pmp ? b->pmp : "OrderedReady",
             b->selector ? b->selector : "  selector: {matchLabels: {a: b}}\n",
             b->labels ? b->labels : "{a: b}", b->annotations ? b->annotations : "",
             b->restart ? b->restart : "Always", b->extra_pod ? b->extra_pod : "",
             b->containers ? b->containers
                           : "[{name: abc, image: image, imagePullPolicy: IfNotPresent, "
                             "terminationMessagePolicy: File}]",
             b->strategy ? b->strategy : "{type: RollingUpdate}",
             b->retention ? b->retention : "{whenDeleted: Retain, whenScaled: Retain}",
             b->replicas ? b->replicas : "3", b->spec_extra ? b->spec_extra : "");
    return load(buf);
}

static sts_error *run(int *count, const sts_object *o, const sts_object *old, const char *version,
                      uint32_t flags, bool status)
{
    sts_api_opts opts = STS_API_OPTS_INIT;
    opts.kube_version = version;
    opts.flags = flags;
    sts_error *errs = NULL;
    *count = status ? sts_statefulset_validate_status(&errs, o, old, &opts)
                    : sts_statefulset_validate(&errs, o, old, &opts);
    return errs;
}

static void expect_msgs(const sts_object *o, const sts_object *old, const char *version,
                        uint32_t flags, bool status, const char *const *want, size_t n)
{
    int count;
    sts_error *errs = run(&count, o, old, version, flags, status);
    ck_assert_msg(count >= 0, "validation failed: %s", errs ? sts_error_message(errs) : "?");
    if ((size_t)count != n) {
        sts_buf b = STS_BUF_INIT;
        for (const sts_error *e = errs; e; e = sts_error_next(e)) {
            sts_buf_append(&b, sts_error_message(e), strlen(sts_error_message(e)));
            sts_buf_append(&b, "\n", 1);
        }
        ck_abort_msg("version %s: %d errors, want %zu:\n%s", version ? version : "default",
                     count, n, b.data ? b.data : "");
    }
    ck_assert_uint_eq(sts_error_count(errs), n);
    size_t i = 0;
    for (const sts_error *e = errs; e; e = sts_error_next(e), i++) {
        ck_assert_str_eq(sts_error_message(e), want[i]);
        ck_assert_int_eq(sts_error_code(e), STS_EVALIDATION);
    }
    sts_error_free(errs);
}

#define EXPECT(o, old, ver, flags, ...)                                                      \
    do {                                                                                     \
        static const char *const w_[] = {__VA_ARGS__};                                       \
        expect_msgs(o, old, ver, flags, false, w_, sizeof w_ / sizeof w_[0]);                \
    } while (0)

static void expect_valid(const sts_object *o, const sts_object *old, const char *version,
                         uint32_t flags)
{
    expect_msgs(o, old, version, flags, false, NULL, 0);
}

static const char *const versions[] = {"1.31", "1.32", "1.33", "1.34", "1.35"};

#define RAW STS_API_NO_DEFAULTING

/* ---- S69 ----------------------------------------------------------------- */

START_TEST(s69_valid_cases)
{
    static const base cases[] = {
        {0},
        {.name = "abc-123"},
        {.pmp = "Parallel"},
        {.strategy = "{type: OnDelete}"},
        {.strategy = "{type: RollingUpdate, rollingUpdate: {partition: 2}}"},
        {.replicas = "0"},
        {.spec_extra = "  minReadySeconds: 0\n"},
        {.spec_extra = "  ordinals: {start: 0}\n"},
        {.spec_extra = "  ordinals: {start: 2}\n"},
        {.strategy = "{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}"},
        {.strategy = "{type: RollingUpdate, rollingUpdate: {maxUnavailable: \"1%\"}}"},
        {.strategy = "{type: RollingUpdate, rollingUpdate: {maxUnavailable: \"100%\"}}"},
        {.retention = "{whenDeleted: Delete, whenScaled: Retain}"},
        {.retention = "{whenDeleted: Retain, whenScaled: Delete}"},
        {.retention = "{whenDeleted: Delete, whenScaled: Delete}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sts_object *o = make(&cases[i]);
        for (size_t v = 0; v < 5; v++) {
            expect_valid(o, NULL, versions[v], 0);
            expect_valid(o, NULL, versions[v], RAW);
        }
        sts_object_free(o);
    }
}
END_TEST

/* ---- S70 ----------------------------------------------------------------- */

#define LABEL_MSG                                                                         \
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start "   \
    "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " \
    "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

START_TEST(s70_metadata)
{
    for (size_t v = 0; v < 5; v++) {
        base b = {.name = "\"\""};
        sts_object *o = make(&b);
        EXPECT(o, NULL, versions[v], 0,
               "metadata.name: Required value: name or generateName is required");
        sts_object_free(o);
        b = (base){.name = "abc.123"};
        o = make(&b);
        EXPECT(o, NULL, versions[v], 0, "metadata.name: Invalid value: \"abc.123\": must not contain dots");
        sts_object_free(o);
        b = (base){.name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
        o = make(&b);
        EXPECT(o, NULL, versions[v], 0,
               "metadata.name: Invalid value: "
               "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no "
               "more than 63 characters");
        sts_object_free(o);
        b = (base){.name = "Web_1"};
        o = make(&b);
        EXPECT(o, NULL, versions[v], 0,
               "metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist "
               "of lower case alphanumeric characters or '-', and must start and end with an "
               "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
               "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        sts_object_free(o);
        b = (base){.ns = "\"\""};
        o = make(&b);
        EXPECT(o, NULL, versions[v], 0, "metadata.namespace: Required value");
        sts_object_free(o);
    }
}
END_TEST

START_TEST(s70_selector_and_template)
{
    base b = {.selector = ""};
    sts_object *o = make(&b);
    EXPECT(o, NULL, NULL, 0, "spec.selector: Required value",
           "spec.template.metadata.labels: Invalid value: map[string]string{\"a\":\"b\"}: "
           "`selector` does not match template `labels`");
    sts_object_free(o);

    b = (base){.selector = "  selector: {}\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
           "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for "
           "statefulset");
    sts_object_free(o);

    b = (base){.selector = "  selector: {matchLabels: {a: c}}\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.template.metadata.labels: Invalid value: map[string]string{\"a\":\"b\"}: "
           "`selector` does not match template `labels`");
    sts_object_free(o);

    b = (base){.labels = "{a: b, \"NoUppercaseOrSpecialCharsLike=Equals\": b}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.template.labels: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": " LABEL_MSG);
    sts_object_free(o);

    b = (base){.annotations = ", annotations: {\"NoUppercaseOrSpecialCharsLike=Equals\": x}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.template.annotations: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": " LABEL_MSG);
    sts_object_free(o);

    /* matchExpressions select too */
    b = (base){.selector = "  selector: {matchExpressions: [{key: a, operator: In, values: [b, c]}]}\n"};
    o = make(&b);
    expect_valid(o, NULL, NULL, 0);
    sts_object_free(o);
    b = (base){.selector = "  selector: {matchExpressions: [{key: a, operator: In}]}\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.selector.matchExpressions[0].values: Required value: must be specified when "
           "`operator` is 'In' or 'NotIn'",
           "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
           "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"a\", "
           "Operator:\"In\", Values:[]string(nil)}}}");
    sts_object_free(o);
}
END_TEST

START_TEST(s70_pod_template_rules)
{
    static const char *const policies[] = {"OnFailure", "Never", "\"\""};
    static const char *const shown[] = {"\"OnFailure\"", "\"Never\"", "\"\""};
    for (size_t i = 0; i < 3; i++) {
        base b = {.restart = policies[i]};
        sts_object *o = make(&b);
        char want[128];
        snprintf(want, sizeof want,
                 "spec.template.spec.restartPolicy: Unsupported value: %s: supported values: "
                 "\"Always\"", shown[i]);
        const char *w[] = {want};
        expect_msgs(o, NULL, "1.33", RAW, false, w, 1);
        expect_msgs(o, NULL, "1.35", RAW, false, w, 1);
        if (i < 2) /* "" is defaulted to Always first */
            expect_msgs(o, NULL, "1.35", 0, false, w, 1);
        else
            expect_valid(o, NULL, "1.35", 0);
        sts_object_free(o);
    }
    base b = {.extra_pod = "      activeDeadlineSeconds: 10\n"};
    sts_object *o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in "
           "StatefulSet is not Supported");
    sts_object_free(o);
}
END_TEST

START_TEST(s70_strategy_and_policies)
{
    base b = {.strategy = "{type: foo}"};
    sts_object *o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:\"foo\", "
           "RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be "
           "'RollingUpdate' or 'OnDelete'");
    sts_object_free(o);

    b = (base){.strategy = "{type: \"\"}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, RAW, "spec.updateStrategy: Required value");
    expect_valid(o, NULL, NULL, 0); /* defaulted to RollingUpdate */
    sts_object_free(o);

    b = (base){.strategy = "{type: OnDelete, rollingUpdate: {partition: 1}}"};
    o = make(&b);
    EXPECT(o, NULL, "1.34", 0,
           "spec.updateStrategy.rollingUpdate: Invalid value: "
           "apps.RollingUpdateStatefulSetStrategy{Partition:1, "
           "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy "
           "'RollingUpdate'");
    sts_object_free(o);

    b = (base){.strategy = "{type: RollingUpdate, rollingUpdate: {partition: -1}}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater "
           "than or equal to 0");
    sts_object_free(o);

    b = (base){.pmp = "\"\""};
    o = make(&b);
    EXPECT(o, NULL, NULL, RAW, "spec.podManagementPolicy: Required value");
    sts_object_free(o);

    b = (base){.pmp = "foo"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.podManagementPolicy: Invalid value: \"foo\": must be 'OrderedReady' or 'Parallel'");
    sts_object_free(o);

    b = (base){.retention = "{whenDeleted: \"\", whenScaled: \"\"}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, RAW,
           "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"\": "
           "supported values: \"Retain\", \"Delete\"",
           "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: \"\": "
           "supported values: \"Retain\", \"Delete\"");
    sts_object_free(o);

    b = (base){.retention = "{whenDeleted: invalid policy, whenScaled: invalid policy}"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "
           "\"invalid policy\": supported values: \"Retain\", \"Delete\"",
           "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "
           "\"invalid policy\": supported values: \"Retain\", \"Delete\"");
    sts_object_free(o);

    b = (base){.replicas = "-1"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0, "spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    sts_object_free(o);

    b = (base){.spec_extra = "  ordinals: {start: -2}\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0");
    sts_object_free(o);

    b = (base){.spec_extra = "  minReadySeconds: -1\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0");
    sts_object_free(o);
}
END_TEST

#define MU "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "

START_TEST(s70_max_unavailable)
{
    static const struct {
        const char *value;
        const char *want[2];
    } cases[] = {
        {"0", {MU "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0", NULL}},
        {"\"0%\"", {MU "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: cannot be 0", NULL}},
        {"\"101%\"",
         {MU "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not be greater than 100%",
          NULL}},
        {"\"abc\"",
         {MU "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must "
             "be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used "
             "for validation is '[0-9]+%')",
          MU "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: cannot be 0"}},
        {"-1",
         {MU "intstr.IntOrString{Type:0, IntVal:-1, StrVal:\"\"}: must be greater than or equal to 0",
          NULL}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char strat[128];
        snprintf(strat, sizeof strat, "{type: RollingUpdate, rollingUpdate: {maxUnavailable: %s}}",
                 cases[i].value);
        base b = {.strategy = strat};
        sts_object *o = make(&b);
        size_t n = cases[i].want[1] ? 2 : 1;
        expect_msgs(o, NULL, "1.35", 0, false, cases[i].want, n);
        /* gate off (1.34): the registry drops the field on create */
        expect_valid(o, NULL, "1.34", 0);
        expect_msgs(o, NULL, "1.34", 0 | 0, false, NULL, 0);
        sts_api_opts on = STS_API_OPTS_INIT;
        on.kube_version = "1.34";
        on.feature_gates = "MaxUnavailableStatefulSet=true";
        sts_error *errs = NULL;
        ck_assert_int_eq(sts_statefulset_validate(&errs, o, NULL, &on), (int)n);
        sts_error_free(errs);
        sts_object_free(o);
    }
}
END_TEST

/* ---- S71 ----------------------------------------------------------------- */

START_TEST(s71_min_ready_seconds_bounds)
{
    base b = {.spec_extra = "  minReadySeconds: 2147483647\n"};
    sts_object *o = make(&b);
    expect_valid(o, NULL, NULL, 0);
    sts_object_free(o);
    b = (base){.spec_extra = "  minReadySeconds: -2147483648\n"};
    o = make(&b);
    EXPECT(o, NULL, NULL, 0,
           "spec.minReadySeconds: Invalid value: -2147483648: must be greater than or equal to 0");
    sts_object_free(o);
}
END_TEST

/* ---- per-version rules ------------------------------------------------------ */

START_TEST(service_name_from_133)
{
    base b = {.spec_extra = "  serviceName: Nginx_svc\n"};
    sts_object *o = make(&b);
    expect_valid(o, NULL, "1.31", 0);
    expect_valid(o, NULL, "1.32", 0);
    for (size_t v = 2; v < 5; v++)
        EXPECT(o, NULL, versions[v], 0,
               "spec.serviceName: Invalid value: \"Nginx_svc\": a lowercase RFC 1123 label must "
               "consist of lower case alphanumeric characters or '-', and must start and end "
               "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
               "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    sts_object_free(o);
    b = (base){.spec_extra = "  serviceName: nginx.svc\n"};
    o = make(&b);
    expect_valid(o, NULL, "1.32", 0);
    EXPECT(o, NULL, "1.33", 0, "spec.serviceName: Invalid value: \"nginx.svc\": must not contain dots");
    sts_object_free(o);
    b = (base){.spec_extra = "  serviceName: \"\"\n"};
    o = make(&b);
    expect_valid(o, NULL, "1.35", 0);
    sts_object_free(o);
}
END_TEST

#define C0 "spec.template.spec.containers[0]"

START_TEST(pod_template_from_134)
{
    /* a mount of an unknown volume */
    base b = {.containers = "[{name: abc, image: image, volumeMounts: [{name: data, mountPath: /d}]}]"};
    sts_object *o = make(&b);
    for (size_t v = 0; v < 3; v++)
        expect_valid(o, NULL, versions[v], 0);
    EXPECT(o, NULL, "1.34", 0, C0 ".volumeMounts[0].name: Not found: \"data\"");
    EXPECT(o, NULL, "1.35", 0, C0 ".volumeMounts[0].name: Not found: \"data\"");
    sts_object_free(o);

    /* ... resolved by a claim template; claim templates are validated */
    b.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: data}\n"
                   "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n";
    o = make(&b);
    expect_valid(o, NULL, "1.34", 0);
    sts_object_free(o);
    b.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {}\n";
    o = make(&b);
    expect_valid(o, NULL, "1.33", 0);
    EXPECT(o, NULL, "1.34", 0,
           "spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access "
           "mode is required",
           "spec.volumeClaimTemplates[0].spec.resources[storage]: Required value");
    sts_object_free(o);
    b.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: data}\n"
                   "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 0}}}\n";
    o = make(&b);
    EXPECT(o, NULL, "1.35", 0,
           "spec.volumeClaimTemplates[0].spec.resources[storage]: Invalid value: \"0\": must be "
           "greater than zero");
    sts_object_free(o);

    b.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: data}\n"
                   "    spec: {accessModes: [ReadWriteOncePod, ReadWriteOnce, Sometimes], "
                   "storageClassName: Fast_SSD, volumeMode: Raw, "
                   "resources: {requests: {storage: 1Gi}}}\n";
    o = make(&b);
    EXPECT(o, NULL, "1.35", 0,
           "spec.volumeClaimTemplates[0].spec.accessModes: Unsupported value: \"Sometimes\": "
           "supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", "
           "\"ReadWriteOncePod\"",
           "spec.volumeClaimTemplates[0].spec.accessModes: Forbidden: may not use "
           "ReadWriteOncePod with other access modes",
           "spec.volumeClaimTemplates[0].spec.storageClassName: Invalid value: \"Fast_SSD\": a "
           "lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
           "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
           "regex used for validation is "
           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
           "spec.volumeClaimTemplates[0].spec.volumeMode: Unsupported value: \"Raw\": supported "
           "values: \"Block\", \"Filesystem\"");
    sts_object_free(o);

    /* a template volume of a claim's name is replaced by the claim, even an
     * invalid one */
    b.extra_pod = "      volumes: [{name: data, emptyDir: {}, hostPath: {path: /x}}]\n";
    b.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: data}\n"
                   "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n";
    o = make(&b);
    expect_valid(o, NULL, "1.35", 0);
    sts_object_free(o);

    /* containers */
    b = (base){.containers = "[{name: Abc, image: \"\"}, {name: Abc, image: x, ports: "
                             "[{containerPort: 70000, protocol: HTTP}, {containerPort: 80, "
                             "name: Web}]}]"};
    o = make(&b);
    expect_valid(o, NULL, "1.33", 0);
    EXPECT(o, NULL, "1.34", 0,
           C0 ".name: Invalid value: \"Abc\": a lowercase RFC 1123 label must consist of lower "
           "case alphanumeric characters or '-', and must start and end with an alphanumeric "
           "character (e.g. 'my-name',  or '123-abc', regex used for validation is "
           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
           C0 ".image: Required value",
           "spec.template.spec.containers[1].name: Invalid value: \"Abc\": a lowercase RFC 1123 "
           "label must consist of lower case alphanumeric characters or '-', and must start and "
           "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
           "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
           "spec.template.spec.containers[1].ports[0].containerPort: Invalid value: 70000: must "
           "be between 1 and 65535, inclusive",
           "spec.template.spec.containers[1].ports[0].protocol: Unsupported value: \"HTTP\": "
           "supported values: \"SCTP\", \"TCP\", \"UDP\"",
           "spec.template.spec.containers[1].ports[1].name: Invalid value: \"Web\": must contain "
           "only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
           "spec.template.spec.containers[1].name: Duplicate value: \"Abc\"");
    sts_object_free(o);

    b = (base){.containers = "[]"};
    o = make(&b);
    expect_valid(o, NULL, "1.33", 0);
    EXPECT(o, NULL, "1.34", 0, "spec.template.spec.containers: Required value");
    sts_object_free(o);

    b = (base){.extra_pod = "      volumes: [{name: a, emptyDir: {}}, {name: a, emptyDir: {}}, "
                            "{name: B_b, emptyDir: {}}]\n"};
    o = make(&b);
    EXPECT(o, NULL, "1.34", 0,
           "spec.template.spec.volumes[1].name: Duplicate value: \"a\"",
           "spec.template.spec.volumes[2].name: Invalid value: \"B_b\": a lowercase RFC 1123 "
           "label must consist of lower case alphanumeric characters or '-', and must start and "
           "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
           "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    sts_object_free(o);
}
END_TEST

START_TEST(realistic_sets_are_valid)
{
    static const char *const tutorial =
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web, namespace: default}\n"
        "spec:\n  selector: {matchLabels: {app: nginx}}\n  serviceName: nginx\n  replicas: 3\n"
        "  minReadySeconds: 10\n  template:\n    metadata: {labels: {app: nginx}}\n"
        "    spec:\n      terminationGracePeriodSeconds: 10\n      containers:\n"
        "      - name: nginx\n        image: registry.k8s.io/nginx-slim:0.24\n"
        "        ports: [{containerPort: 80, name: web}]\n"
        "        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]\n"
        "  volumeClaimTemplates:\n  - metadata: {name: www}\n"
        "    spec: {accessModes: [ReadWriteOnce], storageClassName: my-storage-class, "
        "resources: {requests: {storage: 1Gi}}}\n";
    sts_object *o = load(tutorial);
    for (size_t v = 0; v < 5; v++)
        expect_valid(o, NULL, versions[v], 0);
    /* the raw (undefaulted) object misses the required policies */
    int n;
    sts_error *errs = run(&n, o, NULL, NULL, RAW, false);
    ck_assert_int_gt(n, 0);
    sts_error_free(errs);
    sts_object_free(o);
}
END_TEST

/* ---- S72 update ------------------------------------------------------------- */

#define FORBIDDEN_133                                                                       \
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "         \
    "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "                      \
    "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
#define FORBIDDEN_131                                                                       \
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "         \
    "'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and "   \
    "'minReadySeconds' are forbidden"

START_TEST(s72_update)
{
    base ob = {0};
    sts_object *old = make(&ob);
    static const base allowed[] = {
        {.replicas = "5"},
        {.containers = "[{name: abc, image: image2, imagePullPolicy: IfNotPresent, "
                       "terminationMessagePolicy: File}]"},
        {.retention = "{whenDeleted: Delete, whenScaled: Retain}"},
        {.strategy = "{type: OnDelete}"},
        {.strategy = "{type: RollingUpdate, rollingUpdate: {partition: 2}}"},
        {.spec_extra = "  minReadySeconds: 5\n"},
        {.spec_extra = "  ordinals: {start: 3}\n"},
    };
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        sts_object *o = make(&allowed[i]);
        for (size_t v = 0; v < 5; v++)
            expect_valid(o, old, versions[v], 0);
        sts_object_free(o);
    }
    /* metadata labels, annotations and finalizers may change */
    sts_object *o = make(&ob);
    ck_assert_int_eq(sts_object_set_label(o, "x", "y", NULL), 0);
    ck_assert_int_eq(sts_object_set_annotation(o, "note", "z", NULL), 0);
    expect_valid(o, old, NULL, 0);
    sts_object_free(o);

    /* revisionHistoryLimit: mutable from 1.33 */
    base rb = {.spec_extra = "  revisionHistoryLimit: 3\n"};
    o = make(&rb);
    EXPECT(o, old, "1.31", 0, FORBIDDEN_131);
    EXPECT(o, old, "1.32", 0, FORBIDDEN_131);
    expect_valid(o, old, "1.33", 0);
    expect_valid(o, old, "1.35", 0);
    sts_object_free(o);

    base nb = {.name = "abd"};
    o = make(&nb);
    EXPECT(o, old, NULL, 0, "metadata.name: Invalid value: \"abd\": field is immutable");
    sts_object_free(o);
    nb = (base){.ns = "other"};
    o = make(&nb);
    EXPECT(o, old, NULL, 0, "metadata.namespace: Invalid value: \"other\": field is immutable");
    sts_object_free(o);

    static const base forbidden[] = {
        {.selector = "  selector: {matchLabels: {a: b, c: d}}\n", .labels = "{a: b, c: d}"},
        {.pmp = "Parallel"},
        {.spec_extra = "  serviceName: other\n"},
        {.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                       "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"},
    };
    for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++) {
        o = make(&forbidden[i]);
        EXPECT(o, old, "1.35", 0, FORBIDDEN_133);
        EXPECT(o, old, "1.32", 0, FORBIDDEN_131);
        sts_object_free(o);
    }
    base neg = {.replicas = "-1"};
    o = make(&neg);
    EXPECT(o, old, NULL, 0, "spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    sts_object_free(o);
    sts_object_free(old);

    /* volumeClaimTemplates: size or class change is forbidden */
    base vb = {.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                             "    spec: {accessModes: [ReadWriteOnce], resources: {requests: "
                             "{storage: 1Gi}}}\n"};
    old = make(&vb);
    vb.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                    "    spec: {accessModes: [ReadWriteOnce], resources: {requests: "
                    "{storage: 1024Mi}}}\n";
    o = make(&vb);
    expect_valid(o, old, NULL, 0); /* same quantity once canonical */
    sts_object_free(o);
    vb.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                    "    spec: {accessModes: [ReadWriteOnce], resources: {requests: "
                    "{storage: 2Gi}}}\n";
    o = make(&vb);
    EXPECT(o, old, NULL, 0, FORBIDDEN_133);
    sts_object_free(o);
    vb.spec_extra = "  volumeClaimTemplates:\n  - metadata: {name: d}\n"
                    "    spec: {accessModes: [ReadWriteOnce], storageClassName: fast, "
                    "resources: {requests: {storage: 1Gi}}}\n";
    o = make(&vb);
    EXPECT(o, old, NULL, 0, FORBIDDEN_133);
    sts_object_free(o);
    sts_object_free(old);
}
END_TEST

START_TEST(update_ratcheting)
{
    /* maxUnavailable with its gate off: dropped unless the stored object uses it */
    base ob = {0};
    sts_object *old = make(&ob);
    base nb = {.strategy = "{type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}"};
    sts_object *o = make(&nb);
    expect_valid(o, old, "1.34", 0);
    sts_object_free(old);
    ob.strategy = "{type: RollingUpdate, rollingUpdate: {maxUnavailable: 2}}";
    old = make(&ob);
    EXPECT(o, old, "1.34", 0, MU "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0");
    sts_object_free(o);
    sts_object_free(old);

    /* 1.34 pod template validation is skipped when the stored object fails it */
    base bad = {.containers = "[{name: abc, image: image, volumeMounts: [{name: data, mountPath: /d}]}]"};
    old = make(&bad);
    bad.replicas = "4";
    o = make(&bad);
    expect_valid(o, old, "1.35", 0);
    sts_object_free(old);
    old = make(&ob);
    EXPECT(o, old, "1.35", 0, C0 ".volumeMounts[0].name: Not found: \"data\"");
    sts_object_free(o);
    sts_object_free(old);
}
END_TEST

/* ---- S73 status ---------------------------------------------------------------- */

static sts_object *with_status(const char *status)
{
    char buf[1024];
    snprintf(buf, sizeof buf,
             "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: abc, namespace: default}\n"
             "spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}}}\n"
             "status: %s\n", status);
    return load(buf);
}

static void expect_status(const char *status, const char *old_status, const char *const *want,
                          size_t n)
{
    sts_object *o = with_status(status);
    sts_object *old = old_status ? with_status(old_status) : NULL;
    expect_msgs(o, old, NULL, 0, true, want, n);
    sts_object_free(o);
    sts_object_free(old);
}

#define STATUS(s, old, ...)                                                    \
    do {                                                                       \
        static const char *const w_[] = {__VA_ARGS__};                         \
        expect_status(s, old, w_, sizeof w_ / sizeof w_[0]);                   \
    } while (0)

START_TEST(s73_status)
{
    expect_status("{replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1, "
                  "availableReplicas: 3, observedGeneration: 3, collisionCount: 0}", NULL, NULL, 0);
    STATUS("{replicas: -1}", NULL,
           "status.replicas: Invalid value: -1: must be greater than or equal to 0",
           "status.readyReplicas: Invalid value: 0: cannot be greater than status.replicas",
           "status.currentReplicas: Invalid value: 0: cannot be greater than status.replicas",
           "status.updatedReplicas: Invalid value: 0: cannot be greater than status.replicas",
           "status.availableReplicas: Invalid value: 0: cannot be greater than status.replicas");
    STATUS("{replicas: 3, readyReplicas: -1}", NULL,
           "status.readyReplicas: Invalid value: -1: must be greater than or equal to 0",
           "status.availableReplicas: Invalid value: 0: cannot be greater than status.readyReplicas");
    STATUS("{replicas: 3, readyReplicas: 3, currentReplicas: -1}", NULL,
           "status.currentReplicas: Invalid value: -1: must be greater than or equal to 0");
    STATUS("{replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: -1}", NULL,
           "status.updatedReplicas: Invalid value: -1: must be greater than or equal to 0");
    STATUS("{replicas: 3, readyReplicas: 3, availableReplicas: -1}", NULL,
           "status.availableReplicas: Invalid value: -1: must be greater than or equal to 0");
    STATUS("{replicas: 3, readyReplicas: 3, observedGeneration: -1}", NULL,
           "status.observedGeneration: Invalid value: -1: must be greater than or equal to 0");
    STATUS("{replicas: 3, readyReplicas: 3, collisionCount: -1}", NULL,
           "status.collisionCount: Invalid value: -1: must be greater than or equal to 0");
    STATUS("{replicas: 3, readyReplicas: 4}", NULL,
           "status.readyReplicas: Invalid value: 4: cannot be greater than status.replicas");
    STATUS("{replicas: 3, readyReplicas: 3, currentReplicas: 4}", NULL,
           "status.currentReplicas: Invalid value: 4: cannot be greater than status.replicas");
    STATUS("{replicas: 3, readyReplicas: 3, updatedReplicas: 4}", NULL,
           "status.updatedReplicas: Invalid value: 4: cannot be greater than status.replicas");
    STATUS("{replicas: 3, readyReplicas: 3, availableReplicas: 4}", NULL,
           "status.availableReplicas: Invalid value: 4: cannot be greater than status.replicas",
           "status.availableReplicas: Invalid value: 4: cannot be greater than status.readyReplicas");
    STATUS("{replicas: 3, readyReplicas: 2, availableReplicas: 3}", NULL,
           "status.availableReplicas: Invalid value: 3: cannot be greater than status.readyReplicas");
    /* collisionCount may not decrease or be unset */
    STATUS("{collisionCount: 4}", "{collisionCount: 5}",
           "status.collisionCount: Invalid value: 4: cannot be decremented");
    STATUS("{}", "{collisionCount: 5}",
           "status.collisionCount: Invalid value: 0: cannot be decremented");
    expect_status("{collisionCount: 5}", "{collisionCount: 4}", NULL, 0);
}
END_TEST

/* ---- kubectl's rendering ---------------------------------------------------------- */

START_TEST(kubectl_format)
{
    base b = {.replicas = "-1"};
    sts_object *o = make(&b);
    int n;
    sts_error *errs = run(&n, o, NULL, NULL, 0, false);
    ck_assert_int_eq(n, 1);
    sts_buf out = STS_BUF_INIT;
    ck_assert_int_eq(sts_validation_format(&out, o, NULL), 0);
    ck_assert_uint_eq(out.len, 0);
    ck_assert_int_eq(sts_validation_format(NULL, o, errs), STS_EINVAL);
    ck_assert_int_eq(sts_validation_format(&out, o, errs), 0);
    ck_assert_str_eq(out.data, "The StatefulSet \"abc\" is invalid: spec.replicas: Invalid value: "
                               "-1: must be greater than or equal to 0\n");
    sts_buf_dispose(&out);
    sts_error_free(errs);
    sts_object_free(o);

    b = (base){.retention = "{whenDeleted: x, whenScaled: x}", .pmp = "foo"};
    o = make(&b);
    errs = run(&n, o, NULL, NULL, 0, false);
    ck_assert_int_eq(n, 3);
    /* a repeated line is printed once */
    sts_error *dup = NULL;
    ck_assert_int_eq(sts_error_new_field(&dup, STS_FIELD_ERROR_INVALID, "spec.podManagementPolicy",
                                         "\"foo\"", "must be 'OrderedReady' or 'Parallel'"), 0);
    sts_error_append(&errs, dup);
    ck_assert_int_eq(sts_validation_format(&out, o, errs), 0);
    ck_assert_str_eq(out.data,
                     "The StatefulSet \"abc\" is invalid: \n"
                     "* spec.podManagementPolicy: Invalid value: \"foo\": must be 'OrderedReady' "
                     "or 'Parallel'\n"
                     "* spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "
                     "\"x\": supported values: \"Retain\", \"Delete\"\n"
                     "* spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "
                     "\"x\": supported values: \"Retain\", \"Delete\"\n");
    sts_buf_dispose(&out);
    sts_error_free(errs);

    /* field errors carry type, path, value and detail */
    errs = run(&n, o, NULL, NULL, 0, false);
    ck_assert_int_eq(sts_error_field_type(errs), STS_FIELD_ERROR_INVALID);
    ck_assert_str_eq(sts_error_path(errs), "spec.podManagementPolicy");
    ck_assert_str_eq(sts_error_bad_value(errs), "\"foo\"");
    ck_assert_str_eq(sts_error_detail(errs), "must be 'OrderedReady' or 'Parallel'");
    sts_error_free(errs);
    sts_object_free(o);
}
END_TEST

START_TEST(bad_arguments)
{
    sts_error *errs = NULL;
    ck_assert_int_eq(sts_statefulset_validate(&errs, NULL, NULL, NULL), STS_EINVAL);
    ck_assert_ptr_nonnull(errs);
    sts_error_free(errs);
    errs = NULL;
    sts_object *svc = load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
    ck_assert_int_eq(sts_statefulset_validate(&errs, svc, NULL, NULL), STS_EINVAL);
    sts_error_free(errs);
    errs = NULL;
    base b = {0};
    sts_object *o = make(&b);
    sts_api_opts opts = STS_API_OPTS_INIT;
    opts.kube_version = "1.29";
    ck_assert_int_eq(sts_statefulset_validate(&errs, o, NULL, &opts), STS_EVERSION);
    ck_assert_int_eq(sts_error_code(errs), STS_EVERSION);
    sts_error_free(errs);
    errs = NULL;
    ck_assert_int_eq(sts_statefulset_validate(NULL, o, NULL, NULL), STS_EINVAL);
    sts_object_free(o);
    sts_object_free(svc);
}
END_TEST


START_TEST(metadata_labels_and_annotations)
{
    base b = {0};
    sts_object *o = make(&b);
    ck_assert_int_eq(sts_object_set_label(o, "Example.com/x", "a b", NULL), 0);
    EXPECT(o, NULL, NULL, 0,
           "metadata.labels: Invalid value: \"Example.com/x\": prefix part a lowercase RFC 1123 "
           "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
           "start and end with an alphanumeric character (e.g. 'example.com', regex used for "
           "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
           "metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or "
           "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
           "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
           "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    sts_object_free(o);

    /* annotation keys are checked lower-cased; 256 KiB in total */
    o = make(&b);
    ck_assert_int_eq(sts_object_set_annotation(o, "Example.COM/Key", "v", NULL), 0);
    expect_valid(o, NULL, NULL, 0);
    char *big = malloc(262144);
    memset(big, 'x', 262127);
    big[262127] = 0;
    ck_assert_int_eq(sts_object_set_annotation(o, "k", big, NULL), 0);
    expect_valid(o, NULL, NULL, 0); /* 15+1 + 1+262127 = 262144 bytes: at the limit */
    free(big);
    sts_object_free(o);
    o = make(&b);
    big = malloc(262146);
    memset(big, 'x', 262145);
    big[262145] = 0;
    ck_assert_int_eq(sts_object_set_annotation(o, "k", big, NULL), 0);
    EXPECT(o, NULL, NULL, 0, "metadata.annotations: Too long: may not be more than 262144 bytes");
    free(big);
    sts_object_free(o);

    /* generateName is validated as a prefix; the name is still required offline */
    o = make(&(base){.name = "\"\""});
    ck_assert_int_eq(sts_object_set_string(o, "metadata.generateName", "web-", 4, NULL), 0);
    EXPECT(o, NULL, NULL, 0, "metadata.name: Required value: name or generateName is required");
    ck_assert_int_eq(sts_object_set_string(o, "metadata.generateName", "Web-", 4, NULL), 0);
    EXPECT(o, NULL, NULL, 0,
           "metadata.generateName: Invalid value: \"Web-\": a lowercase RFC 1123 label must "
           "consist of lower case alphanumeric characters or '-', and must start and end with an "
           "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
           "metadata.name: Required value: name or generateName is required");
    sts_object_free(o);

    /* a selector with an invalid value does not convert: no template check */
    o = make(&(base){.selector = "  selector: {matchLabels: {a: \"b c\"}}\n"});
    int n;
    sts_error *errs = run(&n, o, NULL, NULL, 0, false);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(sts_error_path(errs), "spec.selector.matchLabels");
    ck_assert_str_eq(sts_error_message(sts_error_next(errs)),
                     "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                     "map[string]string{\"a\":\"b c\"}, "
                     "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
    sts_error_free(errs);
    sts_object_free(o);

    /* a wrong-typed field is the decoder's error (negative code, in the chain) */
    o = make(&b);
    ck_assert_int_eq(sts_object_set_string(o, "spec.replicas", "three", 5, NULL), 0);
    errs = run(&n, o, NULL, NULL, 0, false);
    ck_assert_int_eq(n, STS_ETYPE);
    ck_assert_str_eq(sts_error_path(errs), "spec.replicas");
    sts_error_free(errs);
    sts_object_free(o);
}
END_TEST

/* Every error names where the field is in the source (or its nearest
 * present ancestor when the field is absent). */
/* kubectl fills in the context's namespace; only an explicit "" is empty */
START_TEST(absent_namespace_is_the_requests)
{
    sts_object *o = load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n"
                         "spec:\n  selector: {matchLabels: {app: nginx}}\n"
                         "  template:\n    metadata: {labels: {app: nginx}}\n"
                         "    spec: {containers: [{name: c, image: x}]}\n");
    sts_error *errs = NULL;
    ck_assert_int_eq(sts_statefulset_validate(&errs, o, NULL, NULL), 0);
    ck_assert_ptr_null(errs);
    sts_object_free(o);
}
END_TEST

START_TEST(errors_carry_source_positions)
{
    sts_object *o = load("apiVersion: apps/v1\n"
                         "kind: StatefulSet\n"
                         "metadata: {name: web, namespace: default}\n"
                         "spec:\n"
                         "  replicas: -1\n"
                         "  selector: {matchLabels: {app: nginx}}\n"
                         "  template:\n"
                         "    metadata: {labels: {app: other}}\n"
                         "    spec: {containers: [{name: c, image: x}]}\n");
    sts_error *errs = NULL;
    ck_assert_int_eq(sts_statefulset_validate(&errs, o, NULL, NULL), 2);
    ck_assert_str_eq(sts_error_path(errs), "spec.replicas");
    ck_assert_uint_eq(sts_error_line(errs), 5);
    ck_assert_uint_eq(sts_error_column(errs), 13);
    const sts_error *e = sts_error_next(errs);
    ck_assert_str_eq(sts_error_path(e), "spec.template.metadata.labels");
    ck_assert_uint_eq(sts_error_line(e), 8);
    ck_assert_uint_eq(sts_error_column(e), 24); /* the "{" of the labels map */
    sts_error_free(errs);
    sts_object_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("validation");
    TCase *tc = tcase_create("validation");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, s69_valid_cases);
    tcase_add_test(tc, s70_metadata);
    tcase_add_test(tc, s70_selector_and_template);
    tcase_add_test(tc, s70_pod_template_rules);
    tcase_add_test(tc, s70_strategy_and_policies);
    tcase_add_test(tc, s70_max_unavailable);
    tcase_add_test(tc, s71_min_ready_seconds_bounds);
    tcase_add_test(tc, service_name_from_133);
    tcase_add_test(tc, pod_template_from_134);
    tcase_add_test(tc, realistic_sets_are_valid);
    tcase_add_test(tc, s72_update);
    tcase_add_test(tc, update_ratcheting);
    tcase_add_test(tc, s73_status);
    tcase_add_test(tc, kubectl_format);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, metadata_labels_and_annotations);
    tcase_add_test(tc, errors_carry_source_positions);
    tcase_add_test(tc, absent_namespace_is_the_requests);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
