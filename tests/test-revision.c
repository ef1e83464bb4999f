/* ControllerRevision naming: canonical bytes, FNV-1 hash, names, the
 * ControllerRevision object, EqualRevision, ApplyRevision.
 *
 * Expected values come from the spec's published vectors (statefulset-spec.md
 * 4.4, test-scenarios S13-S20) and from Go's own encoder (the oracle vectors
 * under tests/data/revision/oracle, see gen-expected.py there). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

/* ---- published vectors (spec 4.4) ---------------------------------------- */

#define V1_DATA                                                                                   \
    "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{\"annotations\":{\"test\":"   \
    "\"value\"},\"creationTimestamp\":null,\"labels\":{\"app\":\"foo\"}},\"spec\":{"              \
    "\"containers\":[{\"image\":\"test\",\"imagePullPolicy\":\"Always\",\"name\":\"test\","       \
    "\"resources\":{},\"terminationMessagePath\":\"/dev/termination-log\","                      \
    "\"terminationMessagePolicy\":\"File\"}],\"dnsPolicy\":\"ClusterFirst\",\"restartPolicy\":"   \
    "\"Always\",\"schedulerName\":\"default-scheduler\",\"securityContext\":{},"                  \
    "\"terminationGracePeriodSeconds\":30}}}}"
#define V2_DATA                                                                                   \
    "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{\"annotations\":{\"test\":"   \
    "\"value\"},\"labels\":{\"app\":\"foo\"}},\"spec\":{"                                         \
    "\"containers\":[{\"image\":\"test\",\"imagePullPolicy\":\"Always\",\"name\":\"test\","       \
    "\"resources\":{},\"terminationMessagePath\":\"/dev/termination-log\","                      \
    "\"terminationMessagePolicy\":\"File\"}],\"dnsPolicy\":\"ClusterFirst\",\"restartPolicy\":"   \
    "\"Always\",\"schedulerName\":\"default-scheduler\",\"securityContext\":{},"                  \
    "\"terminationGracePeriodSeconds\":30}}}}"
#define V3_HEAD "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{"
#define V3_TAIL                                                                                   \
    "\"labels\":{\"app\":\"nginx\"}},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\","        \
    "\"imagePullPolicy\":\"IfNotPresent\",\"name\":\"nginx\",\"resources\":{},"                   \
    "\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\"}]," \
    "\"dnsPolicy\":\"ClusterFirst\",\"restartPolicy\":\"Always\",\"schedulerName\":"              \
    "\"default-scheduler\",\"securityContext\":{},\"terminationGracePeriodSeconds\":30}}}}"
#define V3_DATA V3_HEAD V3_TAIL
#define V4_DATA V3_HEAD "\"creationTimestamp\":null," V3_TAIL

static void check_hash(const char *data, int32_t cc, const char *want)
{
    char out[32];
    int n = sts_revision_hash_data(out, sizeof out, data, strlen(data), cc);
    ck_assert_int_eq(n, (int)strlen(want));
    ck_assert_str_eq(out, want);
}

START_TEST(fnv1_not_fnv1a)
{
    ck_assert_uint_eq(sts_fnv1_32("", 0), 2166136261u);
    ck_assert_uint_eq(sts_fnv1_32("0", 1), 84696367u); /* V5 */
    char buf[1024];
    snprintf(buf, sizeof buf, "%s0", V1_DATA);
    ck_assert_uint_eq(sts_fnv1_32(buf, strlen(buf)), 733928534u);
    ck_assert_uint_ne(sts_fnv1_32(buf, strlen(buf)), 120108408u); /* FNV-1a */
    snprintf(buf, sizeof buf, "%s0", V2_DATA);
    ck_assert_uint_eq(sts_fnv1_32(buf, strlen(buf)), 3325552446u);
    snprintf(buf, sizeof buf, "%s10", V3_DATA);
    ck_assert_uint_eq(sts_fnv1_32(buf, strlen(buf)), 3247327374u);
}
END_TEST

START_TEST(published_hash_vectors)
{
    ck_assert_uint_eq(strlen(V3_DATA), 416);
    ck_assert_uint_eq(strlen(V4_DATA), 441);
    check_hash(V1_DATA, 0, "c77f6d978"); /* S13 */
    check_hash(V1_DATA, 1, "c77f6d979");
    char out[16];
    sts_revision_hash_data(out, sizeof out, V1_DATA, strlen(V1_DATA), 0);
    ck_assert_str_ne(out, "56454d84d"); /* what FNV-1a would give */
    check_hash(V2_DATA, 0, "776999688b"); /* S14 */
    check_hash(V2_DATA, 1, "776999688c");
    check_hash(V3_DATA, 0, "6cdf689c4c"); /* S15 */
    check_hash(V3_DATA, 1, "6cdf689c4b");
    check_hash(V3_DATA, 2, "6cdf689c49");
    check_hash(V3_DATA, 10, "768c76c7c8");
    check_hash(V4_DATA, 0, "59b8f57"); /* 7 characters: Sum32 < 10^7 */
    check_hash(V4_DATA, 1, "59b8f56");
    check_hash(V4_DATA, 2, "59b8f59");
    check_hash(V4_DATA, 10, "7b66684fb");
    check_hash("", 0, "d8bfb7bc"); /* V5 */
}
END_TEST

