/* String values and keys: the checks Go's decoder makes that json-c does
 * not (raw control characters), Go's repair of invalid UTF-8, and decoding
 * of escaped keys. */
#include <string.h>

#include "json_private.h"

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Any byte < 0x20 or >= 0x80? Word at a time: these are rare, so the
 * common string is copied after one cheap pass. */
static bool needs_care(const char *s, size_t n)
{
    uint64_t acc = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        acc |= (w - ONES * 0x20) | w;
    }
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20 || ch >= 0x80)
            return true;
    }
    return (acc & HIGHS) != 0;
}

const char *sts__json_find_ctl(const char *raw, size_t rawlen)
{
    for (size_t i = 0; i < rawlen; i++)
        if ((unsigned char)raw[i] < 0x20)
            return raw + i;
    return NULL;
}

/* Copy s into x->fixbuf with every invalid byte replaced by U+FFFD, as
 * Go's decoder does when it unquotes a string; *changed is false (and
 * nothing copied) when s is valid. */
static int repair_utf8(sts_json_ctx *x, const char *s, size_t n, bool *changed)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    *changed = false;
    while (i < n) {
        size_t l = sts__utf8_seq_len(u + i, n - i);
        if (!l)
            break;
        i += l;
    }
    if (i == n)
        return 0;
    *changed = true;
    x->fixbuf.len = 0;
    if (sts_buf_append(&x->fixbuf, s, i))
        return STS_ENOMEM;
    while (i < n) {
        size_t l = sts__utf8_seq_len(u + i, n - i);
        int rc = l ? sts_buf_append(&x->fixbuf, s + i, l)
                   : sts_buf_append(&x->fixbuf, "\xEF\xBF\xBD", 3);
        if (rc)
            return STS_ENOMEM;
        i += l ? l : 1;
    }
    return 0;
}

int sts__json_make_string(sts_json_ctx *x, const char *raw, size_t rawlen, const char *dec,
                          size_t declen, const char **out, size_t *outlen)
{
    const char *src = dec ? dec : raw;
    size_t n = dec ? declen : rawlen;
    if (needs_care(src, n) || (dec && needs_care(raw, rawlen))) {
        if (sts__json_find_ctl(raw, rawlen))
            return STS_JSON_MISMATCH;
        bool changed;
        if (repair_utf8(x, src, n, &changed))
            return STS_ENOMEM;
        if (changed) {
            x->repaired = true;
            src = x->fixbuf.data;
            n = x->fixbuf.len;
        }
    }
    char *s = sts__arena_strndup(x->arena, src, n);
    if (!s)
        return STS_ENOMEM;
    *out = s;
    *outlen = n;
    return 0;
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

static long get_u4(const char *p, const char *end)
{
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

bool sts__json_unescape(sts_json_ctx *x, const char *raw, size_t rawlen)
{
    sts_buf *b = &x->scratch;
    const char *p = raw, *end = raw + rawlen;
    b->len = 0;
    if (sts_buf_reserve(b, rawlen + 1))
        return false;
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        if (!bs)
            bs = end;
        if (sts_buf_append(b, p, (size_t)(bs - p)))
            return false;
        p = bs;
        if (p == end)
            break;
        if (end - p < 2)
            return false;
        char e = p[1], ch;
        switch (e) {
        case '"': ch = '"'; break;
        case '\\': ch = '\\'; break;
        case '/': ch = '/'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
            long cp = get_u4(p, end);
            if (cp < 0)
                return false;
            p += 6;
            /* surrogates as Go decodes them: a valid pair is one rune,
             * anything else is U+FFFD and the next escape stands alone */
            if (cp >= 0xD800 && cp < 0xE000) {
                long lo = get_u4(p, end);
                if (cp < 0xDC00 && lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                } else {
                    cp = 0xFFFD;
                }
            }
            if (sts__utf8_put(b, (unsigned long)cp))
                return false;
            continue;
        }
        default:
            return false;
        }
        if (sts__buf_putc(b, ch))
            return false;
        p += 2;
    }
    return true;
}
