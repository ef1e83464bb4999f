/* resource.Quantity as the API server parses and prints it
 * (k8s.io/apimachinery/pkg/api/resource: ParseQuantity, RoundUp,
 * CanonicalizeBytes), re-derived here:
 *
 * - a number (sign, digits, fraction) and a suffix: binary (Ki..Ei),
 *   decimal SI (n u m "" k M G T P E) or a decimal exponent (e3, E-2);
 *   the suffix family is the format kept for printing;
 * - values are rounded up (away from zero) to nano precision while parsing,
 *   and ResourceList values to milli precision by the core/v1 defaulter;
 * - printing: the mantissa without trailing zeros, the exponent lowered to
 *   a multiple of 3, the suffix of that exponent; binary values print in
 *   powers of 1024 when they are whole numbers of at least 1024, otherwise
 *   as decimal SI; the exponent format keeps `e<n>`;
 * - small already-canonical inputs keep their original text (the parser's
 *   fast path caches it): that is why "+1Gi" or "01Gi" come back unchanged.
 *
 * Numbers are kept as decimal digit strings with a base-10 exponent, so
 * there is no overflow however long the input is. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "api_priv.h"
#include "../revision/revision_priv.h"

#define FORMAT_MSG "quantities must match the regular expression " \
                   "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
#define NUMERIC_MSG "unable to parse quantity's numeric part"
#define SUFFIX_MSG "unable to parse quantity's suffix"
#define MAX_INPUT 1024

enum { FMT_DEC_EXP, FMT_BIN, FMT_DEC_SI };

typedef struct qnum {
    int neg;
    char *d;      /* magnitude digits, most significant first, no leading zeros */
    size_t n;     /* 0 = zero */
    size_t cap;
    int64_t exp;  /* value = d * 10^exp */
} qnum;

static int q_reserve(qnum *q, size_t need)
{
    if (need <= q->cap)
        return 0;
    size_t cap = q->cap ? q->cap * 2 : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(q->d, cap);
    if (!p)
        return STS_ENOMEM;
    q->d = p;
    q->cap = cap;
    return 0;
}

static void q_trim_leading(qnum *q)
{
    size_t i = 0;
    while (i < q->n && q->d[i] == '0')
        i++;
    if (i) {
        memmove(q->d, q->d + i, q->n - i);
        q->n -= i;
    }
}

static int q_mul_small(qnum *q, unsigned m)
{
    int rc = q_reserve(q, q->n + 4);
    if (rc)
        return rc;
    unsigned carry = 0;
    for (size_t i = q->n; i-- > 0;) {
        unsigned v = (unsigned)(q->d[i] - '0') * m + carry;
        q->d[i] = (char)('0' + v % 10);
        carry = v / 10;
    }
    while (carry) {
        memmove(q->d + 1, q->d, q->n);
        q->d[0] = (char)('0' + carry % 10);
        q->n++;
        carry /= 10;
    }
    return 0;
}

/* Add one unit in the last place. */
static int q_inc(qnum *q)
{
    for (size_t i = q->n; i-- > 0;) {
        if (q->d[i] != '9') {
            q->d[i]++;
            return 0;
        }
        q->d[i] = '0';
    }
    int rc = q_reserve(q, q->n + 1);
    if (rc)
        return rc;
    memmove(q->d + 1, q->d, q->n);
    q->d[0] = '1';
    q->n++;
    return 0;
}

/* Round to exponent >= `scale`: away from zero (inf.RoundUp) or toward
 * zero (int64Amount.AsScale on a negative value). */
static int q_round(qnum *q, int64_t scale, int away)
{
    if (q->n == 0 || q->exp >= scale)
        return 0;
    uint64_t drop = (uint64_t)(scale - q->exp);
    int lost = 0;
    if (drop >= q->n) {
        lost = 1;
        q->n = 0;
    } else {
        for (size_t i = q->n - (size_t)drop; i < q->n; i++)
            if (q->d[i] != '0')
                lost = 1;
        q->n -= (size_t)drop;
    }
    q->exp = scale;
    if (lost && away) {
        if (q->n == 0) {
            int rc = q_reserve(q, 1);
            if (rc)
                return rc;
            q->d[0] = '1';
            q->n = 1;
            return 0;
        }
        return q_inc(q);
    }
    q_trim_leading(q);
    return 0;
}

