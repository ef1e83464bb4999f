/* Typed access to Service (v1) fields. */
#include <stdio.h>

#include "model_priv.h"

#define SVC_KIND(fn)                                                  \
    do {                                                              \
        int k_ = sts__want_kind(svc, STS_KIND_SERVICE, fn, err);     \
        if (k_)                                                       \
            return k_;                                                \
    } while (0)

int sts_service_get_cluster_ip(const char **out, size_t *len, const sts_object *svc,
                               sts_error **err)
{
    SVC_KIND("sts_service_get_cluster_ip");
    return sts__get_str(out, len, svc, "spec.clusterIP", err);
}

int sts_service_is_headless(const sts_object *svc)
{
    const char *ip;
    size_t len;
    if (sts_object_kind(svc) != STS_KIND_SERVICE ||
        sts__get_str(&ip, &len, svc, "spec.clusterIP", NULL))
        return 0;
    return len == 4 && ip[0] == 'N' && ip[1] == 'o' && ip[2] == 'n' && ip[3] == 'e';
}

int sts_service_get_publish_not_ready_addresses(int *out, const sts_object *svc, sts_error **err)
{
    SVC_KIND("sts_service_get_publish_not_ready_addresses");
    return sts_object_get_bool(out, svc, "spec.publishNotReadyAddresses", err);
}

int sts_service_get_selector(sts_node **out, const sts_object *svc, sts_error **err)
{
    SVC_KIND("sts_service_get_selector");
    sts_node *n;
    int rc = sts_object_get(&n, svc, "spec.selector", err);
    if (rc)
        return rc;
    if (n->type != STS_NODE_MAP)
        return sts__type_error(err, n, "spec.selector", "a map of strings");
    if (out)
        *out = n;
    return 0;
}

size_t sts_service_port_count(const sts_object *svc)
{
    return sts_object_kind(svc) == STS_KIND_SERVICE ? sts__list_count(svc, "spec.ports") : 0;
}

sts_node *sts_service_port_at(const sts_object *svc, size_t i)
{
    return sts_object_kind(svc) == STS_KIND_SERVICE ? sts__list_at(svc, "spec.ports", i) : NULL;
}

static int port_node(sts_node **out, const sts_object *svc, size_t i, const char *fn,
                     sts_error **err)
{
    SVC_KIND(fn);
    *out = sts_service_port_at(svc, i);
    return *out ? 0 : STS_ENOTFOUND;
}

int sts_service_port_get_name(const char **out, size_t *len, const sts_object *svc, size_t i,
                              sts_error **err)
{
    sts_node *p;
    int rc = port_node(&p, svc, i, "sts_service_port_get_name", err);
    return rc ? rc : sts_object_get_string_at(out, len, svc, p, "name", err);
}

int sts_service_port_get_protocol(const char **out, size_t *len, const sts_object *svc,
                                  size_t i, sts_error **err)
{
    sts_node *p;
    int rc = port_node(&p, svc, i, "sts_service_port_get_protocol", err);
    return rc ? rc : sts_object_get_string_at(out, len, svc, p, "protocol", err);
}

int sts_service_port_get_port(int32_t *out, const sts_object *svc, size_t i, sts_error **err)
{
    sts_node *p;
    int rc = port_node(&p, svc, i, "sts_service_port_get_port", err);
    return rc ? rc : sts_object_get_int32_at(out, svc, p, "port", err);
}

int sts_service_port_get_target_port(int32_t *number, const char **name, size_t *len,
                                     int *is_name, const sts_object *svc, size_t i,
                                     sts_error **err)
{
    sts_node *p;
    int rc = port_node(&p, svc, i, "sts_service_port_get_target_port", err);
    return rc ? rc
              : sts_object_get_int_or_string_at(number, name, len, is_name, svc, p,
                                                "targetPort", err);
}
