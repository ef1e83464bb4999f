/* Revision data bytes of a StatefulSet, live or authored. */
#include <string.h>

#include "revision_priv.h"

static int template_of(const sts_node **out, const sts_node *root, sts_error **err)
{
    const sts_node *spec = sts_node_map_get(root, "spec", 4);
    *out = sts_node_map_get(spec, "template", 8);
    if (!*out || sts_node_get_type(*out) == STS_NODE_NULL)
        return sts__err_node(err, STS_ENOTFOUND, spec ? spec : root, "spec.template",
                             "the StatefulSet has no spec.template");
    if (sts_node_get_type(*out) != STS_NODE_MAP)
        return sts__err_node(err, STS_ETYPE, *out, "spec.template", "expected a map, found %s",
                             sts_node_type_name(sts_node_get_type(*out)));
    return 0;
}

/* The typed encoder always writes the template's metadata (a struct; Go's
 * omitempty does not drop structs). ObjectMeta.creationTimestamp is a
 * metav1.Time: up to 1.33 an unset one is written as null, since 1.34
 * (omitzero, PR #130989) it is left out. */
static int serialize_like(sts_doc *scratch, sts_node *tmpl, const sts__k8s_version *v)
{
    sts_node *meta = sts_node_map_get(tmpl, "metadata", 8);
    if (!meta || sts_node_get_type(meta) != STS_NODE_MAP) {
        if (meta && sts_node_get_type(meta) != STS_NODE_NULL)
            return 0; /* a wrong type; hashed as it is (the API server would refuse it) */
        int rc = sts_doc_new_map(&meta, scratch);
        if (!rc)
            rc = sts_node_map_set(tmpl, "metadata", 8, meta);
        if (rc)
            return rc;
    }
    sts_node *ts = sts_node_map_get(meta, "creationTimestamp", 17);
    int unset = !ts || sts_node_get_type(ts) == STS_NODE_NULL;
    if (!unset)
        return 0;
    if (v->minor >= 34) {
        if (ts)
            sts_node_map_remove(meta, "creationTimestamp", 17);
        return 0;
    }
    if (ts)
        return 0; /* already null */
    sts_node *null;
    int rc = sts_doc_new_null(&null, scratch);
    return rc ? rc : sts_node_map_set(meta, "creationTimestamp", 17, null);
}

int sts__revision_bytes_root(sts_buf *out, const sts_node *root, const sts__revision_cfg *cfg,
                             sts_error **err)
{
    const sts_node *tmpl;
    int rc = template_of(&tmpl, root, err);
    if (rc)
        return rc;
    if (sts__revision_mode_for(cfg, root) == STS_REVISION_MODE_LIVE)
        return sts__revision_wrap_template(out, tmpl, err);

    /* authored: work on a private copy, the caller's object stays as it is */
    sts_doc *scratch;
    sts_node *copy = NULL;
    if (sts_doc_new(&scratch))
        return sts__err(err, STS_ENOMEM, "out of memory");
    rc = sts_doc_copy_node(&copy, scratch, root);
    if (rc) {
        sts_doc_free(scratch);
        return sts__err(err, rc, "cannot copy the StatefulSet");
    }
    sts_doc_set_root(scratch, copy);
    rc = sts__revision_apply_server_defaults(scratch, copy, &cfg->version, err);
    sts_node *t = NULL;
    if (!rc) {
        t = sts_node_map_get(sts_node_map_get(copy, "spec", 4), "template", 8);
        rc = serialize_like(scratch, t, &cfg->version);
        if (rc)
            rc = sts__err(err, rc, "cannot prepare the template");
    }
    if (!rc)
        rc = sts__revision_wrap_template(out, t, err);
    sts_doc_free(scratch);
    return rc;
}
