/* RFC 1035 master-file output, and the encode-only `zone` serializer. */
#include <string.h>

#include "dns_internal.h"

int sts_dns_records_zone(sts_buf *out, const sts_dns_records *recs, sts_error **err)
{
    if (!out || !recs)
        return sts__err(err, STS_EINVAL, "no output buffer or records");
    size_t mark = out->len;
    uint32_t ttl = recs->count ? recs->v[0].ttl : 5;
    int rc = 0;
    if (recs->origin_comment)
        rc = sts__buf_printf(out, "; %s\n", recs->origin_comment);
    if (!rc && recs->service_fqdn)
        rc = sts__buf_printf(out, "$ORIGIN %s.\n", recs->service_fqdn);
    if (!rc)
        rc = sts__buf_printf(out, "$TTL %u\n", ttl);
    for (size_t i = 0; !rc && i < recs->count; i++) {
        const dns_record *r = &recs->v[i];
        if (!r->data[0]) /* predicted: the address is assigned when the pod runs */
            rc = sts__buf_printf(out, "; %s %u IN %s <address of %s once running>\n", r->name,
                                 r->ttl, sts_dns_type_name(r->type), r->pod);
        else
            rc = sts__buf_printf(out, "%s %u IN %s %s\n", r->name, r->ttl,
                                 sts_dns_type_name(r->type), r->data);
    }
    for (const sts_error *e = recs->problems; !rc && e; e = sts_error_next(e))
        rc = sts__buf_printf(out, "; note: %s\n", sts_error_message(e));
    if (rc) {
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
        return sts__err(err, rc, "out of memory");
    }
    return 0;
}

/* Wrap each root (a copy) as an object so the typed views can read it. */
static int objects_of(sts_object_list **out, const sts_node *const *roots, size_t count,
                      sts_error **err)
{
    sts_object_list *list;
    if (sts_object_list_new(&list))
        return sts__err(err, STS_ENOMEM, "out of memory");
    for (size_t i = 0; i < count; i++) {
        if (sts_node_get_type(roots[i]) != STS_NODE_MAP)
            continue;
        sts_doc *d;
        sts_node *copy;
        sts_object *o;
        int rc = sts_doc_new(&d);
        if (!rc)
            rc = sts_doc_copy_node(&copy, d, roots[i]);
        if (!rc)
            rc = sts_doc_set_root(d, copy);
        if (rc) {
            sts_doc_free(d);
            sts_object_list_free(list);
            return sts__err(err, rc, "out of memory");
        }
        rc = sts_object_take_doc(&o, d, err);
        if (!rc)
            rc = sts_object_list_take(list, o);
        if (rc) {
            sts_object_list_free(list);
            return rc;
        }
    }
    *out = list;
    return 0;
}

static int zone_encode(void *ud, sts_buf *out, const sts_node *const *roots, size_t count,
                       const sts_encode_opts *opts, sts_error **err)
{
    (void)ud;
    (void)opts;
    sts_object_list *objs = NULL;
    int rc = objects_of(&objs, roots, count, err), zones = 0;
    for (size_t i = 0; !rc && i < sts_object_list_count(objs); i++) {
        const sts_object *s = sts_object_list_at(objs, i);
        if (sts_object_kind(s) != STS_KIND_STATEFULSET)
            continue;
        sts_dns_records *recs;
        rc = sts_dns_compute(&recs, s, objs, NULL, NULL, err);
        if (rc)
            break;
        if (zones++)
            rc = sts_buf_append(out, "\n", 1);
        if (!rc)
            rc = sts_dns_records_zone(out, recs, err);
        sts_dns_records_free(recs);
    }
    if (!rc && !zones)
        rc = sts__err(err, STS_EVALIDATION, "zone output needs a StatefulSet among the documents");
    sts_object_list_free(objs);
    return rc;
}

static const sts_serializer zone_serializer = {
    STS_SERIALIZER_VERSION, STS_SERIALIZER_ENCODE, "zone", "text/dns", "zone", NULL, NULL,
    zone_encode, NULL};

const sts_serializer *sts_dns_zone_serializer(void)
{
    return &zone_serializer;
}
