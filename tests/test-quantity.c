/* resource.Quantity: parsing and canonical form as the API server stores
 * it. Expected values follow apimachinery's rules (ParseQuantity,
 * RoundUp(-3) of SetDefaults_ResourceList, CanonicalizeBytes; the cases
 * mirror pkg/api/resource/quantity_test.go) — see lib/api/quantity.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

static const char *canon(const char *in)
{
    static char buf[256];
    sts_error *err = NULL;
    int n = sts_quantity_canonical(buf, sizeof buf, in, &err);
    if (n < 0) {
        ck_abort_msg("%s: %s", in, sts_error_message(err));
    }
    ck_assert_int_eq((int)strlen(buf), n);
    return buf;
}

START_TEST(canonical_table)
{
    static const char *const cases[][2] = {
        /* from the issue */
        {"1024Mi", "1Gi"}, {"0.5", "500m"}, {"1.5Gi", "1536Mi"}, {"0.5Gi", "512Mi"},
        {"1000m", "1"}, {"100k", "100k"}, {"0.0001", "1m"}, {"1E", "1E"}, {"12e6", "12e6"},
        /* DecimalExponent keeps the exponent form: the 1e3 -> 1k is
         * wrong, the server stores "1e3" (constructBytes of DecimalExponent) */
        {"1e3", "1e3"}, {"1E3", "1E3"}, {"1.1e3", "1100"}, {"1e-3", "1e-3"},
        /* binary */
        {"1Ki", "1Ki"}, {"2048Ki", "2Mi"}, {"1536Ki", "1536Ki"}, {"100Mi", "100Mi"},
        {"1Gi", "1Gi"}, {"0.5Ki", "512"}, {"1.5Ki", "1536"}, {"0.3Ki", "307200m"},
        {"1024Gi", "1Ti"}, {"1048576Ki", "1Gi"}, {"8Ei", "9223372036854775807"},
        /* decimal SI */
        {"1000", "1k"}, {"10000", "10k"}, {"1200", "1200"}, {"1.5", "1500m"}, {"0.1", "100m"},
        {"500m", "500m"}, {"1m", "1m"}, {"1.5E", "1500P"}, {"12E", "12E"}, {"1500000", "1500k"},
        {"1M", "1M"}, {"1000M", "1G"}, {"5G", "5G"},
        /* rounding up to milli (ResourceList values) */
        {"1u", "1m"}, {"1n", "1m"}, {"0.5m", "1m"}, {"1.0001", "1001m"},
        /* zero and sign */
        {"0", "0"}, {"0Mi", "0"}, {"0.0", "0"}, {"-1", "-1"}, {"-1.5", "-1500m"},
        {"-1Gi", "-1Gi"},
        /* UnmarshalJSON trims spaces */
        {" 1Gi ", "1Gi"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = canon(cases[i][0]);
        ck_assert_msg(strcmp(got, cases[i][1]) == 0, "%s: got %s, want %s", cases[i][0], got,
                      cases[i][1]);
    }
}
END_TEST

START_TEST(snprintf_semantics)
{
    char small[3];
    ck_assert_int_eq(sts_quantity_canonical(NULL, 0, "1024Mi", NULL), 3);
    ck_assert_int_eq(sts_quantity_canonical(small, sizeof small, "1024Mi", NULL), 3);
    ck_assert_str_eq(small, "1G");
}
END_TEST

START_TEST(malformed)
{
    static const char *const format[] = {"abc", "1Gb", "1Zi", "", "1.2.3", "1 Gi", "1KiB"};
    for (size_t i = 0; i < sizeof format / sizeof format[0]; i++) {
        sts_error *err = NULL;
        char buf[32];
        ck_assert_int_eq(sts_quantity_canonical(buf, sizeof buf, format[i], &err), STS_EINVAL);
        ck_assert_str_eq(sts_error_message(err),
                         "quantities must match the regular expression "
                         "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        sts_error_free(err);
    }
    /* the characters match, the suffix does not exist */
    static const char *const suffix[] = {"1ki", "1e", "1mi", "--1"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        sts_error *err = NULL;
        ck_assert_int_eq(sts_quantity_canonical(NULL, 0, suffix[i], &err), STS_EINVAL);
        ck_assert_str_eq(sts_error_message(err), "unable to parse quantity's suffix");
        sts_error_free(err);
    }
    ck_assert_int_eq(sts_quantity_canonical(NULL, 0, NULL, NULL), STS_EINVAL);
}
END_TEST

START_TEST(huge_inputs_do_not_overflow)
{
    ck_assert_str_eq(canon("1e1000000"), "10e999999");
    ck_assert_str_eq(canon("123456789012345678901234567890"), "123456789012345678901234567890");
    ck_assert_str_eq(canon("0.000000000000000000001"), "1m");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quantity");
    TCase *tc = tcase_create("quantity");
    tcase_add_test(tc, canonical_table);
    tcase_add_test(tc, snprintf_semantics);
    tcase_add_test(tc, malformed);
    tcase_add_test(tc, huge_inputs_do_not_overflow);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
