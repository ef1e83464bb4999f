/* JSON encoder through the public API only. Expected bytes are kubectl's
 * output (tests/data/json/README.md says how each file was made). */
#include <check.h>
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

/* Decode data file `in` (with decode flags), encode all documents with
 * style/flags, compare with data file `want`. */
static void roundtrip(const char *in, uint32_t dflags, uint32_t style, uint32_t eflags,
                      const char *want)
{
    size_t len, wlen;
    char *src = tu_read_file(tu_data(in), &len);
    char *exp = tu_read_file(tu_data(want), &wlen);
    sts_doclist *l;
    sts_error *e = NULL;
    sts_decode_opts d = STS_DECODE_OPTS_INIT;
    d.flags = dflags;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", src, len, &d, &e), 0);
    size_t n = sts_doclist_count(l);
    const sts_node **roots = calloc(n + 1, sizeof *roots);
    for (size_t i = 0; i < n; i++)
        roots[i] = sts_doc_root(sts_doclist_at(l, i));
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.style = style;
    o.flags = eflags;
    sts_buf out = STS_BUF_INIT;
    ck_assert_int_eq(sts_encode(&out, reg, "json", roots, n, &o, &e), 0);
    ck_assert_uint_eq(out.len, wlen);
    ck_assert(memcmp(out.data, exp, wlen) == 0);
    sts_buf_dispose(&out);
    free(roots);
    sts_doclist_free(l);
    free(src);
    free(exp);
}

START_TEST(corpus_as_kubectl_prints_it)
{
    /* kubectl patch --local --type merge -p {} -o json -f corpus.json */
    roundtrip("json/corpus.json", 0, STS_ENCODE_KUBECTL, 0, "json/corpus.kubectl.json");
    /* the same objects wrapped in kubectl's List */
    roundtrip("json/corpus.json", 0, STS_ENCODE_KUBECTL, STS_ENCODE_AS_LIST,
              "json/corpus.kubectl-list.json");
    /* JSON lines in, sorted kubectl output: same as from the List */
    roundtrip("json/corpus.jsonl", 0, STS_ENCODE_KUBECTL, 0, "json/corpus.kubectl.json");
}
END_TEST

START_TEST(corpus_in_original_order)
{
    roundtrip("json/corpus.json", 0, STS_ENCODE_ORIGINAL, STS_ENCODE_AS_LIST,
              "json/corpus.original-list.json");
    roundtrip("json/corpus.jsonl", 0, STS_ENCODE_ORIGINAL, STS_ENCODE_COMPACT,
              "json/corpus.original.jsonl");
}
END_TEST

START_TEST(tricky_scalars_as_kubectl_prints_them)
{
    roundtrip("json/numbers.json", 0, STS_ENCODE_KUBECTL, 0, "json/numbers.kubectl.json");
    roundtrip("json/strings.json", 0, STS_ENCODE_KUBECTL, 0, "json/strings.kubectl.json");
    roundtrip("json/dup.json", STS_DECODE_ALLOW_DUPLICATE_KEYS, STS_ENCODE_KUBECTL, 0,
              "json/dup.kubectl.json");
}
END_TEST

/* Encode one document given as JSON text. */
static char *encode_text(const char *json, uint32_t style, uint32_t flags, uint32_t indent)
{
    sts_doclist *l;
    sts_error *e = NULL;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", json, strlen(json), NULL, &e), 0);
    const sts_node *root = sts_doc_root(sts_doclist_at(l, 0));
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.style = style;
    o.flags = flags;
    o.indent = indent;
    sts_buf out = STS_BUF_INIT;
    ck_assert_int_eq(sts_encode(&out, reg, "json", &root, 1, &o, &e), 0);
    sts_doclist_free(l);
    char *s = sts_buf_detach(&out);
    char *copy = strdup(s);
    sts_free(s);
    return copy;
}

START_TEST(original_keeps_number_text_and_order)
{
    char *s = encode_text("{\"b\": [1e3, 1.0, -0, 1E+2, 0.5, 12], \"a\": {}}", STS_ENCODE_ORIGINAL,
                          STS_ENCODE_COMPACT, 0);
    ck_assert_str_eq(s, "{\"b\":[1e3,1.0,-0,1E+2,0.5,12],\"a\":{}}\n");
    free(s);
    s = encode_text("{\"b\": [1e3, -0], \"a\": []}", STS_ENCODE_KUBECTL, 0, 2);
    ck_assert_str_eq(s, "{\n  \"a\": [],\n  \"b\": [\n    1000,\n    0\n  ]\n}\n");
    free(s);
}
END_TEST

