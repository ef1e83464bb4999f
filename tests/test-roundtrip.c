/* Round trips over a generated corpus of >= 1000 StatefulSets and their
 * headless Services (tests/corpus/gen.py). The corpus is printed exactly as
 * kubectl prints objects (tests/corpus/check_kubectl.py proves that against
 * a real kubectl), so kubectl is the oracle for every byte compared here:
 *
 *   YAML --decode--> tree --encode (original style)--> identical YAML
 *   tree --encode--> JSON --decode--> tree' and tree' == tree
 *   tree' --encode (kubectl style)--> identical YAML (JSON has no styles:
 *                                     every quote comes from kubectl's rules)
 *   tree --encode (kubectl JSON, as a List)--> `kubectl get -o json` bytes
 *   sts_load of the YAML stream and of the JSON List give the same objects
 *
 * Public API only. Inputs: STS_CORPUS_DIR (default
 * $STS_BUILD_ROOT/tests/corpus); STS_ROUNDTRIP_MAX_DOCS caps the number of
 * documents (used by slow setups such as valgrind).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

static char *corpus_path(const char *name)
{
    static char path[4096];
    const char *dir = getenv("STS_CORPUS_DIR");
    const char *root = getenv("STS_BUILD_ROOT");
    if (dir)
        snprintf(path, sizeof path, "%s/%s", dir, name);
    else
        snprintf(path, sizeof path, "%s/tests/corpus/%s", root ? root : ".", name);
    return path;
}

/* The YAML stream, optionally cut after STS_ROUNDTRIP_MAX_DOCS documents
 * (every document starts with a "---" line). */
static char *load_yaml(size_t *len, size_t *ndocs)
{
    char *data = tu_read_file(corpus_path("corpus.yaml"), len);
    const char *cap = getenv("STS_ROUNDTRIP_MAX_DOCS");
    size_t max = cap ? (size_t)strtoul(cap, NULL, 10) : 0, n = 0;
    char *end = data + *len;
    /* memchr with a bound: strchr would rescan the rest of the 10 MB under
     * sanitizers that check the whole string on every call */
    for (char *p = data; p && p < end; ) {
        if ((size_t)(end - p) >= 4 && memcmp(p, "---\n", 4) == 0) {
            if (max && n == max) {
                *p = '\0';
                *len = (size_t)(p - data);
                break;
            }
            n++;
        }
        p = memchr(p, '\n', (size_t)(end - p));
        if (p)
            p++;
    }
    *ndocs = n;
    return data;
}

static void fail_with(int rc, sts_error *err, const char *what)
{
    sts_buf msg = STS_BUF_INIT;
    if (rc == 0)
        return;
    sts_error_format(&msg, err);
    ck_abort_msg("%s failed: %s: %s", what, sts_status_name(rc), msg.data ? msg.data : "(no error)");
}

/* Fail with the first differing line rather than a 10 MB blob. */
static void assert_same_bytes(const char *what, const char *want, size_t wlen, const char *got,
                              size_t glen)
{
    size_t i = 0, line = 1, bol = 0;
    if (wlen == glen && memcmp(want, got, wlen) == 0)
        return;
    while (i < wlen && i < glen && want[i] == got[i]) {
        if (want[i] == '\n') {
            line++;
            bol = i + 1;
        }
        i++;
    }
    const char *we = memchr(want + bol, '\n', wlen - bol);
    const char *ge = memchr(got + bol, '\n', glen > bol ? glen - bol : 0);
    int wl = (int)(we ? (size_t)(we - want) - bol : wlen - bol);
    int gl = glen > bol ? (int)(ge ? (size_t)(ge - got) - bol : glen - bol) : 0;
    ck_abort_msg("%s: differs at line %zu (sizes %zu vs %zu)\n  want: %.*s\n  got:  %.*s", what,
                 line, wlen, glen, wl > 200 ? 200 : wl, want + bol, gl > 200 ? 200 : gl,
                 glen > bol ? got + bol : "");
}

typedef struct {
    sts_registry *reg;
    char *yaml;
    size_t yaml_len, ndocs;
    sts_doclist *docs;
    const sts_node **roots;
} corpus;

