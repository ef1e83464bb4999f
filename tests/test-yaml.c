/* White-box tests of the YAML serializer: parse errors with libyaml's
 * problem text and 1-based positions, duplicate keys, empty documents,
 * failure atomicity, and the Go number formatting helpers. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serial/yaml/yaml_private.h"
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

static const struct {
    const char *in;
    size_t len;
    int code;
    const char *msg;
    uint32_t line, col;
} errors[] = {
    /* each input follows "ok: 1\n---\n": lines in messages count those two */
    /* the second ':' (column 5) */
    {"a: b: c\n", 8, STS_EPARSE, "mapping values are not allowed in this context", 1, 5},
    /* libyaml's reader: the byte 0xFF at offset 3 */
    {"a: \xff\n", 5, STS_EPARSE, "invalid leading UTF-8 octet: #FF", 1, 4},
    /* a NUL byte inside a scalar (offset 4) */
    {"a: b\0c\n", 7, STS_EPARSE, "control characters are not allowed: #0", 1, 5},
    {"a: *x\n", 6, STS_EPARSE, "unknown anchor 'x' referenced", 1, 4},
    /* Kubernetes strict decoding: `line 3: key "a" already set in map` */
    {"a: 1\nb: 2\na: 3\n", 15, STS_EPARSE, "key \"a\" already set in map (line 5; first set at line 3)", 3, 1},
    /* `yes` and `y` are both the key "true" */
    {"yes: 1\ny: 2\n", 12, STS_EPARSE, "key \"true\" already set in map (line 4; first set at line 3)", 2, 1},
    {"a: [1, 2\n", 9, STS_EPARSE,
     "while parsing a flow sequence at line 3, column 4: did not find expected ',' or ']'", 2, 1},
    {"<<: 1\n", 6, STS_EPARSE, "map merge requires map or sequence of maps as the value", 1, 5},
};

START_TEST(errors_have_code_message_and_position)
{
    sts_doc *keep;
    ck_assert_int_eq(sts_doc_new(&keep), 0);
    ck_assert_int_eq(sts_doclist_take(docs, keep), 0);
    for (size_t i = 0; i < sizeof errors / sizeof *errors; i++) {
        sts_error *err = NULL;
        /* a good first document must not be appended either */
        sts_buf in = STS_BUF_INIT;
        sts_buf_append(&in, "ok: 1\n---\n", 10);
        sts_buf_append(&in, errors[i].in, errors[i].len);
        int rc = sts_decode(docs, reg, "yaml", in.data, in.len, NULL, &err);
        ck_assert_msg(rc == errors[i].code, "case %zu: rc %d", i, rc);
        ck_assert_str_eq(sts_error_message(err), errors[i].msg);
        ck_assert_uint_eq(sts_error_line(err), errors[i].line + 2);
        ck_assert_uint_eq(sts_error_column(err), errors[i].col);
        ck_assert_uint_eq(sts_doclist_count(docs), 1);
        sts_error_free(err);
        sts_buf_dispose(&in);
    }
}
END_TEST

START_TEST(allow_duplicate_keys_replaces_in_place)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.flags = STS_DECODE_ALLOW_DUPLICATE_KEYS;
    /* kubectl itself (client side) keeps the later value silently */
    const char *in = "a: 1\nb: 2\na: 3\n";
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, strlen(in), &o, NULL), 0);
    const sts_node *root = sts_doc_root(sts_doclist_at(docs, 0));
    ck_assert_uint_eq(sts_node_count(root), 2);
    int64_t v;
    sts_node_get_int(&v, sts_node_map_value_at(root, 0));
    ck_assert_int_eq(v, 3);
}
END_TEST

START_TEST(empty_and_null_documents_are_skipped)
{
    /* kubectl label --local skips them (checked: ---/---, `# c`, `...`, `~`) */
    const char *in = "---\n---\na: 1\n---\n# only a comment\n---\n~\n...\n---\nnull\n---\nb: 2\n";
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, strlen(in), NULL, NULL), 0);
    ck_assert_uint_eq(sts_doclist_count(docs), 2);
    const sts_node *b = sts_doc_root(sts_doclist_at(docs, 1));
    ck_assert_uint_eq(sts_node_line(b), 12);
    ck_assert_uint_eq(sts_node_offset(b), strlen(in) - 5);
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", "", 0, NULL, NULL), 0);
    ck_assert_uint_eq(sts_doclist_count(docs), 2);
}
END_TEST

START_TEST(offsets_are_bytes_and_columns_characters)
{
    const char *in = "a: \xc3\xbc\xc3\xbc\nb: [x, y]\n";
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, strlen(in), NULL, NULL), 0);
    const sts_node *root = sts_doc_root(sts_doclist_at(docs, 0));
    const sts_node *b = sts_node_map_get(root, "b", 1);
    ck_assert_uint_eq(sts_node_line(b), 2);
    ck_assert_uint_eq(sts_node_column(b), 4);
    ck_assert_uint_eq(sts_node_offset(b), 11);
    const sts_node *y = sts_node_seq_at(b, 1);
    ck_assert_uint_eq(sts_node_column(y), 8);
    ck_assert_uint_eq(sts_node_offset(y), 15);
}
END_TEST

/* Offsets across runs of ASCII and 2-, 3- and 4-byte characters, over
 * several documents: each value's expected offset is where its unique
 * text sits in the input bytes. */