START_TEST(strings_built_in_code)
{
    sts_doc *d;
    sts_node *m, *v;
    ck_assert_int_eq(sts_doc_new(&d), 0);
    ck_assert_int_eq(sts_doc_new_map(&m, d), 0);
    ck_assert_int_eq(sts_doc_set_root(d, m), 0);
    /* invalid UTF-8 and U+2028 as Go writes them; keys sorted bytewise */
    ck_assert_int_eq(sts_doc_new_string(&v, d, "a\xff\xe2\x80\xa8<\x7f\x01\0", 9), 0);
    ck_assert_int_eq(sts_node_map_set(m, "\xc3\xa9", 2, v), 0);
    ck_assert_int_eq(sts_doc_new_float(&v, d, 2.5), 0);
    ck_assert_int_eq(sts_node_map_set(m, "Z", 1, v), 0);
    ck_assert_int_eq(sts_doc_new_int(&v, d, INT64_MIN), 0);
    ck_assert_int_eq(sts_node_map_set(m, "a", 1, v), 0);
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.style = STS_ENCODE_KUBECTL;
    o.flags = STS_ENCODE_COMPACT;
    sts_buf out = STS_BUF_INIT;
    const sts_node *root = m;
    ck_assert_int_eq(sts_encode(&out, reg, "json", &root, 1, &o, NULL), 0);
    ck_assert_str_eq(out.data, "{\"Z\":2.5,\"a\":-9223372036854775808,"
                               "\"\xc3\xa9\":\"a\\ufffd\\u2028\\u003c\x7f\\u0001\\u0000\"}\n");
    sts_buf_dispose(&out);

    /* NaN cannot be written: Go's error, nothing appended */
    ck_assert_int_eq(sts_doc_new_float(&v, d, 0.0 / 0.0), 0);
    ck_assert_int_eq(sts_node_map_set(m, "n", 1, v), 0);
    sts_error *e = NULL;
    ck_assert_int_eq(sts_buf_append(&out, "x", 1), 0);
    ck_assert_int_eq(sts_encode(&out, reg, "json", &root, 1, &o, &e), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(e), "json: unsupported value: NaN");
    ck_assert_uint_eq(out.len, 1);
    sts_error_free(e);
    sts_buf_dispose(&out);
    sts_doc_free(d);
}
END_TEST

START_TEST(several_roots)
{
    sts_doclist *l;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", "{\"a\":1}\n[true,null]", 19, NULL, NULL), 0);
    const sts_node *roots[2] = {sts_doc_root(sts_doclist_at(l, 0)),
                                sts_doc_root(sts_doclist_at(l, 1))};
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    sts_buf out = STS_BUF_INIT;
    ck_assert_int_eq(sts_encode(&out, reg, "json", roots, 2, &o, NULL), 0);
    ck_assert_str_eq(out.data, "{\n    \"a\": 1\n}\n[\n    true,\n    null\n]\n");
    sts_buf_dispose(&out);
    o.flags = STS_ENCODE_AS_LIST | STS_ENCODE_COMPACT;
    ck_assert_int_eq(sts_encode(&out, reg, "json", roots, 2, &o, NULL), 0);
    ck_assert_str_eq(out.data, "{\"apiVersion\":\"v1\",\"items\":[{\"a\":1},[true,null]],"
                               "\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}\n");
    sts_buf_dispose(&out);
    o.flags = STS_ENCODE_AS_LIST;
    ck_assert_int_eq(sts_encode(&out, reg, "json", roots, 0, &o, NULL), 0);
    ck_assert_str_eq(out.data, "{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n"
                               "    \"kind\": \"List\",\n    \"metadata\": {\n"
                               "        \"resourceVersion\": \"\"\n    }\n}\n");
    sts_buf_dispose(&out);
    sts_doclist_free(l);
}
END_TEST

START_TEST(bad_options)
{
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    sts_buf out = STS_BUF_INIT;
    sts_error *e = NULL;
    o.style = 7;
    ck_assert_int_eq(sts_encode(&out, reg, "json", NULL, 0, &o, &e), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(e), "unknown encode style 7");
    sts_error_free(e);
    e = NULL;
    o.style = 0;
    o.indent = 1000;
    ck_assert_int_eq(sts_encode(&out, reg, "json", NULL, 0, &o, &e), STS_EINVAL);
    ck_assert_str_eq(sts_error_message(e), "indent 1000 is out of range (1-64)");
    sts_error_free(e);
    sts_buf_dispose(&out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json-emit");
    TCase *tc = tcase_create("encode");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, corpus_as_kubectl_prints_it);
    tcase_add_test(tc, corpus_in_original_order);
    tcase_add_test(tc, tricky_scalars_as_kubectl_prints_them);
    tcase_add_test(tc, original_keeps_number_text_and_order);
    tcase_add_test(tc, strings_built_in_code);
    tcase_add_test(tc, several_roots);
    tcase_add_test(tc, bad_options);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
