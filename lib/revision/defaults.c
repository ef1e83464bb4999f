/* Authored manifests: make the template look as the API server stores it.
 *
 * A StatefulSet the user wrote is not what the controller hashes: the API
 * server applies its defaults (statefulset-spec.md section 6: the
 * StatefulSet's, the pod template's, canonical quantities) before storing
 * it, and the controller hashes what was stored. */
#include <stdio.h>
#include <string.h>

#include "revision_priv.h"
#include "../api/api_priv.h"

/* Go's typed encoder writes struct fields even when empty: every container's
 * `resources` (ResourceRequirements is a struct, not a pointer) is `{}`. */
static int add_empty_resources(sts_doc *scratch, sts_node *pspec)
{
    static const char *const lists[] = {"initContainers", "containers", "ephemeralContainers"};
    for (size_t l = 0; l < 3; l++) {
        sts_node *cs = sts_node_map_get(pspec, lists[l], strlen(lists[l]));
        for (size_t i = 0; i < sts_node_count(cs); i++) {
            sts_node *c = sts_node_seq_at(cs, i), *empty;
            if (sts_node_get_type(c) != STS_NODE_MAP ||
                sts_node_get_type(sts_node_map_get(c, "resources", 9)) == STS_NODE_MAP)
                continue;
            int rc = sts_doc_new_map(&empty, scratch);
            if (!rc)
                rc = sts_node_map_set(c, "resources", 9, empty);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int sts__revision_apply_server_defaults(sts_doc *scratch, sts_node *root,
                                        const sts__k8s_version *version, sts_error **err)
{
    char v[32];
    snprintf(v, sizeof v, "%d.%d", version->major, version->minor);
    sts_api_opts opts = STS_API_OPTS_INIT;
    opts.kube_version = v;
    sts__api_ctx ctx;
    int rc = sts__api_ctx_init(&ctx, &opts, err);
    if (!rc)
        rc = sts__default_statefulset(scratch, root, &ctx, err);
    if (rc)
        return rc;
    sts_node *pspec = sts_node_map_get(
        sts_node_map_get(sts_node_map_get(root, "spec", 4), "template", 8), "spec", 4);
    rc = add_empty_resources(scratch, pspec);
    return rc ? sts__err(err, rc, "out of memory") : 0;
}
