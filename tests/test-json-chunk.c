/* Chunked JSON decoding (white-box). A document larger than a window is
 * decoded member by member (lib/serial/json/json_chunk.c); it must give
 * exactly what decoding it whole gives: the same tree with the same
 * positions and texts, or the same error with the same code, message,
 * line, column and offset. The whole decoding is the reference here (its
 * own expectations come from kubectl, see test-json.c); tiny windows force
 * the chunked path onto every container of small inputs. */
#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "internal.h"
#include "serial/json/json_private.h"
#include "testutil.h"

static const size_t windows[] = {1, 2, 3, 5, 8, 13, 64, 1000};
#define NWIN (sizeof windows / sizeof windows[0])

/* ---- a printed form of a decoding's whole outcome ------------------- */

typedef struct out {
    char *s;
    size_t len, cap;
} out;

static void put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(out *o, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(o->s ? o->s + o->len : NULL, o->s ? o->cap - o->len : 0, fmt, ap);
        va_end(ap);
        ck_assert_int_ge(n, 0);
        if (o->s && o->len + (size_t)n < o->cap) {
            o->len += (size_t)n;
            return;
        }
        o->cap = (o->cap + (size_t)n + 1) * 2;
        o->s = realloc(o->s, o->cap);
        ck_assert_ptr_nonnull(o->s);
    }
}

static void put_bytes(out *o, const char *p, size_t n)
{
    put(o, "%zu:", n);
    for (size_t i = 0; i < n; i++)
        put(o, "%02x", (unsigned char)p[i]);
}

static void dump(out *o, const sts_node *n)
{
    put(o, "(%u %u:%u@%llu", n->type, n->line, n->column, (unsigned long long)n->offset);
    if (n->text) {
        put(o, " text=");
        put_bytes(o, n->text, n->text_len);
    }
    switch (n->type) {
    case STS_NODE_BOOL: put(o, " %d", n->v.b); break;
    case STS_NODE_INT: put(o, " %lld", (long long)n->v.i); break;
    case STS_NODE_FLOAT: put(o, " %a", n->v.f); break;
    case STS_NODE_STRING: put(o, " "); put_bytes(o, n->v.s.ptr, n->v.s.len); break;
    case STS_NODE_SEQ:
        for (size_t i = 0; i < n->v.c.count; i++)
            dump(o, ((sts_node **)n->v.c.items)[i]);
        break;
    case STS_NODE_MAP:
        for (size_t i = 0; i < n->v.c.count; i++) {
            const sts_entry *e = &((sts_entry *)n->v.c.items)[i];
            dump(o, e->key);
            dump(o, e->value);
        }
        break;
    default: break;
    }
    put(o, ")");
}

/* Everything a caller can see of one decoding, as text. */
static char *outcome(const char *s, size_t len, const sts_decode_opts *given, size_t window)
{
    sts_decode_opts opts;
    memset(&opts, 0, sizeof opts);
    sts__decode_opts_fill(&opts, given);
    sts_doclist *l;
    sts_error *e = NULL;
    ck_assert_int_eq(sts_doclist_new(&l), 0);
    int rc = sts__json_decode_window(l, s, len, &opts, window, &e);
    out o = {0};
    put(&o, "rc=%d docs=%zu", rc, sts_doclist_count(l));
    for (const sts_error *x = e; x; x = sts_error_next(x))
        put(&o, " err=[%d %s %u:%u@%llu]", sts_error_code(x), sts_error_message(x),
            sts_error_line(x), sts_error_column(x), (unsigned long long)sts_error_offset(x));
    for (size_t i = 0; i < sts_doclist_count(l); i++) {
        put(&o, "\n");
        dump(&o, sts_doc_root(sts_doclist_at(l, i)));
    }
    sts_error_free(e);
    sts_doclist_free(l);
    return o.s;
}

/* Every window gives what the whole decoding gives. */
static void same_len(const char *s, size_t len, const sts_decode_opts *opts)
{
    char *want = outcome(s, len, opts, SIZE_MAX);
    for (size_t i = 0; i < NWIN; i++) {
        char *got = outcome(s, len, opts, windows[i]);
        if (strcmp(got, want) != 0)
            ck_abort_msg("window %zu differs on %.*s:\n whole: %.300s\n chunk: %.300s",
                         windows[i], (int)(len > 80 ? 80 : len), s, want, got);
        free(got);
    }
    free(want);
}

static void same(const char *s)
{
    same_len(s, strlen(s), NULL);
}

