/* Plain scalar resolution exactly as Kubernetes reads manifests:
 * sigs.k8s.io/yaml hands YAML to go-yaml v2, which applies YAML 1.1 meanings
 * (yes/on/y are booleans, 0777 is octal, 1e400 stays a string ...).
 * Every rule here was checked against `kubectl label --local -o json`; the
 * inputs and kubectl's answers are in tests/data/yaml/resolve.*.
 *
 * Dispatch is on the first byte: most scalars in a manifest are names and
 * words that are rejected after one table lookup. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_private.h"

/* go-yaml v2's resolve table: 'S' sign, 'D' digit, 'M' word in the map, '.' */
static char hint(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return 'D';
    switch (c) {
    case '+': case '-': return 'S';
    case '.': return '.';
    case 'y': case 'Y': case 'n': case 'N': case 't': case 'T':
    case 'f': case 'F': case 'o': case 'O': case '~':
        return 'M';
    }
    return 0;
}

static int eq(const char *s, size_t n, const char *w)
{
    size_t k = 0;
    for (; k < n && w[k]; k++)
        if (w[k] != s[k])
            return 0;
    return k == n && !w[k];
}

/* Is s one of go-yaml's three spellings of the lower-case word w: "true",
 * "True" or "TRUE" (never "tRUE")? */
static int word3(const char *s, size_t n, const char *w, size_t wn)
{
    if (n != wn)
        return 0;
    int upper_rest = n > 1 && s[1] >= 'A' && s[1] <= 'Z';
    if ((s[0] | 0x20) != w[0] || (upper_rest && s[0] != w[0] - 32))
        return 0;
    for (size_t k = 1; k < n; k++)
        if (s[k] != (upper_rest ? w[k] - 32 : w[k]))
            return 0;
    return 1;
}

#define WORD3(s, n, lit) word3((s), (n), (lit), sizeof(lit) - 1)

static int set_bool(sts__yaml_value *v, int b)
{
    v->type = STS_NODE_BOOL;
    v->b = b;
    return 1;
}

/* The words go-yaml v2 looks up in its resolve map (y/Y, yes/Yes/YES,
 * n/N, no, on, off, true, false, null in their three spellings, ~, and
 * the .inf/.nan names). Dispatch on the first byte and the length: this
 * runs for every key and word-like value of a manifest. */
