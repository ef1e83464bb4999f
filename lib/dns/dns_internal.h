/* Private to lib/dns. */
#ifndef STS_DNS_INTERNAL_H
#define STS_DNS_INTERNAL_H

#include "../internal.h"
#include "statefulset/dns.h"

typedef struct dns_record {
    char *name, *data, *pod;
    sts_dns_type type;
    uint32_t ttl;
} dns_record;

struct sts_dns_records {
    dns_record *v;
    size_t count, cap;
    char *service_fqdn;
    char *origin_comment; /* "StatefulSet ns/name, Service ns/name (headless)" */
    sts_error *problems;
};

int dns_add(sts_dns_records *r, const char *name, sts_dns_type type, uint32_t ttl,
            const char *data, const char *pod);
int dns_problem(sts_dns_records *r, int code, const char *path, const char *fmt, ...)
    STS__PRINTF(4, 5);
/* `10.0.0.5` -> `5.0.0.10.in-addr.arpa.`; IPv6 nibble form under ip6.arpa. */
int dns_reverse_name(sts_buf *out, const char *ip);
/* CoreDNS's endpoint name when there is no hostname: `10-0-0-5`. */
int dns_dashed_ip(sts_buf *out, const char *ip);
int dns_is_1035_label(const char *s);
int dns_is_ipv6(const char *ip);

#endif
