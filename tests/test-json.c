/* JSON decoder (white-box: also the Go-compatible number formatting).
 * Expected values come from kubectl v1.32 (`kubectl label --local -f F
 * x=y -o json`), see tests/data/json/README.md. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "serial/json/json_private.h"
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

/* Decode text with flags; returns the code, fills list (caller frees) and err. */
static int dec(const char *s, size_t len, uint32_t flags, sts_doclist **list, sts_error **err)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.flags = flags | STS_DECODE_KEEP_LISTS;
    ck_assert_int_eq(sts_doclist_new(list), 0);
    *err = NULL;
    return sts_decode(*list, reg, "json", s, len, &o, err);
}

static int dec_opts(const char *s, sts_decode_opts *o, sts_error **err)
{
    sts_doclist *l;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    *err = NULL;
    int rc = sts_decode(l, reg, "json", s, strlen(s), o, err);
    sts_doclist_free(l);
    return rc;
}

/* Expect a failure with code, message, line and column. */
static void fails(const char *s, size_t len, uint32_t flags, int code, const char *msg,
                  uint32_t line, uint32_t col)
{
    sts_doclist *l;
    sts_error *e;
    int rc = dec(s, len, flags, &l, &e);
    ck_assert_int_eq(rc, code);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(sts_error_code(e), code);
    ck_assert_str_eq(sts_error_message(e), msg);
    ck_assert_uint_eq(sts_error_line(e), line);
    ck_assert_uint_eq(sts_error_column(e), col);
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_error_free(e);
    sts_doclist_free(l);
}

#define FAILS(s, code, msg, line, col) fails(s, strlen(s), 0, code, msg, line, col)

static sts_node *at(sts_node *root, const char *path)
{
    sts_node *n = NULL;
    ck_assert_int_eq(sts_node_find(&n, root, path, strlen(path), NULL), 0);
    return n;
}

START_TEST(positions_of_every_node)
{
    const char *s = "{\n  \"a\": [1, \"x\",\n    {\"b\": null}],\n\t\"c\": true\n}\n";
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(s, strlen(s), 0, &l, &e), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 1);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 0));
    ck_assert_uint_eq(sts_node_line(r), 1);
    ck_assert_uint_eq(sts_node_column(r), 1);
    ck_assert_uint_eq(sts_node_offset(r), 0);
    sts_node *k = sts_node_map_key_at(r, 0);
    ck_assert_uint_eq(sts_node_line(k), 2);
    ck_assert_uint_eq(sts_node_column(k), 3);
    ck_assert_uint_eq(sts_node_offset(k), 4);
    sts_node *a = at(r, "a");
    ck_assert_uint_eq(sts_node_column(a), 8);
    ck_assert_uint_eq(sts_node_column(at(r, "a[0]")), 9);
    ck_assert_uint_eq(sts_node_column(at(r, "a[1]")), 12);
    sts_node *b = at(r, "a[2].b");
    ck_assert_uint_eq(sts_node_line(b), 3);
    ck_assert_uint_eq(sts_node_column(b), 11);
    ck_assert_uint_eq(sts_node_offset(b), 28);
    sts_node *c = at(r, "c");
    ck_assert_uint_eq(sts_node_line(c), 4);
    ck_assert_uint_eq(sts_node_column(c), 7); /* a tab counts as one byte */
    ck_assert_int_eq(sts_node_get_type(c), STS_NODE_BOOL);
    sts_doclist_free(l);
}
END_TEST

