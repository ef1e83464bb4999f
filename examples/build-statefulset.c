/* Build the tutorial's StatefulSet `web` in code and print it as YAML.
 *
 * Shows both levels of the API: typed setters for the fields the library
 * knows (replicas, serviceName, ...) and the document API for everything
 * else (containers, claim templates), all on the same tree. */
#include <stdio.h>
#include <string.h>

#include <statefulset/statefulset.h>

/* ---- small builders over the document API ---- */

static sts_node *str(sts_doc *doc, const char *s)
{
    sts_node *n = NULL;
    sts_doc_new_string(&n, doc, s, strlen(s));
    return n;
}

static sts_node *num(sts_doc *doc, int64_t v)
{
    sts_node *n = NULL;
    sts_doc_new_int(&n, doc, v);
    return n;
}

static sts_node *map(sts_doc *doc)
{
    sts_node *n = NULL;
    sts_doc_new_map(&n, doc);
    return n;
}

static sts_node *seq(sts_doc *doc)
{
    sts_node *n = NULL;
    sts_doc_new_seq(&n, doc);
    return n;
}

/* Set a key; a NULL value (a failed allocation above) makes it fail. */
static int put(sts_node *m, const char *key, sts_node *value)
{
    return value ? sts_node_map_set(m, key, strlen(key), value) : STS_ENOMEM;
}

static int add(sts_node *s, sts_node *item)
{
    return item ? sts_node_seq_append(s, item) : STS_ENOMEM;
}

static int set_at(sts_node *root, const char *path, sts_node *value, sts_error **err)
{
    return sts_node_set_at(root, path, strlen(path), value, err);
}

/* containers: [{name: nginx, image: ..., ports: [...], volumeMounts: [...]}] */
static int build_containers(sts_node **out, sts_doc *doc)
{
    sts_node *port = map(doc), *mount = map(doc), *c = map(doc), *list = seq(doc);
    sts_node *ports = seq(doc), *mounts = seq(doc);
    if (!port || !mount || !c || !list || !ports || !mounts)
        return STS_ENOMEM;
    int rc = put(port, "containerPort", num(doc, 80));
    rc = rc ? rc : put(port, "name", str(doc, "web"));
    rc = rc ? rc : add(ports, port);
    rc = rc ? rc : put(mount, "name", str(doc, "www"));
    rc = rc ? rc : put(mount, "mountPath", str(doc, "/usr/share/nginx/html"));
    rc = rc ? rc : add(mounts, mount);
    rc = rc ? rc : put(c, "name", str(doc, "nginx"));
    rc = rc ? rc : put(c, "image", str(doc, "registry.k8s.io/nginx-slim:0.24"));
    rc = rc ? rc : put(c, "ports", ports);
    rc = rc ? rc : put(c, "volumeMounts", mounts);
    rc = rc ? rc : add(list, c);
    *out = list;
    return rc;
}

/* volumeClaimTemplates: [{metadata: {name: www}, spec: {accessModes, resources}}] */
static int build_claims(sts_node **out, sts_doc *doc)
{
    sts_node *meta = map(doc), *spec = map(doc), *modes = seq(doc), *requests = map(doc);
    sts_node *resources = map(doc), *claim = map(doc), *list = seq(doc);
    if (!meta || !spec || !modes || !requests || !resources || !claim || !list)
        return STS_ENOMEM;
    int rc = put(meta, "name", str(doc, "www"));
    rc = rc ? rc : add(modes, str(doc, "ReadWriteOnce"));
    rc = rc ? rc : put(spec, "accessModes", modes);
    rc = rc ? rc : put(requests, "storage", str(doc, "1Gi"));
    rc = rc ? rc : put(resources, "requests", requests);
    rc = rc ? rc : put(spec, "resources", resources);
    rc = rc ? rc : put(claim, "metadata", meta);
    rc = rc ? rc : put(claim, "spec", spec);
    rc = rc ? rc : add(list, claim);
    *out = list;
    return rc;
}

static int build(sts_object **out, sts_error **err)
{
    sts_object *sts = NULL;
    int rc = sts_object_new(&sts, STS_KIND_STATEFULSET, "web", 3, err);
    if (rc)
        return rc;
    sts_doc *doc = sts_object_doc(sts);
    sts_node *root = sts_object_root(sts);
    sts_node *containers = NULL, *claims = NULL;
    /* typed setters create the maps on the way; keys come out in call order */
    rc = sts_object_set_string(sts, "spec.selector.matchLabels.app", "nginx", 5, err);
    rc = rc ? rc : sts_statefulset_set_service_name(sts, "nginx", err);
    rc = rc ? rc : sts_statefulset_set_replicas(sts, 3, err);
    rc = rc ? rc : sts_statefulset_set_min_ready_seconds(sts, 10, err);
    rc = rc ? rc : sts_object_set_string(sts, "spec.template.metadata.labels.app", "nginx", 5, err);
    rc = rc ? rc : sts_object_set_int(sts, "spec.template.spec.terminationGracePeriodSeconds", 10, err);
    /* the document API for what has no typed setter */
    rc = rc ? rc : build_containers(&containers, doc);
    rc = rc ? rc : set_at(root, "spec.template.spec.containers", containers, err);
    rc = rc ? rc : build_claims(&claims, doc);
    rc = rc ? rc : set_at(root, "spec.volumeClaimTemplates", claims, err);
    if (rc) {
        sts_object_free(sts);
        return rc;
    }
    *out = sts;
    return 0;
}

int main(void)
{
    sts_registry *reg = NULL;
    sts_object *sts = NULL;
    sts_error *err = NULL;
    sts_buf yaml = STS_BUF_INIT;
    int rc = sts_registry_new(&reg, 0, &err);
    rc = rc ? rc : build(&sts, &err);
    rc = rc ? rc : sts_object_dump(&yaml, reg, "yaml", sts, NULL, &err);
    if (rc == 0) {
        fwrite(yaml.data, 1, yaml.len, stdout);
    } else {
        sts_buf msg = STS_BUF_INIT;
        for (const sts_error *e = err; e; e = sts_error_next(e)) {
            msg.len = 0;
            if (sts_error_format(&msg, e) == 0)
                fprintf(stderr, "build-statefulset: %s\n", msg.data);
        }
        if (!err)
            fprintf(stderr, "build-statefulset: %s\n", sts_strerror(rc));
        sts_buf_dispose(&msg);
    }
    sts_buf_dispose(&yaml);
    sts_error_free(err);
    sts_object_free(sts);
    sts_registry_free(reg);
    return rc ? 1 : (fflush(stdout) == 0 ? 0 : 1);
}