START_TEST(offsets_after_multibyte_runs)
{
    const char *in = "a: \xc3\xa9\n"
                     "a_rather_long_ascii_key_to_cross_words: v01\n"
                     "c: \xe6\x97\xa5\xe6\x9c\xac v02\n"
                     "d: [v03, \"\xf0\x9f\x98\x80\", v04]\n"
                     "---\n"
                     "# \xc3\xa9\xc3\xa9 comment\n"
                     "e: {f: v05, g: \xf0\x9f\x98\x80v06}\n"
                     "h: v07\n"
                     "i: \xc3\xa9\n";
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, strlen(in), NULL, NULL), 0);
    ck_assert_uint_eq(sts_doclist_count(docs), 2);
    const sts_node *r0 = sts_doc_root(sts_doclist_at(docs, 0));
    const sts_node *r1 = sts_doc_root(sts_doclist_at(docs, 1));
    const sts_node *d = sts_node_map_get(r0, "d", 1);
    const sts_node *e = sts_node_map_get(r1, "e", 1);
    const struct {
        const sts_node *node;
        const char *text;
    } want[] = {
        {sts_node_map_get(r0, "a_rather_long_ascii_key_to_cross_words", 38), "v01"},
        {sts_node_map_get(r0, "c", 1), "\xe6\x97\xa5"},
        {sts_node_seq_at(d, 0), "v03"},
        {sts_node_seq_at(d, 1), "\"\xf0"},
        {sts_node_seq_at(d, 2), "v04"},
        {e, "{f:"},
        {sts_node_map_get(e, "f", 1), "v05"},
        {sts_node_map_get(e, "g", 1), "\xf0\x9f\x98\x80v06"},
        {sts_node_map_get(r1, "h", 1), "v07"},
        {sts_node_map_get(r1, "i", 1), "\xc3\xa9\n"},
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        ck_assert_ptr_nonnull(want[k].node);
        const char *at = strstr(in, want[k].text);
        if (k == 9) /* the last \xc3\xa9, not the first */
            at = in + strlen(in) - 3;
        ck_assert_uint_eq(sts_node_offset(want[k].node), (uint64_t)(at - in));
    }
    /* an error after multi-byte text: the repeated key's byte offset */
    const char *dup = "a: \xc3\xa9\xc3\xa9\xc3\xa9\nb: 1\nb: 2\n";
    sts_error *err = NULL;
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", dup, strlen(dup), NULL, &err), STS_EPARSE);
    ck_assert_uint_eq(sts_error_offset(err), (uint64_t)(strstr(dup, "b: 2") - dup));
    ck_assert_uint_eq(sts_error_column(err), 1);
    sts_error_free(err);
}
END_TEST

START_TEST(go_number_formatting)
{
    char buf[48];
    /* strconv.FormatFloat(f, 'g', -1, 64) */
    sts__yaml_format_float(buf, 1234567.5, 64);
    ck_assert_str_eq(buf, "1.2345675e+06");
    sts__yaml_format_float(buf, 0.00001, 64);
    ck_assert_str_eq(buf, "1e-05");
    sts__yaml_format_float(buf, 123456.5, 64);
    ck_assert_str_eq(buf, "123456.5");
    sts__yaml_format_float(buf, -INFINITY, 64);
    ck_assert_str_eq(buf, "-.inf");
    /* map keys use 32-bit formatting: kubectl turns `123456789.5:` into "1.2345679e+08" */
    sts__yaml_format_float(buf, 123456789.5, 32);
    ck_assert_str_eq(buf, "1.2345679e+08");
    /* kubectl -o yaml: through encoding/json, then go-yaml */
    sts__yaml_format_kubectl_float(buf, 9223372036854775808.0);
    ck_assert_str_eq(buf, "9223372036854776000");
    sts__yaml_format_kubectl_float(buf, 18446744073709551616.0);
    ck_assert_str_eq(buf, "1.8446744073709552e+19");
    sts__yaml_format_kubectl_float(buf, 1e20);
    ck_assert_str_eq(buf, "1e+20");
    sts__yaml_format_kubectl_float(buf, -0.0);
    ck_assert_str_eq(buf, "0");
    sts__yaml_format_kubectl_float(buf, 1000.0);
    ck_assert_str_eq(buf, "1000");
    ck_assert(sts__yaml_string_needs_quotes("2001-12-14", 10));
    ck_assert(sts__yaml_string_needs_quotes("1:20", 4));
    ck_assert(!sts__yaml_string_needs_quotes("2001-12-14 21:59:43.10 -5", 25));
    ck_assert(!sts__yaml_string_needs_quotes("<<", 2));
}
END_TEST

/* A key with U+0000 is refused, as the JSON decoder must refuse it (json-c
 * keeps keys as C strings): what the library reads, it can write and read back. */
START_TEST(nul_in_key_is_refused)
{
    static const char in[] = "a: 1\n\"b\\0c\": 2\n";
    sts_error *err = NULL;
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, sizeof in - 1, NULL, &err), STS_EPARSE);
    ck_assert_str_eq(sts_error_message(err), "object key contains U+0000, which is not supported");
    ck_assert_uint_eq(sts_error_line(err), 2);
    ck_assert_uint_eq(sts_error_column(err), 1);
    ck_assert_uint_eq(sts_doclist_count(docs), 0);
    sts_error_free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("yaml");
    TCase *tc = tcase_create("yaml");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, errors_have_code_message_and_position);
    tcase_add_test(tc, allow_duplicate_keys_replaces_in_place);
    tcase_add_test(tc, empty_and_null_documents_are_skipped);
    tcase_add_test(tc, offsets_are_bytes_and_columns_characters);
    tcase_add_test(tc, offsets_after_multibyte_runs);
    tcase_add_test(tc, nul_in_key_is_refused);
    tcase_add_test(tc, go_number_formatting);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
