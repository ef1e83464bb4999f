/* Scalars of a chunked container read straight from the text. Handing
 * json-c one number or one short string at a time costs more than the
 * value itself, and the conversion needs only the text anyway: json-c's
 * value matters for escaped strings alone, which are left to json-c. The
 * node is the one the conversion of json-c's value makes (same checks,
 * same functions); anything this does not accept goes back to json-c or
 * to the whole decoding, so the answer stays the same. */
#include <string.h>

#include "json_private.h"

static bool literal(sts_json_cur *c, const char *word, size_t len)
{
    if ((size_t)(c->end - c->p) < len || memcmp(c->p, word, len) != 0)
        return false;
    c->p += len;
    return true;
}

int sts__json_text_scalar(sts_json_ctx *x, sts_node **out)
{
    sts_json_cur *c = &x->c;
    const char *p = c->p;
    sts_node *n;
    int rc;
    switch (*p) {
    case '"': {
        const char *raw;
        size_t rawlen;
        sts_json_cur save = *c;
        if (!sts__json_skip_string(c, &raw, &rawlen))
            return STS_JSON_MISMATCH;
        if (memchr(raw, '\\', rawlen)) {
            *c = save;
            return STS_JSON_NEED_JSONC;
        }
        if (rawlen > x->opts->max_scalar_size)
            return STS_JSON_MISMATCH;
        if ((rc = sts__json_count_node(x)))
            return rc;
        if (!(n = sts__node_alloc(x->arena, STS_NODE_STRING)))
            return STS_ENOMEM;
        if ((rc = sts__json_make_string(x, raw, rawlen, NULL, 0, &n->v.s.ptr, &n->v.s.len)))
            return rc;
        break;
    }
    case 't':
    case 'f':
    case 'n': {
        bool ok = *p == 't' ? literal(c, "true", 4)
                : *p == 'f' ? literal(c, "false", 5) : literal(c, "null", 4);
        if (!ok)
            return STS_JSON_MISMATCH;
        if ((rc = sts__json_count_node(x)))
            return rc;
        if (!(n = sts__node_alloc(x->arena, *p == 'n' ? STS_NODE_NULL : STS_NODE_BOOL)))
            return STS_ENOMEM;
        if (*p != 'n')
            n->v.b = *p == 't';
        break;
    }
    default: {
        const char *bad, *what;
        if (sts__json_scan_number(c, &bad, &what))
            return STS_JSON_MISMATCH;
        size_t len = (size_t)(c->p - p);
        if (len > x->opts->max_scalar_size)
            return STS_JSON_MISMATCH;
        if ((rc = sts__json_count_node(x)))
            return rc;
        /* json-c's double is strtod of the same text: read it here */
        if ((rc = sts__json_number_node(x, p, len, 0.0, false, &n)))
            return rc;
        break;
    }
    }
    sts__json_mark(c, n, p);
    *out = n;
    return 0;
}