START_TEST(streams_make_documents)
{
    /* JSON lines, concatenated values and whitespace: one document each,
     * as kubectl reads them (configmap/a and configmap/b) */
    const char *s = "{\"a\":1}\n{\"b\":2}{\"c\":3}  \r\n [4]\n\"s\" 5 null\n";
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(s, strlen(s), 0, &l, &e), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 7);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 2));
    ck_assert_uint_eq(sts_node_line(r), 2);
    ck_assert_uint_eq(sts_node_column(r), 8);
    int64_t v;
    ck_assert_int_eq(sts_node_get_int(&v, sts_doc_root(sts_doclist_at(l, 5))), 0);
    ck_assert_int_eq(v, 5);
    ck_assert_uint_eq(sts_node_line(sts_doc_root(sts_doclist_at(l, 6))), 4);
    sts_doclist_free(l);
    /* empty and blank input: no documents */
    ck_assert_int_eq(dec("", 0, 0, &l, &e), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_doclist_free(l);
    ck_assert_int_eq(dec(" \n\t\r\n", 5, 0, &l, &e), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_doclist_free(l);
}
END_TEST

START_TEST(list_is_expanded)
{
    size_t len;
    char *s = tu_read_file(tu_data("json/corpus.json"), &len);
    sts_doclist *l;
    sts_error *e = NULL;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", s, len, NULL, &e), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 16);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 1));
    ck_assert(sts__node_is_string(at(r, "kind"), "StatefulSet"));
    ck_assert_uint_eq(sts_node_column(r), 9);
    sts_doclist_free(l);
    free(s);
}
END_TEST

START_TEST(syntax_errors_from_json_c)
{
    FAILS("[1,]", STS_EPARSE, "unexpected character", 1, 4);
    FAILS("{\n  \"a\" 1}", STS_EPARSE, "object property name separator ':' expected", 2, 7);
    FAILS("{\"a\": [1, 2", STS_EPARSE, "unexpected end of data", 1, 12);
    FAILS("\n\n  tru", STS_EPARSE, "unexpected end of data", 3, 6);
    FAILS("'a'", STS_EPARSE, "unexpected character", 1, 1);
    /* json-c stops at NUL as if the input ended there */
    fails("{\"a\": \"x\0y\"}", 12, 0, STS_EPARSE, "invalid NUL byte", 1, 9);
}
END_TEST

START_TEST(trailing_garbage)
{
    /* kubectl: "invalid character 'x' looking for beginning of value" after
     * printing the first object */
    FAILS("{\"a\": 1}\n  xyz", STS_EPARSE, "unexpected character", 2, 3);
    FAILS("[1]]", STS_EPARSE, "unexpected character", 1, 4);
    /* json-c reads "-01" whole, Go stops after "-0" */
    FAILS("-01", STS_EPARSE, "invalid character '1' after top-level value", 1, 3);
}
END_TEST

START_TEST(go_rejects_what_json_c_accepts)
{
    /* messages and offsets as kubectl v1.32 reports them */
    FAILS("{\"k\":\n \"a\tb\"}", STS_EPARSE, "invalid character '\\t' in string literal", 2, 4);
    FAILS("{\"k\": NaN}", STS_EPARSE, "invalid character 'N' looking for beginning of value", 1,
          7);
    FAILS("[Infinity]", STS_EPARSE, "invalid character 'I' looking for beginning of value", 1, 2);
    FAILS("[-Infinity]", STS_EPARSE, "invalid character 'I' in numeric literal", 1, 3);
    FAILS("{\"k\": 1.}", STS_EPARSE,
          "invalid character '}' after decimal point in numeric literal", 1, 9);
    /* json-c catches this one itself, one byte later than Go ("invalid
     * character '1' after object key:value pair" at column 8) */
    FAILS("{\"k\": 01}", STS_EPARSE, "number expected", 1, 9);
    FAILS("[-01]", STS_EPARSE, "invalid character '1' after array element", 1, 4);
    FAILS("{\"k\\u0000x\": 1}", STS_EPARSE,
          "object key contains U+0000, which is not supported", 1, 2);
    FAILS("{\"a\": [\"\n\"]}", STS_EPARSE, "invalid character '\\n' in string literal", 1, 9);
}
END_TEST

START_TEST(numbers_as_kubernetes_reads_them)
{
    const char *s = "[1e3, 1.0, 9223372036854775808, -0, -0.0, -9223372036854775808, 0.1, 12, "
                    "1E+2, 1e-7]";
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(s, strlen(s), 0, &l, &e), 0);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 0));
    static const int types[] = {STS_NODE_FLOAT, STS_NODE_FLOAT, STS_NODE_FLOAT, STS_NODE_INT,
                                STS_NODE_FLOAT, STS_NODE_INT,   STS_NODE_FLOAT, STS_NODE_INT,
                                STS_NODE_FLOAT, STS_NODE_FLOAT};
    static const char *const texts[] = {"1e3", "1.0", "9223372036854775808", "-0", "-0.0",
                                        NULL, NULL, NULL, "1E+2", NULL};
    for (size_t i = 0; i < 10; i++) {
        sts_node *n = sts_node_seq_at(r, i);
        ck_assert_int_eq(sts_node_get_type(n), types[i]);
        size_t tl;
        const char *t = sts_node_get_text(n, &tl);
        if (texts[i]) {
            ck_assert_ptr_nonnull(t);
            ck_assert_str_eq(t, texts[i]);
        } else {
            ck_assert_ptr_null(t);
        }
    }
    double f;
    int64_t v;
    ck_assert_int_eq(sts_node_get_float(&f, sts_node_seq_at(r, 2)), 0);
    ck_assert(f == 9223372036854775808.0);
    ck_assert_int_eq(sts_node_get_int(&v, sts_node_seq_at(r, 5)), 0);
    ck_assert(v == INT64_MIN);
    ck_assert_int_eq(sts_node_get_float(&f, sts_node_seq_at(r, 4)), 0);
    ck_assert(f == 0 && signbit(f));
    sts_doclist_free(l);
    /* without source text */
    ck_assert_int_eq(dec(s, strlen(s), STS_DECODE_NO_SOURCE_TEXT, &l, &e), 0);
    ck_assert_ptr_null(sts_node_get_text(sts_node_seq_at(sts_doc_root(sts_doclist_at(l, 0)), 0),
                                         NULL));
    sts_doclist_free(l);
    /* kubectl: cannot unmarshal number 1e400 into Go value of type float64 */
    FAILS("{\"n\":\n  -1e400}", STS_ERANGE,
          "cannot unmarshal number -1e400 into a float64: value out of range", 2, 3);
}
END_TEST

