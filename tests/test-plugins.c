/* Run-time plugins through the public API: the `flat` example plugin
 * (examples/plugins/flat) loaded from its shared object, and the ways
 * loading can fail (fixtures in tests/data/plugins, built by tests/cli).
 *
 * Paths: STS_FLAT_PLUGIN (else STS_BUILD_ROOT/examples/plugins/flat/sts-flat.so)
 * and STS_TEST_PLUGIN_DIR (else STS_BUILD_ROOT/tests/cli). */
#include <check.h>
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

#include "testutil.h"

static const char *build_path(const char *env, const char *rel)
{
    static char path[4][4096];
    static int slot;
    const char *v = getenv(env);
    if (v && v[0])
        return v;
    const char *root = getenv("STS_BUILD_ROOT");
    char *p = path[slot++ % 4];
    snprintf(p, sizeof path[0], "%s/%s", root ? root : ".", rel);
    return p;
}

static const char *flat_path(void)
{
    return build_path("STS_FLAT_PLUGIN", "examples/plugins/flat/sts-flat.so");
}

static const char *fixture(const char *name)
{
    static char path[8192];
    snprintf(path, sizeof path, "%s/sts-test-%s.so", build_path("STS_TEST_PLUGIN_DIR", "tests/cli"),
             name);
    return path;
}

static sts_registry *registry_with_flat(void)
{
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    int rc = sts_registry_load_plugin(r, flat_path(), &err);
    if (rc)
        ck_abort_msg("cannot load %s: %s", flat_path(), err ? sts_error_message(err) : "?");
    return r;
}

/* Encode one tree as flat text (NUL-terminated, caller disposes). */
static sts_buf to_flat(const sts_registry *r, const sts_node *root, uint32_t style)
{
    sts_buf out = STS_BUF_INIT;
    sts_encode_opts o = STS_ENCODE_OPTS_INIT;
    o.style = style;
    const sts_node *roots[] = {root};
    ck_assert_int_eq(sts_encode(&out, r, "flat", roots, 1, &o, NULL), 0);
    return out;
}

static sts_node *s_(sts_doc *d, const char *s, size_t len)
{
    sts_node *n;
    ck_assert_int_eq(sts_doc_new_string(&n, d, s, len), 0);
    return n;
}

static void set(sts_node *m, const char *key, size_t klen, sts_node *v)
{
    ck_assert_int_eq(sts_node_map_set(m, key, klen, v), 0);
}

/* ---- loading ------------------------------------------------------------- */

START_TEST(flat_loads_and_registers)
{
    sts_registry *r = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    size_t before = sts_registry_count(r);
    ck_assert_int_eq(sts_registry_load_plugin(r, flat_path(), NULL), 0);
    ck_assert_uint_eq(sts_registry_count(r), before + 1);
    const sts_serializer *s = sts_registry_find(r, "flat");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->name, "flat");
    ck_assert_uint_eq(s->flags, STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE);
    ck_assert_ptr_eq(sts_registry_guess(r, "x/web.flat", "a = 1", 5), s);
    ck_assert_ptr_eq(sts_registry_find(r, "FLAT"), s);
    sts_registry_free(r);
}
END_TEST

START_TEST(flat_refuses_other_abi_versions)
{
    /* call the entry point directly with an ABI the plugin was not built for */
    void *h = dlopen(flat_path(), RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(h != NULL, "dlopen: %s", dlerror());
    sts_plugin_entry_fn entry;
    void *sym = dlsym(h, STS_PLUGIN_ENTRY_NAME);
    ck_assert_ptr_nonnull(sym);
    memcpy(&entry, &sym, sizeof entry);
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, STS_REGISTRY_EMPTY, NULL), 0);
    ck_assert_int_eq(entry(r, STS_PLUGIN_ABI_VERSION + 1, &err), STS_EVERSION);
    ck_assert_int_eq(sts_error_code(err), STS_EVERSION);
    ck_assert_str_eq(sts_error_message(err),
                     "flat plugin speaks plugin ABI 1, the loading library offers 2");
    ck_assert_uint_eq(sts_registry_count(r), 0);
    sts_error_free(err);
    /* and the ABI it knows works */
    ck_assert_int_eq(entry(r, STS_PLUGIN_ABI_VERSION, NULL), 0);
    ck_assert_uint_eq(sts_registry_count(r), 1);
    sts_registry_free(r);
    dlclose(h);
}
END_TEST

