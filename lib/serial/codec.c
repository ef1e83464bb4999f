/* Format dispatch, option defaults and `kind: List` expansion, shared by
 * every serializer so plugins get them for free. */
#include <string.h>

#include "../internal.h"

void sts_decode_opts_init(sts_decode_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
    sts__decode_opts_fill(opts, NULL);
}

void sts_encode_opts_init(sts_encode_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
}

/* Copy what the caller's (possibly older, smaller) struct has, then fill defaults. */
void sts__decode_opts_fill(sts_decode_opts *dst, const sts_decode_opts *src)
{
    if (src && src != dst) {
        memset(dst, 0, sizeof *dst);
        size_t n = src->sz < sizeof *dst ? src->sz : sizeof *dst;
        memcpy(dst, src, n);
    }
    dst->sz = sizeof *dst;
    if (!dst->max_depth)
        dst->max_depth = STS_DEFAULT_MAX_DEPTH;
    if (!dst->max_input_size)
        dst->max_input_size = STS_DEFAULT_MAX_INPUT_SIZE;
    if (!dst->max_scalar_size)
        dst->max_scalar_size = STS_DEFAULT_MAX_SCALAR_SIZE;
    if (!dst->max_alias_expansion)
        dst->max_alias_expansion = STS_DEFAULT_MAX_ALIAS_EXPANSION;
    if (!dst->max_nodes)
        dst->max_nodes = STS_DEFAULT_MAX_NODES;
    if (!dst->max_documents)
        dst->max_documents = STS_DEFAULT_MAX_DOCUMENTS;
}

static int is_list_doc(const sts_node *root, const sts_node **items)
{
    const sts_node *kind = sts_node_map_get(root, "kind", 4);
    const char *k;
    size_t klen;
    if (sts_node_get_string(&k, &klen, kind) || klen < 4 || memcmp(k + klen - 4, "List", 4))
        return 0;
    *items = sts_node_map_get(root, "items", 5);
    return sts_node_get_type(*items) == STS_NODE_SEQ;
}

/* Replace each List document by one document per item, sharing memory.
 * Documents are popped from the back (O(1) each) into a reversed list and
 * popped back again, so the order survives and no step moves the array. */
static int expand_lists(sts_doclist *list, sts_error **err)
{
    sts_doclist *rev;
    if (sts_doclist_new(&rev))
        return sts__err(err, STS_ENOMEM, "out of memory");
    int rc = 0;
    while (!rc && sts_doclist_count(list)) {
        sts_doc *d;
        sts_doclist_steal(&d, list, sts_doclist_count(list) - 1);
        const sts_node *items;
        if (!is_list_doc(sts_doc_root(d), &items)) {
            rc = sts_doclist_take(rev, d);
            continue;
        }
        for (size_t j = sts_node_count(items); !rc && j-- > 0;) {
            sts_doc *view;
            rc = sts_doc_new_view(&view, d, sts_node_seq_at(items, j));
            if (!rc)
                rc = sts_doclist_take(rev, view);
        }
        sts_doc_free(d);
    }
    while (!rc && sts_doclist_count(rev)) {
        sts_doc *d;
        sts_doclist_steal(&d, rev, sts_doclist_count(rev) - 1);
        rc = sts_doclist_take(list, d);
    }
    sts_doclist_free(rev); /* on failure the caller discards the list anyway */
    return rc ? sts__err(err, rc, "out of memory") : 0;
}

int sts_decode(sts_doclist *out, const sts_registry *reg, const char *format, const char *data,
               size_t len, const sts_decode_opts *opts, sts_error **err)
{
    return sts__decode_hooked(out, reg, format, data, len, opts, NULL, NULL, err);
}

int sts__decode_hooked(sts_doclist *out, const sts_registry *reg, const char *format,
                       const char *data, size_t len, const sts_decode_opts *opts,
                       sts__doc_hook hook, void *ctx, sts_error **err)
{
    if (!out || !reg || (!data && len))
        return sts__err(err, STS_EINVAL, "no output list, registry or input");
    sts_decode_opts o;
    memset(&o, 0, sizeof o);
    sts__decode_opts_fill(&o, opts);
    const sts_serializer *ser = format ? sts_registry_find(reg, format)
                                       : sts_registry_guess(reg, o.source_name, data, len);
    int rc;
    sts_error *local = NULL;
    if (!ser) {
        rc = sts__err(&local, STS_ENOTFOUND, "unknown format \"%s\"", format ? format : "");
    } else if (!(ser->flags & STS_SERIALIZER_DECODE)) {
        rc = sts__err(&local, STS_EUNSUPPORTED, "format \"%s\" can only encode", ser->name);
    } else if (len > o.max_input_size) {
        rc = sts__err(&local, STS_ELIMIT,
                      "input of %zu bytes exceeds the limit max_input_size (%llu bytes)", len,
                      (unsigned long long)o.max_input_size);
    } else {
        sts_doclist *tmp = NULL;
        rc = sts_doclist_new(&tmp);
        if (!rc) {
            sts__doclist_set_hook(tmp, hook, ctx);
            rc = ser->decode(ser->userdata, tmp, data ? data : "", len, &o, &local);
            sts__doclist_set_hook(tmp, NULL, NULL); /* expansion re-takes documents */
        }
        if (!rc && !local && !(o.flags & STS_DECODE_KEEP_LISTS))
            rc = expand_lists(tmp, &local);
        if (rc && !local)
            sts__err(&local, rc, "%s decoder failed: %s", ser->name, sts_strerror(rc));
        if (!rc && local) /* a decoder that reported an error but returned 0 */
            rc = sts_error_code(local) ? sts_error_code(local) : STS_EPARSE;
        if (!rc)
            rc = sts__doclist_take_all(out, tmp);
        sts_doclist_free(tmp);
    }
    if (rc) {
        if (o.source_name)
            sts_error_set_source(local, o.source_name);
        if (err)
            sts_error_append(err, local);
        else
            sts_error_free(local);
    }
    return rc;
}

int sts_encode(sts_buf *out, const sts_registry *reg, const char *format,
               const sts_node *const *roots, size_t count, const sts_encode_opts *opts,
               sts_error **err)
{
    if (!out || !reg || (!roots && count))
        return sts__err(err, STS_EINVAL, "no output buffer, registry or documents");
    sts_encode_opts o;
    memset(&o, 0, sizeof o);
    if (opts)
        memcpy(&o, opts, opts->sz < sizeof o ? opts->sz : sizeof o);
    o.sz = sizeof o;
    const sts_serializer *ser = sts_registry_find(reg, format ? format : "yaml");
    if (!ser)
        return sts__err(err, STS_ENOTFOUND, "unknown format \"%s\"", format ? format : "");
    if (!(ser->flags & STS_SERIALIZER_ENCODE))
        return sts__err(err, STS_EUNSUPPORTED, "format \"%s\" can only decode", ser->name);
    size_t mark = out->len;
    int rc = ser->encode(ser->userdata, out, roots, count, &o, err);
    if (rc) {
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
    }
    return rc;
}
