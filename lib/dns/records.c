/* The record container and its accessors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns_internal.h"

int dns_add(sts_dns_records *r, const char *name, sts_dns_type type, uint32_t ttl,
            const char *data, const char *pod)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        dns_record *p = realloc(r->v, cap * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        r->v = p;
        r->cap = cap;
    }
    dns_record *rec = &r->v[r->count];
    rec->name = strdup(name);
    rec->data = strdup(data ? data : "");
    rec->pod = strdup(pod ? pod : "");
    rec->type = type;
    rec->ttl = ttl;
    if (!rec->name || !rec->data || !rec->pod) {
        free(rec->name);
        free(rec->data);
        free(rec->pod);
        return STS_ENOMEM;
    }
    r->count++;
    return 0;
}

int dns_problem(sts_dns_records *r, int code, const char *path, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sts_error *e;
    if (sts_error_new(&e, code, msg, path, 0, 0, UINT64_MAX))
        return STS_ENOMEM;
    sts_error_append(&r->problems, e);
    return 0;
}

void sts_dns_opts_init(sts_dns_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
}

void sts_dns_records_free(sts_dns_records *recs)
{
    if (!recs)
        return;
    for (size_t i = 0; i < recs->count; i++) {
        free(recs->v[i].name);
        free(recs->v[i].data);
        free(recs->v[i].pod);
    }
    free(recs->v);
    free(recs->service_fqdn);
    free(recs->origin_comment);
    sts_error_free(recs->problems);
    free(recs);
}

size_t sts_dns_records_count(const sts_dns_records *recs)
{
    return recs ? recs->count : 0;
}

static const dns_record *at(const sts_dns_records *recs, size_t i)
{
    return recs && i < recs->count ? &recs->v[i] : NULL;
}

const char *sts_dns_record_name(const sts_dns_records *recs, size_t i)
{
    return at(recs, i) ? at(recs, i)->name : "";
}

sts_dns_type sts_dns_record_type(const sts_dns_records *recs, size_t i)
{
    return at(recs, i) ? at(recs, i)->type : (sts_dns_type)0;
}

uint32_t sts_dns_record_ttl(const sts_dns_records *recs, size_t i)
{
    return at(recs, i) ? at(recs, i)->ttl : 0;
}

const char *sts_dns_record_data(const sts_dns_records *recs, size_t i)
{
    return at(recs, i) ? at(recs, i)->data : "";
}

const char *sts_dns_record_pod(const sts_dns_records *recs, size_t i)
{
    return at(recs, i) ? at(recs, i)->pod : "";
}

const char *sts_dns_service_fqdn(const sts_dns_records *recs)
{
    return recs && recs->service_fqdn ? recs->service_fqdn : "";
}

const sts_error *sts_dns_records_problems(const sts_dns_records *recs)
{
    return recs ? recs->problems : NULL;
}

const char *sts_dns_type_name(sts_dns_type type)
{
    switch (type) {
    case STS_DNS_A:
        return "A";
    case STS_DNS_AAAA:
        return "AAAA";
    case STS_DNS_PTR:
        return "PTR";
    case STS_DNS_SRV:
        return "SRV";
    default:
        return "";
    }
}