START_TEST(strings_as_kubernetes_reads_them)
{
    /* invalid UTF-8 becomes U+FFFD per bad byte, lone surrogates too;
     * \u0000 is kept (kubectl prints "\u0000") */
    const char *s = "[\"x\xffy\xc3(z\xed\xa0\x80\", \"\\ud800|\\ud83d\\ude00\", \"a\\u0000b\", "
                    "\"caf\xc3\xa9\", \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]";
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(s, strlen(s), 0, &l, &e), 0);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 0));
    const char *v;
    size_t n;
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_seq_at(r, 0)), 0);
    ck_assert_uint_eq(n, 19);
    ck_assert(memcmp(v, "x\xef\xbf\xbdy\xef\xbf\xbd(z\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 19) == 0);
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_seq_at(r, 1)), 0);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(v, "\xef\xbf\xbd|\xf0\x9f\x98\x80", 8) == 0);
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_seq_at(r, 2)), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert(memcmp(v, "a\0b", 3) == 0);
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_seq_at(r, 3)), 0);
    ck_assert_str_eq(v, "caf\xc3\xa9");
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_seq_at(r, 4)), 0);
    ck_assert_str_eq(v, "\"\\/\b\f\n\r\t");
    sts_doclist_free(l);
}
END_TEST

START_TEST(duplicate_keys)
{
    /* kubectl keeps the last value silently; we refuse unless asked */
    FAILS("{\"a\": 1,\n \"b\": {\"x\": 1, \"y\": 2},\n \"a\": 3}", STS_EPARSE,
          "duplicate key \"a\" (first at line 1, column 2)", 3, 2);
    /* the textually first duplicate, even when nested in an earlier value */
    FAILS("{\"a\": {\"x\": 1, \"x\": {}}, \"a\": 2}", STS_EPARSE,
          "duplicate key \"x\" (first at line 1, column 8)", 1, 16);
    FAILS("[{\"k\\u00e9\": 1, \"k\xc3\xa9\": 2}]", STS_EPARSE,
          "duplicate key \"k\xc3\xa9\" (first at line 1, column 3)", 1, 17);
    /* allowed: the later value wins, in the earlier key's place */
    const char *s = "{\"a\": {\"deep\": [1]},\n \"b\": 2,\n \"a\": \"later\", \"c\": {\"q\": 1, \"q\": 2}}";
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(s, strlen(s), STS_DECODE_ALLOW_DUPLICATE_KEYS, &l, &e), 0);
    sts_node *r = sts_doc_root(sts_doclist_at(l, 0));
    ck_assert_uint_eq(sts_node_count(r), 3);
    const char *v;
    size_t n;
    ck_assert_int_eq(sts_node_get_string(&v, &n, sts_node_map_key_at(r, 0)), 0);
    ck_assert_str_eq(v, "a");
    ck_assert_uint_eq(sts_node_line(sts_node_map_key_at(r, 0)), 1);
    sts_node *a = sts_node_map_value_at(r, 0);
    ck_assert_int_eq(sts_node_get_string(&v, &n, a), 0);
    ck_assert_str_eq(v, "later");
    ck_assert_uint_eq(sts_node_line(a), 3);
    ck_assert_uint_eq(sts_node_column(a), 7);
    sts_node *q = at(r, "c.q");
    int64_t iv;
    ck_assert_int_eq(sts_node_get_int(&iv, q), 0);
    ck_assert_int_eq(iv, 2);
    ck_assert_uint_eq(sts_node_column(q), 35);
    ck_assert_uint_eq(sts_node_count(at(r, "c")), 1);
    sts_doclist_free(l);
}
END_TEST

