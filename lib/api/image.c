/* imagePullPolicy default: SetDefaults_Container parses the image with the
 * distribution reference grammar (ParseNormalizedNamed). A reference with
 * neither tag nor digest means tag "latest". `latest` -> Always, any other
 * tag, a digest only, or an unparsable reference -> IfNotPresent. */
#include <string.h>

#include "api_priv.h"

static bool lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool alnum(char c)
{
    return lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

static bool word(char c)
{
    return alnum(c) || c == '_';
}

/* path-component: [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)* */
static bool path_component(const char *s, size_t n)
{
    size_t i = 0;
    if (n == 0 || !lower_alnum(s[0]))
        return false;
    while (i < n) {
        while (i < n && lower_alnum(s[i]))
            i++;
        if (i == n)
            return true;
        size_t sep = i;
        if (s[i] == '.')
            i++;
        else if (s[i] == '_')
            i += (i + 1 < n && s[i + 1] == '_') ? 2 : 1;
        else if (s[i] == '-')
            while (i < n && s[i] == '-')
                i++;
        else
            return false;
        if (i == sep || i >= n || !lower_alnum(s[i]))
            return false;
    }
    return true;
}

/* domain-component ([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]) joined
 * by dots, optional :port; or a bracketed IPv6 address. */
static bool domain(const char *s, size_t n)
{
    const char *colon = NULL;
    if (n && s[0] == '[') {
        const char *rb = memchr(s, ']', n);
        if (!rb)
            return false;
        for (const char *p = s + 1; p < rb; p++)
            if (!(alnum(*p) || *p == ':' || *p == '.'))
                return false;
        size_t rest = n - (size_t)(rb + 1 - s);
        if (rest == 0)
            return true;
        colon = rb + 1;
        if (*colon != ':')
            return false;
    } else {
        colon = memchr(s, ':', n);
        size_t hn = colon ? (size_t)(colon - s) : n;
        size_t i = 0;
        while (i < hn) {
            size_t st = i;
            while (i < hn && (alnum(s[i]) || s[i] == '-'))
                i++;
            if (i == st || s[st] == '-' || s[i - 1] == '-')
                return false;
            if (i < hn) {
                if (s[i] != '.')
                    return false;
                i++;
                if (i == hn)
                    return false;
            }
        }
        if (hn == 0)
            return false;
    }
    if (colon) {
        size_t pn = n - (size_t)(colon + 1 - s);
        if (pn == 0)
            return false;
        for (size_t i = 0; i < pn; i++)
            if (colon[1 + i] < '0' || colon[1 + i] > '9')
                return false;
    }
    return true;
}

static bool hex_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

static bool digest_ok(const char *s, size_t n)
{
    const char *c = memchr(s, ':', n);
    if (!c)
        return false;
    size_t an = (size_t)(c - s), en = n - an - 1;
    const char *e = c + 1;
    if (an == 6 && memcmp(s, "sha256", 6) == 0)
        return en == 64 && hex_lower(e, en);
    if (an == 6 && memcmp(s, "sha384", 6) == 0)
        return en == 96 && hex_lower(e, en);
    if (an == 6 && memcmp(s, "sha512", 6) == 0)
        return en == 128 && hex_lower(e, en);
    return false; /* unknown algorithms are unsupported */
}

/* 0 = unparsable, 1 = parsed; *tagged / *digested tell what it carries;
 * *latest when the tag is "latest". */
static int parse_ref(const char *s, size_t n, bool *tagged, bool *digested, bool *latest)
{
    *tagged = *digested = *latest = false;
    if (n == 0)
        return 0;
    if (n == 64 && hex_lower(s, n))
        return 0;
    const char *at = memchr(s, '@', n);
    size_t rn = at ? (size_t)(at - s) : n;
    if (at) {
        if (!digest_ok(at + 1, n - rn - 1))
            return 0;
        *digested = true;
    }
    const char *slash = NULL;
    for (size_t i = 0; i < rn; i++)
        if (s[i] == '/')
            slash = s + i;
    const char *colon = NULL;
    for (size_t i = slash ? (size_t)(slash - s) : 0; i < rn; i++)
        if (s[i] == ':')
            colon = s + i;
    size_t nn = colon ? (size_t)(colon - s) : rn;
    if (colon) {
        const char *t = colon + 1;
        size_t tn = rn - nn - 1;
        if (tn == 0 || tn > 128 || !word(t[0]))
            return 0;
        for (size_t i = 1; i < tn; i++)
            if (!(word(t[i]) || t[i] == '.' || t[i] == '-'))
                return 0;
        *tagged = true;
        *latest = tn == 6 && memcmp(t, "latest", 6) == 0;
    }
    if (nn == 0 || nn > 255)
        return 0;
    /* splitDockerDomain: the first component is a registry when it has a
     * dot or colon, is "localhost", or has upper-case letters */
    const char *first_slash = memchr(s, '/', nn);
    size_t start = 0;
    if (first_slash) {
        size_t fn = (size_t)(first_slash - s);
        bool is_domain = memchr(s, '.', fn) || memchr(s, ':', fn) ||
                         (fn == 9 && memcmp(s, "localhost", 9) == 0);
        for (size_t i = 0; i < fn && !is_domain; i++)
            if (s[i] >= 'A' && s[i] <= 'Z')
                is_domain = true;
        if (is_domain) {
            if (!domain(s, fn))
                return 0;
            start = fn + 1;
        }
    }
    size_t i = start;
    while (i <= nn) {
        const char *sl = memchr(s + i, '/', nn - i);
        size_t e = sl ? (size_t)(sl - s) : nn;
        if (!path_component(s + i, e - i))
            return 0;
        i = e + 1;
    }
    return 1;
}

const char *sts__image_pull_policy(const char *image, size_t len)
{
    bool tagged, digested, latest;
    if (!parse_ref(image, len, &tagged, &digested, &latest))
        return "IfNotPresent";
    if (latest || (!tagged && !digested))
        return "Always";
    return "IfNotPresent";
}
