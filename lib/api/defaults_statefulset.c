/* apps/v1 SetDefaults_StatefulSet, the nested core/v1 defaults, and the
 * registry's dropping of fields whose feature gate is off.
 *
 * Go types decide what "unset" means: strings compare with "", pointers
 * with nil (absent or null here), structs always exist. Defaults are added
 * at the end of their map; a null value is replaced where it stands. */
#include <string.h>

#include "api_priv.h"

static int set_defaults_statefulset(sts_doc *doc, sts_node *spec, const sts__api_ctx *ctx)
{
    int rc = sts__api_default_str(doc, spec, "podManagementPolicy", "OrderedReady");
    sts_node *us = NULL;
    if (!rc)
        rc = sts__api_ensure_map(&us, doc, spec, "updateStrategy");
    if (!rc && us && sts__api_str_empty(us, "type")) {
        rc = sts__api_set_str(doc, us, "type", "RollingUpdate");
        /* only when the type was empty: an explicit RollingUpdate without a
         * rollingUpdate block keeps it nil (no partition) */
        sts_node *ru;
        if (!rc && !sts__api_get(us, "rollingUpdate"))
            rc = sts__api_ensure_map(&ru, doc, us, "rollingUpdate");
    }
    size_t tl = 0;
    const char *type = us ? sts__api_str(us, "type", &tl) : NULL;
    sts_node *ru = us ? sts__api_get(us, "rollingUpdate") : NULL;
    if (!rc && type && tl == 13 && memcmp(type, "RollingUpdate", 13) == 0 && ru &&
        sts_node_get_type(ru) == STS_NODE_MAP) {
        rc = sts__api_default_ptr_int(doc, ru, "partition", 0);
        if (!rc && ctx->max_unavailable)
            rc = sts__api_default_ptr_int(doc, ru, "maxUnavailable", 1);
    }
    sts_node *pol = NULL;
    if (!rc)
        rc = sts__api_ensure_map(&pol, doc, spec, "persistentVolumeClaimRetentionPolicy");
    if (!rc && pol)
        rc = sts__api_default_str(doc, pol, "whenDeleted", "Retain");
    if (!rc && pol)
        rc = sts__api_default_str(doc, pol, "whenScaled", "Retain");
    if (!rc)
        rc = sts__api_default_ptr_int(doc, spec, "replicas", 1);
    if (!rc)
        rc = sts__api_default_ptr_int(doc, spec, "revisionHistoryLimit", 10);
    return rc;
}

int sts__default_statefulset(sts_doc *doc, sts_node *root, const sts__api_ctx *ctx,
                             sts_error **err)
{
    sts_node *spec;
    int rc = sts__api_ensure_map(&spec, doc, root, "spec");
    if (rc || !spec)
        return rc;
    if ((rc = set_defaults_statefulset(doc, spec, ctx)))
        return rc;
    sts_node *tmpl, *pspec = NULL;
    rc = sts__api_ensure_map(&tmpl, doc, spec, "template");
    if (!rc && tmpl)
        rc = sts__api_ensure_map(&pspec, doc, tmpl, "spec");
    if (!rc && pspec)
        rc = sts__default_pod_spec(doc, pspec, "spec.template.spec", err);
    sts_node *vcts = sts__api_get(spec, "volumeClaimTemplates");
    for (size_t i = 0; !rc && vcts && sts_node_get_type(vcts) == STS_NODE_SEQ &&
                       i < sts_node_count(vcts); i++) {
        sts_buf p = STS_BUF_INIT;
        rc = sts__buf_printf(&p, "spec.volumeClaimTemplates[%zu]", i);
        if (!rc)
            rc = sts__default_pvc(doc, sts_node_seq_at(vcts, i), p.data, err);
        sts_buf_dispose(&p);
    }
    return rc;
}

static const sts_node *max_unavailable(const sts_node *root)
{
    return sts__api_get(sts__api_get(sts__api_get(sts__api_get(root, "spec"), "updateStrategy"),
                                     "rollingUpdate"),
                        "maxUnavailable");
}

int sts__drop_disabled_fields(sts_node *root, const sts_node *old_root, const sts__api_ctx *ctx)
{
    if (ctx->max_unavailable || (old_root && max_unavailable(old_root)))
        return 0;
    sts_node *ru = sts__api_get(sts__api_get(sts__api_get(root, "spec"), "updateStrategy"),
                                "rollingUpdate");
    if (ru && sts_node_get_type(ru) == STS_NODE_MAP &&
        sts_node_map_get(ru, "maxUnavailable", 14))
        return sts_node_map_remove(ru, "maxUnavailable", 14);
    return 0;
}

/* Default `obj` in place; on failure it may be half-defaulted. */
static int apply_in_place(sts_object *obj, const sts__api_ctx *ctx, sts_error **err)
{
    sts_doc *d = sts_object_doc(obj);
    int rc = sts__default_statefulset(d, sts_doc_root(d), ctx, err);
    if (!rc)
        rc = sts__drop_disabled_fields(sts_doc_root(d), NULL, ctx);
    if (rc == STS_ENOMEM && err && !*err)
        sts__err(err, STS_ENOMEM, "out of memory");
    return rc;
}

/* Options, kind and types: 1 when there is something to default. */
static int prepare(sts__api_ctx *ctx, const sts_object *obj, const sts_api_opts *opts,
                   sts_error **err)
{
    int rc = sts__api_ctx_init(ctx, opts, err);
    if (rc || sts_object_kind(obj) != STS_KIND_STATEFULSET)
        return rc;
    /* the server never defaults what it cannot decode */
    rc = sts_object_check(obj, err);
    return rc ? rc : 1;
}

int sts_object_apply_defaults(sts_object *obj, const sts_api_opts *opts, sts_error **err)
{
    if (!obj)
        return sts__err(err, STS_EINVAL, "sts_object_apply_defaults: NULL object");
    sts__api_ctx ctx;
    int rc = prepare(&ctx, obj, opts, err);
    if (rc <= 0)
        return rc;
    /* work on a copy so a failure leaves the object untouched */
    sts_object *copy = NULL;
    if ((rc = sts_object_clone(&copy, obj, err)))
        return rc;
    rc = apply_in_place(copy, &ctx, err);
    if (!rc) {
        sts_doc *od = sts_object_doc(obj), *cd = sts_object_doc(copy);
        sts_node *root;
        rc = sts_doc_copy_node(&root, od, sts_doc_root(cd));
        if (!rc)
            rc = sts_doc_set_root(od, root);
        if (rc)
            sts__err(err, rc, "out of memory");
    }
    sts_object_free(copy);
    return rc;
}

int sts_object_defaulted(sts_object **out, const sts_object *obj, const sts_api_opts *opts,
                         sts_error **err)
{
    if (!out || !obj)
        return sts__err(err, STS_EINVAL, "sts_object_defaulted: NULL argument");
    sts__api_ctx ctx;
    int rc = prepare(&ctx, obj, opts, err);
    if (rc < 0)
        return rc;
    sts_object *copy = NULL;
    int rc2 = sts_object_clone(&copy, obj, err);
    if (!rc2 && rc == 1)
        rc2 = apply_in_place(copy, &ctx, err);
    if (rc2) {
        sts_object_free(copy);
        return rc2;
    }
    *out = copy;
    return 0;
}
