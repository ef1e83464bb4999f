/* Shared body of the libFuzzer targets: decode hostile bytes with tight
 * limits, then push whatever decoded through every encoder and back.
 *
 * Invariants checked (abort = a finding):
 *  - nothing crashes, leaks, hangs or trips UBSan (the sanitizers' job);
 *  - a failed decode leaves the output list untouched;
 *  - our own JSON output always decodes again, to an equal tree;
 *  - our own YAML output (both styles) always decodes again.
 */
#ifndef STS_FUZZ_COMMON_H
#define STS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <statefulset/statefulset.h>

static sts_registry *fuzz_reg;

static void fuzz_opts(sts_decode_opts *o)
{
    sts_decode_opts_init(o);
    o->source_name = "fuzz";
    o->max_depth = 64;
    o->max_input_size = 1u << 20;
    o->max_scalar_size = 16u << 10;
    o->max_alias_expansion = 10000;
    o->max_nodes = 100000;
    o->max_documents = 64;
}

static void fuzz_fail(const char *what, int rc, sts_error *err)
{
    sts_buf msg = STS_BUF_INIT;
    sts_error_format(&msg, err);
    fprintf(stderr, "FUZZ INVARIANT: %s (%s): %s\n", what, sts_status_name(rc),
            msg.data ? msg.data : "");
    abort();
}

/* encode the trees with @p fmt and @p style, decode the result again */
static void fuzz_reencode(const sts_doclist *docs, const char *fmt, uint32_t style, int must_equal)
{
    size_t n = sts_doclist_count(docs);
    const sts_node **roots = calloc(n ? n : 1, sizeof *roots);
    sts_encode_opts eo;
    sts_decode_opts dopts;
    sts_buf out = STS_BUF_INIT;
    sts_doclist *back = NULL;
    sts_error *err = NULL;
    int rc;

    if (!roots)
        return;
    for (size_t i = 0; i < n; i++)
        roots[i] = sts_doc_root(sts_doclist_at(docs, i));
    sts_encode_opts_init(&eo);
    eo.style = style;
    rc = sts_encode(&out, fuzz_reg, fmt, roots, n, &eo, &err);
    /* an encoder may refuse a tree (e.g. a non-string map key in JSON) */
    if (rc == 0) {
        fuzz_opts(&dopts);
        dopts.max_input_size = 64u << 20; /* output may be bigger than input */
        dopts.max_scalar_size = 64u << 20;
        dopts.max_alias_expansion = 0;    /* default */
        dopts.max_nodes = 0;
        dopts.flags = STS_DECODE_KEEP_LISTS;
        if (sts_doclist_new(&back) != 0)
            abort();
        rc = sts_decode(back, fuzz_reg, fmt, out.data ? out.data : "", out.len, &dopts, &err);
        if (rc != 0)
            fuzz_fail(fmt, rc, err);
        if (sts_doclist_count(back) != n)
            fuzz_fail("re-decoded document count differs", 0, NULL);
        for (size_t i = 0; must_equal && i < n; i++) {
            if (!sts_node_equal(roots[i], sts_doc_root(sts_doclist_at(back, i))))
                fuzz_fail("re-decoded tree differs", 0, NULL);
        }
        sts_doclist_free(back);
    }
    sts_error_free(err);
    sts_buf_dispose(&out);
    free(roots);
}

static int fuzz_one(const char *fmt, const uint8_t *data, size_t size)
{
    sts_decode_opts o;
    sts_doclist *docs = NULL;
    sts_object_list *objs = NULL;
    sts_error *err = NULL;
    int rc;

    if (!fuzz_reg && sts_registry_new(&fuzz_reg, 0, NULL) != 0)
        abort();
    fuzz_opts(&o);
    o.flags = STS_DECODE_KEEP_LISTS; /* compare like with like after re-encoding */
    if (sts_doclist_new(&docs) != 0)
        abort();
    rc = sts_decode(docs, fuzz_reg, fmt, (const char *)data, size, &o, &err);
    if (rc != 0) {
        if (sts_doclist_count(docs) != 0)
            fuzz_fail("failed decode appended documents", rc, err);
        if (!err || sts_error_code(err) != rc || !sts_error_message(err))
            fuzz_fail("failed decode without a matching error", rc, err);
    } else {
        fuzz_reencode(docs, "json", STS_ENCODE_ORIGINAL, 1);
        fuzz_reencode(docs, "json", STS_ENCODE_KUBECTL, 1);
        fuzz_reencode(docs, "yaml", STS_ENCODE_ORIGINAL, 0);
        fuzz_reencode(docs, "yaml", STS_ENCODE_KUBECTL, 0);
    }
    sts_error_free(err);
    err = NULL;
    sts_doclist_free(docs);

    /* typed path: List expansion, object checks */
    fuzz_opts(&o);
    rc = sts_load(&objs, fuzz_reg, fmt, (const char *)data, size, &o, &err);
    if (rc == 0) {
        sts_buf out = STS_BUF_INIT;
        sts_error *e2 = NULL;
        (void)sts_dump(&out, fuzz_reg, fmt, objs, NULL, &e2);
        sts_error_free(e2);
        sts_buf_dispose(&out);
    }
    sts_object_list_free(objs);
    sts_error_free(err);
    return 0;
}

#endif