static void corpus_open(corpus *c)
{
    sts_error *err = NULL;
    int rc;
    memset(c, 0, sizeof *c);
    c->yaml = load_yaml(&c->yaml_len, &c->ndocs);
    fail_with(sts_registry_new(&c->reg, 0, &err), err, "sts_registry_new");
    fail_with(sts_doclist_new(&c->docs), NULL, "sts_doclist_new");
    rc = sts_decode(c->docs, c->reg, "yaml", c->yaml, c->yaml_len, NULL, &err);
    fail_with(rc, err, "decoding corpus.yaml");
    ck_assert_uint_eq(sts_doclist_count(c->docs), c->ndocs);
    c->roots = calloc(c->ndocs ? c->ndocs : 1, sizeof *c->roots);
    ck_assert_ptr_nonnull(c->roots);
    for (size_t i = 0; i < c->ndocs; i++)
        c->roots[i] = sts_doc_root(sts_doclist_at(c->docs, i));
}

static void corpus_close(corpus *c)
{
    free(c->roots);
    sts_doclist_free(c->docs);
    sts_registry_free(c->reg);
    free(c->yaml);
}

static void encode(sts_buf *out, const sts_registry *reg, const char *fmt, const sts_node **roots,
                   size_t n, uint32_t style, uint32_t flags, uint32_t indent)
{
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    sts_error *err = NULL;
    o.style = style;
    o.flags = flags;
    o.indent = indent;
    fail_with(sts_encode(out, reg, fmt, (const sts_node *const *)roots, n, &o, &err), err, fmt);
}

START_TEST(corpus_is_big_enough)
{
    corpus c;
    size_t sets = 0;
    corpus_open(&c);
    for (size_t i = 0; i < c.ndocs; i++) {
        const char *kind = NULL;
        size_t klen = 0;
        sts_node *k = sts_node_map_get(c.roots[i], "kind", 4);
        ck_assert_ptr_nonnull(k);
        ck_assert_int_eq(sts_node_get_string(&kind, &klen, k), 0);
        if (klen == 11 && memcmp(kind, "StatefulSet", 11) == 0)
            sets++;
    }
    if (!getenv("STS_ROUNDTRIP_MAX_DOCS"))
        ck_assert_uint_ge(sets, 1000);
    ck_assert_uint_ge(sets, c.ndocs / 2);
    corpus_close(&c);
}
END_TEST

START_TEST(yaml_original_style_is_byte_identical)
{
    corpus c;
    sts_buf out = STS_BUF_INIT;
    corpus_open(&c);
    encode(&out, c.reg, "yaml", c.roots, c.ndocs, STS_ENCODE_ORIGINAL, STS_ENCODE_EXPLICIT_START, 0);
    assert_same_bytes("YAML -> YAML (original style)", c.yaml, c.yaml_len, out.data, out.len);
    sts_buf_dispose(&out);
    corpus_close(&c);
}
END_TEST

/* decode the JSON form of the corpus, return the roots */
static sts_doclist *json_roundtrip(corpus *c, uint32_t style, uint32_t flags)
{
    sts_buf json = STS_BUF_INIT;
    sts_doclist *back = NULL;
    sts_error *err = NULL;
    encode(&json, c->reg, "json", c->roots, c->ndocs, style, flags, 0);
    fail_with(sts_doclist_new(&back), NULL, "sts_doclist_new");
    fail_with(sts_decode(back, c->reg, "json", json.data, json.len, NULL, &err), err,
              "decoding the encoded JSON");
    sts_buf_dispose(&json);
    ck_assert_uint_eq(sts_doclist_count(back), c->ndocs);
    for (size_t i = 0; i < c->ndocs; i++) {
        if (!sts_node_equal(c->roots[i], sts_doc_root(sts_doclist_at(back, i))))
            ck_abort_msg("document %zu differs after the JSON round trip", i);
    }
    return back;
}

START_TEST(json_roundtrip_is_equal)
{
    corpus c;
    corpus_open(&c);
    sts_doclist_free(json_roundtrip(&c, STS_ENCODE_ORIGINAL, 0));
    sts_doclist_free(json_roundtrip(&c, STS_ENCODE_KUBECTL, 0));
    sts_doclist_free(json_roundtrip(&c, STS_ENCODE_ORIGINAL, STS_ENCODE_COMPACT));
    sts_doclist_free(json_roundtrip(&c, STS_ENCODE_KUBECTL, STS_ENCODE_AS_LIST));
    corpus_close(&c);
}
END_TEST

