/* YAML scalar resolution and map-key conversion against kubectl's answers.
 * Inputs: tests/data/yaml/resolve.yaml, merge.yaml; expected values:
 * resolve.tsv and merge.kubectl.json made by gen-expected.sh from
 * `kubectl label --local -f F x=y -o json` (kubectl v1.32). */
#include <check.h>
#include <math.h>
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

static const sts_node *decode_file(const char *name, uint32_t flags)
{
    size_t len;
    char *data = tu_read_file(tu_data(name), &len);
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.flags = flags;
    sts_error *err = NULL;
    int rc = sts_decode(docs, reg, "yaml", data, len, &o, &err);
    if (rc)
        ck_abort_msg("%s: %s", name, sts_error_message(err));
    free(data);
    return sts_doc_root(sts_doclist_at(docs, sts_doclist_count(docs) - 1));
}

static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else if (*r == '\\' && r[1] == '\\') {
            *w++ = '\\';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static void check_value(const char *where, const sts_node *n, const char *type, const char *val)
{
    ck_assert_msg(n != NULL, "%s: missing", where);
    sts_node_type t = sts_node_get_type(n);
    if (!strcmp(type, "null")) {
        ck_assert_msg(t == STS_NODE_NULL, "%s: want null, got %s", where, sts_node_type_name(t));
    } else if (!strcmp(type, "bool")) {
        int b;
        ck_assert_msg(sts_node_get_bool(&b, n) == 0, "%s: want bool, got %s", where,
                      sts_node_type_name(t));
        ck_assert_msg(b == !strcmp(val, "true"), "%s: want %s", where, val);
    } else if (!strcmp(type, "number")) {
        double want = strtod(val, NULL), got;
        ck_assert_msg(sts_node_get_float(&got, n) == 0, "%s: want number %s, got %s", where, val,
                      sts_node_type_name(t));
        ck_assert_msg(got == want, "%s: want %s, got %.17g", where, val, got);
        if (!strpbrk(val, ".eE") && strlen(val) < 19) {
            int64_t i;
            ck_assert_msg(sts_node_get_int(&i, n) == 0 || got == floor(got), "%s: int", where);
        }
    } else if (!strcmp(type, "string")) {
        const char *s;
        size_t len;
        ck_assert_msg(sts_node_get_string(&s, &len, n) == 0, "%s: want string \"%s\", got %s",
                      where, val, sts_node_type_name(t));
        ck_assert_msg(len == strlen(val) && !memcmp(s, val, len), "%s: want \"%s\", got \"%.*s\"",
                      where, val, (int)len, s);
    } else if (!strcmp(type, "map")) {
        ck_assert_msg(t == STS_NODE_MAP && sts_node_count(n) == strtoul(val, NULL, 10), "%s", where);
    } else {
        ck_assert_msg(t == STS_NODE_SEQ && sts_node_count(n) == strtoul(val, NULL, 10), "%s", where);
    }
}

START_TEST(plain_scalars_resolve_as_kubectl_reads_them)
{
    const sts_node *root = decode_file("yaml/resolve.yaml", 0);
    size_t len;
    char *tsv = tu_read_file(tu_data("yaml/resolve.tsv"), &len);
    size_t checked[2] = {0, 0};
    for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[4];
        char *p = line;
        for (int i = 0; i < 4; i++) {
            f[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
            else
                p = f[i] + strlen(f[i]);
        }
        unescape(f[3]);
        const sts_node *map = sts_node_map_get(root, f[0], strlen(f[0]));
        char where[160];
        snprintf(where, sizeof where, "%s.%s", f[0], f[1]);
        check_value(where, sts_node_map_get(map, f[1], strlen(f[1])), f[2], f[3]);
        checked[!strcmp(f[0], "keys")]++;
    }
    /* every key kubectl saw, and no others */
    ck_assert_uint_eq(sts_node_count(sts_node_map_get(root, "other", 5)), checked[0]);
    ck_assert_uint_eq(sts_node_count(sts_node_map_get(root, "keys", 4)), checked[1]);
    ck_assert_uint_ge(checked[0], 130);
    free(tsv);
}
END_TEST

START_TEST(original_text_and_style_are_kept)
{
    const sts_node *root = decode_file("yaml/resolve.yaml", 0);
    const sts_node *o = sts_node_map_get(root, "other", 5);
    size_t n;
    const char *t = sts_node_get_text(sts_node_map_get(o, "i1", 2), &n);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(memcmp(t, "0777", 4), 0);
    t = sts_node_get_text(sts_node_map_get(o, "b3", 2), &n);
    ck_assert(t && n == 3 && !memcmp(t, "yes", 3));
    t = sts_node_get_text(sts_node_map_get(o, "n1", 2), &n);
    ck_assert(t && n == 1 && t[0] == '~');
    /* canonical spellings need no text */
    ck_assert_ptr_null(sts_node_get_text(sts_node_map_get(o, "b11", 3), NULL));
    ck_assert_ptr_null(sts_node_get_text(sts_node_map_get(o, "i15", 3), NULL));
    ck_assert_ptr_null(sts_node_get_text(sts_node_map_get(o, "n2", 2), NULL));
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "s3", 2)), STS_STYLE_DOUBLE_QUOTED);
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "s4", 2)), STS_STYLE_SINGLE_QUOTED);
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "x38", 3)), STS_STYLE_LITERAL);
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "x39", 3)), STS_STYLE_FOLDED);
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "x34", 3)), STS_STYLE_FLOW);
    ck_assert_int_eq(sts_node_get_style(o), STS_STYLE_BLOCK);
    /* keys: `yes:` is the key "true" and remembers how it was written */
    const sts_node *k = sts_node_map_get(root, "keys", 4);
    ck_assert_int_ge(sts_node_map_index(k, "true", 4), 0);
    t = sts_node_get_text(sts_node_map_key_at(k, (size_t)sts_node_map_index(k, "true", 4)), &n);
    ck_assert(t && n == 3 && !memcmp(t, "yes", 3));
    /* positions: 1-based line and column of the value */
    const sts_node *b1 = sts_node_map_get(o, "b1", 2);
    ck_assert_uint_eq(sts_node_line(b1), 6);
    ck_assert_uint_eq(sts_node_column(b1), 7);
}
END_TEST