START_TEST(load_wrong_path)
{
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    size_t before = sts_registry_count(r);
    ck_assert_int_eq(sts_registry_load_plugin(r, "/nonexistent/sts-flat.so", &err), STS_ENOTFOUND);
    ck_assert_int_eq(sts_error_code(err), STS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "/nonexistent/sts-flat.so"));
    ck_assert_uint_eq(sts_registry_count(r), before);
    sts_error_free(err);
    err = NULL;
    ck_assert_int_eq(sts_registry_load_plugin(r, NULL, &err), STS_EINVAL);
    sts_error_free(err);
    ck_assert_int_eq(sts_registry_load_plugin(NULL, flat_path(), NULL), STS_EINVAL);
    sts_registry_free(r);
}
END_TEST

START_TEST(load_without_entry_point)
{
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    size_t before = sts_registry_count(r);
    int rc = sts_registry_load_plugin(r, fixture("no-entry"), &err);
    ck_assert_int_eq(rc, STS_EVERSION);
    ck_assert_int_eq(sts_error_code(err), STS_EVERSION);
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "not a libstatefulset plugin"));
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), STS_PLUGIN_ENTRY_NAME));
    ck_assert_uint_eq(sts_registry_count(r), before);
    sts_error_free(err);
    sts_registry_free(r);
}
END_TEST

START_TEST(load_plugin_returning_eversion)
{
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    size_t before = sts_registry_count(r);
    ck_assert_int_eq(sts_registry_load_plugin(r, fixture("wrong-abi"), &err), STS_EVERSION);
    ck_assert_int_eq(sts_error_code(err), STS_EVERSION);
    ck_assert_str_eq(sts_error_message(err), "wrong-abi needs plugin ABI 999");
    /* what it registered before failing is gone with it */
    ck_assert_uint_eq(sts_registry_count(r), before);
    ck_assert_ptr_null(sts_registry_find(r, "wrong-abi"));
    sts_error_free(err);
    sts_registry_free(r);
}
END_TEST

START_TEST(load_plugin_with_bad_table_version)
{
    sts_registry *r = NULL;
    sts_error *err = NULL;
    ck_assert_int_eq(sts_registry_new(&r, 0, NULL), 0);
    size_t before = sts_registry_count(r);
    ck_assert_int_eq(sts_registry_load_plugin(r, fixture("bad-table"), &err), STS_EVERSION);
    ck_assert_int_eq(sts_error_code(err), STS_EVERSION);
    ck_assert_ptr_nonnull(strstr(sts_error_message(err), "table version 2"));
    ck_assert_uint_eq(sts_registry_count(r), before);
    ck_assert_ptr_null(sts_registry_find(r, "bad-table"));
    sts_error_free(err);
    sts_registry_free(r);
}
END_TEST

START_TEST(duplicate_names_refused)
{
    sts_registry *r = registry_with_flat();
    size_t before = sts_registry_count(r);
    sts_error *err = NULL;
    /* the same plugin twice: its name is taken */
    ck_assert_int_eq(sts_registry_load_plugin(r, flat_path(), &err), STS_EEXISTS);
    ck_assert_int_eq(sts_error_code(err), STS_EEXISTS);
    ck_assert_str_eq(sts_error_message(err), "a serializer named \"flat\" is already registered");
    ck_assert_uint_eq(sts_registry_count(r), before);
    sts_error_free(err);
    err = NULL;
    /* a table whose name differs only in case clashes with a built-in */
    sts_serializer copy = *sts_registry_find(r, "flat");
    copy.name = "YAML";
    ck_assert_int_eq(sts_registry_add(r, &copy, &err), STS_EEXISTS);
    sts_error_free(err);
    /* the first registration still works */
    sts_doc *d;
    sts_node *root, *one;
    sts_doc_new(&d);
    sts_doc_new_map(&root, d);
    sts_doc_new_int(&one, d, 1);
    set(root, "a", 1, one);
    sts_buf out = to_flat(r, root, STS_ENCODE_ORIGINAL);
    ck_assert_str_eq(out.data, "a = 1\n");
    sts_buf_dispose(&out);
    sts_doc_free(d);
    sts_registry_free(r);
}
END_TEST