START_TEST(snprintf_semantics)
{
    ck_assert_int_eq(sts_revision_hash_data(NULL, 0, V3_DATA, strlen(V3_DATA), 0), 10);
    char small[4] = "xxx";
    ck_assert_int_eq(sts_revision_hash_data(small, sizeof small, V3_DATA, strlen(V3_DATA), 0), 10);
    ck_assert_str_eq(small, "6cd");
    char one[1] = {'x'};
    ck_assert_int_eq(sts_revision_hash_data(one, 1, V3_DATA, strlen(V3_DATA), 0), 10);
    ck_assert_int_eq(one[0], '\0');
    ck_assert_int_eq(sts_revision_hash_data(NULL, 5, "", 0, 0), STS_EINVAL);
    ck_assert_int_eq(sts_revision_hash_data(small, 4, NULL, 3, 0), STS_EINVAL);

    /* S16 */
    char name[300], prefix[231];
    memset(prefix, 'p', 230);
    prefix[230] = '\0';
    ck_assert_int_eq(sts_revision_name_from_hash(name, sizeof name, prefix, 230, "abc", 3), 227);
    ck_assert_uint_eq(strlen(name), 227);
    ck_assert_int_eq(memcmp(name, prefix, 223), 0);
    ck_assert_str_eq(name + 223, "-abc");
    ck_assert_int_eq(sts_revision_name_from_hash(name, sizeof name, "foo", 3, "6cdf689c4c", 10), 14);
    ck_assert_str_eq(name, "foo-6cdf689c4c");
    ck_assert_int_eq(sts_revision_name_from_hash(NULL, 0, "foo", 3, "6cdf689c4c", 10), 14);
    ck_assert_int_eq(sts_revision_name_from_hash(name, 5, "foo", 3, "6cdf689c4c", 10), 14);
    ck_assert_str_eq(name, "foo-");
    ck_assert_int_eq(sts_revision_name_from_hash(name, 3, NULL, 3, "x", 1), STS_EINVAL);
    /* negative collision counts are formatted like Go's FormatInt ("-1");
     * expected sums computed with an independent FNV-1 (gen-expected.py's) */
    check_hash("", -1, "b55c9f8f9");
    check_hash("", INT32_MIN, "5f564657b9");
}
END_TEST

/* ---- canonical JSON of trees built in code --------------------------------- */

static sts_doc *doc;
static sts_registry *reg;

static void setup(void)
{
    ck_assert_int_eq(sts_doc_new(&doc), 0);
    ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0);
}

static void teardown(void)
{
    sts_doc_free(doc);
    sts_registry_free(reg);
    doc = NULL;
    reg = NULL;
}

static sts_node *str(const char *s, size_t len)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_string(&n, doc, s, len), 0);
    return n;
}

static sts_node *map(void)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_map(&n, doc), 0);
    return n;
}

static sts_node *seq(void)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_seq(&n, doc), 0);
    return n;
}

static sts_node *fnum(double v)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_float(&n, doc, v), 0);
    return n;
}

static sts_node *inum(int64_t v)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_int(&n, doc, v), 0);
    return n;
}

static void put(sts_node *m, const char *k, sts_node *v)
{
    ck_assert_int_eq(sts_node_map_set(m, k, strlen(k), v), 0);
}

static void append_raw(sts_node *m, const char *k, size_t klen, sts_node *v)
{
    ck_assert_int_eq(sts_node_map_append(m, str(k, klen), v), 0);
}

static void check_canonical(const sts_node *n, const char *want, size_t wantlen)
{
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_revision_canonical_json(&b, n, NULL), 0);
    ck_assert_uint_eq(b.len, wantlen);
    ck_assert_int_eq(memcmp(b.data, want, wantlen), 0);
    sts_buf_dispose(&b);
}
#define CHECK_CANONICAL(n, lit) check_canonical((n), lit, sizeof(lit) - 1)

START_TEST(template_bytes_v3)
{
    /* V3 built in code in an unsorted order */
    sts_node *t = map(), *meta = map(), *labels = map(), *spec = map(), *cs = seq(), *c = map();
    put(spec, "terminationGracePeriodSeconds", inum(30));
    put(spec, "securityContext", map());
    put(spec, "schedulerName", str("default-scheduler", 17));
    put(spec, "containers", cs);
    put(spec, "restartPolicy", str("Always", 6));
    put(spec, "dnsPolicy", str("ClusterFirst", 12));
    put(c, "name", str("nginx", 5));
    put(c, "image", str("nginx:1.25", 10));
    put(c, "terminationMessagePolicy", str("File", 4));
    put(c, "terminationMessagePath", str("/dev/termination-log", 20));
    put(c, "resources", map());
    put(c, "imagePullPolicy", str("IfNotPresent", 12));
    ck_assert_int_eq(sts_node_seq_append(cs, c), 0);
    put(labels, "app", str("nginx", 5));
    put(meta, "labels", labels);
    put(t, "spec", spec);
    put(t, "metadata", meta);
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_revision_template_bytes(&b, t, NULL), 0);
    ck_assert_str_eq(b.data, V3_DATA);
    /* appends */
    ck_assert_int_eq(sts_revision_template_bytes(&b, t, NULL), 0);
    ck_assert_uint_eq(b.len, 2 * strlen(V3_DATA));
    sts_buf_dispose(&b);

    sts_error *err = NULL;
    ck_assert_int_eq(sts_revision_template_bytes(&b, str("x", 1), &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "spec.template");
    sts_error_free(err);
    ck_assert_int_eq(sts_revision_template_bytes(NULL, t, NULL), STS_EINVAL);
}
END_TEST

