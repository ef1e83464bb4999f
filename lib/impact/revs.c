/* Revisions as the controller of a given release computes them, and which
 * other objects (ControllerRevisions, Pods) belong to a set. */
#include <stdio.h>
#include <string.h>

#include "impact_priv.h"

int imp_bytes(sts_buf *out, const sts_object *defaulted, const char *version, sts_error **err)
{
    /* AUTHORED makes the template serialize as `version` writes it (1.33
     * keeps `creationTimestamp: null`, 1.34 drops it) whatever release
     * stored the object; the object is already defaulted for `version`. */
    sts_revision_opts o = STS_REVISION_OPTS_INIT;
    o.kubernetes_version = version;
    o.mode = STS_REVISION_MODE_AUTHORED;
    return sts_revision_bytes(out, defaulted, &o, err);
}

const char *imp_rev_name(sts_impact *imp, const char *set_name, const sts_buf *bytes, int32_t cc)
{
    char hash[STS_REVISION_HASH_MAX + 1];
    int n = sts_revision_hash_data(hash, sizeof hash, bytes->data ? bytes->data : "", bytes->len,
                                   cc);
    if (n < 0)
        return "";
    int len = sts_revision_name_from_hash(NULL, 0, set_name, strlen(set_name), hash, (size_t)n);
    if (len < 0)
        return "";
    char *name = sts__arena_alloc(imp->arena, (size_t)len + 1);
    if (!name) {
        imp->oom = 1;
        return "";
    }
    sts_revision_name_from_hash(name, (size_t)len + 1, set_name, strlen(set_name), hash,
                                (size_t)n);
    return name;
}

const char *imp_status_str(const sts_object *sts, const char *field)
{
    char path[64];
    snprintf(path, sizeof path, "status.%s", field);
    const char *v = NULL;
    if (!sts || sts_object_get_string(&v, NULL, sts, path, NULL) || !*v)
        return NULL;
    return v;
}

int32_t imp_collision_count(const sts_object *sts)
{
    int32_t cc = 0;
    if (!sts || sts_statefulset_get_collision_count(&cc, sts, NULL) || cc < 0)
        return 0;
    return cc;
}

const char *imp_effective_ns(const sts_object *obj)
{
    const char *ns = sts_object_namespace(obj);
    return *ns ? ns : "default";
}

static bool same_ns(const sts_object *a, const sts_object *b)
{
    /* an object without a namespace takes the one it is applied to */
    const char *na = sts_object_namespace(a), *nb = sts_object_namespace(b);
    return !*na || !*nb || !strcmp(na, nb);
}

/* The name of the controller ownerReference of the given kind, or NULL. */
static const char *controller_of(const sts_object *obj, const char *kind)
{
    for (size_t i = 0; i < sts_object_owner_reference_count(obj); i++) {
        const sts_node *ref = sts_object_owner_reference_at(obj, i);
        int ctl = 0;
        const char *k = NULL, *n = NULL;
        sts_object_get_bool_at(&ctl, obj, ref, "controller", NULL);
        sts_object_get_string_at(&k, NULL, obj, ref, "kind", NULL);
        sts_object_get_string_at(&n, NULL, obj, ref, "name", NULL);
        if (ctl)
            return k && !strcmp(k, kind) ? (n ? n : "") : "";
    }
    return NULL;
}

bool imp_revision_of(const sts_object *rev, const sts_object *set)
{
    if (sts_object_kind(rev) != STS_KIND_CONTROLLER_REVISION || !same_ns(rev, set))
        return false;
    const char *set_name = sts_object_name(set);
    const char *owner = controller_of(rev, "StatefulSet");
    if (owner)
        return !strcmp(owner, set_name);
    /* an orphan the controller would adopt: named after the set (the prefix
     * is the set name cut to 223 bytes) */
    size_t n = strlen(set_name);
    if (n > 223)
        n = 223;
    const char *name = sts_object_name(rev);
    return n && !strncmp(name, set_name, n) && name[n] == '-';
}

bool imp_pod_of(const sts_object *pod, const sts_object *set, int32_t *ordinal)
{
    if (sts_object_kind(pod) != STS_KIND_POD || !same_ns(pod, set) ||
        !sts_statefulset_is_member(set, pod))
        return false;
    const char *name = sts_object_name(pod);
    size_t plen;
    int32_t ord;
    if (sts_pod_name_parse(&plen, &ord, name, strlen(name)) || ord < 0)
        return false;
    /* a leading-zero name (web-01) is not the canonical pod of its slot;
     * treat it as foreign (statefulset-spec.md 2.2) */
    char canon[320];
    sts_statefulset_pod_name(canon, sizeof canon, set, ord);
    if (strcmp(canon, name))
        return false;
    *ordinal = ord;
    return true;
}
