/* The serializer registry and the decode/encode dispatch, through the public
 * interface a third-party plugin uses. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

/* "lines": each input line is a document holding one string; a line "LIST n"
 * makes a `kind: List` with n items; a line "FAIL" makes decoding fail. */
static int lines_decode(void *ud, sts_doclist *out, const char *data, size_t len,
                        const sts_decode_opts *opts, sts_error **err)
{
    (void)ud;
    ck_assert_uint_eq(opts->max_depth, STS_DEFAULT_MAX_DEPTH); /* defaults filled in */
    const char *p = data, *end = data + len;
    uint32_t line = 1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n == 4 && memcmp(p, "FAIL", 4) == 0) {
            sts_error *e;
            sts_error_new(&e, STS_EPARSE, "FAIL line", NULL, line, 1, (uint64_t)(p - data));
            sts_error_append(err, e);
            return STS_EPARSE;
        }
        sts_doc *d;
        sts_node *root;
        sts_doc_new(&d);
        if (n > 5 && memcmp(p, "LIST ", 5) == 0) {
            sts_node *items, *k;
            sts_doc_new_map(&root, d);
            sts_doc_new_string(&k, d, "List", 4);
            sts_node_map_set(root, "kind", 4, k);
            sts_doc_new_seq(&items, d);
            for (int i = 0; i < atoi(p + 5); i++) {
                sts_node *it;
                sts_doc_new_int(&it, d, i);
                sts_node_seq_append(items, it);
            }
            sts_node_map_set(root, "items", 5, items);
        } else {
            sts_doc_new_string(&root, d, p, n);
        }
        sts_node_set_mark(root, line, 1, (uint64_t)(p - data));
        sts_doc_set_root(d, root);
        sts_doclist_take(out, d);
        p += n + (nl ? 1 : 0);
        line++;
    }
    return 0;
}

static int lines_encode(void *ud, sts_buf *out, const sts_node *const *roots, size_t count,
                        const sts_encode_opts *opts, sts_error **err)
{
    (void)ud;
    (void)opts;
    for (size_t i = 0; i < count; i++) {
        const char *s;
        size_t n;
        if (sts_node_get_string(&s, &n, roots[i])) {
            sts_buf_append(out, "partial", 7); /* the library must truncate this back */
            sts_error *e;
            sts_error_new(&e, STS_ETYPE, "only strings", NULL, 0, 0, UINT64_MAX);
            sts_error_append(err, e);
            return STS_ETYPE;
        }
        sts_buf_append(out, s, n);
        sts_buf_append(out, "\n", 1);
    }
    return 0;
}

static int destroyed;
static void lines_destroy(void *ud)
{
    ck_assert_ptr_eq(ud, &destroyed);
    destroyed++;
}

static const sts_serializer lines = {
    STS_SERIALIZER_VERSION, STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE, "lines",
    "text/x-lines", "lines,txt", &destroyed, lines_decode, lines_encode, lines_destroy};

START_TEST(builtins_are_registered_and_found)
{
    sts_registry *r;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    ck_assert_uint_eq(sts_registry_count(r), 3); /* yaml, json, zone */
    ck_assert_str_eq(sts_registry_find(r, "yaml")->name, "yaml");
    ck_assert_str_eq(sts_registry_find(r, "YML")->name, "yaml");
    ck_assert_str_eq(sts_registry_find(r, "json")->name, "json");
    ck_assert_str_eq(sts_registry_find(r, "application/json")->name, "json");
    ck_assert_ptr_null(sts_registry_find(r, "toml"));
    ck_assert_str_eq(sts_registry_guess(r, "x/web.json", "a: 1", 4)->name, "json");
    ck_assert_str_eq(sts_registry_guess(r, "web.yml.d/file", "  {\"a\": 1}", 10)->name, "json");
    ck_assert_str_eq(sts_registry_guess(r, NULL, "\xEF\xBB\xBF [1]", 7)->name, "json");
    ck_assert_str_eq(sts_registry_guess(r, NULL, "a: 1", 4)->name, "yaml");
    ck_assert_str_eq(sts_registry_find(r, "zone")->name, "zone");
    ck_assert_ptr_null(sts_registry_at(r, 3));
    sts_registry_free(r);

    ck_assert_int_eq(sts_registry_new(&r, STS_REGISTRY_EMPTY, NULL), 0);
    ck_assert_uint_eq(sts_registry_count(r), 0);
    ck_assert_ptr_null(sts_registry_guess(r, NULL, "a", 1));
    sts_registry_free(r);
    sts_registry_free(NULL);
}
END_TEST

START_TEST(add_checks_tables)
{
    sts_registry *r;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    sts_serializer bad = lines;
    bad.version = 99;
    ck_assert_int_eq(sts_registry_add(r, &bad, &err), STS_EVERSION);
    ck_assert_str_eq(sts_error_message(err),
                     "serializer table version 99 is not supported (this library: 1)");
    sts_error_free(err);
    err = NULL;
    bad = lines;
    bad.decode = NULL;
    ck_assert_int_eq(sts_registry_add(r, &bad, &err), STS_EINVAL);
    sts_error_free(err);
    err = NULL;
    bad = lines;
    bad.name = "JSON";
    ck_assert_int_eq(sts_registry_add(r, &bad, &err), STS_EEXISTS);
    ck_assert_str_eq(sts_error_message(err), "a serializer named \"JSON\" is already registered");
    sts_error_free(err);
    err = NULL;
    bad = lines;
    bad.name = "";
    ck_assert_int_eq(sts_registry_add(r, &bad, NULL), STS_EINVAL);
    ck_assert_int_eq(sts_registry_add(r, &lines, NULL), 0);
    ck_assert_uint_eq(sts_registry_count(r), 4);
    ck_assert_str_eq(sts_registry_guess(r, "notes.txt", "{", 1)->name, "lines");
    destroyed = 0;
    sts_registry_free(r);
    ck_assert_int_eq(destroyed, 1);
}
END_TEST

