/* sts-same [--kind KIND] A B: do two files hold the same documents?
 *
 * Test helper for the CLI tests: decodes both files (any registered format,
 * `kind: List` expanded), keeps the documents of KIND if given, and compares
 * them pairwise with sts_node_equal() (types and values; key order, styles
 * and positions ignored). Exit 0 same, 1 different (the first differing
 * field path on stderr), 2 error. Public API only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int load(sts_doclist **out, const sts_registry *reg, const char *path)
{
    size_t len = 0;
    char *data = read_all(path, &len);
    if (!data) {
        perror(path);
        return 2;
    }
    sts_decode_opts opts = STS_DECODE_OPTS_INIT;
    opts.source_name = path;
    sts_error *err = NULL;
    int rc = sts_doclist_new(out);
    rc = rc ? rc : sts_decode(*out, reg, NULL, data, len, &opts, &err);
    free(data);
    if (rc) {
        sts_buf b = STS_BUF_INIT;
        for (const sts_error *e = err; e; e = sts_error_next(e)) {
            b.len = 0;
            if (sts_error_format(&b, e) == 0)
                fprintf(stderr, "%s\n", b.data);
        }
        sts_buf_dispose(&b);
        sts_error_free(err);
        return 2;
    }
    return 0;
}

static int is_kind(const sts_doc *d, const char *kind)
{
    const char *k;
    size_t len;
    if (!kind)
        return 1;
    if (sts_node_get_string(&k, &len, sts_node_map_get(sts_doc_root(d), "kind", 4)))
        return 0;
    return len == strlen(kind) && memcmp(k, kind, len) == 0;
}

static size_t next_of_kind(const sts_doclist *l, size_t i, const char *kind)
{
    while (i < sts_doclist_count(l) && !is_kind(sts_doclist_at(l, i), kind))
        i++;
    return i;
}

/* Print where two unequal trees first differ. */
static void explain(const sts_node *a, const sts_node *b, const sts_node *root_a)
{
    if (sts_node_get_type(a) == STS_NODE_MAP && sts_node_get_type(b) == STS_NODE_MAP) {
        for (size_t i = 0; i < sts_node_count(a); i++) {
            const char *k;
            size_t kl;
            sts_node_get_string(&k, &kl, sts_node_map_key_at(a, i));
            const sts_node *vb = sts_node_map_get(b, k, kl);
            if (!vb || !sts_node_equal(sts_node_map_value_at(a, i), vb)) {
                if (vb) {
                    explain(sts_node_map_value_at(a, i), vb, root_a);
                    return;
                }
                break;
            }
        }
    } else if (sts_node_get_type(a) == STS_NODE_SEQ && sts_node_get_type(b) == STS_NODE_SEQ &&
               sts_node_count(a) == sts_node_count(b)) {
        for (size_t i = 0; i < sts_node_count(a); i++)
            if (!sts_node_equal(sts_node_seq_at(a, i), sts_node_seq_at(b, i))) {
                explain(sts_node_seq_at(a, i), sts_node_seq_at(b, i), root_a);
                return;
            }
    }
    sts_buf p = STS_BUF_INIT;
    if (sts_node_path(&p, root_a, a) == 0)
        fprintf(stderr, "sts-same: first difference at '%s' (line %u of the first file)\n",
                p.data ? p.data : "", sts_node_line(a));
    sts_buf_dispose(&p);
}

int main(int argc, char **argv)
{
    const char *kind = NULL;
    int i = 1;
    if (argc == 5 && strcmp(argv[1], "--kind") == 0) {
        kind = argv[2];
        i = 3;
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: sts-same [--kind KIND] A B\n");
        return 2;
    }
    sts_registry *reg = NULL;
    sts_doclist *a = NULL, *b = NULL;
    int status = sts_registry_new(&reg, 0, NULL) ? 2 : 0;
    /* a plugin format (flat) to compare, from the environment */
    const char *plugin = getenv("STS_SAME_PLUGIN");
    if (!status && plugin && plugin[0] && sts_registry_load_plugin(reg, plugin, NULL)) {
        fprintf(stderr, "sts-same: cannot load %s\n", plugin);
        status = 2;
    }
    if (!status)
        status = load(&a, reg, argv[i]);
    if (!status)
        status = load(&b, reg, argv[i + 1]);
    size_t ia = 0, ib = 0, n = 0;
    while (!status) {
        ia = next_of_kind(a, ia, kind);
        ib = next_of_kind(b, ib, kind);
        if (ia >= sts_doclist_count(a) || ib >= sts_doclist_count(b)) {
            if (ia < sts_doclist_count(a) || ib < sts_doclist_count(b)) {
                fprintf(stderr, "sts-same: %s has more documents\n",
                        ia < sts_doclist_count(a) ? argv[i] : argv[i + 1]);
                status = 1;
            }
            break;
        }
        const sts_node *ra = sts_doc_root(sts_doclist_at(a, ia));
        const sts_node *rb = sts_doc_root(sts_doclist_at(b, ib));
        if (!sts_node_equal(ra, rb)) {
            fprintf(stderr, "sts-same: document %zu differs\n", n + 1);
            explain(ra, rb, ra);
            status = 1;
        }
        ia++, ib++, n++;
    }
    if (!status && n == 0) {
        fprintf(stderr, "sts-same: no documents%s%s to compare\n", kind ? " of kind " : "",
                kind ? kind : "");
        status = 1;
    }
    sts_doclist_free(a);
    sts_doclist_free(b);
    sts_registry_free(reg);
    return status;
}
