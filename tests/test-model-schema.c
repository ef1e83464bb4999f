/* The schema tables behind sts_object_check (white-box): sts__schema_find
 * binary-searches and walks a cursor through them, which is only right when
 * every table reachable from a kind's root is sorted by name in byte order,
 * without duplicates, with the lengths and sizes the macros counted. A field
 * added out of order would silently go unchecked; these tests catch it. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_priv.h"

static const sts_kind kinds[] = {
    STS_KIND_OTHER, STS_KIND_STATEFULSET, STS_KIND_SERVICE, STS_KIND_POD,
    STS_KIND_PERSISTENT_VOLUME_CLAIM, STS_KIND_CONTROLLER_REVISION,
};

/* memcmp order, a proper prefix first */
static int name_order(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int c = memcmp(a, b, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

static size_t tables_seen;

static void check_table(const sts__field *obj, int depth)
{
    ck_assert_int_lt(depth, 40); /* the schema is acyclic */
    const sts__field *t = obj->fields;
    if (!t) {
        ck_assert_uint_eq(obj->nfields, 0);
        return;
    }
    tables_seen++;
    size_t n = 0;
    while (t[n].name)
        n++;
    ck_assert_uint_eq(obj->nfields, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(t[i].len, strlen(t[i].name));
        ck_assert_uint_gt(t[i].len, 0);
        if (i > 0)
            ck_assert_msg(name_order(t[i - 1].name, t[i].name) < 0,
                          "table with \"%s\": \"%s\" must come after \"%s\"", t[0].name,
                          t[i - 1].name, t[i].name);
        /* found from any cursor position */
        for (size_t start = 0; start <= n; start++) {
            size_t pos = start;
            ck_assert_ptr_eq(sts__schema_find(obj, &pos, t[i].name, t[i].len), &t[i]);
        }
        ck_assert_int_eq(t[i].fields != NULL, t[i].type == STS__T_OBJECT ||
                                                  (t[i].type == STS__T_LIST &&
                                                   t[i].elem == STS__T_OBJECT));
        check_table(&t[i], depth + 1);
    }
}

START_TEST(tables_sorted_and_counted)
{
    tables_seen = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        const sts__field *root = sts__schema_root(kinds[k]);
        ck_assert_ptr_nonnull(root);
        ck_assert_int_eq(root->type, STS__T_OBJECT);
        check_table(root, 0);
    }
    ck_assert_uint_gt(tables_seen, 50);
}
END_TEST

/* Keys in table order, in reverse, repeated, unknown or prefixes of known
 * names: the cursor never hides a field. */
START_TEST(find_with_cursor)
{
    const sts__field *root = sts__schema_root(STS_KIND_STATEFULSET);
    const sts__field *spec = NULL;
    size_t pos = 0;
    spec = sts__schema_find(root, &pos, "spec", 4);
    ck_assert_ptr_nonnull(spec);
    const sts__field *tmpl = sts__schema_find(spec, &(size_t){0}, "template", 8);
    ck_assert_ptr_nonnull(tmpl);
    const sts__field *pspec = sts__schema_find(tmpl, &(size_t){0}, "spec", 4);
    ck_assert_ptr_nonnull(pspec);
    const sts__field *t = pspec->fields;
    size_t n = pspec->nfields;
    ck_assert_uint_gt(n, 30);

    pos = 0; /* table order */
    for (size_t i = 0; i < n; i++)
        ck_assert_ptr_eq(sts__schema_find(pspec, &pos, t[i].name, t[i].len), &t[i]);
    pos = 0; /* reverse order */
    for (size_t i = n; i-- > 0;)
        ck_assert_ptr_eq(sts__schema_find(pspec, &pos, t[i].name, t[i].len), &t[i]);
    pos = 0; /* unknown keys between known ones, before and after all of them */
    static const char *const unknown[] = {"", "a", "zzz", "containersX", "container",
                                          "Containers", "hostNetwork2", "\xff"};
    for (size_t u = 0; u < sizeof unknown / sizeof unknown[0]; u++) {
        ck_assert_ptr_null(sts__schema_find(pspec, &pos, unknown[u], strlen(unknown[u])));
        const sts__field *c = sts__schema_find(pspec, &pos, "containers", 10);
        ck_assert_ptr_nonnull(c);
        ck_assert_str_eq(c->name, "containers");
        const sts__field *a = sts__schema_find(pspec, &pos, "affinity", 8);
        ck_assert_ptr_nonnull(a);
        ck_assert_str_eq(a->name, "affinity");
    }
    /* only a field with sub-fields can be searched; others find nothing */
    const sts__field *rp = sts__schema_find(pspec, &(size_t){0}, "restartPolicy", 13);
    ck_assert_ptr_nonnull(rp);
    ck_assert_ptr_null(sts__schema_find(rp, &(size_t){0}, "x", 1));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("model-schema");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, tables_sorted_and_counted);
    tcase_add_test(tc, find_with_cursor);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
