/* float64 -> text exactly as Go's encoding/json writes it.
 *
 * Go prints the shortest digit string that reads back as the same double
 * (strconv.AppendFloat with precision -1), in plain decimal for
 * 1e-6 <= |x| < 1e21 and in exponent form otherwise, and encoding/json then
 * shortens a two-digit negative exponent ("1e-07" -> "1e-7").
 *
 * The shortest digits come from the C library: printf("%.*e") gives the
 * correctly rounded p-digit decimal and strtod reads correctly rounded, so
 * the first p whose rounding reads back is the shortest length. At a power
 * of two the round-trip interval is lopsided, and the nearest p-digit
 * decimal can miss it while its neighbour on the other side of x is
 * inside; that neighbour is tried too. Ties cannot happen for binary
 * doubles, so "nearest" is unambiguous. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revision_priv.h"

/* Digits (no dot) and decimal exponent of printf's %.*e output. */
static int split_e(const char *s, char *digits, int *exp10)
{
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    digits[n] = '\0';
    *exp10 = *s == 'e' ? atoi(s + 1) : 0;
    return n;
}

static int reads_back(const char *digits, int n, int exp10, double x)
{
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%c.%se%d", digits[0], n > 1 ? digits + 1 : "", exp10);
    return strtod(tmp, NULL) == x;
}

/* Add (+1) or subtract (-1) one unit in the last place of an n-digit
 * mantissa; returns the new digit count (a carry can make it n+1 as "10..",
 * kept to n digits by bumping the exponent). */
static void step(char *digits, int n, int *exp10, int dir)
{
    int i = n - 1;
    if (dir > 0) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i >= 0) {
            digits[i]++;
        } else { /* 99 -> 100: same length one decade up */
            digits[0] = '1';
            (*exp10)++;
        }
    } else {
        while (i >= 0 && digits[i] == '0')
            digits[i--] = '9';
        if (i >= 0)
            digits[i]--;
        if (digits[0] == '0') { /* 10 -> 09: one decade down, all nines */
            memset(digits, '9', (size_t)n);
            (*exp10)--;
        }
    }
}

/* Shortest digits of positive finite x; returns count, sets the exponent of
 * the first digit (x = d.ddd * 10^exp10). */
static int shortest(double x, char digits[24], int *exp10)
{
    char tmp[48];
    for (int p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
        int n = split_e(tmp, digits, exp10);
        if (reads_back(digits, n, *exp10, x))
            break;
        if (p == 17)
            break; /* 17 digits always read back; keep them */
        double near = strtod(tmp, NULL);
        char alt[24];
        int aexp = *exp10;
        memcpy(alt, digits, (size_t)n + 1);
        step(alt, n, &aexp, near < x ? 1 : -1);
        if (reads_back(alt, n, aexp, x)) {
            memcpy(digits, alt, (size_t)n + 1);
            *exp10 = aexp;
            break;
        }
    }
    int n = (int)strlen(digits);
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = '\0';
    return n;
}

size_t sts__go_float(char buf[STS__GO_FLOAT_MAX], double x)
{
    char *o = buf;
    if (signbit(x))
        *o++ = '-';
    double ax = fabs(x);
    if (ax == 0) {
        *o++ = '0';
        *o = '\0';
        return (size_t)(o - buf);
    }
    if (ax < 9007199254740992.0 && ax == floor(ax)) {
        /* below 2^53 doubles are at most 1 apart, so no shorter digit
         * string reads back as an integer: print it exactly (the common case) */
        o += sprintf(o, "%.0f", ax);
        return (size_t)(o - buf);
    }
    char d[24];
    int e10;
    int n = shortest(ax, d, &e10);
    if (ax < 1e-6 || ax >= 1e21) {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        /* Go writes at least two exponent digits; encoding/json then drops
         * the leading zero of a negative one ("e-07" -> "e-7"). */
        int ae = e10 < 0 ? -e10 : e10;
        o += sprintf(o, "e%c%s%d", e10 < 0 ? '-' : '+', (e10 >= 0 && ae < 10) ? "0" : "", ae);
        *o = '\0';
        return (size_t)(o - buf);
    }
    int point = e10 + 1; /* digits before the decimal point */
    if (point <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = point; i < 0; i++)
            *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    } else {
        for (int i = 0; i < point; i++)
            *o++ = i < n ? d[i] : '0';
        if (n > point) {
            *o++ = '.';
            memcpy(o, d + point, (size_t)(n - point));
            o += n - point;
        }
    }
    *o = '\0';
    return (size_t)(o - buf);
}