START_TEST(no_source_text_flag_drops_text_and_style)
{
    const sts_node *root = decode_file("yaml/resolve.yaml", STS_DECODE_NO_SOURCE_TEXT);
    const sts_node *o = sts_node_map_get(root, "other", 5);
    ck_assert_ptr_null(sts_node_get_text(sts_node_map_get(o, "i1", 2), NULL));
    ck_assert_int_eq(sts_node_get_style(sts_node_map_get(o, "s3", 2)), STS_STYLE_ANY);
    int64_t i;
    ck_assert_int_eq(sts_node_get_int(&i, sts_node_map_get(o, "i1", 2)), 0);
    ck_assert_int_eq(i, 511);
}
END_TEST

/* Compare a decoded map with kubectl's JSON by walking both texts is more
 * than needed: merge.kubectl.json is small, so check it value by value. */
static int64_t geti(const sts_node *m, const char *k)
{
    int64_t v = -1;
    sts_node_get_int(&v, sts_node_map_get(m, k, strlen(k)));
    return v;
}

START_TEST(merge_keys_follow_go_yaml_v2)
{
    const sts_node *root = decode_file("yaml/merge.yaml", 0);
    size_t len;
    char *json = tu_read_file(tu_data("yaml/merge.kubectl.json"), &len);
    /* kubectl: "after": a 0, p 1, q 9, r 3, z 7 (explicit key after << wins) */
    ck_assert_ptr_nonnull(strstr(json, "\"after\": {\n        \"a\": 0,\n        \"p\": 1,\n"
                                       "        \"q\": 9,"));
    const sts_node *after = sts_node_map_get(root, "after", 5);
    ck_assert_uint_eq(sts_node_count(after), 5);
    ck_assert_int_eq(geti(after, "q"), 9);
    ck_assert_int_eq(geti(after, "p"), 1);
    /* merged keys take the place of the << entry */
    const char *s;
    sts_node_get_string(&s, NULL, sts_node_map_key_at(after, 1));
    ck_assert_str_eq(s, "p");
    /* "before": q 9 written before << [*b, *c] is overwritten; the first map of the list wins */
    ck_assert_ptr_nonnull(strstr(json, "\"before\": {\n        \"a\": 0,\n        \"p\": 1,\n"
                                       "        \"q\": 2,"));
    const sts_node *before = sts_node_map_get(root, "before", 6);
    ck_assert_int_eq(geti(before, "q"), 2);
    ck_assert_int_eq(geti(before, "w"), 40);
    ck_assert_uint_eq(sts_node_count(before), 5);
    /* "twice": the later << overrides the earlier; "reversed" list order */
    ck_assert_ptr_nonnull(strstr(json, "\"twice\": {\n        \"p\": 1,\n        \"q\": 20,"));
    ck_assert_int_eq(geti(sts_node_map_get(root, "twice", 5), "q"), 20);
    ck_assert_ptr_nonnull(strstr(json, "\"reversed\": {\n        \"p\": 1,\n        \"q\": 20,"));
    ck_assert_int_eq(geti(sts_node_map_get(root, "reversed", 8), "q"), 20);
    ck_assert_ptr_nonnull(strstr(json, "\"inline\": {\n        \"k\": 3,"));
    ck_assert_int_eq(geti(sts_node_map_get(root, "inline", 6), "k"), 3);
    /* aliases are copies */
    const sts_node *al = sts_node_map_get(root, "al", 2);
    ck_assert_uint_eq(sts_node_count(al), 2);
    ck_assert_ptr_ne(al, sts_node_map_get(root, "seq", 3));
    ck_assert(sts_node_equal(al, sts_node_map_get(root, "seq", 3)));
    sts_node_get_string(&s, NULL, sts_node_map_get(root, "sal", 3));
    ck_assert_str_eq(s, "hello");
    free(json);
}
END_TEST

