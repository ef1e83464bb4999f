/* Name helpers: reverse-lookup names, CoreDNS endpoint names, DNS-1035. */
#include <arpa/inet.h>
#include <string.h>

#include "dns_internal.h"

int dns_is_ipv6(const char *ip)
{
    return strchr(ip, ':') != NULL;
}

int dns_reverse_name(sts_buf *out, const char *ip)
{
    unsigned char a[16];
    if (!dns_is_ipv6(ip)) {
        if (inet_pton(AF_INET, ip, a) != 1)
            return STS_EINVAL;
        return sts__buf_printf(out, "%u.%u.%u.%u.in-addr.arpa.", a[3], a[2], a[1], a[0]);
    }
    if (inet_pton(AF_INET6, ip, a) != 1)
        return STS_EINVAL;
    static const char hex[] = "0123456789abcdef";
    int rc = 0;
    for (int i = 15; !rc && i >= 0; i--) {
        char nib[4] = {hex[a[i] & 15], '.', hex[a[i] >> 4], '.'};
        rc = sts_buf_append(out, nib, 4);
    }
    return rc ? rc : sts_buf_append(out, "ip6.arpa.", 9);
}

int dns_dashed_ip(sts_buf *out, const char *ip)
{
    size_t mark = out->len, n = strlen(ip);
    int rc = 0;
    /* CoreDNS: separators become dashes; a leading or trailing dash gets a 0 */
    if (n && ip[0] == ':')
        rc = sts__buf_putc(out, '0');
    for (size_t i = 0; !rc && i < n; i++)
        rc = sts__buf_putc(out, ip[i] == '.' || ip[i] == ':' ? '-' : ip[i]);
    if (!rc && n && ip[n - 1] == ':')
        rc = sts__buf_putc(out, '0');
    if (rc && out->data) {
        out->len = mark;
        out->data[mark] = '\0';
    }
    return rc;
}

int dns_is_1035_label(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63 || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return 0;
    }
    return s[n - 1] != '-';
}