START_TEST(canonical_scalars)
{
    CHECK_CANONICAL(NULL, "null");
    CHECK_CANONICAL(inum(9007199254740993LL), "9007199254740992");
    CHECK_CANONICAL(inum(INT64_MIN), "-9223372036854776000");
    CHECK_CANONICAL(inum(123456789012345678LL), "123456789012345680");
    CHECK_CANONICAL(fnum(1e21), "1e+21");
    CHECK_CANONICAL(fnum(1e-7), "1e-7");
    CHECK_CANONICAL(fnum(-0.0), "-0");
    CHECK_CANONICAL(fnum(0.1), "0.1");
    CHECK_CANONICAL(fnum(1e20), "100000000000000000000");
    CHECK_CANONICAL(str("a\0b\b\f\x7f<>&\xe2\x80\xa8", 12), "\"a\\u0000b\\b\\f\x7f\\u003c\\u003e\\u0026\\u2028\"");
    /* every invalid byte becomes U+FFFD, written raw (Go decodes then re-encodes) */
    CHECK_CANONICAL(str("\xff\xed\xa0\x80", 4),
                    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    sts_node *b;
    ck_assert_int_eq(sts_doc_new_bool(&b, doc, 1), 0);
    CHECK_CANONICAL(b, "true");
}
END_TEST

START_TEST(canonical_keys_collapse)
{
    /* Go decodes into a map: equal keys (also after U+FFFD replacement)
     * collapse and the later value wins (checked with the Go oracle:
     * {"a":1,"a":2,"\xff":1,"\xfe":2} -> {"a":2,"\ufffd":2}) */
    sts_node *m = map();
    append_raw(m, "a", 1, inum(1));
    append_raw(m, "a", 1, inum(2));
    append_raw(m, "\xff", 1, inum(1));
    append_raw(m, "\xfe", 1, inum(2));
    CHECK_CANONICAL(m, "{\"a\":2,\"\xef\xbf\xbd\":2}");
    /* NUL bytes in keys sort bytewise (oracle: {"aa":1,"a\u0000":2,"a":3,"a\u0000\u0000":4}) */
    sts_node *k = map();
    append_raw(k, "aa", 2, inum(1));
    append_raw(k, "a\0", 2, inum(2));
    append_raw(k, "a", 1, inum(3));
    append_raw(k, "a\0\0", 3, inum(4));
    CHECK_CANONICAL(k, "{\"a\":3,\"a\\u0000\":2,\"a\\u0000\\u0000\":4,\"aa\":1}");
    sts_node *e = map();
    CHECK_CANONICAL(e, "{}");
    CHECK_CANONICAL(seq(), "[]");
}
END_TEST

START_TEST(canonical_errors_leave_output)
{
    sts_node *t = map(), *spec = map(), *xs = seq();
    put(t, "spec", spec);
    put(spec, "x", xs);
    ck_assert_int_eq(sts_node_seq_append(xs, inum(1)), 0);
    ck_assert_int_eq(sts_node_seq_append(xs, fnum(NAN)), 0);
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_buf_append(&b, "keep", 4), 0);
    sts_error *err = NULL;
    ck_assert_int_eq(sts_revision_template_bytes(&b, t, &err), STS_ERANGE);
    ck_assert_str_eq(b.data, "keep");
    ck_assert_uint_eq(b.len, 4);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.x[1]");
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "NaN"));
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_node_seq_set(xs, 1, fnum(-INFINITY)), 0);
    ck_assert_int_eq(sts_revision_canonical_json(&b, t, &err), STS_ERANGE);
    ck_assert_str_eq(sts_error_path(err), "spec.x[1]");
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "-Inf"));
    sts_error_free(err);
    err = NULL;

    /* deeper than the encoder's limit */
    sts_node *top = seq(), *cur = top;
    for (int i = 0; i < 10010; i++) {
        sts_node *s = seq();
        ck_assert_int_eq(sts_node_seq_append(cur, s), 0);
        cur = s;
    }
    ck_assert_int_eq(sts_revision_canonical_json(&b, top, &err), STS_ELIMIT);
    ck_assert_str_eq(b.data, "keep");
    sts_error_free(err);
    sts_buf_dispose(&b);
}
END_TEST

/* ---- objects ------------------------------------------------------------------ */

static sts_object *load(const char *format, const char *file)
{
    size_t len;
    char *text = tu_read_file(tu_data(file), &len);
    sts_doclist *docs;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_doclist_new(&docs), 0);
    int rc = sts_decode(docs, reg, format, text, len, NULL, &err);
    if (rc)
        ck_abort_msg("decode %s: %s", file, sts_error_message(err));
    free(text);
    ck_assert_uint_eq(sts_doclist_count(docs), 1);
    sts_doc *d;
    ck_assert_int_eq(sts_doclist_steal(&d, docs, 0), 0);
    sts_doclist_free(docs);
    sts_object *obj;
    ck_assert_int_eq(sts_object_take_doc(&obj, d, NULL), 0);
    return obj;
}

static char *name_of(const sts_object *sts, const sts_revision_opts *opts)
{
    static char buf[512];
    sts_error *err = NULL;
    int n = sts_revision_name(buf, sizeof buf, sts, opts, &err);
    if (n < 0)
        ck_abort_msg("sts_revision_name: %s", sts_error_message(err));
    ck_assert_int_eq(n, (int)strlen(buf));
    return buf;
}

static void check_bytes(const sts_object *sts, const sts_revision_opts *opts, const char *want,
                        size_t wantlen, const char *what)
{
    sts_buf b = STS_BUF_INIT;
    sts_error *err = NULL;
    int rc = sts_revision_bytes(&b, sts, opts, &err);
    if (rc)
        ck_abort_msg("%s: %s", what, sts_error_message(err));
    if (b.len != wantlen || memcmp(b.data, want, wantlen))
        ck_abort_msg("%s: bytes differ\n got: %.*s\nwant: %.*s", what, (int)b.len, b.data,
                     (int)wantlen, want);
    sts_buf_dispose(&b);
}