static void same_flags(const char *s, uint32_t flags)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.flags = flags;
    same_len(s, strlen(s), &o);
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(valid_documents)
{
    same("{\n  \"a\": [1, \"x\",\n    {\"b\": null}],\n\t\"c\": true\n}\n");
    same("{\"a\":1}\n{\"b\":2}{\"c\":3}  \r\n [4]\n\"s\" 5 null\n");
    same("[]");
    same("{}");
    same("[ ]  { }");
    same("[[], {}, [[]], {\"a\": {}}, [1, [2, [3, [4]]]]]");
    same("{\"kind\": \"List\", \"items\": [{\"a\": 1}, {\"b\": [true, false, null]}], "
         "\"metadata\": {}}");
    same("[1e3, 1.0, 9223372036854775808, -0, -0.0, -9223372036854775808, 0.1, 12, 1e21, "
         "1e-7, 5e-324, 123456789012345678901234567890]");
    same("[\"x\xffy\xc3(z\xed\xa0\x80\", \"\\ud800|\\ud83d\\ude00\", \"a\\u0000b\", \"<>&\", "
         "\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"]");
    same("{\"k\\u00e9\\n\": 1, \"\\\"q\\\"\": {\"\xff\": 2}, \"\": 3}");
    same("[1,2,3]\n[4, 5,\n6]");
    same("[1E5, 1e+5, 1E-5, -0.0e0, 0e0, 0.0, -1, 18446744073709551615, 18446744073709551616, "
         "-9223372036854775809, 1.7976931348623157e308, 4.9e-324, 2.5E-400, 1.0000000000000001]");
    same("{\"a\": true, \"b\": false, \"c\": null, \"d\": \"\", \"e\": \"\\\"\", \"f\": 0}");
    same("[\"\x7f\xc3\xa9\xe2\x80\xa8\", \"\\u2028\", \"\\ud800\\u0041\", \"\\udc00\", \"\\ud83d\"]");
    same("{\"a\": 1}   ");
    same("[\"a\"]\n\n\n{\"b\": \"c\"}");
}
END_TEST

START_TEST(syntax_errors)
{
    static const char *const inputs[] = {
        "[1,]", "{\n  \"a\" 1}", "{\"a\": [1, 2", "\n\n  tru", "'a'", "{\"a\": 1}\n  xyz",
        "[1]]", "-01", "[-01]", "{\"k\": 01}", "{\"k\": 1.}", "{", "[", "\"", "\"\\", "{\"a\"",
        "{\"a\":", "[1,", "-", "1e", "\"\\u12\"", "\"\\x\"", "[[[[]]]]]", "{}}", "\xef\xbb\xbf{}",
        "/* c */ {}", "{\"a\":1,}", "[1 2]", "nul", "truex", "{\"a\" : 1 , }", "[,1]", "{,}",
        "{\"a\":1 \"b\":2}", "{\"a\"::1}", "{1: 2}", "[1,,2]", "[\"a\" \"b\"]", "{\"a\": [}",
        "{\"a\": {]}", "[{\"a\": 1]", "[1]\n[2,\n[3 4]]", "{\"a\": tru }", "[1e]", "[.5]",
        "[+1]", "[0x1]", "{\"a\": \"\\q\"}", "{\"\\q\": 1}", "{\"a\\ud800\": 1}", "[\f1]",
        "[1\f]", "{\"a\": 1}\f", "[1]x", "[1] ]", "{\"a\": [1, 2]]}", "[True]", "[nulll]",
        "[fals]", "[t]", "[n", "[1.5e]", "[1e400]", "[-1e400, 1]", "[\"abc]", "[\"a\\\"]",
        "[1/2]", "[1 /* c */]", "[\"a\"\"b\"]", "[-]", "[--1]", "[1-]", "[0.e1]",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        same(inputs[i]);
}
END_TEST

START_TEST(go_rules_and_nul)
{
    same("{\"k\":\n \"a\tb\"}");
    same("{\"k\": NaN}");
    same("[Infinity]");
    same("[-Infinity]");
    same("{\"k\\u0000x\": 1}");
    same("{\"a\": [\"\n\"]}");
    same("{\"n\":\n  -1e400}");
    same("[1, {\"n\": [2, 1e400]}]");
    same("{\"a\t\": 1}");
    static const char nul1[] = "{\"a\": \"x\0y\"}";
    same_len(nul1, sizeof nul1 - 1, NULL);
    static const char nul2[] = "[1, 2, {\"b\": [3,\0 4]}]";
    same_len(nul2, sizeof nul2 - 1, NULL);
    static const char nul3[] = "[1]\0[2]";
    same_len(nul3, sizeof nul3 - 1, NULL);
    static const char nul4[] = "{\"a\": 1\0}";
    same_len(nul4, sizeof nul4 - 1, NULL);
    static const char nul5[] = "[\"a\",\0\"b\"]";
    same_len(nul5, sizeof nul5 - 1, NULL);
}
END_TEST

START_TEST(duplicate_keys)
{
    static const char *const inputs[] = {
        "{\"a\": 1,\n \"b\": {\"x\": 1, \"y\": 2},\n \"a\": 3}",
        "{\"a\": {\"x\": 1, \"x\": {}}, \"a\": 2}",
        "[{\"k\\u00e9\": 1, \"k\xc3\xa9\": 2}]",
        "{\"a\": {\"deep\": [1]},\n \"b\": 2,\n \"a\": \"later\", \"c\": {\"q\": 1, \"q\": 2}}",
        "{\"a\":1,\"a\":{\"a\":1,\"a\":[1,{\"a\":2,\"a\":3}]}}",
        "[[{\"x\": [1], \"y\": 2, \"x\": 3}]]",
        "{\"\xff\": 1, \"\xfe\": 2}", /* both repaired to U+FFFD */
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        same_flags(inputs[i], 0);
        same_flags(inputs[i], STS_DECODE_ALLOW_DUPLICATE_KEYS);
    }
}
END_TEST

START_TEST(limits)
{
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    static const char *const inputs[] = {
        "[[{\"a\": 1}]]", "[[{\"a\": []}]]", "[\"abcd\", 1234]", "[\"abcd\", \n12345]",
        "{\"abcde\": 1}", "{\"a\": 1}", "{\"a\": [1, 2]}", "[[[[[[1]]]]]]", "{\"a\":{\"b\":{}}}",
        "[1, [2, [3]], {\"k\": [4, 5, 6]}]", "[1] [2] [3] [4]",
    };
    for (uint32_t lim = 1; lim <= 6; lim++) {
        for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
            memset(&o, 0, sizeof o);
            o.sz = sizeof o;
            o.max_depth = lim;
            same_len(inputs[i], strlen(inputs[i]), &o);
            o.max_depth = 0;
            o.max_nodes = lim;
            same_len(inputs[i], strlen(inputs[i]), &o);
            o.max_nodes = 0;
            o.max_scalar_size = lim;
            same_len(inputs[i], strlen(inputs[i]), &o);
            o.max_scalar_size = 0;
            o.max_documents = lim;
            same_len(inputs[i], strlen(inputs[i]), &o);
        }
    }
    /* json-c's own depth error, deep inside a chunked container */
    char deep[700];
    size_t n = 0;
    for (; n < 300; n++)
        deep[n] = '[';
    deep[n++] = '1';
    for (size_t i = 0; i < 300; i++)
        deep[n++] = ']';
    same_len(deep, n, NULL);
    same_len(deep + 100, n - 200, NULL); /* 200 levels: within the default */
}
END_TEST

