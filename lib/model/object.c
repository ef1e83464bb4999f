/* Objects: wrapping, building, copying, and identity (kind, name). */
#include <stdlib.h>
#include <string.h>

#include "model_priv.h"

static const struct {
    sts_kind kind;
    const char *api_version;
    const char *name;
} kinds[] = {
    {STS_KIND_STATEFULSET, "apps/v1", "StatefulSet"},
    {STS_KIND_SERVICE, "v1", "Service"},
    {STS_KIND_POD, "v1", "Pod"},
    {STS_KIND_PERSISTENT_VOLUME_CLAIM, "v1", "PersistentVolumeClaim"},
    {STS_KIND_CONTROLLER_REVISION, "apps/v1", "ControllerRevision"},
};

const char *sts_kind_name(sts_kind kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == kind)
            return kinds[i].name;
    return "";
}

/* Both apiVersion and kind must match: `kind: StatefulSet` under
 * apps/v1beta2 is another type with other rules. */
sts_kind sts_object_kind(const sts_object *obj)
{
    return obj ? sts__kind_of_root(sts_doc_root(obj->doc)) : STS_KIND_OTHER;
}

sts_kind sts__kind_of_root(const sts_node *root)
{
    const sts_node *av = sts_node_map_get(root, "apiVersion", 10);
    const sts_node *k = sts_node_map_get(root, "kind", 4);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (sts__node_is_string(k, kinds[i].name) && sts__node_is_string(av, kinds[i].api_version))
            return kinds[i].kind;
    return STS_KIND_OTHER;
}

static const char *string_or_empty(const sts_node *n)
{
    const char *s;
    return sts_node_get_string(&s, NULL, n) == 0 ? s : "";
}

const char *sts_object_kind_string(const sts_object *obj)
{
    return string_or_empty(obj ? sts_node_map_get(sts_doc_root(obj->doc), "kind", 4) : NULL);
}

const char *sts_object_api_version(const sts_object *obj)
{
    return string_or_empty(obj ? sts_node_map_get(sts_doc_root(obj->doc), "apiVersion", 10)
                               : NULL);
}

static const sts_node *metadata_field(const sts_object *obj, const char *key)
{
    if (!obj)
        return NULL;
    const sts_node *md = sts_node_map_get(sts_doc_root(obj->doc), "metadata", 8);
    return sts_node_map_get(md, key, strlen(key));
}

const char *sts_object_name(const sts_object *obj)
{
    return string_or_empty(metadata_field(obj, "name"));
}

const char *sts_object_namespace(const sts_object *obj)
{
    return string_or_empty(metadata_field(obj, "namespace"));
}

sts_doc *sts_object_doc(const sts_object *obj)
{
    return obj ? obj->doc : NULL;
}

sts_node *sts_object_root(const sts_object *obj)
{
    return obj ? sts_doc_root(obj->doc) : NULL;
}

int sts_object_take_doc(sts_object **out, sts_doc *doc, sts_error **err)
{
    if (!out || !doc) {
        sts_doc_free(doc);
        return sts__err(err, STS_EINVAL, "no output pointer or document");
    }
    const sts_node *root = sts_doc_root(doc);
    if (sts_node_get_type(root) != STS_NODE_MAP) {
        int rc = sts__type_error(err, root, "", "a map (a Kubernetes object)");
        sts_doc_free(doc);
        return rc;
    }
    sts_object *o = calloc(1, sizeof *o);
    if (!o) {
        sts_doc_free(doc);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    o->doc = doc;
    *out = o;
    return 0;
}

void sts_object_free(sts_object *obj)
{
    if (!obj)
        return;
    sts_doc_free(obj->doc);
    free(obj);
}

static int add_string(sts_doc *doc, sts_node *map, const char *key, const char *v, size_t len)
{
    sts_node *n;
    int rc = sts_doc_new_string(&n, doc, v, len);
    return rc ? rc : sts_node_map_set(map, key, strlen(key), n);
}

int sts_object_new(sts_object **out, sts_kind kind, const char *name, size_t namelen,
                   sts_error **err)
{
    const char *api = NULL;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == kind)
            api = kinds[i].api_version;
    if (!api)
        return sts__err(err, STS_EINVAL, "sts_object_new: kind %d has no typed view", (int)kind);
    if (!out || (!name && namelen))
        return sts__err(err, STS_EINVAL, "sts_object_new: no output pointer or name");
    sts_doc *doc;
    sts_node *root, *md;
    int rc = sts_doc_new(&doc);
    if (rc)
        return sts__err(err, rc, "out of memory");
    rc = sts_doc_new_map(&root, doc);
    if (!rc)
        rc = sts_doc_set_root(doc, root);
    if (!rc)
        rc = add_string(doc, root, "apiVersion", api, strlen(api));
    if (!rc)
        rc = add_string(doc, root, "kind", sts_kind_name(kind), strlen(sts_kind_name(kind)));
    if (!rc)
        rc = sts_doc_new_map(&md, doc);
    if (!rc)
        rc = sts_node_map_set(root, "metadata", 8, md);
    if (!rc && name)
        rc = add_string(doc, md, "name", name, namelen);
    if (rc) {
        sts_doc_free(doc);
        return sts__err(err, rc, "out of memory");
    }
    return sts_object_take_doc(out, doc, err);
}

int sts_object_clone(sts_object **out, const sts_object *obj, sts_error **err)
{
    if (!out || !obj)
        return sts__err(err, STS_EINVAL, "no output pointer or object");
    sts_doc *doc;
    sts_node *root;
    int rc = sts_doc_new(&doc);
    if (rc)
        return sts__err(err, rc, "out of memory");
    rc = sts_doc_copy_node(&root, doc, sts_doc_root(obj->doc));
    if (!rc)
        rc = sts_doc_set_root(doc, root);
    if (rc) {
        sts_doc_free(doc);
        return sts__err(err, rc, "out of memory");
    }
    return sts_object_take_doc(out, doc, err);
}

int sts__want_kind(const sts_object *obj, sts_kind kind, const char *fn, sts_error **err)
{
    if (!obj)
        return sts__err(err, STS_EINVAL, "%s: no object", fn);
    if (sts_object_kind(obj) == kind)
        return 0;
    const char *want_api = kind == STS_KIND_STATEFULSET || kind == STS_KIND_CONTROLLER_REVISION
                               ? "apps/v1" : "v1";
    const char *have = sts_object_kind_string(obj);
    if (!have[0])
        return sts__err(err, STS_EINVAL, "%s: the object has no kind, not a %s (%s)", fn,
                        sts_kind_name(kind), want_api);
    return sts__err(err, STS_EINVAL, "%s: the object is a %s (%s), not a %s (%s)", fn, have,
                    sts_object_api_version(obj), sts_kind_name(kind), want_api);
}