/* Every oracle vector: input JSON, Go's bytes, names for several collision counts. */
START_TEST(oracle_vectors)
{
    char *list = tu_read_file(tu_data("revision/oracle/LIST"), NULL);
    int count = 0;
    for (char *name = strtok(list, "\n"); name; name = strtok(NULL, "\n")) {
        char path[256];
        snprintf(path, sizeof path, "revision/oracle/%s.json", name);
        sts_object *sts = load("json", path);
        snprintf(path, sizeof path, "revision/oracle/%s.bytes", name);
        size_t blen;
        char *bytes = tu_read_file(tu_data(path), &blen);
        sts_revision_opts opts = STS_REVISION_OPTS_INIT;
        opts.mode = STS_REVISION_MODE_LIVE;
        check_bytes(sts, &opts, bytes, blen, name);
        free(bytes);

        snprintf(path, sizeof path, "revision/oracle/%s.names", name);
        char *names = tu_read_file(tu_data(path), NULL);
        char *save = NULL;
        for (char *line = strtok_r(names, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char *sp = strchr(line, ' ');
            ck_assert_ptr_nonnull(sp);
            *sp = '\0';
            opts.flags = 0;
            if (strcmp(line, "status")) {
                opts.flags = STS_REVISION_USE_COLLISION_COUNT;
                opts.collision_count = atoi(line);
            }
            const char *got = name_of(sts, &opts);
            if (strcmp(got, sp + 1))
                ck_abort_msg("%s cc=%s: got %s want %s", name, line, got, sp + 1);
            count++;
        }
        free(names);
        sts_object_free(sts);
    }
    free(list);
    ck_assert_int_ge(count, 70);
}
END_TEST

/* Live dumps reproduce the published status.updateRevision (S13/S14). */
START_TEST(live_dumps_reproduce_update_revision)
{
    const char *files[] = {"revision/live-1.33.yaml", "revision/live-1.34.yaml",
                           "revision/live-1.34.json"};
    const char *fmt[] = {"yaml", "yaml", "json"};
    const char *data[] = {V1_DATA, V2_DATA, V2_DATA};
    for (int i = 0; i < 3; i++) {
        sts_object *sts = load(fmt[i], files[i]);
        const char *want;
        size_t wlen;
        ck_assert_int_eq(sts_statefulset_get_update_revision(&want, &wlen, sts, NULL), 0);
        /* auto mode sees a live object: the version does not matter */
        const char *versions[] = {NULL, "1.31", "1.33", "1.34", "1.35"};
        for (int v = 0; v < 5; v++) {
            sts_revision_opts opts = STS_REVISION_OPTS_INIT;
            opts.kubernetes_version = versions[v];
            ck_assert_str_eq(name_of(sts, &opts), want);
            check_bytes(sts, &opts, data[i], strlen(data[i]), files[i]);
        }
        char hash[16];
        ck_assert_int_eq(sts_revision_hash(hash, sizeof hash, sts, NULL, NULL),
                         (int)strlen(want) - 5);
        ck_assert_str_eq(hash, want + 5);
        sts_object_free(sts);
    }
}
END_TEST

/* The same manifest written by a user: 1.33 serializes creationTimestamp:null. */
START_TEST(authored_version_pair)
{
    sts_object *sts = load("yaml", "revision/authored.yaml");
    sts_revision_opts opts;
    sts_revision_opts_init(&opts);
    opts.kubernetes_version = "1.33";
    ck_assert_str_eq(name_of(sts, &opts), "test-c77f6d978");
    check_bytes(sts, &opts, V1_DATA, strlen(V1_DATA), "authored 1.33");
    opts.kubernetes_version = "1.31";
    ck_assert_str_eq(name_of(sts, &opts), "test-c77f6d978");
    opts.kubernetes_version = "v1.33.4";
    ck_assert_str_eq(name_of(sts, &opts), "test-c77f6d978");
    opts.kubernetes_version = "1.34";
    ck_assert_str_eq(name_of(sts, &opts), "test-776999688b");
    check_bytes(sts, &opts, V2_DATA, strlen(V2_DATA), "authored 1.34");
    opts.kubernetes_version = NULL; /* newest known: 1.35 */
    ck_assert_str_eq(name_of(sts, &opts), "test-776999688b");
    /* forced live mode hashes the manifest as it is */
    opts.kubernetes_version = "1.33";
    opts.mode = STS_REVISION_MODE_LIVE;
    ck_assert_str_eq(name_of(sts, &opts), "test-776999688b");

    /* an explicit null creationTimestamp: kept for 1.33, dropped for 1.34 */
    ck_assert_int_eq(sts_object_set_string(sts, "spec.template.metadata.creationTimestamp", "x", 1,
                                           NULL), 0);
    sts_node *null, *meta;
    ck_assert_int_eq(sts_object_get(&meta, sts, "spec.template.metadata", NULL), 0);
    ck_assert_int_eq(sts_doc_new_null(&null, sts_object_doc(sts)), 0);
    ck_assert_int_eq(sts_node_map_set(meta, "creationTimestamp", 17, null), 0);
    opts.mode = STS_REVISION_MODE_AUTHORED;
    ck_assert_str_eq(name_of(sts, &opts), "test-c77f6d978");
    opts.kubernetes_version = "1.35";
    ck_assert_str_eq(name_of(sts, &opts), "test-776999688b");
    /* the caller's object is not changed by authored-mode preparation */
    ck_assert_ptr_nonnull(sts_node_map_get(meta, "creationTimestamp", 17));

    /* a live marker switches auto mode to live: the null stays */
    opts.mode = STS_REVISION_MODE_AUTO;
    ck_assert_int_eq(sts_object_set_string(sts, "metadata.uid", "u-1", 3, NULL), 0);
    ck_assert_str_eq(name_of(sts, &opts), "test-c77f6d978");
    sts_object_free(sts);
}
END_TEST

/* What the API server stores for `containers: [{image: nginx, name: c}]`:
 * the defaults of statefulset-spec.md 6.2 (an untagged image pulls Always)
 * and `resources: {}`, in the shape of the upstream fixture V1 (§4.4). */
#define POD_SPEC_DEFAULTED                                                                        \
    "\"spec\":{\"containers\":[{\"image\":\"nginx\",\"imagePullPolicy\":\"Always\",\"name\":\"c\","    \
    "\"resources\":{},\"terminationMessagePath\":\"/dev/termination-log\","                          \
    "\"terminationMessagePolicy\":\"File\"}],\"dnsPolicy\":\"ClusterFirst\",\"restartPolicy\":"       \
    "\"Always\",\"schedulerName\":\"default-scheduler\",\"securityContext\":{},"                     \
    "\"terminationGracePeriodSeconds\":30}}}}"

START_TEST(authored_without_metadata)
{
    /* the typed encoder always writes the template's metadata struct; the
     * server's defaults are part of what it stores */
    sts_object *sts = load("json", "revision/oracle/no-metadata.json");
    sts_revision_opts opts = STS_REVISION_OPTS_INIT;
    opts.kubernetes_version = "1.33";
    opts.mode = STS_REVISION_MODE_AUTHORED;
    static const char d133[] =
        "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{\"creationTimestamp\":null},"
        POD_SPEC_DEFAULTED;
    check_bytes(sts, &opts, d133, sizeof d133 - 1, "no metadata 1.33");
    opts.kubernetes_version = "1.34";
    static const char d134[] = "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{},"
                               POD_SPEC_DEFAULTED;
    check_bytes(sts, &opts, d134, sizeof d134 - 1, "no metadata 1.34");
    sts_object_free(sts);
}
END_TEST

START_TEST(options_and_errors)
{
    sts_object *sts = load("yaml", "revision/authored.yaml");
    sts_error *err = NULL;
    char buf[64];
    const char *bad[] = {"1.30", "1.36", "2.33", "abc", "1", "1.34.x", "1.34 ", "v"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sts_revision_opts opts = STS_REVISION_OPTS_INIT;
        opts.kubernetes_version = bad[i];
        ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, &opts, &err), STS_EVERSION);
        ck_assert_int_eq(sts_error_code(err), STS_EVERSION);
        sts_error_free(err);
        err = NULL;
    }
    sts_revision_opts opts = STS_REVISION_OPTS_INIT;
    opts.mode = 7;
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, &opts, NULL), STS_EINVAL);
    opts.mode = 0;
    opts.sz = 4;
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, &opts, NULL), STS_EINVAL);
    /* an older, smaller options struct (no collision_count) still works */
    opts.sz = offsetof(sts_revision_opts, collision_count);
    opts.kubernetes_version = "1.33";
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, &opts, NULL), 14);
    ck_assert_str_eq(buf, "test-c77f6d978");
    ck_assert_int_eq(sts_revision_name(NULL, 0, sts, NULL, NULL), 15);
    ck_assert_int_eq(sts_revision_name(NULL, 4, sts, NULL, NULL), STS_EINVAL);
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, NULL, NULL, NULL), STS_EINVAL);

    /* status.collisionCount is read, and checked */
    ck_assert_int_eq(sts_object_set_int(sts, "status.collisionCount", 1, NULL), 0);
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, NULL, NULL), 15);
    ck_assert_str_eq(buf, "test-776999688c");
    ck_assert_int_eq(sts_object_set_string(sts, "status.collisionCount", "1", 1, NULL), 0);
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, NULL, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "status.collisionCount");
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_object_set_int(sts, "status.collisionCount", 1LL << 40, NULL), 0);
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, NULL, NULL), STS_ERANGE);

    /* no template */
    ck_assert_int_eq(sts_object_remove(sts, "spec.template", NULL), 0);
    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_revision_bytes(&b, sts, NULL, &err), STS_ENOTFOUND);
    ck_assert_str_eq(sts_error_path(err), "spec.template");
    ck_assert_uint_eq(b.len, 0);
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_object_set_string(sts, "spec.template", "x", 1, NULL), 0);
    ck_assert_int_eq(sts_revision_bytes(&b, sts, NULL, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "spec.template");
    ck_assert_uint_eq(sts_error_line(err), 0);
    sts_error_free(err);
    sts_object_free(sts);
}
END_TEST

