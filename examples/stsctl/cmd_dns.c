/* stsctl dns: the records cluster DNS serves for every StatefulSet of the
 * input, and why records are missing. Services and Pods of the input are
 * the context: the governing Service is looked up by spec.serviceName, and
 * Pods with IPs and conditions turn predictions into real answers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_dns = {
    "dns",
    "print the DNS records of every StatefulSet, and why some are missing",
    "Usage: stsctl dns [OPTIONS] FILE...\n"
    "\n"
    "For every StatefulSet of the FILEs ('-' is standard input), compute the\n"
    "records of its governing Service (the Service named spec.serviceName in the\n"
    "set's namespace, found among the input's objects): the Service name, one\n"
    "A/AAAA name per pod <pod>.<service>.<namespace>.svc.<cluster-domain>, SRV\n"
    "records per named port, PTR records. Pods in the input (with status.podIP\n"
    "and a Ready condition) are published as the cluster would publish them;\n"
    "without Pods every replica is predicted as ready, its address unknown.\n"
    "Reasons records are missing are listed too: no Service, not headless,\n"
    "selector mismatch, unnamed ports, unready pods without\n"
    "publishNotReadyAddresses, ...\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT       zone (default): an RFC 1035 master file, reasons as\n"
    "                            `; note:` comments; table: aligned columns, then the\n"
    "                            reasons as `note:` lines; json (or yaml): per\n"
    "                            StatefulSet one object {\"statefulSet\", \"namespace\",\n"
    "                            \"serviceFqdn\", \"records\": [{\"name\", \"type\", \"ttl\",\n"
    "                            \"data\", \"pod\"}], \"problems\": [{\"message\", \"path\"}]}\n"
    "      --cluster-domain D    cluster DNS domain (default cluster.local)\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Record data is empty (\"<pending>\" in tables) for an address not known yet.\n"
    "\n"
    "Exit status: 0 records and no problems, 1 a reason records are missing was\n"
    "found (or the input has errors, or holds no StatefulSet), 2 usage or I/O error.\n",
    run,
};

enum { OPT_CLUSTER_DOMAIN = 0x200 };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"cluster-domain", required_argument, NULL, OPT_CLUSTER_DOMAIN},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

enum { OUT_ZONE, OUT_TABLE, OUT_DOC };

typedef struct out_ctx {
    int kind;
    sts_buf text;        /* zone output, and table notes */
    stsctl_table table;  /* table rows */
    stsctl_tree tree;    /* documents, one root per StatefulSet */
    sts_node **roots;
    size_t nroots;
    size_t records, problems;
} out_ctx;

static int add_doc(out_ctx *o, const sts_object *sts, const sts_dns_records *recs)
{
    stsctl_tree *t = &o->tree;
    sts_node *root = stsctl_tree_map(t), *records = stsctl_tree_seq(t);
    sts_node *problems = stsctl_tree_seq(t);
    const char *fqdn = sts_dns_service_fqdn(recs);
    stsctl_tree_set(t, root, "statefulSet", stsctl_tree_str(t, sts_object_name(sts)));
    stsctl_tree_set(t, root, "namespace",
                    stsctl_tree_str(t, sts_statefulset_effective_namespace(sts, NULL)));
    stsctl_tree_set(t, root, "serviceFqdn", stsctl_tree_str(t, fqdn[0] ? fqdn : NULL));
    for (size_t i = 0; i < sts_dns_records_count(recs); i++) {
        sts_node *r = stsctl_tree_map(t);
        stsctl_tree_set(t, r, "name", stsctl_tree_str(t, sts_dns_record_name(recs, i)));
        stsctl_tree_set(t, r, "type",
                        stsctl_tree_str(t, sts_dns_type_name(sts_dns_record_type(recs, i))));
        stsctl_tree_set(t, r, "ttl", stsctl_tree_int(t, sts_dns_record_ttl(recs, i)));
        stsctl_tree_set(t, r, "data", stsctl_tree_str(t, sts_dns_record_data(recs, i)));
        stsctl_tree_set(t, r, "pod", stsctl_tree_str(t, sts_dns_record_pod(recs, i)));
        stsctl_tree_push(t, records, r);
    }
    for (const sts_error *e = sts_dns_records_problems(recs); e; e = sts_error_next(e)) {
        sts_node *p = stsctl_tree_map(t);
        stsctl_tree_set(t, p, "message", stsctl_tree_str(t, sts_error_message(e)));
        stsctl_tree_set(t, p, "path", stsctl_tree_str(t, sts_error_path(e)));
        stsctl_tree_push(t, problems, p);
    }
    stsctl_tree_set(t, root, "records", records);
    stsctl_tree_set(t, root, "problems", problems);
    if (t->rc)
        return t->rc;
    sts_node **p = realloc(o->roots, (o->nroots + 1) * sizeof *p);
    if (!p)
        return STS_ENOMEM;
    o->roots = p;
    o->roots[o->nroots++] = root;
    return 0;
}