static int lookup_word(sts__yaml_value *v, const char *s, size_t n)
{
    static const char *const pinf[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"};
    static const char *const ninf[] = {"-.inf", "-.Inf", "-.INF"};
    static const char *const nan_[] = {".nan", ".NaN", ".NAN"};
    if (n > 6 || n == 0)
        return 0;
    switch (s[0]) {
    case '~':
        if (n != 1)
            return 0;
        v->type = STS_NODE_NULL;
        return 1;
    case 'y': case 'Y':
        return (n == 1 || WORD3(s, n, "yes")) ? set_bool(v, 1) : 0;
    case 'n': case 'N':
        if (n == 1 || WORD3(s, n, "no"))
            return set_bool(v, 0);
        if (WORD3(s, n, "null")) {
            v->type = STS_NODE_NULL;
            return 1;
        }
        return 0;
    case 'o': case 'O':
        if (WORD3(s, n, "on"))
            return set_bool(v, 1);
        return WORD3(s, n, "off") ? set_bool(v, 0) : 0;
    case 't': case 'T':
        return WORD3(s, n, "true") ? set_bool(v, 1) : 0;
    case 'f': case 'F':
        return WORD3(s, n, "false") ? set_bool(v, 0) : 0;
    case '.': case '+': case '-':
        break;
    default:
        return 0;
    }
    if (n < 4)
        return 0;
    for (size_t k = 0; k < 6; k++)
        if (eq(s, n, pinf[k])) { v->type = STS_NODE_FLOAT; v->f = INFINITY; return 1; }
    for (size_t k = 0; k < 3; k++) {
        if (eq(s, n, ninf[k])) { v->type = STS_NODE_FLOAT; v->f = -INFINITY; return 1; }
        if (eq(s, n, nan_[k])) { v->type = STS_NODE_FLOAT; v->f = NAN; return 1; }
    }
    return 0;
}

static int digit_val(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

/* strconv.ParseInt(s, 0, 64) and, failing that, ParseUint(s, 0, 64).
 * Returns 1 for int64, 2 for uint64 (beyond int64), 0 otherwise. */
static int go_parse_int(const char *s, size_t n, int64_t *i, uint64_t *u)
{
    size_t p = 0;
    int neg = 0, sign = 0;
    if (p < n && (s[p] == '+' || s[p] == '-')) {
        neg = s[p] == '-';
        sign = 1;
        p++;
    }
    unsigned base = 10;
    if (n - p >= 2 && s[p] == '0') {
        char c = (char)(s[p + 1] | 0x20);
        if (c == 'x') { base = 16; p += 2; }
        else if (c == 'b') { base = 2; p += 2; }
        else if (c == 'o') { base = 8; p += 2; }
        else { base = 8; p += 1; }
    }
    if (p >= n)
        return 0;
    uint64_t acc = 0;
    for (; p < n; p++) {
        unsigned d = (unsigned)digit_val((unsigned char)s[p]);
        if (d >= base)
            return 0;
        if (acc > (UINT64_MAX - d) / base)
            return 0; /* beyond uint64: maybe a float */
        acc = acc * base + d;
    }
    if (neg) {
        if (acc > (uint64_t)INT64_MAX + 1)
            return 0;
        *i = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc;
        return 1;
    }
    if (acc <= (uint64_t)INT64_MAX) {
        *i = (int64_t)acc;
        return 1;
    }
    if (sign) /* ParseUint takes no sign */
        return 0;
    *u = acc;
    return 2;
}

/* go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static int yaml_style_float(const char *s, size_t n)
{
    size_t p = 0;
    if (p < n && (s[p] == '+' || s[p] == '-'))
        p++;
    if (p < n && s[p] == '.') {
        size_t d = ++p;
        while (p < n && s[p] >= '0' && s[p] <= '9')
            p++;
        if (p == d)
            return 0;
    } else {
        size_t d = p;
        while (p < n && s[p] >= '0' && s[p] <= '9')
            p++;
        if (p == d)
            return 0;
        if (p < n && s[p] == '.') {
            p++;
            while (p < n && s[p] >= '0' && s[p] <= '9')
                p++;
        }
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            p++;
        size_t d = p;
        while (p < n && s[p] >= '0' && s[p] <= '9')
            p++;
        if (p == d)
            return 0;
    }
    return p == n;
}

/* strtod of a string already known to be a decimal float; 0 when it
 * overflows (Go's ParseFloat then fails and the scalar stays a string). */
static int to_double(const char *s, size_t n, double *out)
{
    char tmp[128];
    char *buf = n < sizeof tmp ? tmp : malloc(n + 1);
    if (!buf)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    double d = strtod(buf, NULL);
    if (buf != tmp)
        free(buf);
    if (isinf(d))
        return 0;
    *out = d;
    return 1;
}

/* Go's underscoreOK for base-10 text: an underscore only between digits. */
static int underscores_ok(const char *s, size_t n)
{
    char saw = '^';
    size_t p = 0;
    if (p < n && (s[p] == '+' || s[p] == '-'))
        p++;
    for (; p < n; p++) {
        if (s[p] >= '0' && s[p] <= '9') {
            saw = '0';
            continue;
        }
        if (s[p] == '_') {
            if (saw != '0')
                return 0;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return 0;
        saw = '!';
    }
    return saw != '_';
}

/* Copy without underscores (go-yaml removes them before number parsing). */
static size_t strip_underscores(char *dst, const char *s, size_t n)
{
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (s[k] != '_')
            dst[m++] = s[k];
    return m;
}

static void resolve_number(sts__yaml_value *v, const char *s, size_t n, char h)
{
    char tmp[128];
    if (h == '.') {
        /* strconv.ParseFloat(in): underscores allowed between digits */
        if (!underscores_ok(s, n) || n >= sizeof tmp)
            return;
        size_t m = strip_underscores(tmp, s, n);
        double d;
        if (yaml_style_float(tmp, m) && to_double(tmp, m, &d)) {
            v->type = STS_NODE_FLOAT;
            v->f = d;
        }
        return;
    }
    const char *p = s;
    size_t m = n;
    char *heap = NULL;
    if (memchr(s, '_', n)) {
        char *dst = n < sizeof tmp ? tmp : (heap = malloc(n));
        if (!dst)
            return;
        m = strip_underscores(dst, s, n);
        p = dst;
    }
    int64_t i;
    uint64_t u;
    int k = go_parse_int(p, m, &i, &u);
    if (k == 1) {
        v->type = STS_NODE_INT;
        v->i = i;
    } else if (k == 2) {
        /* kubectl's JSON step turns integers beyond int64 into float64 */
        v->type = STS_NODE_FLOAT;
        v->f = (double)u;
        v->is_uint = 1;
    } else {
        double d;
        if (yaml_style_float(p, m) && to_double(p, m, &d)) {
            v->type = STS_NODE_FLOAT;
            v->f = d;
        }
    }
    free(heap);
}

void sts__yaml_resolve_plain(sts__yaml_value *v, const char *s, size_t n)
{
    memset(v, 0, sizeof *v);
    v->type = STS_NODE_STRING;
    if (n == 0) {
        v->type = STS_NODE_NULL;
        return;
    }
    char h = hint((unsigned char)s[0]);
    if (!h)
        return;
    if (h != 'D' && lookup_word(v, s, n)) /* no word starts with a digit */
        return;
    if (h == 'M')
        return;
    resolve_number(v, s, n, h);
}

/* ---- what go-yaml's encoder must quote ---- */

static int digits(const char *s, size_t n, size_t *p, size_t min, size_t max, int *val)
{
    size_t st = *p;
    int x = 0;
    while (*p < n && *p - st < max && s[*p] >= '0' && s[*p] <= '9')
        x = x * 10 + (s[(*p)++] - '0');
    if (*p - st < min)
        return 0;
    *val = x;
    return 1;
}

/* go-yaml v2 parseTimestamp: layouts "2006-1-2T15:4:5.999999999Z07:00",
 * the same with 't', "2006-1-2 15:4:5.999999999" and "2006-1-2". */
static int is_timestamp(const char *s, size_t n)
{
    size_t p = 0;
    int y, mo, d, h, mi, se;
    if (!digits(s, n, &p, 4, 4, &y) || p >= n || s[p] != '-')
        return 0;
    p++;
    if (!digits(s, n, &p, 1, 2, &mo) || p >= n || s[p] != '-')
        return 0;
    p++;
    if (!digits(s, n, &p, 1, 2, &d))
        return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
        return 0;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    if (p == n)
        return 1;
    char sep = s[p++];
    if (sep != 'T' && sep != 't' && sep != ' ')
        return 0;
    if (!digits(s, n, &p, 1, 2, &h) || p >= n || s[p++] != ':' ||
        !digits(s, n, &p, 1, 2, &mi) || p >= n || s[p++] != ':' ||
        !digits(s, n, &p, 1, 2, &se))
        return 0;
    if (h > 23 || mi > 59 || se > 59)
        return 0;
    if (p < n && s[p] == '.') {
        size_t st = ++p;
        while (p < n && s[p] >= '0' && s[p] <= '9')
            p++;
        if (p == st)
            return 0;
    }
    if (sep == ' ')
        return p == n;
    if (p < n && s[p] == 'Z')
        return p + 1 == n;
    int zh, zm;
    if (p < n && (s[p] == '+' || s[p] == '-')) {
        p++;
        if (!digits(s, n, &p, 2, 2, &zh) || p >= n || s[p++] != ':' ||
            !digits(s, n, &p, 2, 2, &zm))
            return 0;
        return p == n;
    }
    return 0;
}

/* ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ */
static int is_base60_float(const char *s, size_t n)
{
    size_t p = 0;
    if (p < n && (s[p] == '+' || s[p] == '-'))
        p++;
    if (p >= n || s[p] < '0' || s[p] > '9')
        return 0;
    while (p < n && ((s[p] >= '0' && s[p] <= '9') || s[p] == '_'))
        p++;
    int groups = 0;
    while (p < n && s[p] == ':') {
        p++;
        size_t st = p;
        if (p < n && s[p] >= '0' && s[p] <= '5' && p + 1 < n && s[p + 1] >= '0' && s[p + 1] <= '9')
            p += 2;
        else if (p < n && s[p] >= '0' && s[p] <= '9')
            p += 1;
        if (p == st)
            return 0;
        groups++;
    }
    if (!groups)
        return 0;
    if (p < n && s[p] == '.') {
        p++;
        while (p < n && ((s[p] >= '0' && s[p] <= '9') || s[p] == '_'))
            p++;
    }
    return p == n;
}

int sts__yaml_string_needs_quotes(const char *s, size_t n)
{
    sts__yaml_value v;
    sts__yaml_resolve_plain(&v, s, n);
    if (v.type != STS_NODE_STRING)
        return 1;
    if (n && ((s[0] >= '0' && s[0] <= '9') || s[0] == '+' || s[0] == '-'))
        return is_timestamp(s, n) || is_base60_float(s, n);
    return 0;
}

/* ---- Go's float formatting ---- */

/* Shortest decimal digits that read back as the same value (float32 when
 * bits == 32), as Go's strconv finds them. digs gets the digits without a
 * point, *exp the decimal exponent of the first digit. */
static int shortest_digits(double f, int bits, char *digs, int *exp)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, f);
        int same = bits == 32 ? strtof(buf, NULL) == (float)f : strtod(buf, NULL) == f;
        if (same || prec == 17)
            break;
    }
    /* buf is d[.ddd]e±XX */
    int nd = 0;
    char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digs[nd++] = *p;
    *exp = atoi(p + 1);
    while (nd > 1 && digs[nd - 1] == '0')
        nd--;
    digs[nd] = '\0';
    return nd;
}