static sts_object *load_text(const char *format, const char *text)
{
    sts_doclist *docs;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_doclist_new(&docs), 0);
    if (sts_decode(docs, reg, format, text, strlen(text), NULL, &err))
        ck_abort_msg("decode: %s", sts_error_message(err));
    sts_doc *d;
    ck_assert_int_eq(sts_doclist_steal(&d, docs, 0), 0);
    sts_doclist_free(docs);
    sts_object *o;
    ck_assert_int_eq(sts_object_take_doc(&o, d, NULL), 0);
    return o;
}

/* Errors point at the offending node: code, message, path, line, column. */
START_TEST(error_positions)
{
    static const char yaml[] =
        "apiVersion: apps/v1\n"
        "kind: StatefulSet\n"
        "metadata: {name: web}\n"
        "spec:\n"
        "  template:\n"
        "    metadata: {labels: {app: web}}\n"
        "    spec:\n"
        "      x: [1, .nan]\n"
        "status:\n"
        "  collisionCount: abc\n";
    sts_object *sts = load_text("yaml", yaml);
    sts_error *err = NULL;
    char buf[64];
    ck_assert_int_eq(sts_revision_name(buf, sizeof buf, sts, NULL, &err), STS_ETYPE);
    ck_assert_int_eq(sts_error_code(err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "status.collisionCount");
    ck_assert_str_eq(sts_error_message(err), "expected an integer, found string");
    ck_assert_uint_eq(sts_error_line(err), 10);
    ck_assert_uint_eq(sts_error_column(err), 19);
    sts_error_free(err);
    err = NULL;

    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_revision_bytes(&b, sts, NULL, &err), STS_ERANGE);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.x[1]");
    ck_assert_str_eq(sts_error_message(err),
                     "json: unsupported value: NaN (JSON has no NaN or infinity)");
    ck_assert_uint_eq(sts_error_line(err), 8);
    ck_assert_uint_eq(sts_error_column(err), 14);
    sts_error_free(err);
    err = NULL;
    /* the same in authored mode, where a private copy is encoded */
    sts_revision_opts opts = STS_REVISION_OPTS_INIT;
    opts.mode = STS_REVISION_MODE_AUTHORED;
    ck_assert_int_eq(sts_revision_bytes(&b, sts, &opts, &err), STS_ERANGE);
    ck_assert_str_eq(sts_error_path(err), "spec.template.spec.x[1]");
    ck_assert_uint_eq(sts_error_line(err), 8);
    sts_error_free(err);
    err = NULL;

    ck_assert_int_eq(sts_object_remove(sts, "spec.template", NULL), 0);
    ck_assert_int_eq(sts_revision_bytes(&b, sts, NULL, &err), STS_ENOTFOUND);
    ck_assert_str_eq(sts_error_path(err), "spec.template");
    ck_assert_str_eq(sts_error_message(err), "the StatefulSet has no spec.template");
    ck_assert_uint_eq(sts_error_line(err), 5); /* at spec */
    ck_assert_uint_eq(sts_error_column(err), 3);
    sts_error_free(err);
    err = NULL;
    sts_object_free(sts);

    sts = load_text("yaml", "kind: StatefulSet\nspec:\n  template: [1]\n");
    ck_assert_int_eq(sts_revision_bytes(&b, sts, NULL, &err), STS_ETYPE);
    ck_assert_str_eq(sts_error_path(err), "spec.template");
    ck_assert_str_eq(sts_error_message(err), "expected a map, found seq");
    ck_assert_uint_eq(sts_error_line(err), 3);
    ck_assert_uint_eq(sts_error_column(err), 13);
    sts_error_free(err);
    err = NULL;
    sts_revision_opts v = STS_REVISION_OPTS_INIT;
    v.kubernetes_version = "1.30";
    ck_assert_int_eq(sts_revision_bytes(&b, sts, &v, &err), STS_EVERSION);
    ck_assert_str_eq(sts_error_message(err),
                     "unsupported Kubernetes version \"1.30\" (known: 1.31 to 1.35)");
    sts_error_free(err);
    sts_buf_dispose(&b);
    sts_object_free(sts);
}
END_TEST

