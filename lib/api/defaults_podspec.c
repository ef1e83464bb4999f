/* core/v1 SetDefaults_PodSpec and the nested defaults of a pod template's
 * spec, in the order of the generated SetObjectDefaults. Template-only
 * omissions (pods only): enableServiceLinks, limits copied into requests,
 * hostNetwork host ports (gate DefaultHostNetworkHostPortsInPodTemplates off). */
#include <string.h>

#include "api_priv.h"

static int each_container(sts_doc *doc, sts_node *spec, const char *key, const char *path,
                          sts_error **err)
{
    sts_node *list = sts__api_get(spec, key);
    if (!list || sts_node_get_type(list) != STS_NODE_SEQ)
        return 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < sts_node_count(list); i++) {
        sts_buf p = STS_BUF_INIT;
        rc = sts__buf_printf(&p, "%s.%s[%zu]", path, key, i);
        if (!rc)
            rc = sts__default_container(doc, sts_node_seq_at(list, i), p.data, err);
        sts_buf_dispose(&p);
    }
    return rc;
}

int sts__default_pod_spec(sts_doc *doc, sts_node *spec, const char *path, sts_error **err)
{
    if (!spec || sts_node_get_type(spec) != STS_NODE_MAP)
        return 0;
    int rc = sts__api_default_str(doc, spec, "dnsPolicy", "ClusterFirst");
    if (!rc)
        rc = sts__api_default_str(doc, spec, "restartPolicy", "Always");
    sts_node *sc;
    if (!rc)
        rc = sts__api_ensure_map(&sc, doc, spec, "securityContext");
    if (!rc)
        rc = sts__api_default_ptr_int(doc, spec, "terminationGracePeriodSeconds", 30);
    if (!rc)
        rc = sts__api_default_str(doc, spec, "schedulerName", "default-scheduler");

    sts_node *vols = sts__api_get(spec, "volumes");
    for (size_t i = 0; !rc && vols && sts_node_get_type(vols) == STS_NODE_SEQ &&
                       i < sts_node_count(vols); i++) {
        sts_buf p = STS_BUF_INIT;
        rc = sts__buf_printf(&p, "%s.volumes[%zu]", path, i);
        if (!rc)
            rc = sts__default_volume(doc, sts_node_seq_at(vols, i), p.data, err);
        sts_buf_dispose(&p);
    }
    if (!rc)
        rc = each_container(doc, spec, "initContainers", path, err);
    if (!rc)
        rc = each_container(doc, spec, "containers", path, err);
    if (!rc)
        rc = each_container(doc, spec, "ephemeralContainers", path, err);
    sts_buf p = STS_BUF_INIT;
    if (!rc)
        rc = sts__buf_printf(&p, "%s.overhead", path);
    if (!rc)
        rc = sts__quantity_default_list(doc, sts__api_get(spec, "overhead"), p.data, err);
    sts_node *res = sts__api_get(spec, "resources"); /* pod-level resources */
    if (!rc && res) {
        p.len = 0;
        rc = sts__buf_printf(&p, "%s.resources.limits", path);
        if (!rc)
            rc = sts__quantity_default_list(doc, sts__api_get(res, "limits"), p.data, err);
        p.len = 0;
        if (!rc)
            rc = sts__buf_printf(&p, "%s.resources.requests", path);
        if (!rc)
            rc = sts__quantity_default_list(doc, sts__api_get(res, "requests"), p.data, err);
    }
    sts_buf_dispose(&p);
    return rc;
}