static size_t special(char *out, double f)
{
    if (isnan(f))
        return (size_t)sprintf(out, ".nan");
    if (isinf(f))
        return (size_t)sprintf(out, f > 0 ? ".inf" : "-.inf");
    return 0;
}

/* %e with Go's exponent (at least two digits) */
static size_t fmt_e(char *out, int neg, const char *digs, int nd, int exp)
{
    size_t k = 0;
    if (neg)
        out[k++] = '-';
    out[k++] = digs[0];
    if (nd > 1) {
        out[k++] = '.';
        memcpy(out + k, digs + 1, (size_t)nd - 1);
        k += (size_t)nd - 1;
    }
    k += (size_t)sprintf(out + k, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return k;
}

/* %f with exactly the shortest digits */
static size_t fmt_f(char *out, int neg, const char *digs, int nd, int exp)
{
    size_t k = 0;
    if (neg)
        out[k++] = '-';
    int dp = exp + 1; /* digits before the point */
    if (dp <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int z = 0; z < -dp; z++)
            out[k++] = '0';
        memcpy(out + k, digs, (size_t)nd);
        k += (size_t)nd;
    } else {
        for (int j = 0; j < dp; j++)
            out[k++] = j < nd ? digs[j] : '0';
        if (nd > dp) {
            out[k++] = '.';
            memcpy(out + k, digs + dp, (size_t)(nd - dp));
            k += (size_t)(nd - dp);
        }
    }
    out[k] = '\0';
    return k;
}