static int add_rows(out_ctx *o, const sts_dns_records *recs)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < sts_dns_records_count(recs); i++) {
        char ttl[16];
        snprintf(ttl, sizeof ttl, "%u", (unsigned)sts_dns_record_ttl(recs, i));
        const char *data = sts_dns_record_data(recs, i), *pod = sts_dns_record_pod(recs, i);
        const char *row[5] = {sts_dns_record_name(recs, i),
                              sts_dns_type_name(sts_dns_record_type(recs, i)), ttl,
                              data[0] ? data : "<pending>", pod[0] ? pod : "<none>"};
        rc = stsctl_table_add(&o->table, row);
    }
    for (const sts_error *e = sts_dns_records_problems(recs); !rc && e; e = sts_error_next(e)) {
        const char *path = sts_error_path(e);
        rc = sts_buf_append(&o->text, "note: ", 6) ||
                     sts_buf_append(&o->text, sts_error_message(e),
                                    strlen(sts_error_message(e))) ||
                     (path[0] && (sts_buf_append(&o->text, " (", 2) ||
                                  sts_buf_append(&o->text, path, strlen(path)) ||
                                  sts_buf_append(&o->text, ")", 1))) ||
                     sts_buf_append(&o->text, "\n", 1)
                 ? STS_ENOMEM : 0;
    }
    return rc;
}

/* One set: 0, 1 when it cannot be computed (reported), -1 out of memory. */
static int add_set(out_ctx *o, const stsctl_command *cmd, const sts_object *sts,
                   const sts_object_list *list, const char *source, const sts_dns_opts *dopts)
{
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    sts_dns_records *recs = NULL;
    /* without Pods every replica is predicted: bound the work first */
    int rc = sts_statefulset_ordinals(&start, &count, sts, &err);
    if (!rc)
        rc = stsctl_check_replica_limit(&err, sts, count);
    if (!rc)
        rc = sts_dns_compute(&recs, sts, list, NULL, dopts, &err);
    if (rc) {
        stsctl_print_findings(err, sts, source, "error");
        if (!err)
            stsctl_fail(cmd, 0, "%s: StatefulSet %s: %s", source, sts_object_name(sts),
                        sts_strerror(rc));
        sts_error_free(err);
        return rc == STS_ENOMEM ? -1 : 1;
    }
    o->records += sts_dns_records_count(recs);
    o->problems += sts_error_count(sts_dns_records_problems(recs));
    if (o->kind == OUT_ZONE) {
        if (o->text.len)
            rc = sts_buf_append(&o->text, "\n", 1);
        if (!rc)
            rc = sts_dns_records_zone(&o->text, recs, NULL);
    } else if (o->kind == OUT_TABLE) {
        rc = add_rows(o, recs);
    } else {
        rc = add_doc(o, sts, recs);
    }
    sts_dns_records_free(recs);
    if (rc) {
        stsctl_fail(cmd, 0, "out of memory");
        return -1;
    }
    return 0;
}

static int print(stsctl *ctl, const stsctl_command *cmd, out_ctx *o, const char *format)
{
    if (o->kind == OUT_ZONE)
        return stsctl_write(cmd, o->text.data, o->text.len);
    if (o->kind == OUT_DOC)
        return stsctl_emit(ctl, cmd, format, (const sts_node *const *)o->roots, o->nroots, 0);
    sts_buf buf = STS_BUF_INIT;
    int status = 0;
    if ((o->records && stsctl_table_render(&buf, &o->table)) ||
        (o->text.len && sts_buf_append(&buf, o->text.data, o->text.len)))
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    else
        status = stsctl_write(cmd, buf.data, buf.len);
    sts_buf_dispose(&buf);
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_dns;
    const char *format = "zone", *from = NULL;
    sts_dns_opts dopts = STS_DNS_OPTS_INIT;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case OPT_CLUSTER_DOMAIN:
            dopts.cluster_domain = optarg;
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
    if (dopts.cluster_domain && !dopts.cluster_domain[0])
        return stsctl_usage_error(cmd, "--cluster-domain needs a non-empty value");
    out_ctx o;
    memset(&o, 0, sizeof o);
    o.kind = strcmp(format, "zone") == 0 ? OUT_ZONE
             : strcmp(format, "table") == 0 ? OUT_TABLE : OUT_DOC;
    if ((o.kind == OUT_DOC && stsctl_check_format(ctl, cmd, format, 0)) ||
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
    stsctl_table_init(&o.table, 5);
    const char *head[5] = {"NAME", "TYPE", "TTL", "DATA", "POD"};
    if (stsctl_table_add(&o.table, head) || stsctl_tree_init(&o.tree))
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    size_t sets = 0, failed = 0;
    for (size_t i = 0; !status && i < sts_object_list_count(list); i++) {
        const sts_object *sts = sts_object_list_at(list, i);
        if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        int r = add_set(&o, cmd, sts, list, stsctl_source_at(files, ends, nfiles, i), &dopts);
        if (r < 0)
            status = STSCTL_EXIT_USAGE;
        failed += r > 0;
    }
    if (!status)
        status = print(ctl, cmd, &o, format);
    if (!status && !sets)
        status = stsctl_fail(cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    if (!status && (failed || o.problems || !o.records))
        status = STSCTL_EXIT_INPUT;
    stsctl_table_dispose(&o.table);
    stsctl_tree_dispose(&o.tree);
    sts_buf_dispose(&o.text);
    free(o.roots);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
