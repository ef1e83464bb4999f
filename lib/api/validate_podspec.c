/* v1.34+ (PR #131790): the pod template and the claim templates validated
 * as the core API validation does, after clearing hostname/subdomain and
 * injecting one volume per claim template (so mounts of claim templates
 * resolve). Only a subset of ValidatePodSpec is implemented: container
 * names, images, pull and termination-message policies, ports, volume
 * mounts, volume names and sources, dnsPolicy; claim templates' access
 * modes, volumeMode and storage request. Paths and messages follow
 * pkg/apis/core/validation; their exact placement in the 1.34 flow is
 * [inferred]. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "api_priv.h"

static const char *const volume_sources[] = {
    "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret",
    "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder",
    "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume",
    "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO",
    "storageos", "csi", "ephemeral", "image"};

static bool str_is(const char *s, size_t n, const char *lit)
{
    return s && strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* A set of names (borrowed strings). */
typedef struct names {
    const char **s;
    size_t *l;
    size_t n, cap;
    int rc;
} names;

static bool names_has(const names *ns, const char *s, size_t l)
{
    for (size_t i = 0; i < ns->n; i++)
        if (ns->l[i] == l && (l == 0 || memcmp(ns->s[i], s, l) == 0))
            return true;
    return false;
}

static void names_add(names *ns, const char *s, size_t l)
{
    if (ns->rc)
        return;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 16;
        const char **a = realloc(ns->s, cap * sizeof *a);
        if (a)
            ns->s = a;
        size_t *b = a ? realloc(ns->l, cap * sizeof *b) : NULL;
        if (!a || !b) {
            ns->rc = STS_ENOMEM;
            return;
        }
        ns->l = b;
        ns->cap = cap;
    }
    ns->s[ns->n] = s;
    ns->l[ns->n++] = l;
}

static void names_free(names *ns)
{
    free(ns->s);
    free(ns->l);
}

static bool claim_named(const sts_node *vcts, const char *s, size_t l)
{
    for (size_t i = 0; vcts && i < sts_node_count(vcts); i++) {
        size_t nl = 0;
        const char *name = sts__api_str(sts__api_get(sts_node_seq_at(vcts, i), "metadata"),
                                        "name", &nl);
        if (name && nl == l && (l == 0 || memcmp(name, s, l) == 0))
            return true;
    }
    return false;
}

/* The volumes as validated: template volumes named like a claim template
 * are dropped (the controller replaces them with the claim's volume, so
 * they never reach a pod; PR #131790 review), the others keep their order
 * and are indexed in that filtered list [inferred], then the claims'
 * volumes are added. */
static void volumes(sts__verrs *v, const sts_node *pspec, const sts_node *vcts, names *vols)
{
    const char *base = "spec.template.spec.volumes";
    sts_node *list = sts__api_get(pspec, "volumes");
    size_t n = list && sts_node_get_type(list) == STS_NODE_SEQ ? sts_node_count(list) : 0;
    size_t idx = 0;
    for (size_t i = 0; i < n; i++) {
        sts_node *vol = sts_node_seq_at(list, i);
        size_t nl = 0, nsrc = 0;
        const char *name = sts__api_str(vol, "name", &nl);
        if (name && nl && claim_named(vcts, name, nl))
            continue;
        char path[96], np[112];
        snprintf(path, sizeof path, "%s[%zu]", base, idx++);
        snprintf(np, sizeof np, "%s.name", path);
        size_t before = v->count;
        for (size_t k = 0; k < sizeof volume_sources / sizeof volume_sources[0]; k++)
            if (sts__api_get(vol, volume_sources[k]))
                nsrc++;
        if (nsrc == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, path, NULL, "must specify a volume type");
        else if (nsrc > 1)
            sts__verr(v, STS_FIELD_ERROR_FORBIDDEN, path, NULL,
                      "may not specify more than 1 volume type");
        if (!name || nl == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, np, NULL, "");
        else
            sts__check_str(v, np, name, nl, sts__is_dns1123_label);
        if (name && names_has(vols, name, nl))
            sts__verr_str(v, STS_FIELD_ERROR_DUPLICATE, np, name, nl, NULL);
        if (v->count == before && name)
            names_add(vols, name, nl);
    }
    for (size_t i = 0; vcts && i < sts_node_count(vcts); i++) {
        size_t nl = 0;
        const char *name = sts__api_str(sts__api_get(sts_node_seq_at(vcts, i), "metadata"),
                                        "name", &nl);
        if (name && nl && !names_has(vols, name, nl))
            names_add(vols, name, nl);
    }
}

