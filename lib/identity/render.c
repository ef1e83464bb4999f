/* The Pod and PersistentVolumeClaim objects the controller creates for an
 * ordinal (newVersionedStatefulSetPod / getPersistentVolumeClaims). */
#include <stdio.h>
#include <string.h>

#include "../internal.h"

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

static sts_node *b_str(builder *b, const char *s)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_string(&n, b->doc, s, strlen(s));
    return n;
}

static sts_node *b_bool(builder *b, int v)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_bool(&n, b->doc, v);
    return n;
}

static sts_node *b_copy(builder *b, const sts_node *src)
{
    sts_node *n = NULL;
    if (!b->rc)
        b->rc = src ? sts_doc_copy_node(&n, b->doc, src) : sts_doc_new_map(&n, b->doc);
    return n;
}

static void b_set(builder *b, sts_node *map, const char *key, sts_node *v)
{
    if (!b->rc)
        b->rc = sts_node_map_set(map, key, strlen(key), v);
}

static void b_append(builder *b, sts_node *seq, sts_node *v)
{
    if (!b->rc)
        b->rc = sts_node_seq_append(seq, v);
}

static sts_node *get(const sts_node *n, const char *key)
{
    return sts_node_map_get(n, key, strlen(key));
}

static const char *owner_uid(const sts_object *sts, const sts_identity_opts *o)
{
    if (o->uid && o->uid[0])
        return o->uid;
    const char *uid = NULL;
    if (sts_object_get_string(&uid, NULL, sts, "metadata.uid", NULL) || !uid[0])
        return NULL;
    return uid;
}

/* metadata.ownerReferences: the set as controller (metav1.NewControllerRef) */
static sts_node *owner_refs(builder *b, const sts_object *sts, const sts_identity_opts *o)
{
    sts_node *seq = NULL, *ref = b_map(b);
    if (!b->rc)
        b->rc = sts_doc_new_seq(&seq, b->doc);
    b_set(b, ref, "apiVersion", b_str(b, "apps/v1"));
    b_set(b, ref, "kind", b_str(b, "StatefulSet"));
    b_set(b, ref, "name", b_str(b, sts_object_name(sts)));
    const char *uid = owner_uid(sts, o);
    if (uid)
        b_set(b, ref, "uid", b_str(b, uid));
    b_set(b, ref, "controller", b_bool(b, 1));
    b_set(b, ref, "blockOwnerDeletion", b_bool(b, 1));
    b_append(b, seq, ref);
    return seq;
}

static int is_claim_name(const sts_object *sts, const char *name, size_t len)
{
    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++) {
        const char *t = sts__claim_template_name(sts, i);
        if (strlen(t) == len && memcmp(t, name, len) == 0)
            return 1;
    }
    return 0;
}

/* Claim volumes first, in template order (upstream iterates a Go map, so its
 * order is random; ours is deterministic), then the template's other volumes. */
static sts_node *pod_volumes(builder *b, const sts_object *sts, const sts_node *tvolumes,
                             int32_t ordinal)
{
    sts_node *seq = NULL;
    if (!b->rc)
        b->rc = sts_doc_new_seq(&seq, b->doc);
    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++) {
        char claim[512];
        int n = sts_statefulset_claim_name(claim, sizeof claim, sts, i, ordinal);
        if (n < 0 || (size_t)n >= sizeof claim) {
            b->rc = b->rc ? b->rc : STS_ERANGE;
            break;
        }
        sts_node *vol = b_map(b), *pvc = b_map(b);
        b_set(b, vol, "name", b_str(b, sts__claim_template_name(sts, i)));
        b_set(b, pvc, "claimName", b_str(b, claim));
        b_set(b, pvc, "readOnly", b_bool(b, 0));
        b_set(b, vol, "persistentVolumeClaim", pvc);
        b_append(b, seq, vol);
    }
    for (size_t i = 0; i < sts_node_count(tvolumes); i++) {
        const sts_node *v = sts_node_seq_at(tvolumes, i);
        const char *name = "";
        size_t len = 0;
        sts_node_get_string(&name, &len, get(v, "name"));
        if (!is_claim_name(sts, name, len))
            b_append(b, seq, b_copy(b, v));
    }
    return seq;
}

static int check_ordinal(const sts_object *sts, int32_t ordinal, sts_error **err)
{
    if (!sts || sts_object_kind(sts) != STS_KIND_STATEFULSET)
        return sts__err(err, STS_EINVAL, "not a StatefulSet");
    if (ordinal < 0)
        return sts__err(err, STS_ERANGE, "ordinal %d is negative", (int)ordinal);
    if (!sts_object_name(sts)[0])
        return sts__err(err, STS_EVALIDATION, "the StatefulSet has no metadata.name");
    return 0;
}

