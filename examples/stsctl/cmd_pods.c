/* stsctl pods: the pods every StatefulSet of the input will have, with the
 * names Kubernetes derives for them (pod, hostname, subdomain, FQDN, PVCs,
 * the labels the controller stamps). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_pods = {
    "pods",
    "list the pods, hostnames, FQDNs and PVCs of every StatefulSet",
    "Usage: stsctl pods [OPTIONS] FILE...\n"
    "\n"
    "For every StatefulSet of the FILEs ('-' is standard input), list one pod per\n"
    "replica ordinal (spec.ordinals.start .. start+replicas-1) with the names the\n"
    "controller gives it: pod name and hostname <set>-<ordinal>, subdomain\n"
    "spec.serviceName, FQDN <pod>.<serviceName>.<namespace>.svc.<cluster-domain>,\n"
    "one PersistentVolumeClaim <template>-<pod> per claim template (in template\n"
    "order), and the labels statefulset.kubernetes.io/pod-name and\n"
    "apps.kubernetes.io/pod-index.\n"
    "\n"
    "Naming problems are printed on standard error as warnings: pod names over\n"
    "63 characters, set names over 52 (the controller-revision-hash label can\n"
    "exceed 63), claim names over 253, and PVC names that two StatefulSets of\n"
    "the same namespace would share.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT       table (default); json or yaml print one object\n"
    "                            {\"pods\": [...]}, each item with statefulSet,\n"
    "                            namespace, ordinal, name, hostname, subdomain, fqdn,\n"
    "                            claims and labels (subdomain and fqdn are null\n"
    "                            without a serviceName)\n"
    "  -n, --namespace NS        namespace of the pods (default: the StatefulSet's,\n"
    "                            else default)\n"
    "      --cluster-domain D    cluster DNS domain (default cluster.local)\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "At most " STSCTL_MAX_PODS_TEXT " pods are listed per StatefulSet.\n"
    "\n"
    "Exit status: 0 listed, 1 the input has errors or naming problems (or holds\n"
    "no StatefulSet), 2 usage or I/O error.\n",
    run,
};

enum { OPT_NAMESPACE = 0x200, OPT_CLUSTER_DOMAIN };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"namespace", required_argument, NULL, 'n'},
    {"cluster-domain", required_argument, NULL, OPT_CLUSTER_DOMAIN},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct out_ctx {
    stsctl_tree tree;
    sts_node *items;   /* json/yaml: the "pods" list */
    stsctl_table table; /* table output */
    int as_table;
    size_t count;
} out_ctx;

static char *name_of(int (*fn)(char *, size_t, const sts_object *, int32_t),
                     const sts_object *sts, int32_t ordinal)
{
    int n = fn(NULL, 0, sts, ordinal);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        fn(s, (size_t)n + 1, sts, ordinal);
    return s;
}

static char *fqdn_of(const sts_object *sts, int32_t ordinal, const sts_identity_opts *opts)
{
    int n = sts_statefulset_pod_fqdn(NULL, 0, sts, ordinal, opts);
    if (n < 0)
        return NULL; /* STS_ENOTFOUND: no serviceName, no subdomain */
    char *s = malloc((size_t)n + 1);
    if (s)
        sts_statefulset_pod_fqdn(s, (size_t)n + 1, sts, ordinal, opts);
    return s;
}

static char *claim_of(const sts_object *sts, size_t i, int32_t ordinal)
{
    int n = sts_statefulset_claim_name(NULL, 0, sts, i, ordinal);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        sts_statefulset_claim_name(s, (size_t)n + 1, sts, i, ordinal);
    return s;
}

static int add_pod(out_ctx *o, const sts_object *sts, int32_t ordinal,
                   const sts_identity_opts *opts)
{
    const char *ns = sts_statefulset_effective_namespace(sts, opts);
    const char *svc = NULL;
    if (sts_statefulset_get_service_name(&svc, NULL, sts, NULL) || !svc[0])
        svc = NULL;
    char index[16];
    snprintf(index, sizeof index, "%d", (int)ordinal);
    char *pod = name_of(sts_statefulset_pod_name, sts, ordinal);
    char *fqdn = svc ? fqdn_of(sts, ordinal, opts) : NULL;
    sts_buf claims = STS_BUF_INIT;
    int rc = !pod || (svc && !fqdn) ? STS_ENOMEM : 0;
    stsctl_tree *t = &o->tree;
    sts_node *item = NULL, *list = NULL, *labels = NULL;
    if (!rc && !o->as_table) {
        item = stsctl_tree_map(t);
        list = stsctl_tree_seq(t);
        labels = stsctl_tree_map(t);
    }
    for (size_t i = 0; !rc && i < sts_statefulset_claim_count(sts); i++) {
        char *claim = claim_of(sts, i, ordinal);
        if (!claim) {
            rc = STS_ENOMEM;
            break;
        }
        if (o->as_table)
            rc = (claims.len && sts_buf_append(&claims, ",", 1)) ||
                         sts_buf_append(&claims, claim, strlen(claim))
                     ? STS_ENOMEM : 0;
        else
            stsctl_tree_push(t, list, stsctl_tree_str(t, claim));
        free(claim);
    }
    if (!rc && o->as_table) {
        const char *row[6] = {ns, sts_object_name(sts), index, pod, fqdn ? fqdn : "<none>",
                              claims.len ? claims.data : "<none>"};
        rc = stsctl_table_add(&o->table, row);
    } else if (!rc) {
        stsctl_tree_set(t, item, "statefulSet", stsctl_tree_str(t, sts_object_name(sts)));
        stsctl_tree_set(t, item, "namespace", stsctl_tree_str(t, ns));
        stsctl_tree_set(t, item, "ordinal", stsctl_tree_int(t, ordinal));
        stsctl_tree_set(t, item, "name", stsctl_tree_str(t, pod));
        stsctl_tree_set(t, item, "hostname", stsctl_tree_str(t, pod));
        stsctl_tree_set(t, item, "subdomain", stsctl_tree_str(t, svc));
        stsctl_tree_set(t, item, "fqdn", stsctl_tree_str(t, fqdn));
        stsctl_tree_set(t, item, "claims", list);
        stsctl_tree_set(t, labels, STS_LABEL_POD_NAME, stsctl_tree_str(t, pod));
        stsctl_tree_set(t, labels, STS_LABEL_POD_INDEX, stsctl_tree_str(t, index));
        stsctl_tree_set(t, item, "labels", labels);
        stsctl_tree_push(t, o->items, item);
        rc = t->rc;
    }
    free(pod);
    free(fqdn);
    sts_buf_dispose(&claims);
    if (!rc)
        o->count++;
    return rc;
}