START_TEST(kubectl_yaml_of_json_is_byte_identical)
{
    corpus c;
    sts_buf out = STS_BUF_INIT;
    corpus_open(&c);
    sts_doclist *back = json_roundtrip(&c, STS_ENCODE_ORIGINAL, STS_ENCODE_COMPACT);
    const sts_node **roots = calloc(c.ndocs ? c.ndocs : 1, sizeof *roots);
    ck_assert_ptr_nonnull(roots);
    for (size_t i = 0; i < c.ndocs; i++)
        roots[i] = sts_doc_root(sts_doclist_at(back, i));
    encode(&out, c.reg, "yaml", roots, c.ndocs, STS_ENCODE_KUBECTL, STS_ENCODE_EXPLICIT_START, 0);
    assert_same_bytes("JSON -> YAML (kubectl style)", c.yaml, c.yaml_len, out.data, out.len);
    /* and straight from the YAML tree, ignoring the source styles */
    sts_buf_dispose(&out);
    encode(&out, c.reg, "yaml", c.roots, c.ndocs, STS_ENCODE_KUBECTL, STS_ENCODE_EXPLICIT_START, 0);
    assert_same_bytes("YAML -> YAML (kubectl style)", c.yaml, c.yaml_len, out.data, out.len);
    sts_buf_dispose(&out);
    free(roots);
    sts_doclist_free(back);
    corpus_close(&c);
}
END_TEST

START_TEST(kubectl_json_list_is_byte_identical)
{
    corpus c;
    sts_buf out = STS_BUF_INIT;
    size_t jlen = 0;
    corpus_open(&c);
    if (getenv("STS_ROUNDTRIP_MAX_DOCS")) {
        corpus_close(&c); /* corpus.json holds the whole corpus */
        return;
    }
    char *json = tu_read_file(corpus_path("corpus.json"), &jlen);
    encode(&out, c.reg, "json", c.roots, c.ndocs, STS_ENCODE_KUBECTL, STS_ENCODE_AS_LIST, 4);
    /* `kubectl get -o json` ends its output with a newline */
    if (out.len && out.data[out.len - 1] != '\n')
        sts_buf_append(&out, "\n", 1);
    assert_same_bytes("YAML -> JSON List (kubectl style)", json, jlen, out.data, out.len);
    sts_buf_dispose(&out);
    free(json);
    corpus_close(&c);
}
END_TEST

START_TEST(load_yaml_and_json_list_agree)
{
    sts_registry *reg = NULL;
    sts_object_list *from_yaml = NULL, *from_json = NULL;
    sts_error *err = NULL;
    size_t ylen = 0, jlen = 0, n = 0;
    if (getenv("STS_ROUNDTRIP_MAX_DOCS"))
        return;
    char *yaml = load_yaml(&ylen, &n);
    char *json = tu_read_file(corpus_path("corpus.json"), &jlen);
    fail_with(sts_registry_new(&reg, 0, &err), err, "sts_registry_new");
    fail_with(sts_load(&from_yaml, reg, "yaml", yaml, ylen, NULL, &err), err, "sts_load yaml");
    /* a kind: List is expanded into its items, format guessed from content */
    fail_with(sts_load(&from_json, reg, NULL, json, jlen, NULL, &err), err, "sts_load json");
    ck_assert_uint_eq(sts_object_list_count(from_yaml), n);
    ck_assert_uint_eq(sts_object_list_count(from_json), n);
    for (size_t i = 0; i < n; i++) {
        const sts_object *a = sts_object_list_at(from_yaml, i);
        const sts_object *b = sts_object_list_at(from_json, i);
        ck_assert_int_eq(sts_object_kind(a), sts_object_kind(b));
        ck_assert_str_eq(sts_object_name(a), sts_object_name(b));
        ck_assert(sts_node_equal(sts_object_root(a), sts_object_root(b)));
    }
    sts_object_list_free(from_yaml);
    sts_object_list_free(from_json);
    sts_registry_free(reg);
    free(yaml);
    free(json);
}
END_TEST

static Suite *roundtrip_suite(void)
{
    Suite *s = suite_create("roundtrip");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, corpus_is_big_enough);
    tcase_add_test(tc, yaml_original_style_is_byte_identical);
    tcase_add_test(tc, json_roundtrip_is_equal);
    tcase_add_test(tc, kubectl_yaml_of_json_is_byte_identical);
    tcase_add_test(tc, kubectl_json_list_is_byte_identical);
    tcase_add_test(tc, load_yaml_and_json_list_agree);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(roundtrip_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