static const char *label_of(const sts_object *o, const char *key)
{
    const char *v;
    size_t len;
    if (sts_object_get_label(&v, &len, o, key, NULL))
        return NULL;
    return v;
}

START_TEST(controller_revision_object)
{
    sts_object *sts = load("yaml", "revision/live-1.34.yaml");
    ck_assert_int_eq(sts_object_set_annotation(sts, "team", "storage", NULL), 0);
    sts_object *rev;
    ck_assert_int_eq(sts_revision_object(&rev, sts, 2, NULL, NULL), 0);
    ck_assert_int_eq(sts_object_kind(rev), STS_KIND_CONTROLLER_REVISION);
    ck_assert_str_eq(sts_object_api_version(rev), "apps/v1");
    ck_assert_str_eq(sts_object_name(rev), "test-776999688b");
    ck_assert_str_eq(sts_object_namespace(rev), "default");
    ck_assert_str_eq(label_of(rev, "app"), "foo");
    ck_assert_str_eq(label_of(rev, STS_REVISION_HASH_LABEL), "776999688b");
    const char *s;
    size_t len;
    ck_assert_int_eq(sts_object_get_annotation(&s, &len, rev, "team", NULL), 0);
    ck_assert_str_eq(s, "storage");
    /* the template's annotations are not the revision's */
    ck_assert_int_eq(sts_object_get_annotation(&s, &len, rev, "test", NULL), STS_ENOTFOUND);
    int64_t i;
    int b;
    ck_assert_int_eq(sts_object_get_int(&i, rev, "revision", NULL), 0);
    ck_assert_int_eq(i, 2);
    ck_assert_int_eq(sts_object_get_string(&s, &len, rev, "metadata.ownerReferences[0].apiVersion", NULL), 0);
    ck_assert_str_eq(s, "apps/v1");
    ck_assert_int_eq(sts_object_get_string(&s, &len, rev, "metadata.ownerReferences[0].kind", NULL), 0);
    ck_assert_str_eq(s, "StatefulSet");
    ck_assert_int_eq(sts_object_get_string(&s, &len, rev, "metadata.ownerReferences[0].name", NULL), 0);
    ck_assert_str_eq(s, "test");
    ck_assert_int_eq(sts_object_get_string(&s, &len, rev, "metadata.ownerReferences[0].uid", NULL), 0);
    ck_assert_str_eq(s, "2f4c1a7e-8d3b-4e6f-9a10-5b7c9d1e2f30");
    ck_assert_int_eq(sts_object_get_bool(&b, rev, "metadata.ownerReferences[0].controller", NULL), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(sts_object_get_bool(&b, rev, "metadata.ownerReferences[0].blockOwnerDeletion", NULL), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(sts_object_get_int(&i, rev, "data.spec.template.spec.terminationGracePeriodSeconds", NULL), 0);
    ck_assert_int_eq(i, 30);
    ck_assert_int_eq(sts_object_get_string(&s, &len, rev, "data.spec.template[\"$patch\"]", NULL), 0);
    ck_assert_str_eq(s, "replace");
    /* the data tree writes back to the very bytes that were hashed */
    sts_node *data;
    ck_assert_int_eq(sts_object_get(&data, rev, "data", NULL), 0);
    check_canonical(data, V2_DATA, strlen(V2_DATA));

    /* S20: a collision renames, the hash label keeps the first hash */
    ck_assert_int_eq(sts_revision_rename(rev, 1, NULL), 0);
    ck_assert_str_eq(sts_object_name(rev), "test-776999688c");
    ck_assert_str_eq(label_of(rev, STS_REVISION_HASH_LABEL), "776999688b");
    ck_assert_int_eq(sts_revision_rename(rev, 0, NULL), 0);
    ck_assert_str_eq(sts_object_name(rev), "test-776999688b");
    sts_object_free(rev);

    /* authored set (no uid, no namespace in the owner ref) at 1.33, collision count 1 */
    sts_object *a = load("yaml", "revision/authored.yaml");
    sts_revision_opts opts = STS_REVISION_OPTS_INIT;
    opts.kubernetes_version = "1.33";
    opts.flags = STS_REVISION_USE_COLLISION_COUNT;
    opts.collision_count = 1;
    ck_assert_int_eq(sts_revision_object(&rev, a, 1, &opts, NULL), 0);
    ck_assert_str_eq(sts_object_name(rev), "test-c77f6d979");
    ck_assert_str_eq(label_of(rev, STS_REVISION_HASH_LABEL), "c77f6d979");
    ck_assert_int_eq(sts_object_get(&data, rev, "metadata.ownerReferences[0].uid", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_object_get(&data, rev, "data", NULL), 0);
    check_canonical(data, V1_DATA, strlen(V1_DATA));
    sts_object_free(rev);
    sts_object_free(a);
    sts_object_free(sts);
}
END_TEST

START_TEST(controller_revision_numbers_keep_text)
{
    sts_object *sts = load("json", "revision/oracle/numbers.json");
    sts_object *rev;
    sts_revision_opts live = STS_REVISION_OPTS_INIT;
    live.mode = STS_REVISION_MODE_LIVE; /* the oracle hashes the template as given */
    ck_assert_int_eq(sts_revision_object(&rev, sts, 1, &live, NULL), 0);
    size_t blen;
    char *bytes = tu_read_file(tu_data("revision/oracle/numbers.bytes"), &blen);
    sts_node *data;
    ck_assert_int_eq(sts_object_get(&data, rev, "data", NULL), 0);
    check_canonical(data, bytes, blen);
    /* the JSON encoder in kubectl style prints the canonical number text */
    sts_node *n;
    ck_assert_int_eq(sts_object_get(&n, rev, "data.spec.template.spec.n[0]", NULL), 0);
    size_t tlen;
    const char *text = sts_node_get_text(n, &tlen);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq((int)tlen, 5);
    ck_assert_int_eq(memcmp(text, "1e+21", 5), 0);
    free(bytes);
    sts_object_free(rev);
    sts_object_free(sts);
}
END_TEST

static sts_object *revision_with(const char *hash_label, const char *data_json)
{
    char text[1024];
    snprintf(text, sizeof text,
             "{\"apiVersion\":\"apps/v1\",\"kind\":\"ControllerRevision\",\"metadata\":{\"name\":\"r\","
             "\"labels\":{\"" STS_REVISION_HASH_LABEL "\":\"%s\"}},\"data\":%s,\"revision\":1}",
             hash_label, data_json);
    sts_doclist *docs;
    ck_assert_int_eq(sts_doclist_new(&docs), 0);
    ck_assert_int_eq(sts_decode(docs, reg, "json", text, strlen(text), NULL, NULL), 0);
    sts_doc *d;
    ck_assert_int_eq(sts_doclist_steal(&d, docs, 0), 0);
    sts_doclist_free(docs);
    sts_object *o;
    ck_assert_int_eq(sts_object_take_doc(&o, d, NULL), 0);
    return o;
}

START_TEST(equal_revision)
{
    const char *d1 = "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"a\":1}}}";
    /* the same data with other key order and number spelling */
    const char *d1b = "{\"spec\":{\"template\":{\"a\":1.0,\"$patch\":\"replace\"}}}";
    const char *d2 = "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"a\":2}}}";
    struct {
        const char *la, *da, *lb, *db;
        int equal;
    } cases[] = {
        {"c77f6d978", d1, "c77f6d978", d1b, 1},
        {"c77f6d978", d1, "776999688b", d1, 1}, /* labels do not parse: bytes decide */
        {"c77f6d978", d1, "c77f6d978", d2, 0},
        {"456", d1, "457", d1, 0},              /* both parse and differ */
        {"456", d1, "+456", d1, 1},             /* equal as int32 */
        {"456", d1, "456", d2, 0},
        {"456", d1, "c77f6d978", d1, 1},        /* one does not parse */
        {"456", d1, "2147483648", d1, 1},       /* out of int32 range: does not parse */
        {"-2147483648", d1, "2147483647", d1, 0},
        {"", d1, "456", d1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sts_object *a = revision_with(cases[i].la, cases[i].da);
        sts_object *b = revision_with(cases[i].lb, cases[i].db);
        ck_assert_msg(sts_revision_equal(a, b, NULL) == cases[i].equal, "case %zu", i);
        ck_assert_msg(sts_revision_equal(b, a, NULL) == cases[i].equal, "case %zu reversed", i);
        sts_object_free(a);
        sts_object_free(b);
    }
    ck_assert_int_eq(sts_revision_equal(NULL, NULL, NULL), 1);

    /* 1.33 and 1.34 revisions of one template are different bytes (S19 without the gate) */
    sts_object *s33 = load("yaml", "revision/live-1.33.yaml");
    sts_object *s34 = load("yaml", "revision/live-1.34.yaml");
    sts_object *r33, *r34, *r34b;
    ck_assert_int_eq(sts_revision_object(&r33, s33, 1, NULL, NULL), 0);
    ck_assert_int_eq(sts_revision_object(&r34, s34, 2, NULL, NULL), 0);
    ck_assert_int_eq(sts_revision_object(&r34b, s34, 3, NULL, NULL), 0);
    ck_assert_int_eq(sts_revision_equal(r33, r34, NULL), 0);
    ck_assert_int_eq(sts_revision_equal(r34, r34b, NULL), 1);
    ck_assert_int_eq(sts_revision_equal(r34, NULL, NULL), 0);
    sts_object_free(r33);
    sts_object_free(r34);
    sts_object_free(r34b);
    sts_object_free(s33);
    sts_object_free(s34);
}
END_TEST

/* S18: ApplyRevision round trip */
START_TEST(apply_revision)
{
    sts_object *sts = load("yaml", "revision/live-1.34.yaml");
    sts_object *r1, *restored, *r2;
    ck_assert_int_eq(sts_revision_object(&r1, sts, 1, NULL, NULL), 0);
    ck_assert_int_eq(sts_object_set_string(sts, "spec.template.spec.containers[0].name", "foo", 3, NULL), 0);
    ck_assert_int_eq(sts_object_set_annotation(sts, "foo", "bar", NULL), 0);
    ck_assert_int_eq(sts_statefulset_set_replicas(sts, 5, NULL), 0);
    ck_assert_int_eq(sts_revision_object(&r2, sts, 2, NULL, NULL), 0);
    ck_assert_int_eq(sts_revision_equal(r1, r2, NULL), 0);
    sts_object_free(r2);

    ck_assert_int_eq(sts_revision_apply(&restored, sts, r1, NULL), 0);
    int32_t replicas;
    ck_assert_int_eq(sts_statefulset_get_replicas(&replicas, restored, NULL), 0);
    ck_assert_int_eq(replicas, 5); /* the rest of the spec is the current set's */
    const char *s;
    size_t len;
    ck_assert_int_eq(sts_object_get_string(&s, &len, restored, "spec.template.spec.containers[0].name", NULL), 0);
    ck_assert_str_eq(s, "test");
    sts_node *absent;
    ck_assert_int_eq(sts_object_get(&absent, restored, "spec.template[\"$patch\"]", NULL), STS_ENOTFOUND);
    ck_assert_int_eq(sts_revision_object(&r2, restored, 3, NULL, NULL), 0);
    ck_assert_int_eq(sts_revision_equal(r1, r2, NULL), 1);
    ck_assert_str_eq(sts_object_name(r2), sts_object_name(r1));
    ck_assert_int_eq(sts_object_get_annotation(&s, &len, r2, "foo", NULL), 0);
    ck_assert_str_eq(s, "bar");
    /* the input set is unchanged */
    ck_assert_int_eq(sts_object_get_string(&s, &len, sts, "spec.template.spec.containers[0].name", NULL), 0);
    ck_assert_str_eq(s, "foo");

    sts_error *err = NULL;
    sts_object *other = revision_with("1", "{\"spec\":{\"replicas\":3}}");
    ck_assert_int_eq(sts_revision_apply(&r2 /* unused */, sts, other, &err) < 0, 1);
    sts_error_free(err);
    err = NULL;
    sts_object_free(other);
    other = revision_with("1", "{\"spec\":{\"template\":{\"a\":1}}}");
    ck_assert_int_eq(sts_revision_apply(&r2, sts, other, &err), STS_EUNSUPPORTED);
    sts_error_free(err);
    sts_object_free(other);
    sts_object_free(r2);
    sts_object_free(restored);
    sts_object_free(r1);
    sts_object_free(sts);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("revision");
    TCase *t = tcase_create("hash");
    tcase_add_test(t, fnv1_not_fnv1a);
    tcase_add_test(t, published_hash_vectors);
    tcase_add_test(t, snprintf_semantics);
    suite_add_tcase(s, t);
    t = tcase_create("canonical");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, template_bytes_v3);
    tcase_add_test(t, canonical_scalars);
    tcase_add_test(t, canonical_keys_collapse);
    tcase_add_test(t, canonical_errors_leave_output);
    suite_add_tcase(s, t);
    t = tcase_create("objects");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, oracle_vectors);
    tcase_add_test(t, live_dumps_reproduce_update_revision);
    tcase_add_test(t, authored_version_pair);
    tcase_add_test(t, authored_without_metadata);
    tcase_add_test(t, options_and_errors);
    tcase_add_test(t, error_positions);
    tcase_add_test(t, controller_revision_object);
    tcase_add_test(t, controller_revision_numbers_keep_text);
    tcase_add_test(t, equal_revision);
    tcase_add_test(t, apply_revision);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_ENV);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
