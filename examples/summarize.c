/* Print a one-line summary of every object in a file:
 *
 *   Service nginx: headless, selector app=nginx, ports web/80
 *   StatefulSet web: replicas 3, serviceName nginx, podManagementPolicy
 *     OrderedReady (default), updateStrategy RollingUpdate (default), claims www
 *
 * (one line each). Absent fields show the value Kubernetes defaults them to.
 * Usage: summarize FILE   ('-' for standard input). Exit 0, 1 on errors
 * in the input, 2 when the file cannot be read. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <statefulset/statefulset.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

static void print_errors(const sts_error *err)
{
    sts_buf line = STS_BUF_INIT;
    for (const sts_error *e = err; e; e = sts_error_next(e)) {
        line.len = 0;
        if (sts_error_format(&line, e) == 0)
            fprintf(stderr, "%s\n", line.data);
    }
    sts_buf_dispose(&line);
}

/* `key=value` pairs of a map of strings, comma-separated. */
static void print_labels(const sts_node *m)
{
    for (size_t i = 0; i < sts_node_count(m); i++) {
        const char *k = "", *v = "";
        size_t kl = 0, vl = 0;
        sts_node_get_string(&k, &kl, sts_node_map_key_at(m, i));
        sts_node_get_string(&v, &vl, sts_node_map_value_at(m, i));
        printf("%s%.*s=%.*s", i ? "," : "", (int)kl, k, (int)vl, v);
    }
}

/* A string field, or its Kubernetes default marked as such. */
static void print_string(const char *label, int rc, const char *v, size_t len, const char *dflt)
{
    if (rc == 0)
        printf(", %s %.*s", label, (int)len, v);
    else
        printf(", %s %s (default)", label, dflt);
}

static void summarize_statefulset(const sts_object *o)
{
    int32_t replicas = 1;
    const char *s = NULL;
    size_t len = 0;
    int rc = sts_statefulset_get_replicas(&replicas, o, NULL);
    printf(": replicas %" PRId32 "%s", rc ? 1 : replicas, rc ? " (default)" : "");
    rc = sts_statefulset_get_service_name(&s, &len, o, NULL);
    if (rc == 0)
        printf(", serviceName %.*s", (int)len, s);
    else
        printf(", no serviceName");
    rc = sts_statefulset_get_pod_management_policy(&s, &len, o, NULL);
    print_string("podManagementPolicy", rc, s, len, "OrderedReady");
    rc = sts_statefulset_get_update_strategy_type(&s, &len, o, NULL);
    print_string("updateStrategy", rc, s, len, "RollingUpdate");
    size_t n = sts_statefulset_claim_template_count(o);
    if (n == 0)
        printf(", no claims");
    for (size_t i = 0; i < n; i++) {
        const char *name = "";
        size_t nl = 0;
        sts_node *c = sts_statefulset_claim_template_at(o, i);
        sts_node *nn = NULL;
        if (sts_node_find(&nn, c, "metadata.name", 13, NULL) == 0)
            sts_node_get_string(&name, &nl, nn);
        printf("%s%.*s", i ? "," : ", claims ", (int)nl, name);
    }
}

static void summarize_service(const sts_object *o)
{
    sts_node *sel = NULL;
    printf(": %s", sts_service_is_headless(o) ? "headless" : "not headless");
    if (sts_service_get_selector(&sel, o, NULL) == 0) {
        printf(", selector ");
        print_labels(sel);
    }
    size_t n = sts_service_port_count(o);
    for (size_t i = 0; i < n; i++) {
        sts_node *p = sts_service_port_at(o, i);
        const char *name = "";
        size_t nl = 0;
        int64_t port = 0;
        sts_node_get_string(&name, &nl, sts_node_map_get(p, "name", 4));
        sts_node_get_int(&port, sts_node_map_get(p, "port", 4));
        printf("%s%.*s%s%" PRId64, i ? "," : ", ports ", (int)nl, name, nl ? "/" : "", port);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: summarize FILE   ('-' for standard input)\n");
        return 2;
    }
    size_t len = 0;
    char *data = read_all(argv[1], &len);
    if (!data) {
        perror(argv[1]);
        return 2;
    }
    sts_registry *reg = NULL;
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    sts_decode_opts opts = STS_DECODE_OPTS_INIT;
    opts.source_name = strcmp(argv[1], "-") == 0 ? "<stdin>" : argv[1];
    int rc = sts_registry_new(&reg, 0, &err);
    rc = rc ? rc : sts_load(&list, reg, NULL, data, len, &opts, &err);
    free(data);
    if (rc) {
        print_errors(err);
        sts_error_free(err);
        sts_registry_free(reg);
        return 1;
    }
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *o = sts_object_list_at(list, i);
        const char *kind = sts_object_kind_string(o), *ns = sts_object_namespace(o);
        printf("%s %s%s%s", kind[0] ? kind : "(no kind)", ns, ns[0] ? "/" : "",
               sts_object_name(o));
        switch (sts_object_kind(o)) {
        case STS_KIND_STATEFULSET:
            summarize_statefulset(o);
            break;
        case STS_KIND_SERVICE:
            summarize_service(o);
            break;
        default:
            break;
        }
        putchar('\n');
    }
    sts_object_list_free(list);
    sts_registry_free(reg);
    return fflush(stdout) == 0 ? 0 : 2;
}
