/* apimachinery util/validation string checks, with their exact messages
 * (RegexError joins examples as `'a', ` + ` or ` + `'b', `, hence the two
 * spaces before "or"). */
#include <string.h>

#include "api_priv.h"

#define DNS1123_LABEL_MSG                                                                 \
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', " \
    "and must start and end with an alphanumeric character (e.g. 'my-name',  or "          \
    "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
#define DNS1123_SUBDOMAIN_MSG                                                             \
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "   \
    "'-' or '.', and must start and end with an alphanumeric character (e.g. "             \
    "'example.com', regex used for validation is "                                         \
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
#define DNS1035_LABEL_MSG                                                                 \
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "    \
    "with an alphabetic character, and end with an alphanumeric character (e.g. "          \
    "'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
#define QNAME_REGEX_MSG                                                                   \
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end "     \
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "   \
    "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
#define LABEL_VALUE_MSG                                                                   \
    "a valid label must be an empty string or consist of alphanumeric characters, '-', "    \
    "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "  \
    "or 'my_value',  or '12345', regex used for validation is "                             \
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

static bool lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool alnum(char c)
{
    return lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

/* [a-z0-9]([-a-z0-9]*[a-z0-9])? */
static bool dns_label(const char *s, size_t n)
{
    if (n == 0 || !lower_alnum(s[0]) || !lower_alnum(s[n - 1]))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!lower_alnum(s[i]) && s[i] != '-')
            return false;
    return true;
}

static bool dns_subdomain(const char *s, size_t n)
{
    size_t st = 0;
    for (size_t i = 0; i <= n; i++)
        if (i == n || s[i] == '.') {
            if (!dns_label(s + st, i - st))
                return false;
            st = i + 1;
        }
    return true;
}

/* ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9] */
static bool qname(const char *s, size_t n)
{
    if (n == 0 || !alnum(s[0]) || !alnum(s[n - 1]))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!alnum(s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
            return false;
    return true;
}

void sts__is_dns1123_label(const char *s, size_t len, sts__msg_fn fn, void *ud)
{
    if (len > 63)
        fn(ud, "must be no more than 63 characters");
    if (!dns_label(s, len)) {
        /* a valid subdomain that is no label can only have dots
         * ("must not contain dots", apimachinery since before 1.31 [inferred]) */
        if (dns_subdomain(s, len))
            fn(ud, "must not contain dots");
        else
            fn(ud, DNS1123_LABEL_MSG);
    }
}

void sts__is_dns1123_subdomain(const char *s, size_t len, sts__msg_fn fn, void *ud)
{
    if (len > 253)
        fn(ud, "must be no more than 253 characters");
    if (!dns_subdomain(s, len))
        fn(ud, DNS1123_SUBDOMAIN_MSG);
}

void sts__is_dns1035_label(const char *s, size_t len, sts__msg_fn fn, void *ud)
{
    if (len > 63)
        fn(ud, "must be no more than 63 characters");
    if (!dns_label(s, len) || (s[0] >= '0' && s[0] <= '9'))
        fn(ud, DNS1035_LABEL_MSG);
}

typedef struct prefixed {
    sts__msg_fn fn;
    void *ud;
} prefixed;

static void prefix_part(void *ud, const char *msg)
{
    prefixed *p = ud;
    sts_buf b = STS_BUF_INIT;
    if (sts__buf_printf(&b, "prefix part %s", msg) == 0)
        p->fn(p->ud, b.data);
    sts_buf_dispose(&b);
}

void sts__is_qualified_name(const char *s, size_t len, sts__msg_fn fn, void *ud)
{
    const char *slash = memchr(s, '/', len);
    const char *name = s;
    size_t nl = len;
    if (slash) {
        if (memchr(slash + 1, '/', len - (size_t)(slash + 1 - s))) {
            fn(ud, "a qualified name " QNAME_REGEX_MSG
                   " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return;
        }
        size_t pl = (size_t)(slash - s);
        if (pl == 0) {
            fn(ud, "prefix part must be non-empty");
        } else {
            prefixed p = {fn, ud};
            sts__is_dns1123_subdomain(s, pl, prefix_part, &p);
        }
        name = slash + 1;
        nl = len - pl - 1;
    }
    if (nl == 0)
        fn(ud, "name part must be non-empty");
    else if (nl > 63)
        fn(ud, "name part must be no more than 63 characters");
    if (!qname(name, nl))
        fn(ud, "name part " QNAME_REGEX_MSG);
}

void sts__is_label_value(const char *s, size_t len, sts__msg_fn fn, void *ud)
{
    if (len > 63)
        fn(ud, "must be no more than 63 characters");
    if (len && !qname(s, len))
        fn(ud, LABEL_VALUE_MSG);
}
