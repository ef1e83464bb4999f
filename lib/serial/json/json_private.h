/* Private declarations of the built-in JSON serializer (never installed). */
#ifndef STS_JSON_PRIVATE_H
#define STS_JSON_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../internal.h"

/* json-c frees its trees recursively and so do we, and Go's decoder stops
 * at 10000 levels: a larger max_depth is clamped to this. */
#define STS_JSON_DEPTH_CAP 10000u

/* Returned by the fast conversion when the text and json-c's tree disagree
 * (duplicate keys, or input json-c accepts but Go's decoder rejects); the
 * validating text walk then finds the real error. Never leaves the decoder. */
#define STS_JSON_MISMATCH 1

/* Cursor over the input: positions are kept incrementally so each node
 * gets its line and column without rescanning. */
typedef struct sts_json_cur {
    const char *base;       /* start of the whole input (offsets are from here) */
    const char *p;          /* next byte to read */
    const char *end;        /* end of the current value's text */
    const char *line_start; /* first byte of the current line */
    uint32_t line;          /* 1-based */
} sts_json_cur;

/* Everything one document's conversion needs. */
typedef struct sts_json_ctx {
    sts_json_cur c;
    sts_arena *arena;
    const sts_decode_opts *opts;
    uint64_t nodes;
    uint32_t max_depth;
    bool keep_text;
    bool allow_dups;
    sts_error **err;
    sts_buf scratch; /* decoding escaped keys */
    sts_buf fixbuf;  /* UTF-8 repair */
    bool repaired;   /* a string of this document had invalid UTF-8 replaced */
} sts_json_ctx;

/* ---- keys equal only after UTF-8 repair (json_dedupe.c) ---- */
/* Keys that differ in invalid bytes become equal once each bad byte is
 * U+FFFD, as Go's decoder makes them: report such duplicates (or keep the
 * last value in the first key's place when duplicates are allowed). */
int sts__json_dedupe_repaired(sts_json_ctx *x, sts_node *root);

/* ---- feeding json-c (json_parse.c) ---- */
struct json_tokener;
typedef struct sts_json_parsed {
    bool ok;
    bool big;          /* stopped after the window: the value is larger */
    void *obj;         /* json_object; NULL also for a JSON null */
    size_t consumed;   /* bytes of the value's text */
    int e;             /* enum json_tokener_error when !ok */
    size_t err_off;    /* relative to the value's start */
} sts_json_parsed;
/* Parse the one value at the start of s[0, len) (more text may follow it).
 * With window < len, stop after window bytes if the value is not complete
 * by then (r->big; the tokener is reset). */
void sts__json_parse(struct json_tokener *tok, const char *s, size_t len, size_t window,
                     sts_json_parsed *r);

/* ---- chunked decoding of large documents (json_chunk.c) ---- */
/* A container whose text does not fit this window is not handed to json-c
 * whole: its members are parsed one at a time and converted at once, while
 * json-c's small tree is still in the cache. */
#define STS_JSON_CHUNK_WINDOW ((size_t)64 << 10)
/* Only containers this shallow are walked in chunks: each one that turns
 * out large costs one window of wasted parsing, so the waste stays below
 * this many passes over the input whatever its shape. */
#define STS_JSON_CHUNK_DEPTH 3u
/* Convert the container at x->c.p (root of a document, already known to
 * be larger than window) in chunks. Returns 0 (x->c.p after the value) or
 * nonzero when the document must be decoded whole to get the exact answer
 * (any error, duplicate keys, anything unexpected). Never sets x->err. */
int sts__json_convert_chunked(sts_json_ctx *x, struct json_tokener *tok, size_t window,
                              sts_node **out);

/* The decoder with a chosen chunk window (SIZE_MAX: never chunked), for
 * tests that compare both ways of decoding; opts must be filled. */
int sts__json_decode_window(sts_doclist *out, const char *data, size_t len,
                            const sts_decode_opts *opts, size_t window, sts_error **err);

/* The scalar at x->c.p (inside a chunked container) as a node, from the
 * text alone (json_scalar.c). STS_JSON_NEED_JSONC (cursor unmoved): an
 * escaped string, whose value json-c must decode. */
