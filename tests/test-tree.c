/* White-box tests of the document tree: building, reading, mutating, copying. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static sts_doc *doc;

static void setup(void)
{
    ck_assert_int_eq(sts_doc_new(&doc), 0);
}

static void teardown(void)
{
    sts_doc_free(doc);
    doc = NULL;
}

static sts_node *str(const char *s)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_string(&n, doc, s, strlen(s)), 0);
    return n;
}

static sts_node *num(int64_t v)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_int(&n, doc, v), 0);
    return n;
}

START_TEST(scalars_keep_type_and_value)
{
    sts_node *n;
    int b;
    int64_t i;
    double f;
    const char *s;
    size_t len;
    ck_assert_int_eq(sts_doc_new_bool(&n, doc, 7), 0);
    ck_assert_int_eq(sts_node_get_type(n), STS_NODE_BOOL);
    ck_assert_int_eq(sts_node_get_bool(&b, n), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(sts_node_get_int(&i, n), STS_ETYPE);

    n = num(INT64_MIN);
    ck_assert_int_eq(sts_node_get_int(&i, n), 0);
    ck_assert(i == INT64_MIN);
    ck_assert_int_eq(sts_node_get_float(&f, n), 0); /* ints read as floats too */
    ck_assert(f == (double)INT64_MIN);

    ck_assert_int_eq(sts_doc_new_float(&n, doc, 0.5), 0);
    ck_assert_int_eq(sts_node_get_float(&f, n), 0);
    ck_assert(f == 0.5);
    ck_assert_int_eq(sts_node_get_int(&i, n), STS_ETYPE);

    /* strings may hold NUL bytes and are always NUL-terminated */
    ck_assert_int_eq(sts_doc_new_string(&n, doc, "a\0b", 3), 0);
    ck_assert_int_eq(sts_node_get_string(&s, &len, n), 0);
    ck_assert_uint_eq(len, 3);
    ck_assert(memcmp(s, "a\0b", 4) == 0);

    ck_assert_int_eq(sts_doc_new_null(&n, doc), 0);
    ck_assert_int_eq(sts_node_get_type(n), STS_NODE_NULL);
    ck_assert_int_eq(sts_node_get_string(&s, &len, n), STS_ETYPE);
    ck_assert_int_eq(sts_node_get_type(NULL), STS_NODE_NULL);
    ck_assert_str_eq(sts_node_type_name(STS_NODE_MAP), "map");
    ck_assert_str_eq(sts_node_type_name((sts_node_type)99), "unknown");
}
END_TEST

START_TEST(map_keeps_insertion_order_and_replaces_in_place)
{
    sts_node *m;
    ck_assert_int_eq(sts_doc_new_map(&m, doc), 0);
    const char *keys[] = {"kind", "apiVersion", "metadata", "spec", "status", "zzz", "a"};
    for (size_t i = 0; i < 7; i++)
        ck_assert_int_eq(sts_node_map_set(m, keys[i], strlen(keys[i]), num((int64_t)i)), 0);
    ck_assert_uint_eq(sts_node_count(m), 7);
    for (size_t i = 0; i < 7; i++) {
        const char *k;
        ck_assert_int_eq(sts_node_get_string(&k, NULL, sts_node_map_key_at(m, i)), 0);
        ck_assert_str_eq(k, keys[i]);
    }
    ck_assert_int_eq(sts_node_map_set(m, "spec", 4, str("x")), 0);
    ck_assert_uint_eq(sts_node_count(m), 7);
    ck_assert_int_eq(sts_node_map_index(m, "spec", 4), 3);
    ck_assert_int_eq(sts_node_get_type(sts_node_map_get(m, "spec", 4)), STS_NODE_STRING);
    ck_assert_int_eq(sts_node_map_remove(m, "kind", 4), 0);
    ck_assert_int_eq(sts_node_map_remove(m, "kind", 4), STS_ENOTFOUND);
    ck_assert_int_eq(sts_node_map_index(m, "apiVersion", 10), 0);
    ck_assert_ptr_null(sts_node_map_get(m, "kind", 4));
    ck_assert_ptr_null(sts_node_map_key_at(m, 99));
    /* keys are compared by length too */
    ck_assert_ptr_null(sts_node_map_get(m, "spe", 3));
}
END_TEST