/* Every pod of one set; returns 0, 1 for a set that cannot have pods, or -1. */
static int add_set(out_ctx *o, const stsctl_command *cmd, const sts_object *sts,
                   const char *source, const sts_identity_opts *opts)
{
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    int rc = 0;
    if (!sts_object_name(sts)[0])
        rc = sts_error_new(&err, STS_EVALIDATION, "the StatefulSet has no metadata.name",
                           "metadata", 0, 0, UINT64_MAX)
                 ? STS_ENOMEM : STS_EVALIDATION;
    else
        rc = sts_statefulset_ordinals(&start, &count, sts, &err);
    if (!rc)
        rc = stsctl_check_replica_limit(&err, sts, count);
    if (rc) {
        stsctl_print_findings(err, sts, source, "error");
        sts_error_free(err);
        return rc == STS_ENOMEM ? -1 : 1;
    }
    for (int64_t ord = start; ord < (int64_t)start + count; ord++) {
        if (add_pod(o, sts, (int32_t)ord, opts)) {
            stsctl_fail(cmd, 0, "out of memory");
            return -1;
        }
    }
    return 0;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_pods;
    const char *format = "table", *from = NULL;
    sts_identity_opts opts = STS_IDENTITY_OPTS_INIT;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:n:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case 'n':
            opts.ns = optarg;
            break;
        case OPT_CLUSTER_DOMAIN:
            opts.cluster_domain = optarg;
            break;
        case STSCTL_OPT_FROM:
            from = optarg;
            break;
        default: /* -h, a missing value, an unknown option */
            return stsctl_option_end(cmd, opt, argv);
        }
    }
    if (optind >= argc)
        return stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    if ((opts.ns && !opts.ns[0]) || (opts.cluster_domain && !opts.cluster_domain[0]))
        return stsctl_usage_error(cmd, "--namespace and --cluster-domain need a non-empty value");
    int as_table = strcmp(format, "table") == 0;
    if ((!as_table && stsctl_check_format(ctl, cmd, format, 0)) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)))
        return STSCTL_EXIT_USAGE;

    char **files = argv + optind;
    int nfiles = argc - optind;
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL;
    int status = stsctl_load_sources(ctl, cmd, &list, ends, from, files, nfiles);
    if (status) {
        free(ends);
        return status;
    }
    out_ctx o;
    memset(&o, 0, sizeof o);
    o.as_table = as_table;
    stsctl_table_init(&o.table, 6);
    sts_node *root = NULL;
    if (as_table) {
        const char *head[6] = {"NAMESPACE", "STATEFULSET", "ORDINAL", "POD", "FQDN", "CLAIMS"};
        if (stsctl_table_add(&o.table, head))
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    } else if (!stsctl_tree_init(&o.tree)) {
        root = stsctl_tree_map(&o.tree);
        o.items = stsctl_tree_seq(&o.tree);
        stsctl_tree_set(&o.tree, root, "pods", o.items);
    }
    if (!as_table && o.tree.rc)
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");

    int problems = 0;
    size_t sets = 0;
    if (!status)
        problems = stsctl_check_naming(cmd, list, files, ends, nfiles, &opts);
    if (problems < 0)
        status = STSCTL_EXIT_USAGE;
    for (size_t i = 0; !status && i < sts_object_list_count(list); i++) {
        const sts_object *sts = sts_object_list_at(list, i);
        if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        int r = add_set(&o, cmd, sts, stsctl_source_at(files, ends, nfiles, i), &opts);
        if (r < 0)
            status = STSCTL_EXIT_USAGE;
        problems += r > 0;
    }
    if (!status && as_table) {
        sts_buf buf = STS_BUF_INIT;
        if (!o.count)
            fputs(sets ? "No pods: every StatefulSet has 0 replicas.\n" : "", stderr);
        else if (stsctl_table_render(&buf, &o.table))
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
        else
            status = stsctl_write(cmd, buf.data, buf.len);
        sts_buf_dispose(&buf);
    } else if (!status) {
        const sts_node *roots[1] = {root};
        status = stsctl_emit(ctl, cmd, format, roots, 1, 0);
    }
    if (!status && !sets)
        status = stsctl_fail(cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    if (!status && problems)
        status = STSCTL_EXIT_INPUT;
    stsctl_table_dispose(&o.table);
    stsctl_tree_dispose(&o.tree);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