START_TEST(depth_limit)
{
    size_t n = 100000;
    char *s = malloc(n);
    memset(s, '[', n);
    fails(s, n, 0, STS_ELIMIT, "nesting depth exceeds the limit max_depth (256)", 1, 257);
    free(s);
    /* exactly max_depth levels are fine */
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    sts_error *e;
    o.max_depth = 3;
    ck_assert_int_eq(dec_opts("[[{\"a\": 1}]]", &o, &e), 0);
    ck_assert_int_eq(dec_opts("[[{\"a\": []}]]", &o, &e), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(e), "nesting depth exceeds the limit max_depth (3)");
    ck_assert_uint_eq(sts_error_column(e), 9);
    sts_error_free(e);
}
END_TEST

START_TEST(other_limits)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    sts_error *e;
    o.max_scalar_size = 4;
    ck_assert_int_eq(dec_opts("[\"abcd\", 1234]", &o, &e), 0);
    ck_assert_int_eq(dec_opts("[\"abcd\", \n12345]", &o, &e), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(e),
                     "scalar of 5 bytes exceeds the limit max_scalar_size (4 bytes)");
    ck_assert_uint_eq(sts_error_line(e), 2);
    ck_assert_uint_eq(sts_error_column(e), 1);
    sts_error_free(e);
    ck_assert_int_eq(dec_opts("{\"abcde\": 1}", &o, &e), STS_ELIMIT);
    ck_assert_uint_eq(sts_error_column(e), 2);
    sts_error_free(e);

    sts_decode_opts_init(&o);
    o.max_nodes = 4; /* map, key, value, ... */
    ck_assert_int_eq(dec_opts("{\"a\": 1}", &o, &e), 0);
    ck_assert_int_eq(dec_opts("{\"a\": [1, 2]}", &o, &e), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(e), "document has more nodes than the limit max_nodes (4)");
    ck_assert_uint_eq(sts_error_column(e), 11);
    sts_error_free(e);

    sts_decode_opts_init(&o);
    o.max_documents = 2;
    ck_assert_int_eq(dec_opts("1 2", &o, &e), 0);
    ck_assert_int_eq(dec_opts("1 2\n 3", &o, &e), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(e), "more documents than the limit max_documents (2)");
    ck_assert_uint_eq(sts_error_line(e), 2);
    ck_assert_uint_eq(sts_error_column(e), 2);
    sts_error_free(e);
}
END_TEST

START_TEST(failure_leaves_list_unchanged)
{
    sts_doclist *l;
    sts_error *e = NULL;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", "{}", 2, NULL, NULL), 0);
    ck_assert_int_eq(sts_decode(l, reg, "json", "{} [] x", 7, NULL, &e), STS_EPARSE);
    ck_assert_uint_eq(sts_doclist_count(l), 1);
    /* the plugin itself also takes back what it appended */
    sts_decode_opts o;
    sts_decode_opts_init(&o);
    sts_error *e2 = NULL;
    ck_assert_int_eq(sts__json_serializer.decode(NULL, l, "{} [] x", 7, &o, &e2), STS_EPARSE);
    ck_assert_uint_eq(sts_doclist_count(l), 1);
    sts_error_free(e);
    sts_error_free(e2);
    sts_doclist_free(l);
}
END_TEST

