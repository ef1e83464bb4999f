/* core/v1 defaults of one container (also init and ephemeral containers),
 * in the order of the generated SetObjectDefaults: SetDefaults_Container,
 * ports, env, resources, probes, lifecycle handlers. */
#include <string.h>

#include "api_priv.h"

/* ObjectFieldSelector: apiVersion "v1" (owner.fieldRef, when present). */
int sts__default_field_ref(sts_doc *doc, sts_node *owner, sts_error **err)
{
    (void)err;
    sts_node *fr = sts__api_get(owner, "fieldRef");
    if (!fr || sts_node_get_type(fr) != STS_NODE_MAP)
        return 0;
    return sts__api_default_str(doc, fr, "apiVersion", "v1");
}

static int default_http_get(sts_doc *doc, sts_node *handler)
{
    sts_node *h = sts__api_get(handler, "httpGet");
    if (!h || sts_node_get_type(h) != STS_NODE_MAP)
        return 0;
    int rc = sts__api_default_str(doc, h, "path", "/");
    if (!rc)
        rc = sts__api_default_str(doc, h, "scheme", "HTTP");
    return rc;
}

static int default_probe(sts_doc *doc, sts_node *c, const char *key)
{
    sts_node *p = sts__api_get(c, key);
    if (!p || sts_node_get_type(p) != STS_NODE_MAP)
        return 0;
    /* SetDefaults_Probe compares the int32 fields with 0 */
    int rc = sts__api_default_zero_int(doc, p, "timeoutSeconds", 1);
    if (!rc)
        rc = sts__api_default_zero_int(doc, p, "periodSeconds", 10);
    if (!rc)
        rc = sts__api_default_zero_int(doc, p, "successThreshold", 1);
    if (!rc)
        rc = sts__api_default_zero_int(doc, p, "failureThreshold", 3);
    if (!rc)
        rc = default_http_get(doc, p);
    sts_node *g = sts__api_get(p, "grpc");
    if (!rc && g && sts_node_get_type(g) == STS_NODE_MAP && !sts__api_get(g, "service"))
        rc = sts__api_set_str(doc, g, "service", ""); /* +default="" */
    return rc;
}

static int default_resources(sts_doc *doc, sts_node *owner, const char *path, sts_error **err)
{
    sts_node *r = sts__api_get(owner, "resources");
    if (!r)
        return 0;
    sts_buf p = STS_BUF_INIT;
    int rc = sts__buf_printf(&p, "%s.resources.limits", path);
    if (!rc)
        rc = sts__quantity_default_list(doc, sts__api_get(r, "limits"), p.data, err);
    if (!rc) {
        p.len = 0;
        rc = sts__buf_printf(&p, "%s.resources.requests", path);
    }
    if (!rc)
        rc = sts__quantity_default_list(doc, sts__api_get(r, "requests"), p.data, err);
    sts_buf_dispose(&p);
    return rc;
}

int sts__default_container(sts_doc *doc, sts_node *c, const char *path, sts_error **err)
{
    if (!c || sts_node_get_type(c) != STS_NODE_MAP)
        return 0;
    int rc = 0;
    if (sts__api_str_empty(c, "imagePullPolicy")) {
        size_t n = 0;
        const char *img = sts__api_str(c, "image", &n);
        rc = sts__api_set_str(doc, c, "imagePullPolicy",
                              sts__image_pull_policy(img ? img : "", img ? n : 0));
    }
    if (!rc)
        rc = sts__api_default_str(doc, c, "terminationMessagePath", "/dev/termination-log");
    if (!rc)
        rc = sts__api_default_str(doc, c, "terminationMessagePolicy", "File");
    sts_node *ports = sts__api_get(c, "ports");
    for (size_t i = 0; !rc && ports && i < sts_node_count(ports); i++)
        if (sts_node_get_type(ports) == STS_NODE_SEQ)
            rc = sts__api_default_str(doc, sts_node_seq_at(ports, i), "protocol", "TCP");
    sts_node *env = sts__api_get(c, "env");
    for (size_t i = 0; !rc && env && sts_node_get_type(env) == STS_NODE_SEQ &&
                       i < sts_node_count(env); i++) {
        sts_node *vf = sts__api_get(sts_node_seq_at(env, i), "valueFrom");
        if (vf)
            rc = sts__default_field_ref(doc, vf, err);
    }
    if (!rc)
        rc = default_resources(doc, c, path, err);
    if (!rc)
        rc = default_probe(doc, c, "livenessProbe");
    if (!rc)
        rc = default_probe(doc, c, "readinessProbe");
    if (!rc)
        rc = default_probe(doc, c, "startupProbe");
    sts_node *lc = sts__api_get(c, "lifecycle");
    if (!rc && lc) {
        rc = default_http_get(doc, sts__api_get(lc, "postStart"));
        if (!rc)
            rc = default_http_get(doc, sts__api_get(lc, "preStop"));
    }
    return rc;
}
