/* Document trees -> YAML bytes through libyaml's emitter.
 *
 * go-yaml v2 (what kubectl prints with) is a port of libyaml's emitter: the
 * same scalar analysis, quoting fallbacks, 80-column folding and
 * non-indented sequences under a key. What differs is the choice of style
 * before the emitter sees a scalar, which go-yaml's encoder makes and which
 * is reproduced here:
 *   - strings with a newline: literal block (`|`, `|-`, `|+`);
 *   - strings that would read back as another type: double quotes;
 *   - everything else: plain, the emitter falling back to single quotes
 *     (then double) when plain is not possible.
 * Numbers are printed as kubectl prints them: its YAML comes from JSON, so
 * a float passes through encoding/json before go-yaml formats it.
 *
 * STS_ENCODE_ORIGINAL keeps key order, collection styles and, where the
 * decoder kept them, scalar texts (`0777`, `yes`, `~`) and quoting. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yaml_private.h"

#define MAX_ENCODE_DEPTH 10000u

typedef struct encoder {
    yaml_emitter_t em;
    sts_buf *out;
    const sts_encode_opts *opts;
    sts_error **err;
    int kubectl;
    int failed_oom;
} encoder;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    encoder *e = data;
    if (sts_buf_append(e->out, (const char *)buffer, size)) {
        e->failed_oom = 1;
        return 0;
    }
    return 1;
}

static int emit(encoder *e, yaml_event_t *ev)
{
    if (yaml_emitter_emit(&e->em, ev))
        return 0;
    if (e->failed_oom || e->em.error == YAML_MEMORY_ERROR)
        return sts__err(e->err, STS_ENOMEM, "out of memory");
    return sts__err(e->err, STS_EINVAL, "cannot write YAML: %s",
                    e->em.problem ? e->em.problem : "emitter error");
}

static int scalar(encoder *e, const char *s, size_t n, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)(uintptr_t)(s ? s : ""),
                                      (int)n, 1, 1, style))
        return sts__err(e->err, STS_ENOMEM, "out of memory");
    return emit(e, &ev);
}

/* go-yaml v2's choice for a string (encode.go stringv) */
static yaml_scalar_style_t string_style(const char *s, size_t n)
{
    if (memchr(s, '\n', n))
        return YAML_LITERAL_SCALAR_STYLE;
    if (sts__yaml_string_needs_quotes(s, n))
        return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    return YAML_PLAIN_SCALAR_STYLE;
}

static int emit_string(encoder *e, const sts_node *n)
{
    const char *s = n->v.s.ptr;
    size_t len = n->v.s.len;
    yaml_scalar_style_t style = string_style(s, len);
    if (!e->kubectl) {
        switch (n->style) {
        case STS_STYLE_PLAIN:
            if (style == YAML_LITERAL_SCALAR_STYLE)
                style = YAML_PLAIN_SCALAR_STYLE; /* multi-line plain in the source */
            break;
        case STS_STYLE_SINGLE_QUOTED: style = YAML_SINGLE_QUOTED_SCALAR_STYLE; break;
        case STS_STYLE_DOUBLE_QUOTED: style = YAML_DOUBLE_QUOTED_SCALAR_STYLE; break;
        case STS_STYLE_LITERAL: style = YAML_LITERAL_SCALAR_STYLE; break;
        case STS_STYLE_FOLDED: style = YAML_FOLDED_SCALAR_STYLE; break;
        default: break;
        }
        if (style == YAML_PLAIN_SCALAR_STYLE && sts__yaml_string_needs_quotes(s, len))
            style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    }
    return scalar(e, s, len, style);
}