size_t sts__yaml_format_float(char *out, double f, int bits)
{
    size_t k = special(out, f);
    if (k)
        return k;
    if (f == 0)
        return (size_t)sprintf(out, signbit(f) ? "-0" : "0");
    char digs[24];
    int exp;
    int nd = shortest_digits(fabs(f), bits, digs, &exp);
    if (exp < -4 || exp >= 21 || exp >= 6) /* shortest 'g' uses eprec 6 */
        k = fmt_e(out, f < 0, digs, nd, exp);
    else
        k = fmt_f(out, f < 0, digs, nd, exp);
    out[k] = '\0';
    return k;
}

size_t sts__yaml_format_kubectl_float(char *out, double f)
{
    size_t k = special(out, f);
    if (k)
        return k;
    /* encoding/json writes integral floats below 1e21 as plain digits, and
     * go-yaml reads those back as integers when they fit (u)int64. */
    if (f == 0)
        return (size_t)sprintf(out, "0");
    if (f == floor(f) && fabs(f) < 1e21) {
        char digs[24];
        int exp;
        int nd = shortest_digits(fabs(f), 64, digs, &exp);
        k = fmt_f(out, f < 0, digs, nd, exp);
        int64_t i;
        uint64_t u;
        if (go_parse_int(out, k, &i, &u))
            return k;
    }
    return sts__yaml_format_float(out, f, 64);
}

size_t sts__yaml_key_text(char *out, const sts__yaml_value *v, const char **why)
{
    *why = NULL;
    switch (v->type) {
    case STS_NODE_BOOL:
        return (size_t)sprintf(out, v->b ? "true" : "false");
    case STS_NODE_INT:
        return (size_t)sprintf(out, "%lld", (long long)v->i);
    case STS_NODE_FLOAT:
        if (v->is_uint) {
            *why = "uint64";
            return 0;
        }
        return sts__yaml_format_float(out, v->f, 32);
    case STS_NODE_NULL:
        *why = "null";
        return 0;
    default:
        *why = "unknown";
        return 0;
    }
}

size_t sts__yaml_base64_decode(unsigned char *out, const char *s, size_t n)
{
    uint32_t acc = 0;
    int bits = 0;
    size_t k = 0, pad = 0;
    for (size_t p = 0; p < n; p++) {
        unsigned char c = (unsigned char)s[p];
        int d;
        if (c >= 'A' && c <= 'Z') d = c - 'A';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
        else if (c >= '0' && c <= '9') d = c - '0' + 52;
        else if (c == '+') d = 62;
        else if (c == '/') d = 63;
        else if (c == '=') { pad++; continue; }
        else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        else return (size_t)-1;
        if (pad)
            return (size_t)-1;
        acc = (acc << 6) | (uint32_t)d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[k++] = (unsigned char)(acc >> bits);
        }
    }
    return k;
}