static int enc_x(void *u, sts_buf *out, const sts_node *const *roots, size_t n,
                 const sts_encode_opts *opts, sts_error **err)
{
    (void)u, (void)roots, (void)n, (void)opts, (void)err;
    return sts_buf_append(out, "x", 1);
}

START_TEST(encode_only_refuses_decode)
{
    sts_registry *r = registry_with_flat();
    sts_serializer eo = {STS_SERIALIZER_VERSION, STS_SERIALIZER_ENCODE, "encode-only", NULL,
                         "eo", NULL, NULL, enc_x, NULL};
    ck_assert_int_eq(sts_registry_add(r, &eo, NULL), 0);
    sts_doclist *l;
    sts_doclist_new(&l);
    sts_error *err = NULL;
    ck_assert_int_eq(sts_decode(l, r, "encode-only", "a", 1, NULL, &err), STS_EUNSUPPORTED);
    ck_assert_int_eq(sts_error_code(err), STS_EUNSUPPORTED);
    ck_assert_str_eq(sts_error_message(err), "format \"encode-only\" can only encode");
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_error_free(err);
    /* a table that claims decode without a function is refused at add */
    sts_serializer liar = eo;
    liar.name = "liar";
    liar.flags |= STS_SERIALIZER_DECODE;
    err = NULL;
    ck_assert_int_eq(sts_registry_add(r, &liar, &err), STS_EINVAL);
    sts_error_free(err);
    sts_doclist_free(l);
    sts_registry_free(r);
}
END_TEST

/* ---- the flat format ------------------------------------------------------ */

START_TEST(flat_encodes_documented_form)
{
    sts_registry *r = registry_with_flat();
    sts_doc *d;
    sts_node *root, *meta, *labels, *spec, *cs, *c, *empty_m, *empty_s, *n;
    sts_doc_new(&d);
    sts_doc_new_map(&root, d);
    sts_doc_new_map(&meta, d);
    sts_doc_new_map(&labels, d);
    sts_doc_new_map(&spec, d);
    sts_doc_new_seq(&cs, d);
    sts_doc_new_map(&c, d);
    sts_doc_new_map(&empty_m, d);
    sts_doc_new_seq(&empty_s, d);
    set(root, "kind", 4, s_(d, "StatefulSet", 11));
    set(labels, "app.kubernetes.io/name", 22, s_(d, "web", 3));
    set(labels, "tier", 4, s_(d, "a \"b\"\n", 6));
    set(meta, "labels", 6, labels);
    set(root, "metadata", 8, meta);
    set(c, "image", 5, s_(d, "nginx", 5));
    sts_doc_new_bool(&n, d, 1);
    set(c, "stdin", 5, n);
    sts_doc_new_null(&n, d);
    set(c, "args", 4, n);
    sts_doc_new_float(&n, d, 0.5);
    set(c, "f", 1, n);
    sts_doc_new_float(&n, d, 2.0);
    set(c, "g", 1, n);
    set(c, "env", 3, empty_s);
    sts_node_seq_append(cs, c);
    set(spec, "containers", 10, cs);
    set(spec, "selector", 8, empty_m);
    sts_doc_new_int(&n, d, -3);
    set(spec, "replicas", 8, n);
    set(root, "spec", 4, spec);
    sts_buf out = to_flat(r, root, STS_ENCODE_ORIGINAL);
    ck_assert_str_eq(out.data,
                     "kind = \"StatefulSet\"\n"
                     "metadata.labels[\"app.kubernetes.io/name\"] = \"web\"\n"
                     "metadata.labels.tier = \"a \\\"b\\\"\\n\"\n"
                     "spec.containers[0].image = \"nginx\"\n"
                     "spec.containers[0].stdin = true\n"
                     "spec.containers[0].args = null\n"
                     "spec.containers[0].f = 0.5\n"
                     "spec.containers[0].g = 2.0\n"
                     "spec.containers[0].env = []\n"
                     "spec.selector = {}\n"
                     "spec.replicas = -3\n");
    sts_buf_dispose(&out);
    /* kubectl style: keys sorted by their bytes, at every level */
    out = to_flat(r, spec, STS_ENCODE_KUBECTL);
    ck_assert_str_eq(out.data,
                     "containers[0].args = null\n"
                     "containers[0].env = []\n"
                     "containers[0].f = 0.5\n"
                     "containers[0].g = 2.0\n"
                     "containers[0].image = \"nginx\"\n"
                     "containers[0].stdin = true\n"
                     "replicas = -3\n"
                     "selector = {}\n");
    sts_buf_dispose(&out);
    /* a scalar root has the empty path */
    out = to_flat(r, n, STS_ENCODE_ORIGINAL);
    ck_assert_str_eq(out.data, "= -3\n");
    sts_buf_dispose(&out);
    sts_doc_free(d);
    sts_registry_free(r);
}
END_TEST

