/* Decoder limits: hostile YAML fails fast with STS_ELIMIT naming the limit,
 * and nothing is appended to the output list. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static sts_error *expect_fail(const char *in, size_t len, const sts_decode_opts *o, int code)
{
    sts_error *err = NULL;
    ck_assert_int_eq(sts_decode(docs, reg, "yaml", in, len, o, &err), code);
    ck_assert_uint_eq(sts_doclist_count(docs), 0);
    ck_assert_ptr_nonnull(err);
    return err;
}

START_TEST(billion_laughs_fails_fast)
{
    const char *in =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    clock_t t0 = clock();
    sts_error *err = expect_fail(in, strlen(in), NULL, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "alias expansion exceeds the limit max_alias_expansion (100000 nodes)");
    /* cumulative expansion: 90 + 819 + 7380 + 66429 nodes through line 5, so
     * the first *e of line 6 (column 8, +66430) crosses 100000 */
    ck_assert_uint_eq(sts_error_line(err), 6);
    ck_assert_uint_eq(sts_error_column(err), 8);
    ck_assert((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5);
    sts_error_free(err);
    /* a small limit from the options */
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.max_alias_expansion = 20;
    err = expect_fail(in, strlen(in), &o, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "alias expansion exceeds the limit max_alias_expansion (20 nodes)");
    /* each *a stands for 10 nodes: the third one (column 14) reaches 30 > 20 */
    ck_assert_uint_eq(sts_error_line(err), 2);
    ck_assert_uint_eq(sts_error_column(err), 14);
    sts_error_free(err);
}
END_TEST

START_TEST(deep_flow_nesting)
{
    size_t n = 100000;
    char *in = malloc(2 * n + 1);
    memset(in, '[', n);
    memset(in + n, ']', n);
    in[2 * n] = '\0';
    sts_error *err = expect_fail(in, 2 * n, NULL, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err), "nesting exceeds the limit max_depth (256 levels)");
    ck_assert_uint_eq(sts_error_line(err), 1);
    ck_assert_uint_eq(sts_error_column(err), 257);
    sts_error_free(err);
    free(in);
}
END_TEST

START_TEST(deep_block_nesting)
{
    /* "a:\n a:\n  a:\n..." (one more space per level) */
    sts_buf b = STS_BUF_INIT;
    for (size_t i = 0; i < 300; i++) {
        for (size_t k = 0; k < i; k++)
            sts_buf_append(&b, " ", 1);
        sts_buf_append(&b, "a:\n", 3);
    }
    sts_error *err = expect_fail(b.data, b.len, NULL, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err), "nesting exceeds the limit max_depth (256 levels)");
    /* the 257th map starts at the key of line 257, after 256 spaces */
    ck_assert_uint_eq(sts_error_line(err), 257);
    ck_assert_uint_eq(sts_error_column(err), 257);
    sts_error_free(err);
    sts_buf_dispose(&b);
}
END_TEST

START_TEST(scalar_nodes_and_documents)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.max_scalar_size = 8;
    sts_error *err = expect_fail("a: 123456789\n", 13, &o, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "scalar of 9 bytes exceeds the limit max_scalar_size (8 bytes)");
    ck_assert_uint_eq(sts_error_line(err), 1);
    ck_assert_uint_eq(sts_error_column(err), 4);
    sts_error_free(err);

    o = (sts_decode_opts)STS_DECODE_OPTS_INIT;
    o.max_nodes = 4;
    err = expect_fail("a: 1\nb: 2\nc: 3\n", 15, &o, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "document has more nodes than the limit max_nodes (4 nodes)");
    ck_assert_uint_eq(sts_error_line(err), 2);
    ck_assert_uint_eq(sts_error_column(err), 4);
    sts_error_free(err);

    o = (sts_decode_opts)STS_DECODE_OPTS_INIT;
    o.max_documents = 2;
    err = expect_fail("a: 1\n---\nb: 2\n---\nc: 3\n", 23, &o, STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "stream has more documents than the limit max_documents (2)");
    ck_assert_uint_eq(sts_error_line(err), 6);
    ck_assert_uint_eq(sts_error_column(err), 1);
    sts_error_free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("yaml");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, billion_laughs_fails_fast);
    tcase_add_test(tc, deep_flow_nesting);
    tcase_add_test(tc, deep_block_nesting);
    tcase_add_test(tc, scalar_nodes_and_documents);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