START_TEST(source_text_flag)
{
    same_flags("[1.0, -0, 1e3, \"x\", {\"a\": 1.50}]", STS_DECODE_NO_SOURCE_TEXT);
    same_flags("[1.0, -0, 1e3, \"x\", {\"a\": 1.50}]", 0);
}
END_TEST

static char *data_file(const char *name, size_t *len)
{
    return tu_read_file(tu_data(name), len);
}

START_TEST(data_files)
{
    static const char *const names[] = {
        "json/corpus.json", "json/corpus.jsonl", "json/corpus.kubectl-list.json",
        "json/corpus.kubectl.json", "json/dup.json", "json/numbers.json", "json/strings.json",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t len;
        char *s = data_file(names[i], &len);
        same_len(s, len, NULL);
        free(s);
    }
}
END_TEST

/* The fuzz seeds (tests/fuzz; fixed findings join them), each file as one input. */
static void same_dir(const char *rel)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", tu_data(rel));
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".md"))
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *s = tu_read_file(path, &len);
        same_len(s, len, NULL);
        free(s);
        files++;
    }
    closedir(d);
    ck_assert_int_gt(files, 0);
}

START_TEST(fuzz_inputs)
{
    same_dir("../fuzz/seeds/json");
}
END_TEST

/* Every truncation and every one-byte change of a small document. */
START_TEST(mutations)
{
    const char *doc = "{\"kind\": \"List\",\n \"items\": [\n  {\"a\": [1, 2.5, \"x\\ny\"], "
                      "\"b\": {\"c\": null, \"d\": true}},\n  [false, {\"e\": -0}, []],\n"
                      "  \"s\\u00e9\", 12\n ],\n \"metadata\": {\"n\": {}}}\n";
    const size_t len = strlen(doc);
    static const char subst[] = {'\0', ',', '}', ']', '"', '\x01', ' ', '\n', ':', '{', '\\',
                                 '1', '\xff'};
    char *buf = malloc(len + 1);
    ck_assert_ptr_nonnull(buf);
    for (size_t cut = 0; cut <= len; cut++)
        same_len(doc, cut, NULL);
    for (size_t pos = 0; pos < len; pos++) {
        for (size_t k = 0; k < sizeof subst; k++) {
            memcpy(buf, doc, len);
            buf[pos] = subst[k];
            same_len(buf, len, NULL);
        }
        /* the byte removed */
        memcpy(buf, doc, pos);
        memcpy(buf + pos, doc + pos + 1, len - pos - 1);
        same_len(buf, len - 1, NULL);
    }
    free(buf);
}
END_TEST