static int emit_scalar(encoder *e, const sts_node *n)
{
    char buf[48];
    size_t len;
    if (n->type == STS_NODE_STRING)
        return emit_string(e, n);
    if (!e->kubectl && n->text)
        return scalar(e, n->text, n->text_len, YAML_PLAIN_SCALAR_STYLE);
    switch (n->type) {
    case STS_NODE_NULL:
        return scalar(e, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    case STS_NODE_BOOL:
        return n->v.b ? scalar(e, "true", 4, YAML_PLAIN_SCALAR_STYLE)
                      : scalar(e, "false", 5, YAML_PLAIN_SCALAR_STYLE);
    case STS_NODE_INT:
        len = (size_t)snprintf(buf, sizeof buf, "%lld", (long long)n->v.i);
        return scalar(e, buf, len, YAML_PLAIN_SCALAR_STYLE);
    default:
        len = e->kubectl ? sts__yaml_format_kubectl_float(buf, n->v.f)
                         : sts__yaml_format_float(buf, n->v.f, 64);
        return scalar(e, buf, len, YAML_PLAIN_SCALAR_STYLE);
    }
}

/* Keys as kubectl prints them: go-yaml v2 sorts map keys with its own
 * "natural" order (keyList.Less): runs of digits compare as numbers
 * ("a2" < "a10"), and a non-letter sorts before a letter. Checked against
 * kubectl in tests/data/yaml/emit-*. Non-ASCII runes count as letters. */
static uint32_t rune_at(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (*i + len > n)
        len = 1;
    uint32_t r = len == 1 ? c : (uint32_t)(c & (0x3F >> (len - 1)));
    for (size_t k = 1; k < len; k++)
        r = (r << 6) | ((unsigned char)s[*i + k] & 0x3F);
    *i += len;
    return r;
}

static int is_letter(uint32_t r)
{
    return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == 0xAA || r == 0xB5 ||
           r == 0xBA || (r >= 0xC0 && r != 0xD7 && r != 0xF7);
}

static int is_digit(uint32_t r)
{
    return r >= '0' && r <= '9';
}

/* Runes of a key, decoded once per comparison into a small buffer. */
static size_t runes(const sts_node *k, uint32_t *buf, size_t cap, uint32_t **out)
{
    size_t n = 0, i = 0;
    uint32_t *r = buf;
    if (k->v.s.len > cap) {
        r = malloc(k->v.s.len * sizeof *r);
        if (!r)
            r = buf; /* fall back to comparing a prefix */
    }
    size_t lim = r == buf ? cap : k->v.s.len;
    while (i < k->v.s.len && n < lim)
        r[n++] = rune_at(k->v.s.ptr, k->v.s.len, &i);
    *out = r;
    return n;
}

static int go_less(const uint32_t *ar, size_t na, const uint32_t *br, size_t nb)
{
    for (size_t i = 0; i < na && i < nb; i++) {
        if (ar[i] == br[i])
            continue;
        int al = is_letter(ar[i]), bl = is_letter(br[i]);
        if (al && bl)
            return ar[i] < br[i];
        if (al || bl)
            return bl;
        uint64_t an = 0, bn = 0;
        size_t ai, bi;
        if (ar[i] == '0' || br[i] == '0') {
            for (size_t j = i; j-- > 0 && is_digit(ar[j]);) {
                if (ar[j] != '0') {
                    an = bn = 1;
                    break;
                }
            }
        }
        for (ai = i; ai < na && is_digit(ar[ai]); ai++)
            an = an * 10 + (ar[ai] - '0');
        for (bi = i; bi < nb && is_digit(br[bi]); bi++)
            bn = bn * 10 + (br[bi] - '0');
        if (an != bn)
            return (int64_t)an < (int64_t)bn;
        if (ai != bi)
            return ai < bi;
        return ar[i] < br[i];
    }
    return na < nb;
}

static int key_cmp(const void *a, const void *b)
{
    const sts_node *x = ((const sts_entry *)a)->key, *y = ((const sts_entry *)b)->key;
    uint32_t xb[64], yb[64], *xr, *yr;
    size_t nx = runes(x, xb, 64, &xr), ny = runes(y, yb, 64, &yr);
    int c = go_less(xr, nx, yr, ny) ? -1 : go_less(yr, ny, xr, nx) ? 1 : 0;
    if (xr != xb)
        free(xr);
    if (yr != yb)
        free(yr);
    return c;
}

static int emit_node(encoder *e, const sts_node *n, unsigned depth);

static int emit_map(encoder *e, const sts_node *n, unsigned depth)
{
    yaml_event_t ev;
    int flow = !e->kubectl && n->style == STS_STYLE_FLOW;
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                        flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    int rc = emit(e, &ev);
    if (rc)
        return rc;
    size_t count = n->v.c.count;
    const sts_entry *entries = n->v.c.items;
    sts_entry *sorted = NULL;
    if (e->kubectl && count > 1) {
        sorted = malloc(count * sizeof *sorted);
        if (!sorted)
            return sts__err(e->err, STS_ENOMEM, "out of memory");
        memcpy(sorted, entries, count * sizeof *sorted);
        qsort(sorted, count, sizeof *sorted, key_cmp);
        entries = sorted;
    }
    for (size_t i = 0; !rc && i < count; i++) {
        const sts_node *k = entries[i].key;
        if (k->v.s.len == 2 && memcmp(k->v.s.ptr, "<<", 2) == 0) /* plain, it is a merge */
            rc = scalar(e, "<<", 2, k->style == STS_STYLE_SINGLE_QUOTED
                                        ? YAML_SINGLE_QUOTED_SCALAR_STYLE
                                        : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        else if (!e->kubectl && k->text)
            rc = scalar(e, k->text, k->text_len, YAML_PLAIN_SCALAR_STYLE);
        else
            rc = emit_string(e, k);
        if (!rc)
            rc = emit_node(e, entries[i].value, depth + 1);
    }
    free(sorted);
    if (rc)
        return rc;
    yaml_mapping_end_event_initialize(&ev);
    return emit(e, &ev);
}

static int emit_seq(encoder *e, const sts_node *n, unsigned depth)
{
    yaml_event_t ev;
    int flow = !e->kubectl && n->style == STS_STYLE_FLOW;
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                         flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    int rc = emit(e, &ev);
    sts_node *const *items = n->v.c.items;
    for (size_t i = 0; !rc && i < n->v.c.count; i++)
        rc = emit_node(e, items[i], depth + 1);
    if (rc)
        return rc;
    yaml_sequence_end_event_initialize(&ev);
    return emit(e, &ev);
}

static int emit_node(encoder *e, const sts_node *n, unsigned depth)
{
    if (depth > MAX_ENCODE_DEPTH)
        return sts__err(e->err, STS_ELIMIT, "document nesting exceeds %u levels",
                        MAX_ENCODE_DEPTH);
    if (!n)
        return scalar(e, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    switch (n->type) {
    case STS_NODE_MAP: return emit_map(e, n, depth);
    case STS_NODE_SEQ: return emit_seq(e, n, depth);
    default: return emit_scalar(e, n);
    }
}

int sts__yaml_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                     const sts_encode_opts *opts, sts_error **err)
{
    (void)userdata;
    encoder e;
    memset(&e, 0, sizeof e);
    e.out = out;
    e.opts = opts;
    e.err = err;
    e.kubectl = opts->style == STS_ENCODE_KUBECTL;
    if (opts->style != STS_ENCODE_ORIGINAL && opts->style != STS_ENCODE_KUBECTL)
        return sts__err(err, STS_EINVAL, "unknown encode style %u", opts->style);
    unsigned indent = opts->indent ? opts->indent : 2;
    if (indent < 2 || indent > 9)
        return sts__err(err, STS_EINVAL, "YAML indent must be 2 to 9 spaces, not %u", indent);
    if (!yaml_emitter_initialize(&e.em))
        return sts__err(err, STS_ENOMEM, "out of memory");
    yaml_emitter_set_output(&e.em, write_handler, &e);
    yaml_emitter_set_unicode(&e.em, 1);
    yaml_emitter_set_width(&e.em, 80);
    yaml_emitter_set_indent(&e.em, (int)indent);
    yaml_emitter_set_break(&e.em, YAML_LN_BREAK);

    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    int rc = emit(&e, &ev);
    int explicit_start = (opts->flags & STS_ENCODE_EXPLICIT_START) != 0;
    for (size_t i = 0; !rc && i < count; i++) {
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !explicit_start);
        rc = emit(&e, &ev);
        if (!rc)
            rc = emit_node(&e, roots[i], 0);
        if (!rc) {
            yaml_document_end_event_initialize(&ev, 1);
            rc = emit(&e, &ev);
        }
    }
    if (!rc) {
        yaml_stream_end_event_initialize(&ev);
        rc = emit(&e, &ev);
    }
    yaml_emitter_delete(&e.em);
    return rc;
}
