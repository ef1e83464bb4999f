/* Feeding json-c one value: it takes int lengths, needs a NUL to finish a
 * bare number at the end of the input, and, for the chunked decoding, can
 * be stopped after a first window to learn that a value is large without
 * parsing all of it. */
#include <string.h>

#include <json-c/json.h>

#include "json_private.h"

/* json-c takes int lengths: feed longer inputs in pieces */
#define PIECE ((size_t)1 << 30)

void sts__json_parse(struct json_tokener *tok, const char *s, size_t len, size_t window,
                     sts_json_parsed *r)
{
    size_t off = 0;
    memset(r, 0, sizeof *r);
    json_tokener_reset(tok);
    for (;;) {
        size_t n = len - off < PIECE ? len - off : PIECE;
        if (off == 0 && window < n)
            n = window;
        json_object *o = json_tokener_parse_ex(tok, s + off, (int)n);
        enum json_tokener_error e = json_tokener_get_error(tok);
        if (e == json_tokener_success) {
            r->ok = true;
            r->obj = o;
            r->consumed = off + json_tokener_get_parse_end(tok);
            return;
        }
        if (e != json_tokener_continue) {
            r->e = (int)e;
            r->err_off = off + json_tokener_get_parse_end(tok);
            return;
        }
        off += n;
        if (off < len) {
            if (off == window) {
                /* larger than the window: drop json-c's partial tree now */
                json_tokener_reset(tok);
                r->big = true;
                return;
            }
            continue;
        }
        /* end of input: a NUL tells json-c so (it finishes a bare number) */
        o = json_tokener_parse_ex(tok, "", 1);
        e = json_tokener_get_error(tok);
        if (e == json_tokener_success) {
            r->ok = true;
            r->obj = o;
            r->consumed = len;
            return;
        }
        r->e = (int)(e == json_tokener_continue ? json_tokener_error_parse_eof : e);
        r->err_off = len;
        return;
    }
}