/* Decode @p text as flat; returns the list (caller frees). */
static sts_doclist *from_flat(const sts_registry *r, const char *text)
{
    sts_doclist *l;
    sts_error *err = NULL;
    sts_doclist_new(&l);
    int rc = sts_decode(l, r, "flat", text, strlen(text), NULL, &err);
    if (rc)
        ck_abort_msg("decode failed: %d %s line %u col %u", rc, err ? sts_error_message(err) : "",
                     sts_error_line(err), sts_error_column(err));
    return l;
}

START_TEST(flat_round_trips_every_kind_of_node)
{
    sts_registry *r = registry_with_flat();
    sts_doc *d;
    sts_node *root, *m, *s, *inner, *n;
    sts_doc_new(&d);
    sts_doc_new_map(&root, d);
    const char *keys[] = {"", "a b", "x=y", "#hash", "-dash", "quo\"te", "back\\slash",
                          "tab\there", "new\nline", "dot.ted", "[br]", "\xc3\xa9t\xc3\xa9", "---"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        sts_doc_new_int(&n, d, (int64_t)i);
        set(root, keys[i], strlen(keys[i]), n);
    }
    sts_doc_new_map(&m, d);
    sts_doc_new_seq(&s, d);
    sts_doc_new_seq(&inner, d);
    sts_node_seq_append(s, inner); /* [[]] */
    sts_doc_new_seq(&inner, d);
    sts_doc_new_map(&n, d);
    sts_node_seq_append(inner, n); /* [{}] */
    sts_doc_new_int(&n, d, INT64_MIN);
    sts_node_seq_append(inner, n);
    sts_doc_new_int(&n, d, INT64_MAX);
    sts_node_seq_append(inner, n);
    sts_node_seq_append(s, inner);
    set(m, "nested", 6, s);
    double floats[] = {0.1, 1e300, -2.5e-300, 3.0, 1e21, 123456789.125};
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
        sts_doc_new_float(&n, d, floats[i]);
        sts_node_seq_append(s, n);
    }
    sts_doc_new_bool(&n, d, 0);
    sts_node_seq_append(s, n);
    sts_doc_new_null(&n, d);
    sts_node_seq_append(s, n);
    static const char ctl[] = "\x01\x1f\x7f \xe2\x82\xac \xf0\x9f\x98\x80 \\ / \"";
    sts_node_seq_append(s, s_(d, ctl, sizeof ctl - 1));
    sts_node_seq_append(s, s_(d, "", 0));
    set(root, "m", 1, m);
    sts_buf out = to_flat(r, root, STS_ENCODE_ORIGINAL);
    sts_doclist *l = from_flat(r, out.data);
    ck_assert_uint_eq(sts_doclist_count(l), 1);
    const sts_node *back = sts_doc_root(sts_doclist_at(l, 0));
    ck_assert_msg(sts_node_equal(root, back), "round trip differs:\n%s", out.data);
    /* types survive exactly: 3.0 stays a float, INT64_MIN an int */
    const sts_node *f3 = sts_node_seq_at(sts_node_map_get(sts_node_map_get(back, "m", 1),
                                                          "nested", 6), 5);
    ck_assert_int_eq(sts_node_get_type(f3), STS_NODE_FLOAT);
    /* and the encoding of the decoded tree is the same text */
    sts_buf again = to_flat(r, back, STS_ENCODE_ORIGINAL);
    ck_assert_str_eq(again.data, out.data);
    sts_buf_dispose(&again);
    sts_buf_dispose(&out);
    sts_doclist_free(l);
    sts_doc_free(d);
    sts_registry_free(r);
}
END_TEST

