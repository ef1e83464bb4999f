/**
 * @file dns.h
 * @brief Cluster DNS for a StatefulSet and its governing Service, per the
 * Kubernetes DNS-Based Service Discovery specification (schema 1.1.0) and
 * the EndpointSlice rules that decide which pods are published.
 *
 * Inputs are the StatefulSet, the Service (nullable: looked up by
 * `spec.serviceName` among @p objects) and, optionally, Pod objects with
 * `status.podIP(s)` and conditions. Without pods, records are predicted
 * for every replica as if it were ready, listed by name with no address.
 */
#ifndef STATEFULSET_DNS_H
#define STATEFULSET_DNS_H

#include "common.h"
#include "error.h"
#include "model.h"

STS_BEGIN_DECLS

typedef struct sts_dns_records sts_dns_records;

/** Record types. @since 0.1 */
typedef enum sts_dns_type {
    STS_DNS_A = 1,
    STS_DNS_AAAA = 28,
    STS_DNS_PTR = 12,
    STS_DNS_SRV = 33,
    STS_DNS_TYPE_FORCE_32BIT = 0x7fffffff
} sts_dns_type;

typedef struct sts_dns_opts {
    size_t sz;                  /**< sizeof(sts_dns_opts) */
    const char *cluster_domain; /**< default "cluster.local" */
    uint32_t ttl;               /**< default 5 (CoreDNS) */
    uint32_t flags;             /**< reserved, 0 */
} sts_dns_opts;

#define STS_DNS_OPTS_INIT { sizeof(sts_dns_opts), NULL, 0, 0 }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_dns_opts_init(sts_dns_opts *opts);

/**
 * @brief Compute the records of the headless Service governing @p sts.
 * @param[out] out records and explanations (transfer full)
 * @param[in] sts a StatefulSet
 * @param[in] objects other objects of the input: the Service and Pods (nullable)
 * @param[in] service the Service to use (nullable: found in @p objects by name)
 * @return 0 (even when no records exist: see sts_dns_records_problems),
 * STS_EINVAL when @p sts is not a StatefulSet
 * @since 0.1
 */
STS_API int sts_dns_compute(sts_dns_records **out, const sts_object *sts,
                            const sts_object_list *objects, const sts_object *service,
                            const sts_dns_opts *opts, sts_error **err);

STS_API void sts_dns_records_free(sts_dns_records *recs);
STS_API size_t sts_dns_records_count(const sts_dns_records *recs);
/** @brief Owner name with trailing dot, e.g. `web-0.nginx.default.svc.cluster.local.` @since 0.1 */
STS_API const char *sts_dns_record_name(const sts_dns_records *recs, size_t i);
STS_API sts_dns_type sts_dns_record_type(const sts_dns_records *recs, size_t i);
/** @brief "A", "AAAA", "PTR", "SRV". @since 0.1 */
STS_API const char *sts_dns_type_name(sts_dns_type type);
STS_API uint32_t sts_dns_record_ttl(const sts_dns_records *recs, size_t i);
/**
 * @brief Record data in master-file syntax: an address, `0 50 80 target.`
 * for SRV (priority weight port target), a name for PTR; "" for an
 * address not known (predicted without pod IPs).
 * @since 0.1
 */
STS_API const char *sts_dns_record_data(const sts_dns_records *recs, size_t i);
/** @brief The pod a record is about ("" for service-wide records). @since 0.1 */
STS_API const char *sts_dns_record_pod(const sts_dns_records *recs, size_t i);
/** @brief The Service FQDN `<svc>.<ns>.svc.<zone>` ("" when no serviceName). @since 0.1 */
STS_API const char *sts_dns_service_fqdn(const sts_dns_records *recs);
/**
 * @brief Reasons records are missing or incomplete (no Service, not
 * headless, selector mismatch, unnamed ports, unready pods, ...), each an
 * STS_ENOTFOUND / STS_EVALIDATION entry with a field path (transfer none,
 * nullable when there are none).
 * @since 0.1
 */
STS_API const sts_error *sts_dns_records_problems(const sts_dns_records *recs);

/**
 * @brief Write the records as an RFC 1035 master file (`$ORIGIN`, `$TTL`).
 * @since 0.1
 */
STS_API int sts_dns_records_zone(sts_buf *out, const sts_dns_records *recs, sts_error **err);

/**
 * @brief The encode-only `zone` serializer: encoding a set of documents
 * (StatefulSets, Services, Pods) prints the zone of every StatefulSet.
 * Registered by sts_registry_new like the built-ins; exposed so a caller
 * with an STS_REGISTRY_EMPTY registry can add it.
 * @since 0.1
 */
STS_API const sts_serializer *sts_dns_zone_serializer(void);

STS_END_DECLS

#endif
