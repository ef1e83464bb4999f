/* The pod spec shared by StatefulSets (spec.template.spec) and Pods (spec):
 * containers, init containers and volumes. */
#include "model_priv.h"

static const char *pod_spec_path(const sts_object *obj)
{
    switch (sts_object_kind(obj)) {
    case STS_KIND_STATEFULSET:
        return "spec.template.spec";
    case STS_KIND_POD:
        return "spec";
    default:
        return NULL;
    }
}

int sts_object_get_pod_spec(sts_node **out, const sts_object *obj, sts_error **err)
{
    const char *path = pod_spec_path(obj);
    if (!path)
        return sts__err(err, STS_EINVAL,
                        "sts_object_get_pod_spec: the object is neither a StatefulSet nor a Pod");
    sts_node *n;
    int rc = sts_object_get(&n, obj, path, err);
    if (rc)
        return rc;
    if (n->type != STS_NODE_MAP)
        return sts__type_error(err, n, path, "a map");
    if (out)
        *out = n;
    return 0;
}

static sts_node *list_of(const sts_object *obj, const char *field)
{
    sts_node *spec, *list;
    if (sts_object_get_pod_spec(&spec, obj, NULL) || sts__lookup(&list, spec, "", field, NULL))
        return NULL;
    return list->type == STS_NODE_SEQ ? list : NULL;
}

size_t sts_object_container_count(const sts_object *obj)
{
    return sts_node_count(list_of(obj, "containers"));
}

sts_node *sts_object_container_at(const sts_object *obj, size_t i)
{
    return sts_node_seq_at(list_of(obj, "containers"), i);
}

size_t sts_object_init_container_count(const sts_object *obj)
{
    return sts_node_count(list_of(obj, "initContainers"));
}

sts_node *sts_object_init_container_at(const sts_object *obj, size_t i)
{
    return sts_node_seq_at(list_of(obj, "initContainers"), i);
}

size_t sts_object_volume_count(const sts_object *obj)
{
    return sts_node_count(list_of(obj, "volumes"));
}

sts_node *sts_object_volume_at(const sts_object *obj, size_t i)
{
    return sts_node_seq_at(list_of(obj, "volumes"), i);
}
