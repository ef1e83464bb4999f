/* core/v1 volume defaults: SetDefaults_Volume (a volume without any source
 * becomes emptyDir {}) and the per-source defaulters. */
#include <string.h>

#include "api_priv.h"

/* Every VolumeSource member (a pointer in Go): when none is set the
 * volume gets emptyDir. */
static const char *const sources[] = {
    "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret",
    "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder",
    "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume",
    "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO",
    "storageos", "csi", "ephemeral", "image"};

static sts_node *source(const sts_node *v, const char *key)
{
    sts_node *s = sts__api_get(v, key);
    return s && sts_node_get_type(s) == STS_NODE_MAP ? s : NULL;
}

static int default_items_field_refs(sts_doc *doc, sts_node *dapi, sts_error **err)
{
    sts_node *items = sts__api_get(dapi, "items");
    int rc = 0;
    for (size_t i = 0; !rc && items && sts_node_get_type(items) == STS_NODE_SEQ &&
                       i < sts_node_count(items); i++)
        rc = sts__default_field_ref(doc, sts_node_seq_at(items, i), err);
    return rc;
}

int sts__default_volume(sts_doc *doc, sts_node *v, const char *path, sts_error **err)
{
    if (!v || sts_node_get_type(v) != STS_NODE_MAP)
        return 0;
    int rc = 0;
    bool any = false;
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
        if (sts__api_get(v, sources[i]))
            any = true;
    if (!any) {
        sts_node *m;
        rc = sts__api_ensure_map(&m, doc, v, "emptyDir");
    }
    sts_node *s;
    if (!rc && (s = source(v, "hostPath")) && !sts__api_get(s, "type"))
        rc = sts__api_set_str(doc, s, "type", ""); /* HostPathUnset */
    if (!rc && (s = source(v, "emptyDir"))) {
        sts_buf p = STS_BUF_INIT;
        rc = sts__buf_printf(&p, "%s.emptyDir.sizeLimit", path);
        if (!rc) /* a plain Quantity: nano precision, no milli rounding */
            rc = sts__quantity_default_node(doc, s, "sizeLimit", false, p.data, err);
        sts_buf_dispose(&p);
    }
    if (!rc && (s = source(v, "secret")))
        rc = sts__api_default_ptr_int(doc, s, "defaultMode", 420);
    if (!rc && (s = source(v, "iscsi")))
        rc = sts__api_default_str(doc, s, "iscsiInterface", "default");
    if (!rc && (s = source(v, "rbd"))) {
        rc = sts__api_default_str(doc, s, "pool", "rbd");
        if (!rc)
            rc = sts__api_default_str(doc, s, "user", "admin");
        if (!rc)
            rc = sts__api_default_str(doc, s, "keyring", "/etc/ceph/keyring");
    }
    if (!rc && (s = source(v, "downwardAPI"))) {
        rc = sts__api_default_ptr_int(doc, s, "defaultMode", 420);
        if (!rc)
            rc = default_items_field_refs(doc, s, err);
    }
    if (!rc && (s = source(v, "configMap")))
        rc = sts__api_default_ptr_int(doc, s, "defaultMode", 420);
    if (!rc && (s = source(v, "azureDisk"))) {
        if (!sts__api_get(s, "cachingMode"))
            rc = sts__api_set_str(doc, s, "cachingMode", "ReadWrite");
        if (!rc && !sts__api_get(s, "kind"))
            rc = sts__api_set_str(doc, s, "kind", "Shared");
        if (!rc && !sts__api_get(s, "fsType"))
            rc = sts__api_set_str(doc, s, "fsType", "ext4");
        if (!rc && !sts__api_get(s, "readOnly"))
            rc = sts__api_set_bool(doc, s, "readOnly", 0);
    }
    if (!rc && (s = source(v, "projected"))) {
        rc = sts__api_default_ptr_int(doc, s, "defaultMode", 420);
        sts_node *srcs = sts__api_get(s, "sources");
        for (size_t i = 0; !rc && srcs && sts_node_get_type(srcs) == STS_NODE_SEQ &&
                           i < sts_node_count(srcs); i++) {
            sts_node *e = sts_node_seq_at(srcs, i), *d;
            if ((d = source(e, "downwardAPI")))
                rc = default_items_field_refs(doc, d, err);
            if (!rc && (d = source(e, "serviceAccountToken")))
                rc = sts__api_default_ptr_int(doc, d, "expirationSeconds", 3600);
        }
    }
    if (!rc && (s = source(v, "scaleIO"))) {
        rc = sts__api_default_str(doc, s, "storageMode", "ThinProvisioned");
        if (!rc)
            rc = sts__api_default_str(doc, s, "fsType", "xfs");
    }
    if (!rc && (s = source(v, "ephemeral"))) {
        sts_node *t = source(s, "volumeClaimTemplate");
        sts_node *ts = t ? source(t, "spec") : NULL;
        if (ts) {
            sts_buf p = STS_BUF_INIT;
            rc = sts__buf_printf(&p, "%s.ephemeral.volumeClaimTemplate.spec", path);
            if (!rc)
                rc = sts__default_pvc_spec(doc, ts, p.data, err);
            sts_buf_dispose(&p);
        }
    }
    return rc;
}