/* A List of copies of a kubectl-printed object, larger than the window,
 * with tail after the items. */
static out big_list(const char *tail)
{
    size_t len;
    char *item = data_file("json/dup.kubectl.json", &len);
    out big = {0};
    put(&big, "{\"apiVersion\": \"v1\", \"items\": [\n");
    for (int i = 0; big.len < 3 * STS_JSON_CHUNK_WINDOW; i++)
        put(&big, "%s%.*s", i ? ",\n" : "", (int)len, item);
    put(&big, "], \"kind\": \"List\", \"metadata\": {\"resourceVersion\": \"\"}%s}\n", tail);
    free(item);
    return big;
}

/* The chunked walk of one document, directly; returns its code. */
static int walk(const out *doc, uint32_t *count)
{
    sts_decode_opts opts;
    memset(&opts, 0, sizeof opts);
    sts__decode_opts_fill(&opts, NULL);
    sts_json_ctx x;
    memset(&x, 0, sizeof x);
    x.opts = &opts;
    x.max_depth = opts.max_depth;
    x.keep_text = true;
    x.c.base = x.c.p = x.c.line_start = doc->s;
    x.c.end = doc->s + doc->len;
    x.c.line = 1;
    sts_error *e = NULL;
    x.err = &e;
    x.arena = sts__arena_new();
    ck_assert_ptr_nonnull(x.arena);
    json_tokener *tok = json_tokener_new_ex((int)opts.max_depth + 1);
    ck_assert_ptr_nonnull(tok);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
    sts_node *root = NULL;
    int rc = sts__json_convert_chunked(&x, tok, STS_JSON_CHUNK_WINDOW, &root);
    ck_assert_ptr_null(e); /* errors are left to the whole decoding */
    if (!rc) {
        ck_assert_uint_eq(root->type, STS_NODE_MAP);
        *count = (uint32_t)root->v.c.count;
        ck_assert_ptr_eq(x.c.p, doc->s + doc->len); /* past the final newline */
    }
    json_tokener_free(tok);
    sts__arena_unref(x.arena);
    sts_buf_dispose(&x.scratch);
    sts_buf_dispose(&x.fixbuf);
    return rc;
}

/* A List larger than the real window takes the chunked path through the
 * decoder's entry point and gives the same as the whole decoding. */
START_TEST(large_list_default_window)
{
    static const char *const tails[] = {"", ", \"kind\": \"again\"", ", \"x\": [1,]",
                                        ", \"y\": \"\t\""};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        out big = big_list(tails[i]);
        char *whole = outcome(big.s, big.len, NULL, SIZE_MAX);
        char *chunk = outcome(big.s, big.len, NULL, STS_JSON_CHUNK_WINDOW);
        ck_assert_str_eq(chunk, whole);
        sts_decode_opts o = STS_DECODE_OPTS_INIT;
        o.flags = STS_DECODE_ALLOW_DUPLICATE_KEYS;
        free(whole);
        free(chunk);
        whole = outcome(big.s, big.len, &o, SIZE_MAX);
        chunk = outcome(big.s, big.len, &o, STS_JSON_CHUNK_WINDOW);
        ck_assert_str_eq(chunk, whole);
        if (i == 0)
            ck_assert_ptr_nonnull(strstr(chunk, "rc=0 docs=1"));
        free(whole);
        free(chunk);
        /* the walk itself takes the valid List (no silent fallback), and
         * hands the others back without an error of its own */
        uint32_t count = 0;
        int rc = walk(&big, &count);
        if (i == 0) {
            ck_assert_int_eq(rc, 0);
            ck_assert_uint_eq(count, 4);
        } else {
            ck_assert_int_ne(rc, 0);
        }
        free(big.s);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json-chunk");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, valid_documents);
    tcase_add_test(tc, syntax_errors);
    tcase_add_test(tc, go_rules_and_nul);
    tcase_add_test(tc, duplicate_keys);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, source_text_flag);
    tcase_add_test(tc, data_files);
    tcase_add_test(tc, fuzz_inputs);
    tcase_add_test(tc, mutations);
    tcase_add_test(tc, large_list_default_window);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
