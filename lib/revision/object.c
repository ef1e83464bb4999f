/* Revision bytes, hash, name and the ControllerRevision object of a
 * StatefulSet (history.NewControllerRevision). */
#include <string.h>

#include "revision_priv.h"

static int root_of(const sts_node **root, const sts_object *sts, sts_error **err)
{
    *root = sts ? sts_object_root(sts) : NULL;
    if (sts_node_get_type(*root) != STS_NODE_MAP)
        return sts__err(err, STS_EINVAL, "no StatefulSet object given");
    return 0;
}

int sts_revision_bytes(sts_buf *out, const sts_object *sts, const sts_revision_opts *opts,
                       sts_error **err)
{
    sts__revision_cfg cfg;
    const sts_node *root;
    if (!out)
        return sts__err(err, STS_EINVAL, "output buffer is NULL");
    int rc = root_of(&root, sts, err);
    if (!rc)
        rc = sts__revision_cfg_load(&cfg, opts, err);
    return rc ? rc : sts__revision_bytes_root(out, root, &cfg, err);
}

/* Hash of a StatefulSet root under cfg, into hash[STS_REVISION_HASH_MAX + 1]. */
static int hash_root(char *hash, const sts_node *root, const sts__revision_cfg *cfg,
                     sts_error **err)
{
    int32_t cc;
    int rc = sts__revision_collision_count(&cc, cfg, root, err);
    if (rc)
        return rc;
    sts_buf data = STS_BUF_INIT;
    rc = sts__revision_bytes_root(&data, root, cfg, err);
    if (!rc)
        rc = sts_revision_hash_data(hash, STS_REVISION_HASH_MAX + 1, data.data ? data.data : "",
                                    data.len, cc);
    sts_buf_dispose(&data);
    return rc;
}

int sts_revision_hash(char *out, size_t size, const sts_object *sts,
                      const sts_revision_opts *opts, sts_error **err)
{
    sts__revision_cfg cfg;
    const sts_node *root;
    char hash[STS_REVISION_HASH_MAX + 1];
    if (!out && size)
        return sts__err(err, STS_EINVAL, "output is NULL but size is not 0");
    int rc = root_of(&root, sts, err);
    if (!rc)
        rc = sts__revision_cfg_load(&cfg, opts, err);
    if (!rc)
        rc = hash_root(hash, root, &cfg, err);
    return rc < 0 ? rc : sts__revision_copy_out(out, size, hash, (size_t)rc);
}

static void set_name(const char **name, size_t *len, const sts_node *root)
{
    const sts_node *n = sts_node_map_get(sts_node_map_get(root, "metadata", 8), "name", 4);
    if (sts_node_get_string(name, len, n)) {
        *name = ""; /* Go's GetName() of an unnamed object */
        *len = 0;
    }
}

int sts_revision_name(char *out, size_t size, const sts_object *sts,
                      const sts_revision_opts *opts, sts_error **err)
{
    sts__revision_cfg cfg;
    const sts_node *root;
    char hash[STS_REVISION_HASH_MAX + 1];
    if (!out && size)
        return sts__err(err, STS_EINVAL, "output is NULL but size is not 0");
    int rc = root_of(&root, sts, err);
    if (!rc)
        rc = sts__revision_cfg_load(&cfg, opts, err);
    if (!rc)
        rc = hash_root(hash, root, &cfg, err);
    if (rc < 0)
        return rc;
    const char *name;
    size_t len;
    set_name(&name, &len, root);
    return sts_revision_name_from_hash(out, size, name, len, hash, (size_t)rc);
}

/* ---- the ControllerRevision object ------------------------------------------ */

typedef struct builder {
    sts_doc *doc;
    int rc;
} builder;

static sts_node *b_map(builder *b)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_map(&n, b->doc);
    return n;
}

static sts_node *b_str(builder *b, const char *s, size_t len)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_string(&n, b->doc, s, len);
    return n;
}

static void b_set(builder *b, sts_node *map, const char *key, sts_node *value)
{
    if (!b->rc)
        b->rc = sts_node_map_set(map, key, strlen(key), value);
}

static void b_setstr(builder *b, sts_node *map, const char *key, const char *s, size_t len)
{
    b_set(b, map, key, b_str(b, s, len));
}

static void b_setbool(builder *b, sts_node *map, const char *key, int v)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_bool(&n, b->doc, v);
    b_set(b, map, key, n);
}

/* Copy the entries of a map (string values in a valid object; copied as
 * they are otherwise) into dst. */
static void b_copy_entries(builder *b, sts_node *dst, const sts_node *src)
{
    for (size_t i = 0; !b->rc && i < sts_node_count(src); i++) {
        const char *k;
        size_t klen;
        sts_node *v = NULL;
        if (sts_node_get_string(&k, &klen, sts_node_map_key_at(src, i)))
            continue;
        b->rc = sts_doc_copy_node(&v, b->doc, sts_node_map_value_at(src, i));
        if (!b->rc)
            b->rc = sts_node_map_set(dst, k, klen, v);
    }
}

static const sts_node *get2(const sts_node *root, const char *a, const char *b)
{
    return sts_node_map_get(sts_node_map_get(root, a, strlen(a)), b, strlen(b));
}

