/* Finding the same object in two inputs (old and new manifests, a live dump
 * and a manifest): Kubernetes identifies an object by kind, namespace and
 * name, and a manifest without a namespace lands in "default". */
#include <string.h>

#include "stsctl.h"

static const char *ns_of(const sts_object *obj, const char *dflt)
{
    const char *ns = sts_object_namespace(obj);
    return ns && ns[0] ? ns : dflt ? dflt : "default";
}

const sts_object *stsctl_find_match(const sts_object_list *list, const sts_object *like,
                                    const char *default_ns)
{
    const char *name = sts_object_name(like), *ns = ns_of(like, default_ns);
    for (size_t i = 0; list && i < sts_object_list_count(list); i++) {
        const sts_object *o = sts_object_list_at(list, i);
        if (sts_object_kind(o) == sts_object_kind(like) && strcmp(sts_object_name(o), name) == 0 &&
            strcmp(ns_of(o, default_ns), ns) == 0)
            return o;
    }
    return NULL;
}

void stsctl_position(uint32_t *line, uint32_t *column, const sts_object *obj, const char *path)
{
    sts_node *node = NULL;
    *line = *column = 0;
    if (obj && path && path[0] && !sts_object_get(&node, obj, path, NULL) && node) {
        *line = sts_node_line(node);
        *column = sts_node_column(node);
    }
}

int stsctl_as_sent(sts_object **copy, const sts_object *obj, const char *ns)
{
    *copy = NULL;
    const char *have = sts_object_namespace(obj);
    if (have && have[0])
        return 0;
    sts_error *err = NULL;
    int rc = sts_object_clone(copy, obj, &err);
    if (!ns)
        ns = "default";
    if (!rc)
        rc = sts_object_set_string(*copy, "metadata.namespace", ns, strlen(ns), &err);
    sts_error_free(err);
    if (rc) {
        sts_object_free(*copy);
        *copy = NULL;
    }
    return rc;
}