START_TEST(decode_dispatch_lists_and_failures)
{
    sts_registry *r;
    sts_doclist *l;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, STS_REGISTRY_EMPTY, NULL), 0);
    ck_assert_int_eq(sts_registry_add(r, &lines, NULL), 0);
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    const char *in = "a\nLIST 3\nb";
    ck_assert_int_eq(sts_decode(l, r, "lines", in, strlen(in), NULL, NULL), 0);
    /* the List became its three items, in place */
    ck_assert_uint_eq(sts_doclist_count(l), 5);
    int64_t v;
    ck_assert_int_eq(sts_node_get_int(&v, sts_doc_root(sts_doclist_at(l, 3))), 0);
    ck_assert(v == 2);
    const char *s;
    ck_assert_int_eq(sts_node_get_string(&s, NULL, sts_doc_root(sts_doclist_at(l, 4))), 0);
    ck_assert_str_eq(s, "b");

    /* keep lists when asked */
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.flags = STS_DECODE_KEEP_LISTS;
    ck_assert_int_eq(sts_decode(l, r, "lines", "LIST 2", 6, &o, NULL), 0);
    ck_assert_uint_eq(sts_doclist_count(l), 6);

    /* a failure leaves the list as it was, errors carry the source name */
    o.flags = 0;
    o.source_name = "in.lines";
    ck_assert_int_eq(sts_decode(l, r, "lines", "x\nFAIL", 6, &o, &err), STS_EPARSE);
    ck_assert_uint_eq(sts_doclist_count(l), 6);
    sts_buf b = STS_BUF_INIT;
    sts_error_format(&b, err);
    ck_assert_str_eq(b.data, "in.lines:2:1: FAIL line");
    sts_buf_dispose(&b);
    sts_error_free(err);
    err = NULL;

    ck_assert_int_eq(sts_decode(l, r, "nope", "x", 1, NULL, &err), STS_ENOTFOUND);
    ck_assert_str_eq(sts_error_message(err), "unknown format \"nope\"");
    sts_error_free(err);
    err = NULL;

    o.max_input_size = 3;
    ck_assert_int_eq(sts_decode(l, r, "lines", "abcd", 4, &o, &err), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err),
                     "input of 4 bytes exceeds the limit max_input_size (3 bytes)");
    sts_error_free(err);
    sts_doclist_free(l);
    sts_registry_free(r);
}
END_TEST

START_TEST(encode_dispatch_truncates_on_failure)
{
    sts_registry *r;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, STS_REGISTRY_EMPTY, NULL), 0);
    sts_serializer enc_only = lines;
    enc_only.flags = STS_SERIALIZER_ENCODE;
    enc_only.decode = NULL;
    enc_only.destroy = NULL;
    ck_assert_int_eq(sts_registry_add(r, &enc_only, NULL), 0);
    sts_doc *d;
    sts_node *a, *b, *n;
    sts_doc_new(&d);
    sts_doc_new_string(&a, d, "one", 3);
    sts_doc_new_string(&b, d, "two", 3);
    sts_doc_new_int(&n, d, 5);
    const sts_node *roots[] = {a, b, n};
    sts_buf out = STS_BUF_INIT;
    sts_buf_append(&out, "keep:", 5);
    ck_assert_int_eq(sts_encode(&out, r, "lines", roots, 2, NULL, NULL), 0);
    ck_assert_str_eq(out.data, "keep:one\ntwo\n");
    ck_assert_int_eq(sts_encode(&out, r, "lines", roots, 3, NULL, &err), STS_ETYPE);
    ck_assert_str_eq(out.data, "keep:one\ntwo\n");
    sts_error_free(err);
    err = NULL;
    sts_doclist *l;
    sts_doclist_new(&l);
    ck_assert_int_eq(sts_decode(l, r, "lines", "x", 1, NULL, &err), STS_EUNSUPPORTED);
    ck_assert_str_eq(sts_error_message(err), "format \"lines\" can only encode");
    sts_error_free(err);
    sts_doclist_free(l);
    sts_buf_dispose(&out);
    sts_doc_free(d);
    sts_registry_free(r);
}
END_TEST

START_TEST(plugin_load_errors)
{
    sts_registry *r;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    ck_assert_int_eq(sts_registry_load_plugin(r, "/nonexistent/plugin.so", &err), STS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "cannot load plugin /nonexistent/plugin.so"));
    sts_error_free(err);
    sts_registry_free(r);
}
END_TEST

START_TEST(opts_init_for_ffi)
{
    sts_decode_opts d;
    memset(&d, 0xff, sizeof d);
    sts_decode_opts_init(&d);
    ck_assert_uint_eq(d.sz, sizeof d);
    ck_assert_uint_eq(d.max_depth, STS_DEFAULT_MAX_DEPTH);
    ck_assert_uint_eq(d.flags, 0);
    ck_assert_ptr_null(d.source_name);
    sts_encode_opts e;
    memset(&e, 0xff, sizeof e);
    sts_encode_opts_init(&e);
    ck_assert_uint_eq(e.sz, sizeof e);
    ck_assert_uint_eq(e.style, STS_ENCODE_ORIGINAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, builtins_are_registered_and_found);
    tcase_add_test(tc, add_checks_tables);
    tcase_add_test(tc, decode_dispatch_lists_and_failures);
    tcase_add_test(tc, encode_dispatch_truncates_on_failure);
    tcase_add_test(tc, plugin_load_errors);
    tcase_add_test(tc, opts_init_for_ffi);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