START_TEST(flat_decodes_streams_comments_and_json_forms)
{
    sts_registry *r = registry_with_flat();
    sts_doclist *l = from_flat(r,
                               "# a comment\r\n"
                               "\n"
                               "kind = \"Service\"\r\n"
                               "spec.ports[0].port = 80\n"
                               "spec.ports[0].name = \"web\"\n"
                               "spec.ports[1].port = 1e3\n"
                               "spec.big = 9223372036854775808\n"
                               "spec.s = \"\\u00e9\\ud83d\\ude00\\/\"\n"
                               "spec.e = {  }\n"
                               "---\n"
                               "---\n"
                               "= \"scalar doc\"\n"
                               "---   \n"
                               "a=1\n");
    ck_assert_uint_eq(sts_doclist_count(l), 3);
    const sts_node *root = sts_doc_root(sts_doclist_at(l, 0));
    sts_node *n = NULL;
    int64_t i;
    double f;
    const char *s;
    size_t len;
    ck_assert_int_eq(sts_node_find(&n, root, "spec.ports[0].port", 18, NULL), 0);
    ck_assert_int_eq(sts_node_get_int(&i, n), 0);
    ck_assert_int_eq(i, 80);
    ck_assert_uint_eq(sts_node_line(n), 4);
    ck_assert_uint_eq(sts_node_column(n), 22);
    ck_assert_int_eq(sts_node_find(&n, root, "spec.ports[1].port", 18, NULL), 0);
    ck_assert_int_eq(sts_node_get_type(n), STS_NODE_FLOAT);
    /* beyond int64: a float, as Kubernetes reads such numbers */
    ck_assert_int_eq(sts_node_find(&n, root, "spec.big", 8, NULL), 0);
    ck_assert_int_eq(sts_node_get_float(&f, n), 0);
    ck_assert_int_eq(sts_node_get_type(n), STS_NODE_FLOAT);
    ck_assert_int_eq(sts_node_find(&n, root, "spec.s", 6, NULL), 0);
    ck_assert_int_eq(sts_node_get_string(&s, &len, n), 0);
    ck_assert_str_eq(s, "\xc3\xa9\xf0\x9f\x98\x80/");
    ck_assert_int_eq(sts_node_find(&n, root, "spec.e", 6, NULL), 0);
    ck_assert_int_eq(sts_node_get_type(n), STS_NODE_MAP);
    ck_assert_uint_eq(sts_node_count(n), 0);
    root = sts_doc_root(sts_doclist_at(l, 1));
    ck_assert_int_eq(sts_node_get_string(&s, &len, root), 0);
    ck_assert_str_eq(s, "scalar doc");
    root = sts_doc_root(sts_doclist_at(l, 2));
    ck_assert_int_eq(sts_node_get_int(&i, sts_node_map_get(root, "a", 1)), 0);
    sts_doclist_free(l);
    sts_registry_free(r);
}
END_TEST

