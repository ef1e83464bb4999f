/* JSON decoding: json-c parses each value of the stream, then one walk
 * converts its tree into an sts tree while reading positions off the text
 * (a large value goes through json_chunk.c instead).
 * Several values in a row (JSON lines, concatenated objects) are several
 * documents, as Kubernetes' YAML-or-JSON reader takes them. */
#include <limits.h>
#include <string.h>

#include <json-c/json.h>

#include "json_private.h"

/* The first bracket nested deeper than the limit, for json-c's depth error. */
static const char *find_too_deep(const char *p, const char *end, uint32_t max_depth)
{
    uint32_t depth = 0;
    for (; p < end; p++) {
        char ch = *p;
        if (ch == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\')
                    p++;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth)
                return p;
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return end;
}

static int parse_error(sts_json_ctx *x, const char *start, const sts_json_parsed *r)
{
    const char *at = start + r->err_off;
    uint32_t line, col;
    if (r->e == (int)json_tokener_error_depth) {
        at = find_too_deep(start, x->c.end, x->max_depth);
        sts__json_locate(&x->c, at, &line, &col);
        return sts__err_at(x->err, STS_ELIMIT, line, col, (uint64_t)(at - x->c.base), NULL,
                           "nesting depth exceeds the limit max_depth (%u)", x->max_depth);
    }
    const char *msg = json_tokener_error_desc((enum json_tokener_error)r->e);
    /* json-c stops at a NUL byte as if the input ended there */
    const char *nul = memchr(start, 0, (size_t)(at - start) + (at < x->c.end));
    if (nul && nul <= at) {
        at = nul;
        msg = "invalid NUL byte";
    }
    sts__json_locate(&x->c, at, &line, &col);
    return sts__err_at(x->err, STS_EPARSE, line, col, (uint64_t)(at - x->c.base), NULL, "%s",
                       msg);
}

/* One document from json-c's value, whose text is [x->c.p, x->c.end). */
static int convert_doc(sts_json_ctx *x, json_object *o, sts_doc **out)
{
    const sts_json_cur start = x->c;
    sts_node *root = NULL;
    x->nodes = 0;
    x->repaired = false;
    if (!(x->arena = sts__arena_new()))
        return sts__err(x->err, STS_ENOMEM, "out of memory");
    int rc = sts__json_convert(x, o, &root, 0);
    if (!rc) {
        sts__json_skip_ws(&x->c);
        if (x->c.p != x->c.end)
            rc = STS_JSON_MISMATCH;
    }
    if (rc == STS_JSON_MISMATCH) {
        /* start over on a clean arena, letting the text decide */
        sts__arena_unref(x->arena);
        x->arena = sts__arena_new();
        x->c = start;
        x->nodes = 0;
        rc = x->arena ? sts__json_validate(x, 0) : STS_ENOMEM;
        if (!rc) {
            x->c = start;
            rc = sts__json_convert_careful(x, o, &root, 0);
        }
        if (rc == STS_JSON_MISMATCH)
            rc = sts__err_at(x->err, STS_EPARSE, start.line, sts__json_col(&start, start.p),
                             (uint64_t)(start.p - start.base), NULL,
                             "JSON value could not be matched with its text");
    }
    if (!rc && x->repaired)
        rc = sts__json_dedupe_repaired(x, root);
    sts_doc *doc = NULL;
    if (!rc && !(doc = sts__doc_new_in(x->arena, root)))
        rc = STS_ENOMEM;
    sts__arena_unref(x->arena); /* the document holds its own reference */
    x->arena = NULL;
    if (rc == STS_ENOMEM)
        sts__err(x->err, STS_ENOMEM, "out of memory");
    *out = doc;
    return rc;
}

/* A document too large for one json-c tree, in chunks. Nonzero: it must
 * be decoded whole (the cursor is back at its start). */
static int chunked_doc(sts_json_ctx *x, json_tokener *tok, size_t window, sts_doc **out)
{
    const sts_json_cur start = x->c;
    sts_node *root = NULL;
    x->nodes = 0;
    if (!(x->arena = sts__arena_new()))
        return STS_ENOMEM;
    x->repaired = false;
    int rc = sts__json_convert_chunked(x, tok, window, &root);
    if (!rc && x->repaired)
        rc = 1; /* decoded whole, where repaired keys are checked */
    sts_doc *doc = NULL;
    if (!rc && !(doc = sts__doc_new_in(x->arena, root)))
        rc = STS_ENOMEM;
    sts__arena_unref(x->arena);
    x->arena = NULL;
    if (rc)
        x->c = start;
    *out = doc;
    return rc;
}

static int json_decode(void *userdata, sts_doclist *out, const char *data, size_t len,
                       const sts_decode_opts *opts, sts_error **err)
{
    (void)userdata;
    return sts__json_decode_window(out, data, len, opts, STS_JSON_CHUNK_WINDOW, err);
}

int sts__json_decode_window(sts_doclist *out, const char *data, size_t len,
                            const sts_decode_opts *opts, size_t window, sts_error **err)
{
    sts_json_ctx x;
    memset(&x, 0, sizeof x);
    x.opts = opts;
    x.err = err;
    x.keep_text = !(opts->flags & STS_DECODE_NO_SOURCE_TEXT);
    x.allow_dups = (opts->flags & STS_DECODE_ALLOW_DUPLICATE_KEYS) != 0;
    x.max_depth = opts->max_depth < STS_JSON_DEPTH_CAP ? opts->max_depth : STS_JSON_DEPTH_CAP;
    x.c.base = x.c.p = x.c.line_start = data;
    x.c.end = data + len;
    x.c.line = 1;

    /* documents go straight into out; on failure they are taken back */
    const size_t first = sts_doclist_count(out);
    json_tokener *tok = json_tokener_new_ex((int)x.max_depth + 1);
    if (!tok)
        return sts__err(err, STS_ENOMEM, "out of memory");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
    int rc = 0;
    const char *end = data + len;
    for (;;) {
        x.c.end = end;
        sts__json_skip_ws(&x.c);
        if (x.c.p == end)
            break;
        if (sts_doclist_count(out) - first >= opts->max_documents) {
            rc = sts__err_at(err, STS_ELIMIT, x.c.line, sts__json_col(&x.c, x.c.p),
                             (uint64_t)(x.c.p - data), NULL,
                             "more documents than the limit max_documents (%u)",
                             opts->max_documents);
            break;
        }
        /* a large container is decoded in chunks; anything else, and a
         * document the chunked walk gives up on, with one json-c tree */
        const bool open = *x.c.p == '{' || *x.c.p == '[';
        sts_json_parsed r;
        sts_doc *doc = NULL;
        sts__json_parse(tok, x.c.p, (size_t)(end - x.c.p), open ? window : SIZE_MAX, &r);
        if (!r.big || chunked_doc(&x, tok, window, &doc)) {
            if (r.big)
                sts__json_parse(tok, x.c.p, (size_t)(end - x.c.p), SIZE_MAX, &r);
            if (!r.ok) {
                rc = parse_error(&x, x.c.p, &r);
                break;
            }
            x.c.end = x.c.p + r.consumed;
            rc = convert_doc(&x, r.obj, &doc);
            json_object_put(r.obj);
            if (rc)
                break;
        }
        if ((rc = sts_doclist_take(out, doc))) {
            sts__err(err, rc, "out of memory");
            break;
        }
    }
    json_tokener_free(tok);
    sts_buf_dispose(&x.scratch);
    sts_buf_dispose(&x.fixbuf);
    while (rc && sts_doclist_count(out) > first) {
        sts_doc *d;
        sts_doclist_steal(&d, out, sts_doclist_count(out) - 1);
        sts_doc_free(d);
    }
    return rc;
}

int sts__json_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                     const sts_encode_opts *opts, sts_error **err);

const sts_serializer sts__json_serializer = {
    STS_SERIALIZER_VERSION,
    STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE,
    "json",
    "application/json",
    "json",
    NULL,
    json_decode,
    sts__json_encode,
    NULL,
};