START_TEST(go_float_format)
{
    /* encoding/json's float64 output, as kubectl printed numbers.json */
    static const struct {
        double v;
        const char *s;
    } cases[] = {
        {1000, "1000"},
        {1, "1"},
        {9223372036854775808.0, "9223372036854776000"},
        {-0.0, "-0"},
        {0, "0"},
        {1e21, "1e+21"},
        {1e20, "100000000000000000000"},
        {1e-6, "0.000001"},
        {1e-7, "1e-7"},
        {0.1, "0.1"},
        {1.5e300, "1.5e+300"},
        {123456789.125, "123456789.125"},
        {1e23, "1e+23"},
        {5e-324, "5e-324"},
        {0.0025, "0.0025"},
        {-2.5e-10, "-2.5e-10"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {0.30000000000000004, "0.30000000000000004"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[40];
        size_t n = sts__json_fmt_float(buf, cases[i].v);
        ck_assert_str_eq(buf, cases[i].s);
        ck_assert_uint_eq(n, strlen(cases[i].s));
    }
    char buf[40];
    ck_assert_uint_eq(sts__json_fmt_float(buf, NAN), 0);
    ck_assert_uint_eq(sts__json_fmt_float(buf, -INFINITY), 0);
}
END_TEST

START_TEST(hostile_inputs_do_not_crash)
{
    static const char *const inputs[] = {
        "{", "[", "\"", "\"\\", "{\"a\"", "{\"a\":", "[1,", "-", "1e", "\"\\u12\"", "\"\\x\"",
        "{\"a\":1,\"a\":{\"a\":1,\"a\":[1,{\"a\":2,\"a\":3}]}}", "[[[[]]]]]", "{}}", "\xef\xbb\xbf{}",
        "/* c */ {}", "{\"a\":1,}", "[1 2]", "nul", "truex", "\"\\ud800\\u0041\"",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (uint32_t f = 0; f < 2; f++) {
            sts_doclist *l;
            sts_error *e;
            int rc = dec(inputs[i], strlen(inputs[i]), f, &l, &e);
            if (rc) {
                ck_assert_ptr_nonnull(e);
                ck_assert_uint_gt(sts_error_line(e), 0);
                ck_assert_uint_gt(sts_error_column(e), 0);
            }
            sts_error_free(e);
            sts_doclist_free(l);
        }
    }
}
END_TEST

/* Keys that differ only in invalid UTF-8 are equal once repaired, as Go
 * (and so the API server) decodes them: a duplicate, or the last value. */
START_TEST(keys_equal_after_utf8_repair)
{
    static const char in[] = "{\"a\":1,\n \"nam\xff\":\"x\",\n \"nam\xfe\":\"y\"}";
    fails(in, sizeof in - 1, 0, STS_EPARSE,
          "duplicate key \"nam\xef\xbf\xbd\" (first at line 2, column 2)", 3, 2);
    sts_doclist *l;
    sts_error *e;
    ck_assert_int_eq(dec(in, sizeof in - 1, STS_DECODE_ALLOW_DUPLICATE_KEYS, &l, &e), 0);
    sts_node *root = sts_doc_root(sts_doclist_at(l, 0));
    ck_assert_uint_eq(sts_node_count(root), 2);
    const char *v;
    ck_assert_int_eq(sts_node_get_string(&v, NULL, sts_node_map_value_at(root, 1)), 0);
    ck_assert_str_eq(v, "y");
    ck_assert_str_eq(sts_node_get_string(&v, NULL, sts_node_map_key_at(root, 1)) ? "" : v,
                     "nam\xef\xbf\xbd");
    sts_doclist_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("decode");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, positions_of_every_node);
    tcase_add_test(tc, streams_make_documents);
    tcase_add_test(tc, list_is_expanded);
    tcase_add_test(tc, syntax_errors_from_json_c);
    tcase_add_test(tc, trailing_garbage);
    tcase_add_test(tc, go_rejects_what_json_c_accepts);
    tcase_add_test(tc, numbers_as_kubernetes_reads_them);
    tcase_add_test(tc, strings_as_kubernetes_reads_them);
    tcase_add_test(tc, duplicate_keys);
    tcase_add_test(tc, depth_limit);
    tcase_add_test(tc, other_limits);
    tcase_add_test(tc, failure_leaves_list_unchanged);
    tcase_add_test(tc, go_float_format);
    tcase_add_test(tc, hostile_inputs_do_not_crash);
    tcase_add_test(tc, keys_equal_after_utf8_repair);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