START_TEST(seq_insert_set_remove)
{
    sts_node *s;
    int64_t v;
    ck_assert_int_eq(sts_doc_new_seq(&s, doc), 0);
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(sts_node_seq_append(s, num(i)), 0);
    ck_assert_int_eq(sts_node_seq_insert(s, 0, num(-1)), 0);
    ck_assert_int_eq(sts_node_seq_insert(s, 102, num(7)), STS_EINVAL);
    ck_assert_uint_eq(sts_node_count(s), 101);
    sts_node_get_int(&v, sts_node_seq_at(s, 0));
    ck_assert(v == -1);
    sts_node_get_int(&v, sts_node_seq_at(s, 100));
    ck_assert(v == 99);
    ck_assert_int_eq(sts_node_seq_set(s, 5, num(500)), 0);
    sts_node_get_int(&v, sts_node_seq_at(s, 5));
    ck_assert(v == 500);
    ck_assert_int_eq(sts_node_seq_remove(s, 0), 0);
    sts_node_get_int(&v, sts_node_seq_at(s, 0));
    ck_assert(v == 0);
    ck_assert_int_eq(sts_node_seq_remove(s, 100), STS_EINVAL);
    ck_assert_ptr_null(sts_node_seq_at(s, 100));
}
END_TEST

START_TEST(nodes_of_another_document_are_refused)
{
    sts_doc *other;
    sts_node *m, *foreign;
    ck_assert_int_eq(sts_doc_new(&other), 0);
    ck_assert_int_eq(sts_doc_new_map(&m, doc), 0);
    ck_assert_int_eq(sts_doc_new_int(&foreign, other, 1), 0);
    ck_assert_int_eq(sts_node_map_set(m, "a", 1, foreign), STS_EINVAL);
    ck_assert_int_eq(sts_doc_set_root(doc, foreign), STS_EINVAL);
    ck_assert(!sts_node_same_doc(m, foreign));
    /* copying brings it over */
    sts_node *copy;
    ck_assert_int_eq(sts_doc_copy_node(&copy, doc, foreign), 0);
    ck_assert_int_eq(sts_node_map_set(m, "a", 1, copy), 0);
    sts_doc_free(other);
    int64_t v;
    ck_assert_int_eq(sts_node_get_int(&v, sts_node_map_get(m, "a", 1)), 0);
    ck_assert(v == 1);
}
END_TEST

START_TEST(deep_copy_and_equality)
{
    sts_node *m, *s, *inner, *copy;
    ck_assert_int_eq(sts_doc_new_map(&m, doc), 0);
    ck_assert_int_eq(sts_doc_new_seq(&s, doc), 0);
    ck_assert_int_eq(sts_doc_new_map(&inner, doc), 0);
    ck_assert_int_eq(sts_node_map_set(inner, "name", 4, str("web")), 0);
    ck_assert_int_eq(sts_node_seq_append(s, inner), 0);
    ck_assert_int_eq(sts_node_map_set(m, "items", 5, s), 0);
    ck_assert_int_eq(sts_node_map_set(m, "n", 1, num(3)), 0);
    sts_node_set_mark(inner, 4, 7, 30);
    ck_assert_int_eq(sts_node_set_text(inner, "x", 1), 0);

    sts_doc *d2;
    ck_assert_int_eq(sts_doc_new(&d2), 0);
    ck_assert_int_eq(sts_doc_copy_node(&copy, d2, m), 0);
    ck_assert(sts_node_equal(m, copy));
    sts_node *ci = sts_node_seq_at(sts_node_map_get(copy, "items", 5), 0);
    ck_assert_uint_eq(sts_node_line(ci), 4);
    ck_assert_uint_eq(sts_node_column(ci), 7);
    ck_assert_uint_eq(sts_node_offset(ci), 30);

    /* order does not matter for maps, values do; 3 == 3.0 */
    sts_node *f;
    ck_assert_int_eq(sts_doc_new_float(&f, d2, 3.0), 0);
    ck_assert_int_eq(sts_node_map_set(copy, "n", 1, f), 0);
    ck_assert(sts_node_equal(m, copy));
    sts_node *g;
    ck_assert_int_eq(sts_doc_new_float(&g, d2, 3.5), 0);
    ck_assert_int_eq(sts_node_map_set(copy, "n", 1, g), 0);
    ck_assert(!sts_node_equal(m, copy));
    ck_assert(!sts_node_equal(m, NULL));
    ck_assert(sts_node_equal(NULL, NULL));
    sts_doc_free(d2);
}
END_TEST