START_TEST(explicit_tags)
{
    static const struct {
        const char *in, *type, *val;
    } ok[] = {
        /* from kubectl: !!int "123" -> 123, !!float "1" -> 1, !!bool "yes" -> true,
         * !!null "" -> null, !!str 123 -> "123", !foo 123 -> "123",
         * !!binary aGVsbG8= -> "hello" */
        {"v: !!int \"123\"\n", "number", "123"},  {"v: !!float \"1\"\n", "number", "1"},
        {"v: !!bool \"yes\"\n", "bool", "true"},  {"v: !!null \"\"\n", "null", ""},
        {"v: !!str 123\n", "string", "123"},      {"v: !foo 123\n", "string", "123"},
        {"v: !!binary aGVsbG8=\n", "string", "hello"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        sts_error *err = NULL;
        int rc = sts_decode(docs, reg, "yaml", ok[i].in, strlen(ok[i].in), NULL, &err);
        ck_assert_msg(rc == 0, "%s: %s", ok[i].in, err ? sts_error_message(err) : "");
        const sts_node *root = sts_doc_root(sts_doclist_at(docs, sts_doclist_count(docs) - 1));
        check_value(ok[i].in, sts_node_map_get(root, "v", 1), ok[i].type, ok[i].val);
    }
    /* kubectl: "yaml: cannot decode !!str `abc` as a !!int" */
    static const struct {
        const char *in, *msg;
    } bad[] = {
        {"v: !!int abc\n", "cannot decode !!str `abc` as a !!int"},
        {"v: !!float abc\n", "cannot decode !!str `abc` as a !!float"},
        {"v: !!bool 1\n", "cannot decode !!int `1` as a !!bool"},
        {"v: !!int 1.5\n", "cannot decode !!float `1.5` as a !!int"},
        {"v: !!null x\n", "cannot decode !!str `x` as a !!null"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sts_error *err = NULL;
        size_t before = sts_doclist_count(docs);
        ck_assert_int_eq(sts_decode(docs, reg, "yaml", bad[i].in, strlen(bad[i].in), NULL, &err),
                         STS_EPARSE);
        ck_assert_str_eq(sts_error_message(err), bad[i].msg);
        ck_assert_uint_eq(sts_error_line(err), 1);
        ck_assert_uint_eq(sts_error_column(err), 4);
        ck_assert_uint_eq(sts_doclist_count(docs), before);
        sts_error_free(err);
    }
}
END_TEST

START_TEST(keys_kubectl_refuses)
{
    /* kubectl: "unsupported map key of type: %!s(<nil>)" for null keys,
     * "... of type: uint64" beyond int64, "invalid map key" for collections */
    static const struct {
        const char *in, *msg;
        uint32_t line, col;
    } bad[] = {
        {"a: 1\n~: 2\n", "unsupported map key of type null", 2, 1},
        {"a: 1\nnull: 2\n", "unsupported map key of type null", 2, 1},
        {"9223372036854775808: 1\n", "unsupported map key of type uint64", 1, 1},
        {"[1, 2]: 1\n", "invalid map key: a sequence cannot be a key", 1, 1},
        {"? {a: 1}\n: 1\n", "invalid map key: a map cannot be a key", 1, 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sts_error *err = NULL;
        ck_assert_int_eq(sts_decode(docs, reg, "yaml", bad[i].in, strlen(bad[i].in), NULL, &err),
                         STS_EPARSE);
        ck_assert_str_eq(sts_error_message(err), bad[i].msg);
        ck_assert_uint_eq(sts_error_line(err), bad[i].line);
        ck_assert_uint_eq(sts_error_column(err), bad[i].col);
        sts_error_free(err);
    }
    ck_assert_uint_eq(sts_doclist_count(docs), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("yaml-resolve");
    TCase *tc = tcase_create("resolve");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, plain_scalars_resolve_as_kubectl_reads_them);
    tcase_add_test(tc, original_text_and_style_are_kept);
    tcase_add_test(tc, no_source_text_flag_drops_text_and_style);
    tcase_add_test(tc, merge_keys_follow_go_yaml_v2);
    tcase_add_test(tc, explicit_tags);
    tcase_add_test(tc, keys_kubectl_refuses);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
