/* Shared body of the libFuzzer targets: decode hostile bytes with tight
 * limits, then push whatever decoded through every encoder and back.
 *
 * Invariants checked (abort = a finding):
 *  - nothing crashes, leaks, hangs or trips UBSan (the sanitizers' job);
 *  - a failed decode leaves the output list untouched;
 *  - our own output (JSON and YAML, both styles) always decodes again, and
 *    after one encode+decode pass the trees are a fixed point.
 */
#ifndef STS_FUZZ_COMMON_H
#define STS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int fuzz_encode(sts_buf *out, const sts_node **roots, size_t n, const char *fmt,
                       uint32_t style, sts_error **err)
{
    sts_encode_opts eo;
    sts_encode_opts_init(&eo);
    eo.style = style;
    return sts_encode(out, fuzz_reg, fmt, roots, n, &eo, err);
}

/* Roots that are not null. A null document is dropped by the YAML reader,
 * as kubectl drops it, so counts only hold for the others. */
static const sts_node **fuzz_roots(const sts_doclist *docs, size_t *count)
{
    size_t n = sts_doclist_count(docs), k = 0;
    const sts_node **roots = calloc(n ? n : 1, sizeof *roots);
    for (size_t i = 0; roots && i < n; i++) {
        const sts_node *r = sts_doc_root(sts_doclist_at(docs, i));
        if (r && sts_node_get_type(r) != STS_NODE_NULL)
            roots[k++] = r;
    }
    *count = k;
    return roots;
}

static sts_doclist *fuzz_redecode(const char *fmt, const sts_buf *out, size_t n)
{
    sts_decode_opts dopts;
    sts_doclist *back = NULL;
    sts_error *err = NULL;
    int rc;
    fuzz_opts(&dopts);
    dopts.max_input_size = 0; /* defaults: output may be bigger than input */
    dopts.max_scalar_size = 0;
    dopts.max_alias_expansion = 0;
    dopts.max_nodes = 0;
    dopts.flags = STS_DECODE_KEEP_LISTS;
    if (sts_doclist_new(&back) != 0)
        abort();
    rc = sts_decode(back, fuzz_reg, fmt, out->data ? out->data : "", out->len, &dopts, &err);
    if (rc != 0) {
        fprintf(stderr, "output:\n%.*s\n", (int)out->len, out->data ? out->data : "");
        fuzz_fail("our own output does not decode", rc, err);
    }
    size_t m;
    free(fuzz_roots(back, &m));
    if (m != n)
        fuzz_fail("re-decoded document count differs", 0, NULL);
    return back;
}

/* @p docs encode to exactly @p want */
static int same_encoding(const sts_doclist *docs, const char *fmt, uint32_t style,
                         const sts_buf *want)
{
    size_t n;
    const sts_node **roots = fuzz_roots(docs, &n);
    sts_buf out = STS_BUF_INIT;
    int same = roots && fuzz_encode(&out, roots, n, fmt, style, NULL) == 0 &&
               out.len == want->len && (!out.len || memcmp(out.data, want->data, out.len) == 0);
    sts_buf_dispose(&out);
    free(roots);
    return same;
}

/*
 * Encode the trees with @p fmt and @p style and decode that output (t1),
 * then encode and decode t1 again (t2): our own output must always decode,
 * and after one pass the trees must be a fixed point (t2 == t1). The first
 * pass may normalise, as kubectl does: invalid UTF-8 (e.g. from a YAML
 * !!binary) becomes U+FFFD in JSON.
 */
static void fuzz_reencode(const sts_doclist *docs, const char *fmt, uint32_t style)
{
    size_t n, n1;
    const sts_node **roots = fuzz_roots(docs, &n), **roots1 = NULL;
    sts_buf out = STS_BUF_INIT, out2 = STS_BUF_INIT;
    sts_doclist *t1 = NULL, *t2 = NULL;
    sts_error *err = NULL;
    int rc;

    if (!roots)
        return;
    /* an encoder may refuse a tree (e.g. a non-string map key in JSON) */
    rc = fuzz_encode(&out, roots, n, fmt, style, &err);
    if (rc == 0) {
        t1 = fuzz_redecode(fmt, &out, n);
        roots1 = fuzz_roots(t1, &n1);
        if (roots1) {
            size_t n2;
            const sts_node **roots2 = NULL;
            rc = fuzz_encode(&out2, roots1, n, fmt, style, &err);
            if (rc != 0)
                fuzz_fail("re-encoding our own output failed", rc, err);
            t2 = fuzz_redecode(fmt, &out2, n);
            roots2 = fuzz_roots(t2, &n2);
            for (size_t i = 0; roots2 && i < n; i++) {
                if (!sts_node_equal(roots1[i], roots2[i]) &&
                    !same_encoding(t2, fmt, style, &out2)) { /* NaN != NaN */
                    fprintf(stderr, "first:\n%.*s\nsecond:\n%.*s\n", (int)out.len,
                            out.data ? out.data : "", (int)out2.len, out2.data ? out2.data : "");
                    fuzz_fail("encode+decode is not a fixed point", 0, NULL);
                }
            }
            free(roots2);
        }
        free(roots1);
        sts_doclist_free(t2);
        sts_doclist_free(t1);
    }
    sts_error_free(err);
    sts_buf_dispose(&out);
    sts_buf_dispose(&out2);
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
        fuzz_reencode(docs, "json", STS_ENCODE_ORIGINAL);
        fuzz_reencode(docs, "json", STS_ENCODE_KUBECTL);
        fuzz_reencode(docs, "yaml", STS_ENCODE_ORIGINAL);
        fuzz_reencode(docs, "yaml", STS_ENCODE_KUBECTL);
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