START_TEST(views_share_memory_and_outlive_the_parent)
{
    sts_node *s;
    ck_assert_int_eq(sts_doc_new_seq(&s, doc), 0);
    ck_assert_int_eq(sts_node_seq_append(s, str("first")), 0);
    ck_assert_int_eq(sts_doc_set_root(doc, s), 0);
    sts_doc *view;
    ck_assert_int_eq(sts_doc_new_view(&view, doc, sts_node_seq_at(s, 0)), 0);
    sts_doc_free(doc);
    doc = NULL;
    const char *v;
    ck_assert_int_eq(sts_node_get_string(&v, NULL, sts_doc_root(view)), 0);
    ck_assert_str_eq(v, "first");
    /* new nodes made through the view land in the shared arena */
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_string(&n, view, "x", 1), 0);
    ck_assert(sts_node_same_doc(n, sts_doc_root(view)));
    sts_doc_free(view);
    ck_assert_int_eq(sts_doc_new(&doc), 0); /* for teardown */
}
END_TEST

START_TEST(arena_survives_many_and_large_allocations)
{
    sts_arena *a = sts__arena_new();
    ck_assert_ptr_nonnull(a);
    char *big = sts__arena_alloc(a, 5u << 20);
    ck_assert_ptr_nonnull(big);
    memset(big, 1, 5u << 20);
    for (int i = 0; i < 100000; i++) {
        char *p = sts__arena_alloc(a, (size_t)(i % 97) + 1);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        p[0] = 2;
    }
    char *s = sts__arena_strndup(a, "hello", 3);
    ck_assert_str_eq(s, "hel");
    sts__arena_unref(a);
}
END_TEST

START_TEST(doclist_take_steal)
{
    sts_doclist *l;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    for (int i = 0; i < 20; i++) {
        sts_doc *d;
        ck_assert_int_eq(sts_doc_new(&d), 0);
        ck_assert_int_eq(sts_doclist_take(l, d), 0);
    }
    ck_assert_uint_eq(sts_doclist_count(l), 20);
    sts_doc *d3 = sts_doclist_at(l, 3), *out;
    ck_assert_int_eq(sts_doclist_steal(&out, l, 3), 0);
    ck_assert_ptr_eq(out, d3);
    ck_assert_uint_eq(sts_doclist_count(l), 19);
    sts_doc_free(out);
    ck_assert_int_eq(sts_doclist_steal(&out, l, 19), STS_EINVAL);
    ck_assert_int_eq(sts_doclist_take(l, NULL), STS_EINVAL);
    ck_assert_ptr_null(sts_doclist_at(l, 19));
    sts_doclist_free(l);
    sts_doclist_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tree");
    TCase *tc = tcase_create("tree");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, scalars_keep_type_and_value);
    tcase_add_test(tc, map_keeps_insertion_order_and_replaces_in_place);
    tcase_add_test(tc, seq_insert_set_remove);
    tcase_add_test(tc, nodes_of_another_document_are_refused);
    tcase_add_test(tc, deep_copy_and_equality);
    tcase_add_test(tc, views_share_memory_and_outlive_the_parent);
    tcase_add_test(tc, arena_survives_many_and_large_allocations);
    tcase_add_test(tc, doclist_take_steal);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
