/* YAML encoding: kubectl's output style (go-yaml v2) and byte-exact round
 * trips. Expected bytes come from kubectl (emit-strings.kubectl.yaml, made by
 * tests/data/yaml/gen-expected.sh) and from the benchmark corpus generator,
 * whose output is byte-identical to `kubectl get -o yaml`. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statefulset/statefulset.h"
#include "testutil.h"

static sts_registry *reg;
static sts_doclist *docs;

static void setup(void)
{
    ck_assert_int_eq(sts_registry_new(&reg, 0, NULL), 0);
    ck_assert_int_eq(sts_doclist_new(&docs), 0);
}

static void teardown(void)
{
    sts_doclist_free(docs);
    sts_registry_free(reg);
}

static void decode(const char *data, size_t len)
{
    sts_error *err = NULL;
    int rc = sts_decode(docs, reg, "yaml", data, len, NULL, &err);
    if (rc)
        ck_abort_msg("decode: %u:%u %s", sts_error_line(err), sts_error_column(err),
                     sts_error_message(err));
}

static void encode(sts_buf *out, uint32_t style, uint32_t flags)
{
    size_t n = sts_doclist_count(docs);
    const sts_node **roots = malloc(n * sizeof *roots);
    for (size_t i = 0; i < n; i++)
        roots[i] = sts_doc_root(sts_doclist_at(docs, i));
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.style = style;
    o.flags = flags;
    sts_error *err = NULL;
    int rc = sts_encode(out, reg, "yaml", roots, n, &o, &err);
    free(roots);
    if (rc)
        ck_abort_msg("encode: %s", sts_error_message(err));
}

static void assert_same(const char *what, const char *got, size_t glen, const char *want,
                        size_t wlen)
{
    size_t i = 0, line = 1;
    while (i < glen && i < wlen && got[i] == want[i])
        line += got[i++] == '\n';
    ck_assert_msg(glen == wlen && i == glen, "%s differs at byte %zu (line %zu): got \"%.60s\" want \"%.60s\"",
                  what, i, line, got + i, want + i);
}

START_TEST(corpus_round_trips_byte_for_byte)
{
    size_t len;
    char *in = tu_read_file(tu_data("yaml/corpus-small.yaml"), &len);
    ck_assert(len > 4 && !memcmp(in, "---\n", 4));
    decode(in, len);
    ck_assert_uint_eq(sts_doclist_count(docs), 24);
    for (uint32_t style = 0; style < 2; style++) {
        sts_buf out = STS_BUF_INIT;
        encode(&out, style, STS_ENCODE_EXPLICIT_START);
        assert_same(style ? "kubectl, explicit start" : "original, explicit start", out.data,
                    out.len, in, len);
        sts_buf_dispose(&out);
        /* without the flag the first document has no `---` */
        encode(&out, style, 0);
        assert_same(style ? "kubectl" : "original", out.data, out.len, in + 4, len - 4);
        sts_buf_dispose(&out);
    }
    free(in);
}
END_TEST

START_TEST(strings_numbers_and_empties_as_kubectl_prints_them)
{
    size_t len, klen;
    char *in = tu_read_file(tu_data("yaml/emit-strings.yaml"), &len);
    char *want = tu_read_file(tu_data("yaml/emit-strings.kubectl.yaml"), &klen);
    decode(in, len);
    sts_buf out = STS_BUF_INIT;
    encode(&out, STS_ENCODE_KUBECTL, 0);
    assert_same("kubectl style", out.data, out.len, want, klen);
    sts_buf_dispose(&out);
    free(in);
    free(want);
}
END_TEST

START_TEST(resolve_and_merge_files_match_kubectl_yaml)
{
    /* resolve.kubectl.yaml is not compared: its numeric-looking keys meet
     * go-yaml's non-transitive key order, where the result depends on Go's
     * sort algorithm (known difference, see lib/serial/yaml/yaml_encode.c) */
    const char *files[][2] = {{"yaml/merge.yaml", "yaml/merge.kubectl.yaml"}};
    for (size_t f = 0; f < 1; f++) {
        size_t len, klen;
        char *in = tu_read_file(tu_data(files[f][0]), &len);
        char *want = tu_read_file(tu_data(files[f][1]), &klen);
        sts_doclist_free(docs);
        sts_doclist_new(&docs);
        decode(in, len);
        sts_buf out = STS_BUF_INIT;
        encode(&out, STS_ENCODE_KUBECTL, 0);
        assert_same(files[f][1], out.data, out.len, want, klen);
        sts_buf_dispose(&out);
        free(in);
        free(want);
    }
}
END_TEST

START_TEST(original_style_keeps_source_spelling)
{
    const char *in = "b: yes\na: 0777\nc: ~\nd: 1e3\ne: 'x'\nf: \"y\"\ng: [1, 2]\nh: {k: v}\n"
                     "i: |\n  lit\nj:\n  - 1\n";
    /* libyaml writes block sequences under a key without indentation, as kubectl does */
    const char *want = "b: yes\na: 0777\nc: ~\nd: 1e3\ne: 'x'\nf: \"y\"\ng: [1, 2]\nh: {k: v}\n"
                       "i: |\n  lit\nj:\n- 1\n";
    decode(in, strlen(in));
    sts_buf out = STS_BUF_INIT;
    encode(&out, STS_ENCODE_ORIGINAL, 0);
    ck_assert_str_eq(out.data, want);
    sts_buf_dispose(&out);
    /* kubectl style: sorted, canonical */
    encode(&out, STS_ENCODE_KUBECTL, 0);
    ck_assert_str_eq(out.data, "a: 511\nb: true\nc: null\nd: 1000\ne: x\nf: \"y\"\ng:\n- 1\n- 2\n"
                               "h:\n  k: v\ni: |\n  lit\nj:\n- 1\n");
    sts_buf_dispose(&out);
}
END_TEST

START_TEST(nodes_built_in_code)
{
    sts_doc *doc;
    sts_node *map, *n;
    ck_assert_int_eq(sts_doc_new(&doc), 0);
    sts_doc_new_map(&map, doc);
    sts_doc_set_root(doc, map);
    sts_doc_new_string(&n, doc, "yes", 3);
    sts_node_map_set(map, "s", 1, n);
    sts_doc_new_float(&n, doc, 0.5);
    sts_node_map_set(map, "f", 1, n);
    sts_doc_new_string(&n, doc, "two\nlines", 9);
    sts_node_map_set(map, "m", 1, n);
    sts_doc_new_null(&n, doc);
    sts_node_map_set(map, "z", 1, n);
    sts_buf out = STS_BUF_INIT;
    const sts_node *roots[] = {map};
    ck_assert_int_eq(sts_encode(&out, reg, "yaml", roots, 1, NULL, NULL), 0);
    ck_assert_str_eq(out.data, "s: \"yes\"\nf: 0.5\nm: |-\n  two\n  lines\nz: null\n");
    sts_buf_dispose(&out);
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.indent = 1;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_encode(&out, reg, "yaml", roots, 1, &o, &err), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(err), "YAML indent must be 2 to 9 spaces, not 1");
    sts_error_free(err);
    sts_doc_free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("yaml-emit");
    TCase *tc = tcase_create("emit");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, corpus_round_trips_byte_for_byte);
    tcase_add_test(tc, strings_numbers_and_empties_as_kubectl_prints_them);
    tcase_add_test(tc, resolve_and_merge_files_match_kubectl_yaml);
    tcase_add_test(tc, original_style_keeps_source_spelling);
    tcase_add_test(tc, nodes_built_in_code);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
