/* Byte-level scanning of JSON text: whitespace with line tracking, string
 * ends, number grammar. json-c has already parsed the text, so these only
 * need to be fast and to catch what json-c accepts but Go rejects. */
#include <stdio.h>
#include <string.h>

#include "json_private.h"

void sts__json_skip_ws(sts_json_cur *c)
{
    const char *p = c->p, *end = c->end;
    while (p < end) {
        unsigned char ch = (unsigned char)*p;
        if (ch == ' ') {
            /* indentation comes in runs: take 8 spaces at a time */
            uint64_t w;
            while (end - p >= 8 && (memcpy(&w, p, 8), w == 0x2020202020202020ull))
                p += 8;
            while (p < end && *p == ' ')
                p++;
        } else if (ch == '\n') {
            c->line++;
            c->line_start = ++p;
        } else if (ch == '\t' || ch == '\r') {
            p++;
        } else {
            break;
        }
    }
    c->p = p;
}

bool sts__json_skip_string(sts_json_cur *c, const char **raw, size_t *rawlen)
{
    const char *start = c->p + 1, *q = start, *end = c->end;
    for (;;) {
        q = memchr(q, '"', (size_t)(end - q));
        if (!q)
            return false;
        /* a quote is escaped only by an odd run of backslashes before it */
        const char *b = q;
        while (b > start && b[-1] == '\\')
            b--;
        if (((q - b) & 1) == 0)
            break;
        q++;
    }
    *raw = start;
    *rawlen = (size_t)(q - start);
    c->p = q + 1;
    return true;
}

static inline bool is_digit(const char *p, const char *end)
{
    return p < end && (unsigned char)(*p - '0') < 10;
}

int sts__json_scan_number(sts_json_cur *c, const char **bad, const char **what)
{
    const char *p = c->p, *end = c->end;
    if (p < end && *p == '-') {
        p++;
        if (!is_digit(p, end)) {
            *bad = p;
            *what = "in numeric literal";
            return -1;
        }
    } else if (!is_digit(p, end)) {
        *bad = p;
        *what = "looking for beginning of value";
        return -1;
    }
    if (*p == '0') {
        p++;
    } else {
        while (is_digit(p, end))
            p++;
    }
    if (p < end && *p == '.') {
        p++;
        if (!is_digit(p, end)) {
            *bad = p;
            *what = "after decimal point in numeric literal";
            return -1;
        }
        while (is_digit(p, end))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (!is_digit(p, end)) {
            *bad = p;
            *what = "in exponent of numeric literal";
            return -1;
        }
        while (is_digit(p, end))
            p++;
    }
    c->p = p;
    return 0;
}

void sts__json_locate(const sts_json_cur *c, const char *p, uint32_t *line, uint32_t *col)
{
    uint32_t l = c->line;
    const char *ls = c->line_start;
    for (const char *q = ls; q < p; q++) {
        if (*q == '\n') {
            l++;
            ls = q + 1;
        }
    }
    *line = l;
    *col = (uint32_t)(p - ls) + 1;
}

const char *sts__json_quote_char(char buf[8], unsigned char ch)
{
    /* Go's quoteChar: '\'' and '"' escaped, other printable ASCII as is */
    if (ch == '\'')
        return "'\\''";
    if (ch == '"')
        return "'\"'";
    if (ch == '\n')
        return "'\\n'";
    if (ch == '\t')
        return "'\\t'";
    if (ch == '\r')
        return "'\\r'";
    if (ch < 0x20 || ch >= 0x7f)
        snprintf(buf, 8, "'\\x%02x'", ch);
    else
        snprintf(buf, 8, "'%c'", ch);
    return buf;
}