int sts_revision_object(sts_object **out, const sts_object *sts, int64_t revision,
                        const sts_revision_opts *opts, sts_error **err)
{
    sts__revision_cfg cfg;
    const sts_node *root;
    if (!out)
        return sts__err(err, STS_EINVAL, "output is NULL");
    int rc = root_of(&root, sts, err);
    if (!rc)
        rc = sts__revision_cfg_load(&cfg, opts, err);
    int32_t cc = 0;
    if (!rc)
        rc = sts__revision_collision_count(&cc, &cfg, root, err);
    sts_buf data = STS_BUF_INIT;
    if (!rc)
        rc = sts__revision_bytes_root(&data, root, &cfg, err);
    if (rc) {
        sts_buf_dispose(&data);
        return rc;
    }
    char hash[STS_REVISION_HASH_MAX + 1], name[256];
    int hlen = sts_revision_hash_data(hash, sizeof hash, data.data, data.len, cc);
    const char *sname;
    size_t snlen;
    set_name(&sname, &snlen, root);
    int nlen = sts_revision_name_from_hash(name, sizeof name, sname, snlen, hash, (size_t)hlen);

    builder b = {NULL, 0};
    if (sts_doc_new(&b.doc)) {
        sts_buf_dispose(&data);
        return sts__err(err, STS_ENOMEM, "out of memory");
    }
    sts_node *top = b_map(&b), *meta = b_map(&b), *labels = b_map(&b);
    b_setstr(&b, top, "apiVersion", "apps/v1", 7);
    b_setstr(&b, top, "kind", "ControllerRevision", 18);
    b_set(&b, top, "metadata", meta);
    b_setstr(&b, meta, "name", name, (size_t)nlen);
    const char *s;
    size_t slen;
    if (!sts_node_get_string(&s, &slen, get2(root, "metadata", "namespace")))
        b_setstr(&b, meta, "namespace", s, slen);
    /* labels: the template's (as the user wrote them), then the hash label */
    const sts_node *tmeta = sts_node_map_get(get2(root, "spec", "template"), "metadata", 8);
    b_copy_entries(&b, labels, sts_node_map_get(tmeta, "labels", 6));
    b_setstr(&b, labels, STS_REVISION_HASH_LABEL, hash, (size_t)hlen);
    b_set(&b, meta, "labels", labels);
    const sts_node *ann = get2(root, "metadata", "annotations");
    if (sts_node_get_type(ann) == STS_NODE_MAP && sts_node_count(ann)) {
        sts_node *a = b_map(&b);
        b_copy_entries(&b, a, ann);
        b_set(&b, meta, "annotations", a);
    }
    sts_node *refs = NULL, *ref = b_map(&b);
    if (!b.rc)
        b.rc = sts_doc_new_seq(&refs, b.doc);
    b_setstr(&b, ref, "apiVersion", "apps/v1", 7);
    b_setstr(&b, ref, "kind", "StatefulSet", 11);
    b_setstr(&b, ref, "name", sname, snlen);
    if (!sts_node_get_string(&s, &slen, get2(root, "metadata", "uid")))
        b_setstr(&b, ref, "uid", s, slen);
    b_setbool(&b, ref, "controller", 1);
    b_setbool(&b, ref, "blockOwnerDeletion", 1);
    if (!b.rc)
        b.rc = sts_node_seq_append(refs, ref);
    b_set(&b, meta, "ownerReferences", refs);
    sts_node *dnode = NULL, *revnode = NULL;
    if (!b.rc) {
        rc = sts__revision_parse(&dnode, b.doc, data.data, data.len, err);
        if (rc)
            b.rc = rc;
    }
    b_set(&b, top, "data", dnode);
    if (!b.rc)
        b.rc = sts_doc_new_int(&revnode, b.doc, revision);
    b_set(&b, top, "revision", revnode);
    if (!b.rc)
        b.rc = sts_doc_set_root(b.doc, top);
    sts_buf_dispose(&data);
    if (b.rc) {
        sts_doc_free(b.doc);
        return rc ? rc : sts__err(err, b.rc, "cannot build the ControllerRevision");
    }
    return sts_object_take_doc(out, b.doc, err);
}

int sts_revision_rename(sts_object *rev, int32_t collision_count, sts_error **err)
{
    sts_node *root = rev ? sts_object_root(rev) : NULL;
    if (sts_node_get_type(root) != STS_NODE_MAP)
        return sts__err(err, STS_EINVAL, "no ControllerRevision object given");
    /* the owner's name: the controller ownerReference */
    const sts_node *refs = get2(root, "metadata", "ownerReferences");
    const char *owner = NULL;
    size_t olen = 0;
    for (size_t i = 0; i < sts_node_count(refs) && !owner; i++) {
        const sts_node *r = sts_node_seq_at(refs, i);
        int ctl = 0;
        if (!sts_node_get_bool(&ctl, sts_node_map_get(r, "controller", 10)) && ctl &&
            sts_node_get_string(&owner, &olen, sts_node_map_get(r, "name", 4)))
            owner = NULL;
    }
    if (!owner)
        return sts__err_node(err, STS_EINVAL, root, "metadata.ownerReferences",
                             "the ControllerRevision has no controller ownerReference with a name");
    const sts_node *data = sts_node_map_get(root, "data", 4);
    if (!data)
        return sts__err_node(err, STS_ENOTFOUND, root, "data", "the ControllerRevision has no data");
    sts_buf bytes = STS_BUF_INIT;
    int rc = sts_revision_canonical_json(&bytes, data, err);
    if (rc)
        return rc;
    char hash[STS_REVISION_HASH_MAX + 1], name[256];
    int hlen = sts_revision_hash_data(hash, sizeof hash, bytes.data, bytes.len, collision_count);
    sts_buf_dispose(&bytes);
    int nlen = sts_revision_name_from_hash(name, sizeof name, owner, olen, hash, (size_t)hlen);
    return sts_object_set_string(rev, "metadata.name", name, (size_t)nlen, err);
}