START_TEST(flat_round_trips_nginx_example)
{
    sts_registry *r = registry_with_flat();
    size_t len;
    char *yaml = tu_read_file(tu_data("../../examples/nginx.yaml"), &len);
    sts_doclist *docs;
    sts_doclist_new(&docs);
    sts_error *err = NULL;
    int rc = sts_decode(docs, r, "yaml", yaml, len, NULL, &err);
    ck_assert_msg(rc == 0, "yaml decode: %s", err ? sts_error_message(err) : "");
    ck_assert_uint_eq(sts_doclist_count(docs), 2);
    const sts_node *roots[2] = {sts_doc_root(sts_doclist_at(docs, 0)),
                                sts_doc_root(sts_doclist_at(docs, 1))};
    sts_buf out = STS_BUF_INIT;
    ck_assert_int_eq(sts_encode(&out, r, "flat", roots, 2, NULL, NULL), 0);
    /* the lines a reader greps for */
    ck_assert_ptr_nonnull(strstr(out.data, "apiVersion = \"v1\"\nkind = \"Service\"\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\nspec.clusterIP = \"None\"\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\nspec.ports[0].port = 80\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\n---\napiVersion = \"apps/v1\"\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "\nspec.replicas = 3\n"));
    ck_assert_ptr_nonnull(strstr(
        out.data, "\nspec.template.spec.containers[0].image = \"registry.k8s.io/nginx-slim:0.24\"\n"));
    ck_assert_ptr_nonnull(strstr(
        out.data, "\nspec.volumeClaimTemplates[0].spec.accessModes[0] = \"ReadWriteOnce\"\n"));
    ck_assert_ptr_nonnull(strstr(
        out.data, "\nspec.volumeClaimTemplates[0].spec.resources.requests.storage = \"1Gi\"\n"));
    sts_doclist *back = from_flat(r, out.data);
    ck_assert_uint_eq(sts_doclist_count(back), 2);
    for (size_t i = 0; i < 2; i++)
        ck_assert(sts_node_equal(roots[i], sts_doc_root(sts_doclist_at(back, i))));
    sts_buf_dispose(&out);
    sts_doclist_free(back);
    sts_doclist_free(docs);
    free(yaml);
    sts_registry_free(r);
}
END_TEST

/* One malformed input: code, message, path, line, column; nothing decoded. */
static void bad(const sts_registry *r, const char *text, int code, const char *message,
                const char *path, uint32_t line, uint32_t column)
{
    sts_doclist *l;
    sts_doclist_new(&l);
    sts_error *err = NULL;
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.source_name = "m.flat";
    int rc = sts_decode(l, r, "flat", text, strlen(text), &o, &err);
    ck_assert_msg(rc == code, "%s: rc %d, want %d", text, rc, code);
    ck_assert_ptr_nonnull(err);
    ck_assert_int_eq(sts_error_code(err), code);
    ck_assert_str_eq(sts_error_message(err), message);
    ck_assert_str_eq(sts_error_path(err), path);
    ck_assert_str_eq(sts_error_source(err), "m.flat");
    ck_assert_msg(sts_error_line(err) == line && sts_error_column(err) == column,
                  "%s: at %u:%u, want %u:%u", text, sts_error_line(err), sts_error_column(err),
                  line, column);
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_error_free(err);
    sts_doclist_free(l);
}

START_TEST(flat_decode_errors)
{
    sts_registry *r = registry_with_flat();
    bad(r, "a = 1\nb =\n", STS_EPARSE, "missing value after '='", "b", 2, 4);
    bad(r, "a = 1\na = 2\n", STS_EPARSE, "duplicate field: already set on line 1", "a", 2, 1);
    bad(r, "x.a.b = 1\nx.a[0] = 2\n", STS_EPARSE,
        "conflicts with line 1, where x.a is a map, not a list", "x.a[0]", 2, 4);
    bad(r, "a = 1\na.b = 2\n", STS_EPARSE,
        "conflicts with line 1, where a is a scalar, not a map", "a.b", 2, 3);
    bad(r, "a = 1\n[0] = 2\n", STS_EPARSE,
        "conflicts with line 1, where the document is a map, not a list", "[0]", 2, 1);
    bad(r, "---\n\nl[1] = 1\n", STS_EPARSE, "list index 1 skips ahead: the list has 0 items so far",
        "l[1]", 3, 2);
    bad(r, "a = {\"b\": 1}\n", STS_EPARSE,
        "only an empty {} or [] can be a value: write one line per leaf", "a", 1, 6);
    bad(r, "a = tru\n", STS_EPARSE, "expected a JSON value", "a", 1, 5);
    bad(r, "a = 012\n", STS_EPARSE, "leading zeros are not allowed in JSON numbers", "a", 1, 6);
    bad(r, "a = \"x\n", STS_EPARSE, "unterminated string", "a", 1, 7);
    bad(r, "a = \"\\q\"\n", STS_EPARSE, "unknown escape in string", "a", 1, 7);
    bad(r, "a = \"\\ud800\"\n", STS_EPARSE, "unpaired high surrogate in \\u escape", "a", 1, 12);
    bad(r, "a = 1 2\n", STS_EPARSE, "unexpected text after the value", "a", 1, 7);
    bad(r, "a 1\n", STS_EPARSE, "expected '=' after the field path", "a", 1, 3);
    bad(r, "a..b = 1\n", STS_EPARSE, "empty key in the field path", "", 1, 3);
    bad(r, "a[x] = 1\n", STS_EPARSE, "expected a list index or a quoted key after '['", "", 1, 3);
    bad(r, "a[\"k\" = 1\n", STS_EPARSE, "expected ']'", "", 1, 6);
    bad(r, "  a = 1\n", STS_EPARSE, "a line must start with its field path", "", 1, 3);
    bad(r, "= 1\n= 2\n", STS_EPARSE, "duplicate value for the document root (line 1)", "", 2, 1);
    sts_registry_free(r);
}
END_TEST

START_TEST(flat_decode_limits)
{
    sts_registry *r = registry_with_flat();
    sts_doclist *l;
    sts_doclist_new(&l);
    sts_error *err = NULL;
    sts_decode_opts o = STS_DECODE_OPTS_INIT;
    o.max_depth = 3;
    const char *deep = "a.b.c = 1\na.b.c.d = 1\n";
    ck_assert_int_eq(sts_decode(l, r, "flat", deep, strlen(deep), &o, &err), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err), "path exceeds the limit max_depth (3 levels)");
    ck_assert_uint_eq(sts_error_line(err), 2);
    sts_error_free(err);
    err = NULL;
    o = (sts_decode_opts)STS_DECODE_OPTS_INIT;
    o.max_nodes = 4;
    const char *wide = "a = 1\nb = 2\nc = 3\nd = 4\n";
    ck_assert_int_eq(sts_decode(l, r, "flat", wide, strlen(wide), &o, &err), STS_ELIMIT);
    ck_assert_str_eq(sts_error_message(err), "document exceeds the limit max_nodes (4 nodes)");
    ck_assert_uint_eq(sts_error_line(err), 4);
    sts_error_free(err);
    err = NULL;
    o = (sts_decode_opts)STS_DECODE_OPTS_INIT;
    o.max_scalar_size = 4;
    const char *big = "a = \"abcd\"\nb = \"abcde\"\n";
    ck_assert_int_eq(sts_decode(l, r, "flat", big, strlen(big), &o, &err), STS_ELIMIT);
    ck_assert_uint_eq(sts_error_line(err), 2);
    sts_error_free(err);
    err = NULL;
    o = (sts_decode_opts)STS_DECODE_OPTS_INIT;
    o.max_documents = 2;
    const char *many = "a = 1\n---\na = 2\n---\na = 3\n";
    ck_assert_int_eq(sts_decode(l, r, "flat", many, strlen(many), &o, &err), STS_ELIMIT);
    ck_assert_uint_eq(sts_error_line(err), 5);
    sts_error_free(err);
    ck_assert_uint_eq(sts_doclist_count(l), 0);
    sts_doclist_free(l);
    sts_registry_free(r);
}
END_TEST

/* A map with many keys must decode in about linear time. */
START_TEST(flat_decode_wide_map_is_fast)
{
    sts_registry *r = registry_with_flat();
    sts_buf in = STS_BUF_INIT;
    char line[64];
    for (int i = 0; i < 200000; i++) {
        int n = snprintf(line, sizeof line, "k%d = %d\n", i, i);
        ck_assert_int_eq(sts_buf_append(&in, line, (size_t)n), 0);
    }
    sts_doclist *l = from_flat(r, in.data);
    ck_assert_uint_eq(sts_node_count(sts_doc_root(sts_doclist_at(l, 0))), 200000);
    sts_doclist_free(l);
    sts_buf_dispose(&in);
    sts_registry_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plugins");
    TCase *load = tcase_create("load");
    tcase_add_test(load, flat_loads_and_registers);
    tcase_add_test(load, flat_refuses_other_abi_versions);
    tcase_add_test(load, load_wrong_path);
    tcase_add_test(load, load_without_entry_point);
    tcase_add_test(load, load_plugin_returning_eversion);
    tcase_add_test(load, load_plugin_with_bad_table_version);
    tcase_add_test(load, duplicate_names_refused);
    tcase_add_test(load, encode_only_refuses_decode);
    suite_add_tcase(s, load);
    TCase *flat = tcase_create("flat");
    tcase_add_test(flat, flat_encodes_documented_form);
    tcase_add_test(flat, flat_round_trips_every_kind_of_node);
    tcase_add_test(flat, flat_decodes_streams_comments_and_json_forms);
    tcase_add_test(flat, flat_decode_errors);
    tcase_add_test(flat, flat_decode_limits);
    tcase_add_test(flat, flat_decode_wide_map_is_fast);
    tcase_add_test(flat, flat_round_trips_nginx_example);
    suite_add_tcase(s, flat);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