int sts_statefulset_render_pod(sts_object **out, const sts_object *sts, int32_t ordinal,
                               const sts_identity_opts *opts, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "no output pointer");
    int rc = check_ordinal(sts, ordinal, err);
    if (rc)
        return rc;
    sts_identity_opts o;
    sts__identity_opts_fill(&o, opts);
    sts_node *tmpl = NULL;
    sts_statefulset_get_template(&tmpl, sts, NULL);
    const sts_node *tmeta = get(tmpl, "metadata");
    char podname[128], index[16];
    sts_statefulset_pod_name(podname, sizeof podname, sts, ordinal);
    snprintf(index, sizeof index, "%d", (int)ordinal);

    builder b = {NULL, sts_doc_new(&b.doc)};
    if (b.rc)
        return sts__err(err, b.rc, "out of memory");
    sts_node *root = b_map(&b), *meta = b_map(&b);
    b_set(&b, root, "apiVersion", b_str(&b, "v1"));
    b_set(&b, root, "kind", b_str(&b, "Pod"));
    b_set(&b, meta, "name", b_str(&b, podname));
    b_set(&b, meta, "namespace", b_str(&b, sts_statefulset_effective_namespace(sts, &o)));
    sts_node *labels = b_copy(&b, sts_node_get_type(get(tmeta, "labels")) == STS_NODE_MAP
                                      ? get(tmeta, "labels") : NULL);
    b_set(&b, labels, STS_LABEL_POD_NAME, b_str(&b, podname));
    b_set(&b, labels, STS_LABEL_POD_INDEX, b_str(&b, index));
    if (o.revision && o.revision[0])
        b_set(&b, labels, STS_LABEL_REVISION_HASH, b_str(&b, o.revision));
    b_set(&b, meta, "labels", labels);
    if (get(tmeta, "annotations"))
        b_set(&b, meta, "annotations", b_copy(&b, get(tmeta, "annotations")));
    if (get(tmeta, "finalizers"))
        b_set(&b, meta, "finalizers", b_copy(&b, get(tmeta, "finalizers")));
    b_set(&b, meta, "ownerReferences", owner_refs(&b, sts, &o));
    b_set(&b, root, "metadata", meta);

    sts_node *spec = b_copy(&b, get(tmpl, "spec"));
    if (!b.rc && sts_node_get_type(spec) != STS_NODE_MAP)
        spec = b_map(&b);
    sts_node *vols = pod_volumes(&b, sts, get(spec, "volumes"), ordinal);
    if (sts_node_count(vols) || get(spec, "volumes"))
        b_set(&b, spec, "volumes", vols);
    b_set(&b, spec, "hostname", b_str(&b, podname));
    const char *svc = sts__service_name(sts);
    if (svc[0]) /* an empty subdomain is omitted from the object */
        b_set(&b, spec, "subdomain", b_str(&b, svc));
    b_set(&b, root, "spec", spec);
    if (!b.rc)
        b.rc = sts_doc_set_root(b.doc, root);
    if (b.rc) {
        sts_doc_free(b.doc);
        return sts__err(err, b.rc, "cannot build the pod: %s", sts_strerror(b.rc));
    }
    return sts_object_take_doc(out, b.doc, err);
}

static int render_claim(sts_object **out, const sts_object *sts, size_t i, int32_t ordinal,
                        const sts_identity_opts *o, sts_error **err)
{
    const sts_node *t = sts_statefulset_claim_template_at(sts, i);
    char name[512];
    int n = sts_statefulset_claim_name(name, sizeof name, sts, i, ordinal);
    if (n < 0 || (size_t)n >= sizeof name)
        return sts__err(err, STS_ERANGE, "claim name too long");
    builder b = {NULL, sts_doc_new(&b.doc)};
    if (b.rc)
        return sts__err(err, b.rc, "out of memory");
    sts_node *root = b_map(&b);
    b_set(&b, root, "apiVersion", b_str(&b, "v1"));
    b_set(&b, root, "kind", b_str(&b, "PersistentVolumeClaim"));
    const sts_node *tmeta = get(t, "metadata");
    sts_node *meta = b_copy(&b, sts_node_get_type(tmeta) == STS_NODE_MAP ? tmeta : NULL);
    b_set(&b, meta, "name", b_str(&b, name));
    b_set(&b, meta, "namespace", b_str(&b, sts_statefulset_effective_namespace(sts, o)));
    /* selector.matchLabels win over the template's labels; matchExpressions
     * are not turned into labels */
    sts_node *sel = NULL;
    sts_statefulset_get_selector(&sel, sts, NULL);
    const sts_node *ml = get(sel, "matchLabels");
    if (sts_node_count(ml)) {
        sts_node *labels = get(meta, "labels");
        if (sts_node_get_type(labels) != STS_NODE_MAP) {
            labels = b_map(&b);
            b_set(&b, meta, "labels", labels);
        }
        for (size_t k = 0; k < sts_node_count(ml); k++) {
            const char *key;
            size_t klen;
            sts_node_get_string(&key, &klen, sts_node_map_key_at(ml, k));
            sts_node *v = b_copy(&b, sts_node_map_value_at(ml, k));
            if (!b.rc)
                b.rc = sts_node_map_set(labels, key, klen, v);
        }
    }
    b_set(&b, root, "metadata", meta);
    if (get(t, "spec"))
        b_set(&b, root, "spec", b_copy(&b, get(t, "spec")));
    if (!b.rc)
        b.rc = sts_doc_set_root(b.doc, root);
    if (b.rc) {
        sts_doc_free(b.doc);
        return sts__err(err, b.rc, "cannot build the claim: %s", sts_strerror(b.rc));
    }
    return sts_object_take_doc(out, b.doc, err);
}

int sts_statefulset_render_claims(sts_object_list **out, const sts_object *sts, int32_t ordinal,
                                  const sts_identity_opts *opts, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "no output pointer");
    int rc = check_ordinal(sts, ordinal, err);
    if (rc)
        return rc;
    sts_identity_opts o;
    sts__identity_opts_fill(&o, opts);
    sts_object_list *list;
    if (sts_object_list_new(&list))
        return sts__err(err, STS_ENOMEM, "out of memory");
    for (size_t i = 0; i < sts_statefulset_claim_template_count(sts); i++) {
        sts_object *claim;
        rc = render_claim(&claim, sts, i, ordinal, &o, err);
        if (!rc)
            rc = sts_object_list_take(list, claim);
        if (rc) {
            sts_object_list_free(list);
            return rc;
        }
    }
    *out = list;
    return 0;
}