static void ports(sts__verrs *v, const sts_node *c, const char *cpath)
{
    sts_node *list = sts__api_get(c, "ports");
    size_t n = list && sts_node_get_type(list) == STS_NODE_SEQ ? sts_node_count(list) : 0;
    names seen = {0};
    for (size_t i = 0; i < n; i++) {
        sts_node *p = sts_node_seq_at(list, i);
        char path[160], fp[192];
        snprintf(path, sizeof path, "%s.ports[%zu]", cpath, i);
        size_t nl = 0;
        const char *name = sts__api_str(p, "name", &nl);
        if (name && nl) {
            snprintf(fp, sizeof fp, "%s.name", path);
            size_t before = v->count;
            /* IsValidPortName */
            bool charset = true, letter = false;
            for (size_t k = 0; k < nl; k++) {
                char ch = name[k];
                if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
                    charset = false;
                if (ch >= 'a' && ch <= 'z')
                    letter = true;
            }
            sts_buf q = STS_BUF_INIT;
            sts__go_quote(&q, name, nl);
            if (nl > 15)
                sts__verr(v, STS_FIELD_ERROR_INVALID, fp, q.data,
                          "must be no more than 15 characters");
            if (!charset)
                sts__verr(v, STS_FIELD_ERROR_INVALID, fp, q.data,
                          "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
            if (!letter)
                sts__verr(v, STS_FIELD_ERROR_INVALID, fp, q.data,
                          "must contain at least one letter (a-z)");
            bool dd = false;
            for (size_t k = 0; k + 1 < nl; k++)
                dd = dd || (name[k] == '-' && name[k + 1] == '-');
            if (dd)
                sts__verr(v, STS_FIELD_ERROR_INVALID, fp, q.data,
                          "must not contain consecutive hyphens");
            if (name[0] == '-' || name[nl - 1] == '-')
                sts__verr(v, STS_FIELD_ERROR_INVALID, fp, q.data,
                          "must not begin or end with a hyphen");
            if (v->count == before) {
                if (names_has(&seen, name, nl))
                    sts__verr(v, STS_FIELD_ERROR_DUPLICATE, fp, q.data, NULL);
                else
                    names_add(&seen, name, nl);
            }
            sts_buf_dispose(&q);
        }
        int64_t cp = 0, hp = 0;
        snprintf(fp, sizeof fp, "%s.containerPort", path);
        if (!sts__api_int(&cp, p, "containerPort") || cp == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
        else if (cp < 1 || cp > 65535)
            sts__verr_int(v, STS_FIELD_ERROR_INVALID, fp, cp,
                          "must be between 1 and 65535, inclusive");
        if (sts__api_int(&hp, p, "hostPort") && hp != 0 && (hp < 1 || hp > 65535)) {
            snprintf(fp, sizeof fp, "%s.hostPort", path);
            sts__verr_int(v, STS_FIELD_ERROR_INVALID, fp, hp,
                          "must be between 1 and 65535, inclusive");
        }
        size_t pl = 0;
        const char *proto = sts__api_str(p, "protocol", &pl);
        snprintf(fp, sizeof fp, "%s.protocol", path);
        if (!proto || pl == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
        else if (!str_is(proto, pl, "TCP") && !str_is(proto, pl, "UDP") &&
                 !str_is(proto, pl, "SCTP"))
            sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, fp, proto, pl,
                          "supported values: \"SCTP\", \"TCP\", \"UDP\"");
    }
    if (seen.rc && !v->rc)
        v->rc = seen.rc;
    names_free(&seen);
}

static void mounts(sts__verrs *v, const sts_node *c, const char *cpath, const names *vols)
{
    sts_node *list = sts__api_get(c, "volumeMounts");
    size_t n = list && sts_node_get_type(list) == STS_NODE_SEQ ? sts_node_count(list) : 0;
    names points = {0};
    for (size_t i = 0; i < n; i++) {
        sts_node *m = sts_node_seq_at(list, i);
        char path[160], fp[192];
        snprintf(path, sizeof path, "%s.volumeMounts[%zu]", cpath, i);
        size_t nl = 0, ml = 0;
        const char *name = sts__api_str(m, "name", &nl);
        snprintf(fp, sizeof fp, "%s.name", path);
        if (!name || nl == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
        if (!name || !names_has(vols, name, nl))
            sts__verr_str(v, STS_FIELD_ERROR_NOT_FOUND, fp, name, nl, NULL);
        const char *mp = sts__api_str(m, "mountPath", &ml);
        snprintf(fp, sizeof fp, "%s.mountPath", path);
        if (!mp || ml == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
        if (mp && names_has(&points, mp, ml))
            sts__verr_str(v, STS_FIELD_ERROR_INVALID, fp, mp, ml, "must be unique");
        if (mp)
            names_add(&points, mp, ml);
    }
    if (points.rc && !v->rc)
        v->rc = points.rc;
    names_free(&points);
}

static void container(sts__verrs *v, const sts_node *c, const char *cpath, const names *vols)
{
    char fp[192];
    size_t l = 0;
    const char *name = sts__api_str(c, "name", &l);
    snprintf(fp, sizeof fp, "%s.name", cpath);
    if (!name || l == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
    else
        sts__check_str(v, fp, name, l, sts__is_dns1123_label);
    const char *img = sts__api_str(c, "image", &l);
    snprintf(fp, sizeof fp, "%s.image", cpath);
    if (!img || l == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
    const char *tmp = sts__api_str(c, "terminationMessagePolicy", &l);
    snprintf(fp, sizeof fp, "%s.terminationMessagePolicy", cpath);
    if (!tmp || l == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL,
                  "must be 'File' or 'FallbackToLogsOnError'");
    else if (!str_is(tmp, l, "File") && !str_is(tmp, l, "FallbackToLogsOnError"))
        sts__verr_str(v, STS_FIELD_ERROR_INVALID, fp, tmp, l,
                      "must be 'File' or 'FallbackToLogsOnError'");
    ports(v, c, cpath);
    mounts(v, c, cpath, vols);
    const char *pp = sts__api_str(c, "imagePullPolicy", &l);
    snprintf(fp, sizeof fp, "%s.imagePullPolicy", cpath);
    if (!pp || l == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
    else if (!str_is(pp, l, "Always") && !str_is(pp, l, "IfNotPresent") &&
             !str_is(pp, l, "Never"))
        sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, fp, pp, l,
                      "supported values: \"Always\", \"IfNotPresent\", \"Never\"");
}

static void containers(sts__verrs *v, const sts_node *pspec, const char *key, const names *vols,
                       names *all, bool required)
{
    sts_node *list = sts__api_get(pspec, key);
    size_t n = list && sts_node_get_type(list) == STS_NODE_SEQ ? sts_node_count(list) : 0;
    char base[64];
    snprintf(base, sizeof base, "spec.template.spec.%s", key);
    if (n == 0 && required) {
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, base, NULL, "");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        sts_node *c = sts_node_seq_at(list, i);
        char cpath[96], fp[112];
        snprintf(cpath, sizeof cpath, "%s[%zu]", base, i);
        container(v, c, cpath, vols);
        size_t l = 0;
        const char *name = sts__api_str(c, "name", &l);
        snprintf(fp, sizeof fp, "%s.name", cpath);
        if (name && l && names_has(all, name, l))
            sts__verr_str(v, STS_FIELD_ERROR_DUPLICATE, fp, name, l, NULL);
        else if (name)
            names_add(all, name, l);
    }
}

/* ValidatePersistentVolumeClaimSpec on each claim template (PR #132212,
 * 1.34), in its order: access modes, storage request, class, volume mode. */
void sts__validate_claim_templates(sts__verrs *v, const sts_node *spec)
{
    sts_node *vcts = sts__api_get(spec, "volumeClaimTemplates");
    if (!vcts || sts_node_get_type(vcts) != STS_NODE_SEQ)
        return;
    for (size_t i = 0; i < sts_node_count(vcts); i++) {
        sts_node *cspec = sts__api_get(sts_node_seq_at(vcts, i), "spec");
        char base[80], fp[128];
        snprintf(base, sizeof base, "spec.volumeClaimTemplates[%zu].spec", i);
        sts_node *am = sts__api_get(cspec, "accessModes");
        snprintf(fp, sizeof fp, "%s.accessModes", base);
        if (!am || sts_node_count(am) == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "at least 1 access mode is required");
        bool rwop = false, other = false;
        for (size_t k = 0; am && sts_node_get_type(am) == STS_NODE_SEQ && k < sts_node_count(am);
             k++) {
            const char *m;
            size_t ml;
            if (sts_node_get_string(&m, &ml, sts_node_seq_at(am, k)))
                continue;
            if (str_is(m, ml, "ReadWriteOncePod"))
                rwop = true;
            else
                other = true;
            if (!str_is(m, ml, "ReadWriteOnce") && !str_is(m, ml, "ReadOnlyMany") &&
                !str_is(m, ml, "ReadWriteMany") && !str_is(m, ml, "ReadWriteOncePod"))
                sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, fp, m, ml,
                              "supported values: \"ReadOnlyMany\", \"ReadWriteMany\", "
                              "\"ReadWriteOnce\", \"ReadWriteOncePod\"");
        }
        if (rwop && other)
            sts__verr(v, STS_FIELD_ERROR_FORBIDDEN, fp, NULL,
                      "may not use ReadWriteOncePod with other access modes");
        sts_node *st = sts__api_get(sts__api_get(sts__api_get(cspec, "resources"), "requests"),
                                    "storage");
        snprintf(fp, sizeof fp, "%s.resources[storage]", base);
        const char *q;
        size_t ql;
        int sign = 0;
        if (!st) {
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, fp, NULL, "");
        } else if (sts_node_get_string(&q, &ql, st) == 0 &&
                   sts__quantity_sign(&sign, q, ql) == 0 && sign <= 0) {
            /* ValidatePositiveQuantityValue shows value.String() */
            sts_buf c = STS_BUF_INIT;
            if (sts__quantity_canon(&c, q, ql, true, NULL) == 0)
                sts__verr_str(v, STS_FIELD_ERROR_INVALID, fp, c.data, c.len,
                              "must be greater than zero");
            sts_buf_dispose(&c);
        }
        size_t cl = 0;
        const char *cls = sts__api_str(cspec, "storageClassName", &cl);
        if (cls && cl) {
            snprintf(fp, sizeof fp, "%s.storageClassName", base);
            sts__check_str(v, fp, cls, cl, sts__is_dns1123_subdomain);
        }
        size_t vl = 0;
        const char *vm = sts__api_str(cspec, "volumeMode", &vl);
        if (vm && !str_is(vm, vl, "Block") && !str_is(vm, vl, "Filesystem")) {
            snprintf(fp, sizeof fp, "%s.volumeMode", base);
            sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, fp, vm, vl,
                          "supported values: \"Block\", \"Filesystem\"");
        }
    }
}

void sts__validate_pod_template(sts__verrs *v, const sts_node *spec, const sts__api_ctx *ctx)
{
    (void)ctx;
    const sts_node *pspec = sts__api_get(sts__api_get(spec, "template"), "spec");
    sts_node *vcts = sts__api_get(spec, "volumeClaimTemplates");
    if (vcts && sts_node_get_type(vcts) != STS_NODE_SEQ)
        vcts = NULL;
    names vols = {0}, all = {0};
    volumes(v, pspec, vcts, &vols);
    containers(v, pspec, "containers", &vols, &all, true);
    containers(v, pspec, "initContainers", &vols, &all, false);
    size_t l = 0;
    const char *dp = sts__api_str(pspec, "dnsPolicy", &l);
    if (dp && !str_is(dp, l, "ClusterFirstWithHostNet") && !str_is(dp, l, "ClusterFirst") &&
        !str_is(dp, l, "Default") && !str_is(dp, l, "None"))
        sts__verr_str(v, STS_FIELD_ERROR_NOT_SUPPORTED, "spec.template.spec.dnsPolicy", dp, l,
                      "supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", "
                      "\"Default\", \"None\"");
    if ((vols.rc || all.rc) && !v->rc)
        v->rc = vols.rc ? vols.rc : all.rc;
    names_free(&vols);
    names_free(&all);
}