#define STS_JSON_NEED_JSONC 2
int sts__json_text_scalar(sts_json_ctx *x, sts_node **out);

/* ---- text scanning (json_scan.c) ---- */
void sts__json_skip_ws(sts_json_cur *c);
/* c->p at '"': move past the closing quote; raw and rawlen get the bytes between
 * the quotes. Returns false if the string is unterminated before c->end. */
bool sts__json_skip_string(sts_json_cur *c, const char **raw, size_t *rawlen);
/* Scan a number per JSON's grammar (RFC 8259, as Go reads it). On success
 * moves c->p past it and returns 0; else sets *bad to the offending byte
 * position and *what to Go's wording, and returns -1. */
int sts__json_scan_number(sts_json_cur *c, const char **bad, const char **what);
/* 1-based column of pointer p on the cursor's current line. */
static inline uint32_t sts__json_col(const sts_json_cur *c, const char *p)
{
    return (uint32_t)(p - c->line_start) + 1;
}
/* Line/column of an arbitrary position at or after c->line_start. */
void sts__json_locate(const sts_json_cur *c, const char *p, uint32_t *line, uint32_t *col);
/* Go's rendering of a byte in an error message: 'x', '\n', '\x00'. */
const char *sts__json_quote_char(char buf[8], unsigned char ch);

/* ---- strings (json_string.c) ---- */
/* Make the string value of a node from raw source bytes (between quotes) and
 * the decoded bytes json-c produced (NULL when raw has no escapes): rejects
 * raw control characters, replaces invalid UTF-8 by U+FFFD as Go does, copies
 * into the arena. Returns 0, STS_JSON_MISMATCH (control character) or
 * STS_ENOMEM. */
int sts__json_make_string(sts_json_ctx *x, const char *raw, size_t rawlen, const char *dec,
                          size_t declen, const char **out, size_t *outlen);
/* Decode a JSON string body (escapes) into x->scratch; false on malformed escapes. */
bool sts__json_unescape(sts_json_ctx *x, const char *raw, size_t rawlen);
/* Position of the first raw control character (< 0x20) in raw, or NULL. */
const char *sts__json_find_ctl(const char *raw, size_t rawlen);

/* ---- conversion (json_convert.c, json_walk.c) ---- */
int sts__json_convert(sts_json_ctx *x, void *jobj, sts_node **out, uint32_t depth);
/* Validating walk of one value's text: every error json-c lets through, and
 * duplicate keys unless allowed. Returns 0 or an error code (err set). */
int sts__json_validate(sts_json_ctx *x, uint32_t depth);
/* Conversion that follows the text key by key, for documents with
 * duplicate keys when they are allowed (the later value wins). */
int sts__json_convert_careful(sts_json_ctx *x, void *jobj, sts_node **out, uint32_t depth);
/* The key string at c->p (escapes decoded, UTF-8 repaired) as a node. */
int sts__json_convert_key(sts_json_ctx *x, sts_node **out);
/* A scalar node at c->p from json-c's value (shared by both conversions). */
int sts__json_convert_scalar(sts_json_ctx *x, void *jobj, sts_node **out);
/* Set a node's position from a text pointer on the cursor's current line. */
static inline void sts__json_mark(const sts_json_cur *c, sts_node *n, const char *p)
{
    n->line = c->line;
    n->column = (uint32_t)(p - c->line_start) + 1;
    n->offset = (uint64_t)(p - c->base);
}
/* Number node from its text (already scanned); STS_ERANGE for overflow to infinity. */
int sts__json_number_node(sts_json_ctx *x, const char *text, size_t len, double jval,
                          bool have_jval, sts_node **out);
int sts__json_count_node(sts_json_ctx *x);

/* ---- Go-compatible output (json_gofmt.c) ---- */
/* Append a float64 as Go's encoding/json writes it. STS_EINVAL for NaN/Inf. */
int sts__json_put_float(sts_buf *b, double f);
/* Format into buf (>= 32 bytes); returns length, or 0 for NaN/Inf. */
size_t sts__json_fmt_float(char *buf, double f);
/* Append a quoted string as Go's encoding/json writes it (HTML-safe). */

#endif