/* Compare magnitude with an unsigned integer. */
static int q_cmp_u64(const qnum *q, uint64_t v)
{
    char buf[24];
    int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    if (q->n == 0)
        return v == 0 ? 0 : -1;
    if (q->exp < 0) {
        /* integer part vs v, then any fraction makes it bigger */
        if ((int64_t)q->n + q->exp < 0)
            return v == 0 ? 1 : -1;
        size_t ip = q->n - (size_t)(-q->exp);
        int c;
        if (ip != (size_t)len)
            c = ip < (size_t)len ? -1 : 1;
        else
            c = memcmp(q->d, buf, ip);
        if (c)
            return c < 0 ? -1 : 1;
        for (size_t i = ip; i < q->n; i++)
            if (q->d[i] != '0')
                return 1;
        return 0;
    }
    if (q->exp > 24 || q->n + (size_t)q->exp > (size_t)len)
        return 1;
    if (q->n + (size_t)q->exp < (size_t)len)
        return -1;
    int c = memcmp(q->d, buf, q->n);
    if (c)
        return c < 0 ? -1 : 1;
    for (int i = (int)q->n; i < len; i++)
        if (buf[i] != '0')
            return -1;
    return 0;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

typedef struct parsed {
    int neg;
    const char *num;    /* numerator digits without leading zeros ("0" if none) */
    size_t num_len;
    const char *den;
    size_t den_len;
    const char *suf;
    size_t suf_len;
} parsed;

/* parseQuantityString */
static int split(parsed *p, const char *s, size_t end)
{
    static const char zero[] = "0";
    memset(p, 0, sizeof *p);
    size_t pos = 0;
    if (pos < end && (s[0] == '-' || s[0] == '+')) {
        p->neg = s[0] == '-';
        pos++;
    }
    while (pos < end && s[pos] == '0')
        pos++;
    if (pos >= end) {
        p->num = zero;
        p->num_len = 1;
        return 0;
    }
    size_t i = pos;
    while (i < end && is_digit(s[i]))
        i++;
    p->num = s + pos;
    p->num_len = i - pos;
    if (i >= end)
        return 0;
    if (p->num_len == 0) {
        p->num = zero;
        p->num_len = 1;
    }
    pos = i;
    if (s[pos] == '.') {
        pos++;
        i = pos;
        while (i < end && is_digit(s[i]))
            i++;
        p->den = s + pos;
        p->den_len = i - pos;
        if (i >= end)
            return 0;
        pos = i;
    }
    size_t suf_start = pos;
    i = pos;
    while (i < end && strchr("eEinumkKMGTP", s[i]))
        i++;
    if (i < end && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < end && is_digit(s[i]))
        i++;
    if (i < end)
        return STS_EINVAL;
    p->suf = s + suf_start;
    p->suf_len = end - suf_start;
    return 0;
}

/* suffixHandler.interpret: base 10 or 2, exponent, format. */
static int interpret(int *base, int32_t *exp, int *format, const char *s, size_t n)
{
    static const struct { const char *s; int32_t e; } dec[] = {
        {"n", -9}, {"u", -6}, {"m", -3}, {"", 0}, {"k", 3}, {"M", 6},
        {"G", 9}, {"T", 12}, {"P", 15}, {"E", 18}};
    static const struct { const char *s; int32_t e; } bin[] = {
        {"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
    for (size_t i = 0; i < sizeof dec / sizeof dec[0]; i++)
        if (strlen(dec[i].s) == n && (n == 0 || memcmp(dec[i].s, s, n) == 0)) {
            *base = 10, *exp = dec[i].e, *format = FMT_DEC_SI;
            return 0;
        }
    for (size_t i = 0; i < sizeof bin / sizeof bin[0]; i++)
        if (strlen(bin[i].s) == n && (n == 0 || memcmp(bin[i].s, s, n) == 0)) {
            *base = 2, *exp = bin[i].e, *format = FMT_BIN;
            return 0;
        }
    if (n > 1 && (s[0] == 'e' || s[0] == 'E')) {
        /* strconv.ParseInt(s[1:], 10, 64), then int32() */
        size_t i = 1;
        int neg = 0;
        if (s[i] == '+' || s[i] == '-')
            neg = s[i++] == '-';
        if (i >= n)
            return STS_EINVAL;
        uint64_t v = 0;
        for (; i < n; i++) {
            if (!is_digit(s[i]))
                return STS_EINVAL;
            uint64_t d = (uint64_t)(s[i] - '0');
            if (v > (UINT64_C(9223372036854775808) - d) / 10)
                return STS_EINVAL;
            v = v * 10 + d;
        }
        if (!neg && v > INT64_MAX)
            return STS_EINVAL;
        int64_t sv = neg ? (int64_t)(0 - v) : (int64_t)v;
        *base = 10, *exp = (int32_t)(uint32_t)(uint64_t)sv, *format = FMT_DEC_EXP;
        return 0;
    }
    return STS_EINVAL;
}

typedef struct quantity {
    qnum v;
    int format;
    bool fast;          /* int64Amount (the parser's fast path) */
    const char *cached; /* original text kept as the printed form */
    size_t cached_len;
} quantity;

static int parse(quantity *q, const char *s, size_t n, sts_error **err)
{
    memset(q, 0, sizeof *q);
    if (n == 0)
        return sts__err(err, STS_EINVAL, FORMAT_MSG);
    if (n == 1 && s[0] == '0') {
        q->format = FMT_DEC_SI;
        q->fast = true;
        q->cached = s;
        q->cached_len = 1;
        return 0;
    }
    parsed p;
    if (split(&p, s, n))
        return sts__err(err, STS_EINVAL, FORMAT_MSG);
    int base;
    int32_t exponent;
    if (interpret(&base, &exponent, &q->format, p.suf, p.suf_len))
        return sts__err(err, STS_EINVAL, SUFFIX_MSG);

    int32_t precision, scale = 0;
    uint64_t mantissa = 1;
    if (q->format != FMT_BIN) {
        scale = exponent;
        precision = 18 - (int32_t)(p.num_len + p.den_len);
    } else if (exponent >= 0 && p.den_len == 0) {
        mantissa = UINT64_C(1) << exponent;
        precision = 15 - (int32_t)p.num_len - (int32_t)((float)exponent * 3 / 10) - 1;
    } else {
        precision = -1;
    }
    if (precision >= 0) {
        scale -= (int32_t)p.den_len;
        if (scale >= -9) {
            uint64_t value = 0;
            for (size_t i = 0; i < p.num_len + p.den_len; i++) {
                char c = i < p.num_len ? p.num[i] : p.den[i - p.num_len];
                value = value * 10 + (uint64_t)(c - '0');
            }
            if (value == 0 || value <= (uint64_t)INT64_MAX / mantissa) {
                uint64_t result = value * mantissa;
                char buf[24];
                int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)result);
                int rc = q_reserve(&q->v, (size_t)len);
                if (rc)
                    return rc;
                memcpy(q->v.d, buf, (size_t)len);
                q->v.n = (size_t)len;
                q_trim_leading(&q->v);
                q->v.neg = p.neg && result != 0;
                q->v.exp = q->format == FMT_BIN ? 0 : scale;
                q->fast = true;
                bool keep;
                if (q->format == FMT_BIN) {
                    keep = exponent % 10 == 0 && (value & 7) != 0;
                } else {
                    /* shifted = num + den; num is "0" when it had no digits */
                    char first = p.num[0];
                    size_t sl = p.num_len + p.den_len;
                    bool zeros3 = sl >= 3;
                    for (size_t i = sl >= 3 ? sl - 3 : 0; zeros3 && i < sl; i++) {
                        char c = i < p.num_len ? p.num[i] : p.den[i - p.num_len];
                        if (c != '0')
                            zeros3 = false;
                    }
                    keep = scale % 3 == 0 && !zeros3 && first != '0';
                }
                if (keep) {
                    q->cached = s;
                    q->cached_len = n;
                }
                return 0;
            }
        }
    }

    /* inf.Dec path */
    size_t total = p.num_len + p.den_len;
    int rc = q_reserve(&q->v, total + 1);
    if (rc)
        return rc;
    memcpy(q->v.d, p.num, p.num_len);
    if (p.den_len)
        memcpy(q->v.d + p.num_len, p.den, p.den_len);
    q->v.n = total;
    q->v.exp = -(int64_t)p.den_len;
    q_trim_leading(&q->v);
    if (base == 10) {
        q->v.exp += exponent;
    } else {
        for (int32_t i = 0; i < exponent && q->v.n; i++)
            if ((rc = q_mul_small(&q->v, 2)))
                return rc;
    }
    if ((rc = q_round(&q->v, -9, 1)))
        return rc;
    if (q->format == FMT_BIN && q_cmp_u64(&q->v, (uint64_t)INT64_MAX) > 0) {
        char buf[24];
        int len = snprintf(buf, sizeof buf, "%lld", (long long)INT64_MAX);
        memcpy(q->v.d, buf, (size_t)len);
        q->v.n = (size_t)len;
        q->v.exp = 0;
    }
    if (q->format == FMT_BIN && q->v.n && q_cmp_u64(&q->v, 1) < 0)
        q->format = FMT_DEC_SI;
    q->v.neg = p.neg && q->v.n;
    return 0;
}

/* Quantity.RoundUp(-3) */
static int round_milli(quantity *q)
{
    if (q->v.exp >= -3)
        return 0;
    q->cached = NULL;
    int rc = q_round(&q->v, -3, q->fast ? !q->v.neg : 1);
    if (!q->v.n)
        q->v.neg = 0;
    return rc;
}

static int put_exp(sts_buf *out, int64_t e)
{
    return e ? sts__buf_printf(out, "e%lld", (long long)e) : 0;
}

static int print(sts_buf *out, quantity *q)
{
    if (q->cached)
        return sts_buf_append(out, q->cached, q->cached_len);
    if (q->v.n == 0)
        return sts_buf_append(out, "0", 1);
    int rc = 0;
    if (q->format == FMT_BIN) {
        bool small = q_cmp_u64(&q->v, 1024) < 0;
        bool whole = q->v.exp >= 0;
        if (!whole) {
            whole = true;
            for (size_t i = q->v.n - (size_t)(-q->v.exp); i < q->v.n; i++)
                if (q->v.d[i] != '0')
                    whole = false;
        }
        if (small || !whole) {
            q->format = FMT_DEC_SI;
        } else {
            /* an integer below 2^63 */
            uint64_t v = 0;
            size_t ip = q->v.exp < 0 ? q->v.n - (size_t)(-q->v.exp) : q->v.n;
            for (size_t i = 0; i < ip; i++)
                v = v * 10 + (uint64_t)(q->v.d[i] - '0');
            for (int64_t i = 0; i < q->v.exp; i++)
                v *= 10;
            int e = 0;
            while (v % 1024 == 0 && e < 6) {
                v /= 1024;
                e++;
            }
            static const char *const bs[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            return sts__buf_printf(out, "%s%llu%s", q->v.neg ? "-" : "", (unsigned long long)v,
                                   bs[e]);
        }
    }
    /* AsCanonicalBytes: trailing zeros into the exponent, exponent down to
     * a multiple of 3 */
    while (q->v.n > 1 && q->v.d[q->v.n - 1] == '0') {
        q->v.n--;
        q->v.exp++;
    }
    while (q->v.exp % 3 != 0) {
        if ((rc = q_mul_small(&q->v, 10)))
            return rc;
        q->v.exp--;
    }
    if (q->v.neg && (rc = sts_buf_append(out, "-", 1)))
        return rc;
    if ((rc = sts_buf_append(out, q->v.d, q->v.n)))
        return rc;
    if (q->format == FMT_DEC_EXP)
        return put_exp(out, q->v.exp);
    static const struct { int64_t e; const char *s; } si[] = {
        {-9, "n"}, {-6, "u"}, {-3, "m"}, {0, ""}, {3, "k"}, {6, "M"},
        {9, "G"}, {12, "T"}, {15, "P"}, {18, "E"}};
    for (size_t i = 0; i < sizeof si / sizeof si[0]; i++)
        if (si[i].e == q->v.exp)
            return sts_buf_append(out, si[i].s, strlen(si[i].s));
    /* beyond the SI table (e.g. 1000E): [inferred] written as an exponent */
    return put_exp(out, q->v.exp);
}

static bool go_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int sts__quantity_canon(sts_buf *out, const char *text, size_t len, bool milli, sts_error **err)
{
    /* UnmarshalJSON trims spaces (also inside a JSON string) */
    while (len && go_space(text[0]))
        text++, len--;
    while (len && go_space(text[len - 1]))
        len--;
    if (len > MAX_INPUT)
        return sts__err(err, STS_EINVAL, FORMAT_MSG);
    quantity q;
    int rc = parse(&q, text, len, err);
    if (!rc && milli)
        rc = round_milli(&q);
    if (!rc)
        rc = print(out, &q);
    if (!rc)
        rc = sts__buf_putc(out, '\0');
    if (!rc)
        out->len--;
    free(q.v.d);
    return rc;
}

int sts__quantity_sign(int *sign, const char *text, size_t len)
{
    while (len && go_space(text[0]))
        text++, len--;
    while (len && go_space(text[len - 1]))
        len--;
    if (len > MAX_INPUT)
        return STS_EINVAL;
    quantity q;
    int rc = parse(&q, text, len, NULL);
    if (!rc)
        *sign = q.v.n == 0 ? 0 : q.v.neg ? -1 : 1;
    free(q.v.d);
    return rc;
}

int sts_quantity_canonical(char *out, size_t size, const char *quantity, sts_error **err)
{
    if (!quantity || (!out && size))
        return sts__err(err, STS_EINVAL, "sts_quantity_canonical: NULL argument");
    sts_buf b = STS_BUF_INIT;
    int rc = sts__quantity_canon(&b, quantity, strlen(quantity), true, err);
    if (rc) {
        sts_buf_dispose(&b);
        return rc;
    }
    if (size) {
        size_t n = b.len < size - 1 ? b.len : size - 1;
        memcpy(out, b.data, n);
        out[n] = '\0';
    }
    int len = (int)b.len;
    sts_buf_dispose(&b);
    return len;
}

/* The text Kubernetes reads for a quantity node: a string as is, a number
 * as the JSON kubectl sends (Go's float64 formatting). */
static int node_text(sts_buf *tmp, const char **s, size_t *n, const sts_node *v)
{
    int64_t i;
    double d;
    switch (sts_node_get_type(v)) {
    case STS_NODE_STRING:
        return sts_node_get_string(s, n, v);
    case STS_NODE_INT:
        sts_node_get_int(&i, v);
        if (sts__buf_printf(tmp, "%lld", (long long)i))
            return STS_ENOMEM;
        break;
    case STS_NODE_FLOAT: {
        sts_node_get_float(&d, v);
        if (d != d || d - d != 0)
            return STS_ETYPE;
        char buf[STS__GO_FLOAT_MAX];
        size_t k = sts__go_float(buf, d);
        if (sts_buf_append(tmp, buf, k))
            return STS_ENOMEM;
        break;
    }
    default:
        return STS_ETYPE;
    }
    *s = tmp->data;
    *n = tmp->len;
    return 0;
}

int sts__quantity_default_node(sts_doc *doc, sts_node *map, const char *key, bool milli,
                               const char *path, sts_error **err)
{
    sts_node *v = sts__api_get(map, key);
    if (!v)
        return 0;
    sts_buf tmp = STS_BUF_INIT, out = STS_BUF_INIT;
    const char *s = NULL;
    size_t n = 0;
    int rc = node_text(&tmp, &s, &n, v);
    if (rc == STS_ETYPE)
        rc = sts__err_node(err, STS_ETYPE, v, path, "%s: expected a quantity (string or number)",
                           path);
    else if (!rc && (rc = sts__quantity_canon(&out, s, n, milli, NULL)) == STS_EINVAL)
        rc = sts__err_node(err, STS_EINVAL, v, path, "%s", FORMAT_MSG);
    if (!rc) {
        const char *cur;
        size_t cl;
        /* leave an already canonical string node (and its style) alone */
        if (sts_node_get_type(v) != STS_NODE_STRING || sts_node_get_string(&cur, &cl, v) ||
            cl != out.len || (cl && memcmp(cur, out.data, cl) != 0)) {
            sts_node *nn;
            rc = sts_doc_new_string(&nn, doc, out.data ? out.data : "", out.len);
            if (!rc) {
                sts_node_set_mark(nn, sts_node_line(v), sts_node_column(v), sts_node_offset(v));
                rc = sts_node_map_set(map, key, strlen(key), nn);
            }
        }
    }
    sts_buf_dispose(&tmp);
    sts_buf_dispose(&out);
    return rc;
}

int sts__quantity_default_list(sts_doc *doc, sts_node *list, const char *path, sts_error **err)
{
    if (!list || sts_node_get_type(list) != STS_NODE_MAP)
        return 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < sts_node_count(list); i++) {
        const char *k;
        size_t kl;
        if (sts_node_get_string(&k, &kl, sts_node_map_key_at(list, i)))
            continue;
        /* resource names are short, but any key must work */
        sts_buf key = STS_BUF_INIT, p = STS_BUF_INIT;
        rc = sts_buf_append(&key, k, kl);
        const char *kz = key.data ? key.data : "";
        if (!rc)
            rc = sts__buf_printf(&p, "%s[%s]", path, kz);
        if (!rc && strlen(kz) == kl) /* a key with a NUL byte cannot be looked up */
            rc = sts__quantity_default_node(doc, list, kz, true, p.data, err);
        sts_buf_dispose(&key);
        sts_buf_dispose(&p);
    }
    return rc;
}
