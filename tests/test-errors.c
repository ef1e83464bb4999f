/* Error objects, status names and the output buffer (public API only). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

START_TEST(codes_have_names_and_texts)
{
    ck_assert_str_eq(sts_status_name(STS_ENOMEM), "STS_ENOMEM");
    ck_assert_str_eq(sts_status_name(STS_ELIMIT), "STS_ELIMIT");
    ck_assert_str_eq(sts_status_name(STS_EEXISTS), "STS_EEXISTS");
    ck_assert_str_eq(sts_status_name(-999), "STS_UNKNOWN");
    ck_assert_str_eq(sts_strerror(STS_ETYPE), "wrong type");
    ck_assert_str_eq(sts_strerror(12345), "unknown error");
    /* the ABI promise: values never change */
    ck_assert_int_eq(STS_ENOMEM, -1);
    ck_assert_int_eq(STS_EPARSE, -3);
    ck_assert_int_eq(STS_ELIMIT, -8);
    ck_assert_int_eq(STS_EEXISTS, -12);
}
END_TEST

START_TEST(error_fields_and_format)
{
    sts_error *e = NULL, *e2 = NULL;
    ck_assert_int_eq(sts_error_new(&e, STS_ETYPE, "expected an integer", "spec.replicas", 7, 13, 99),
                     0);
    ck_assert_int_eq(sts_error_code(e), STS_ETYPE);
    ck_assert_str_eq(sts_error_message(e), "expected an integer");
    ck_assert_str_eq(sts_error_path(e), "spec.replicas");
    ck_assert_uint_eq(sts_error_line(e), 7);
    ck_assert_uint_eq(sts_error_column(e), 13);
    ck_assert_uint_eq(sts_error_offset(e), 99);
    ck_assert_str_eq(sts_error_source(e), "");

    sts_buf b = STS_BUF_INIT;
    ck_assert_int_eq(sts_error_format(&b, e), 0);
    ck_assert_str_eq(b.data, "7:13: expected an integer (spec.replicas)");
    sts_buf_dispose(&b);

    ck_assert_int_eq(sts_error_new(&e2, STS_EPARSE, NULL, NULL, 0, 0, UINT64_MAX), 0);
    ck_assert_str_eq(sts_error_message(e2), "malformed input"); /* NULL message = strerror */
    sts_error_append(&e, e2);
    ck_assert_uint_eq(sts_error_count(e), 2);
    ck_assert_ptr_eq(sts_error_next(e), e2);
    ck_assert_int_eq(sts_error_set_source(e, "web.yaml"), 0);
    ck_assert_str_eq(sts_error_source(e2), "web.yaml");
    ck_assert_int_eq(sts_error_format(&b, e), 0);
    ck_assert_str_eq(b.data, "web.yaml:7:13: expected an integer (spec.replicas)");
    sts_buf_dispose(&b);
    ck_assert_int_eq(sts_error_format(&b, e2), 0);
    ck_assert_str_eq(b.data, "web.yaml: malformed input");
    sts_buf_dispose(&b);
    /* a source already set is kept */
    ck_assert_int_eq(sts_error_set_source(e, "other"), 0);
    ck_assert_str_eq(sts_error_source(e), "web.yaml");
    sts_error_free(e);
    sts_error_free(NULL);
    ck_assert_uint_eq(sts_error_count(NULL), 0);
    ck_assert_int_eq(sts_error_code(NULL), 0);
}
END_TEST

START_TEST(buffer_append_detach)
{
    sts_buf b = STS_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(sts_buf_append(&b, "abc", 3), 0);
    ck_assert_uint_eq(b.len, 3000);
    ck_assert_uint_eq(strlen(b.data), 3000);
    char *p = sts_buf_detach(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(strlen(p), 3000);
    sts_free(p);
    ck_assert_ptr_null(sts_buf_detach(&b));
    ck_assert_int_eq(sts_buf_append(&b, NULL, 0), 0);
    ck_assert_str_eq(b.data, "");
    ck_assert_int_eq(sts_buf_reserve(&b, SIZE_MAX), STS_ENOMEM);
    sts_buf_dispose(&b);
    sts_buf_dispose(NULL);
}
END_TEST

START_TEST(version_matches_header)
{
    ck_assert_str_eq(sts_version_string(), STS_VERSION_STRING);
    ck_assert_uint_eq(sts_version_number(), STS_VERSION_NUMBER);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("errors");
    tcase_add_test(tc, codes_have_names_and_texts);
    tcase_add_test(tc, error_fields_and_format);
    tcase_add_test(tc, buffer_append_detach);
    tcase_add_test(tc, version_matches_header);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
