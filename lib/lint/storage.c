/* STS105, STS106, STS108-110, STS118: names, mounts and claim templates. */
#include <stdio.h>
#include <string.h>

#include "lint_priv.h"

static const char *str(const sts_node *n)
{
    const char *s = NULL;
    return sts_node_get_string(&s, NULL, n) ? "" : s;
}

static int has_volume(const sts_object *sts, const sts_node *volumes, const char *name)
{
    for (size_t i = 0; i < sts_node_count(volumes); i++)
        if (!strcmp(str(sts_node_map_get(sts_node_seq_at(volumes, i), "name", 4)), name))
            return 1;
    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++)
        if (!strcmp(sts__claim_template_name(sts, i), name))
            return 1;
    return 0;
}

static void check_mounts(lint_ctx *c, const sts_object *sts, const sts_node *pspec,
                         const char *list)
{
    const sts_node *volumes = sts_node_map_get(pspec, "volumes", 7);
    const sts_node *containers = sts_node_map_get(pspec, list, strlen(list));
    for (size_t i = 0; i < sts_node_count(containers); i++) {
        const sts_node *mounts = sts_node_map_get(sts_node_seq_at(containers, i), "volumeMounts", 12);
        for (size_t j = 0; j < sts_node_count(mounts); j++) {
            const sts_node *n = sts_node_map_get(sts_node_seq_at(mounts, j), "name", 4);
            if (!n || has_volume(sts, volumes, str(n)))
                continue;
            char path[160];
            snprintf(path, sizeof path, "spec.template.spec.%s[%zu].volumeMounts[%zu].name", list,
                     i, j);
            lint_add(c, R_MOUNT_UNKNOWN, n, path,
                     "StatefulSet %s: volumeMount \"%s\" names neither a volume nor a claim "
                     "template; pod creation fails",
                     sts_object_name(sts), str(n));
        }
    }
}

void lint_storage(lint_ctx *c, const sts_object *sts)
{
    sts_error *p = NULL;
    int r = sts__check_revision_label_length(&p, sts, NULL);
    lint_adopt(c, R_SET_NAME_LONG, p);
    p = NULL;
    if (r >= 0)
        r = sts__check_pod_name_length(&p, sts);
    lint_adopt(c, R_POD_NAME_LONG, p);
    p = NULL;
    if (r >= 0)
        r = sts__check_claim_name_lengths(&p, sts);
    lint_adopt(c, R_CLAIM_NAME_LONG, p);
    if (r < 0 && !c->rc)
        c->rc = r;

    sts_node *pspec = NULL;
    sts_object_get(&pspec, sts, "spec.template.spec", NULL);
    check_mounts(c, sts, pspec, "containers");
    check_mounts(c, sts, pspec, "initContainers");

    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++) {
        const sts_node *t = sts_statefulset_claim_template_at(sts, i);
        const sts_node *spec = sts_node_map_get(t, "spec", 4);
        char path[128];
        const char *name = sts__claim_template_name(sts, i);
        const sts_node *req = sts_node_map_get(sts_node_map_get(sts_node_map_get(spec, "resources", 9),
                                                                "requests", 8), "storage", 7);
        if (!req) {
            snprintf(path, sizeof path, "spec.volumeClaimTemplates[%zu].spec.resources.requests.storage", i);
            lint_add(c, R_CLAIM_NO_STORAGE, spec ? spec : t, path,
                     "claim template %s has no storage request", name);
        }
        if (!sts_node_count(sts_node_map_get(spec, "accessModes", 11))) {
            snprintf(path, sizeof path, "spec.volumeClaimTemplates[%zu].spec.accessModes", i);
            lint_add(c, R_CLAIM_NO_ACCESS_MODES, spec ? spec : t, path,
                     "claim template %s has no accessModes", name);
        }
    }
}
