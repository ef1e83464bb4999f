/* core/v1 defaults of a PersistentVolumeClaim used as a template:
 * SetDefaults_PersistentVolumeClaim (status.phase Pending) and
 * SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem), then the
 * ResourceLists rounded to milli precision. */
#include <string.h>

#include "api_priv.h"

static int list_at(sts_doc *doc, sts_node *owner, const char *key, const char *path,
                   const char *what, sts_error **err)
{
    sts_node *r = sts__api_get(owner, key);
    if (!r)
        return 0;
    sts_buf p = STS_BUF_INIT;
    int rc = sts__buf_printf(&p, "%s.%s.%s", path, key, what);
    if (!rc)
        rc = sts__quantity_default_list(doc, sts__api_get(r, what), p.data, err);
    sts_buf_dispose(&p);
    return rc;
}

int sts__default_pvc_spec(sts_doc *doc, sts_node *spec, const char *path, sts_error **err)
{
    if (!spec || sts_node_get_type(spec) != STS_NODE_MAP)
        return 0;
    int rc = 0;
    if (!sts__api_get(spec, "volumeMode"))
        rc = sts__api_set_str(doc, spec, "volumeMode", "Filesystem");
    if (!rc)
        rc = list_at(doc, spec, "resources", path, "limits", err);
    if (!rc)
        rc = list_at(doc, spec, "resources", path, "requests", err);
    return rc;
}

int sts__default_pvc(sts_doc *doc, sts_node *pvc, const char *path, sts_error **err)
{
    if (!pvc || sts_node_get_type(pvc) != STS_NODE_MAP)
        return 0;
    sts_node *spec, *status;
    /* spec and status are structs in Go: always present once defaulted */
    int rc = sts__api_ensure_map(&spec, doc, pvc, "spec");
    if (!rc)
        rc = sts__api_ensure_map(&status, doc, pvc, "status");
    if (!rc && status)
        rc = sts__api_default_str(doc, status, "phase", "Pending");
    sts_buf p = STS_BUF_INIT;
    if (!rc && spec) {
        rc = sts__buf_printf(&p, "%s.spec", path);
        if (!rc)
            rc = sts__default_pvc_spec(doc, spec, p.data, err);
    }
    if (!rc && status) {
        p.len = 0;
        rc = sts__buf_printf(&p, "%s.status", path);
        if (!rc)
            rc = list_at(doc, pvc, "status", path, "capacity", err);
        sts_node *al = sts__api_get(status, "allocatedResources");
        if (!rc && al)
            rc = sts__quantity_default_list(doc, al, p.data, err);
    }
    sts_buf_dispose(&p);
    return rc;
}
