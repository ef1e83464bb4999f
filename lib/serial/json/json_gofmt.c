/* Scalars exactly as Go's encoding/json writes them, since that is what
 * `kubectl -o json` prints: HTML-safe string escaping and float64 in the
 * shortest form that reads back, with an exponent only outside
 * [1e-6, 1e21). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_private.h"

size_t sts__json_fmt_float(char *buf, double f)
{
    if (isnan(f) || isinf(f))
        return 0;
    char *o = buf;
    if (signbit(f))
        *o++ = '-';
    double a = fabs(f);
    if (a == 0) {
        *o++ = '0';
        *o = '\0';
        return (size_t)(o - buf);
    }
    /* shortest digits that round-trip: the correctly rounded p-digit
     * decimal is the nearest one, so the first p that reads back wins */
    char e[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(e, sizeof e, "%.*e", p - 1, a);
        if (strtod(e, NULL) == a)
            break;
    }
    char digits[24] = {0};
    size_t nd = 0;
    const char *q = e;
    for (; *q && *q != 'e'; q++)
        if (*q != '.')
            digits[nd++] = *q;
    int exp = atoi(q + 1);
    if (a < 1e-6 || a >= 1e21) {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, nd - 1);
            o += nd - 1;
        }
        /* Go writes at least two exponent digits, then encoding/json
         * trims "e-07" to "e-7" (but keeps "e+21") */
        o += sprintf(o, "e%c", exp < 0 ? '-' : '+');
        int ax = exp < 0 ? -exp : exp;
        o += sprintf(o, exp < 0 ? "%d" : "%02d", ax);
    } else if (exp < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = -1; i > exp; i--)
            *o++ = '0';
        memcpy(o, digits, nd);
        o += nd;
    } else if ((size_t)exp + 1 >= nd) {
        memcpy(o, digits, nd);
        o += nd;
        for (size_t i = nd; i < (size_t)exp + 1; i++)
            *o++ = '0';
    } else {
        memcpy(o, digits, (size_t)exp + 1);
        o += exp + 1;
        *o++ = '.';
        memcpy(o, digits + exp + 1, nd - (size_t)exp - 1);
        o += nd - (size_t)exp - 1;
    }
    *o = '\0';
    return (size_t)(o - buf);
}

int sts__json_put_float(sts_buf *b, double f)
{
    char buf[40];
    size_t n = sts__json_fmt_float(buf, f);
    if (!n)
        return STS_EINVAL;
    return sts_buf_append(b, buf, n);
}

/* 0: copy as is; otherwise the character after the backslash, or 'u'. */
static const char esc[128] = {
    ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
    [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
    [0x06] = 'u', [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u',
    [0x11] = 'u', [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u',
    [0x17] = 'u', [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u',
    [0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u',
    ['"'] = '"', ['\\'] = '\\', ['<'] = 'u', ['>'] = 'u', ['&'] = 'u',
};

int sts__json_put_string(sts_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    if (sts_buf_reserve(b, len + 2) || sts__buf_putc(b, '"'))
        return STS_ENOMEM;
    size_t start = 0, i = 0;
    while (i < len) {
        unsigned char ch = u[i];
        char rep[8];
        size_t rl, step;
        if (ch < 0x80) {
            if (!esc[ch]) {
                i++;
                continue;
            }
            step = 1;
            rep[0] = '\\';
            rep[1] = esc[ch];
            rl = 2;
            if (esc[ch] == 'u') {
                memcpy(rep + 2, "00", 2);
                rep[4] = hex[ch >> 4];
                rep[5] = hex[ch & 15];
                rl = 6;
            }
        } else {
            size_t l = sts__utf8_seq_len(u + i, len - i);
            if (l == 3 && ch == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] & 0xFE) == 0xA8) {
                /* U+2028, U+2029: JSON allows them, JavaScript did not */
                memcpy(rep, u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                rl = 6;
                step = 3;
            } else if (!l) {
                memcpy(rep, "\\ufffd", 6);
                rl = 6;
                step = 1;
            } else {
                i += l;
                continue;
            }
        }
        if (sts_buf_append(b, s + start, i - start) || sts_buf_append(b, rep, rl))
            return STS_ENOMEM;
        i += step;
        start = i;
    }
    if (sts_buf_append(b, s + start, len - start) || sts__buf_putc(b, '"'))
        return STS_ENOMEM;
    return 0;
}
