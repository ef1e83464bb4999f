/* stsctl upgrade-check: which StatefulSets a Kubernetes upgrade would roll
 * by itself, because the new release serializes or defaults the stored
 * template differently (1.33 -> 1.34 restarted every set, issue #134773). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_upgrade_check = {
    "upgrade-check",
    "find the StatefulSets a Kubernetes upgrade would restart",
    "Usage: stsctl upgrade-check --from V1 --to V2 [OPTIONS] FILE...\n"
    "\n"
    "For every StatefulSet of the FILEs ('-' is standard input), usually the live\n"
    "objects (`kubectl get statefulset -A -o yaml`), tell whether upgrading the\n"
    "cluster from release V1 to V2 makes the controller create a new revision and\n"
    "replace the pods although nobody changed the set: V2 stores and hashes the\n"
    "template differently (1.33 -> 1.34: `creationTimestamp: null` no longer\n"
    "written), unless V2's StatefulSetSemanticRevisionComparison gate (on in 1.34\n"
    "with the backport and in 1.35) sees that nothing changed. ControllerRevisions\n"
    "in the input that match V2's bytes are reused; Pods in the input tell which\n"
    "revision each pod runs.\n"
    "\n"
    "Options:\n"
    "      --from V1             the release the objects were stored by (1.31 to 1.35)\n"
    "      --to V2               the release after the upgrade (1.31 to 1.35)\n"
    "  -o, --output FORMAT       text (default); json (or yaml) prints the result\n"
    "                            document (from, to, semanticComparison, one entry\n"
    "                            per set with its revisions and whether pods roll)\n"
    "      --feature-gates G     gate overrides of V2, e.g.\n"
    "                            StatefulSetSemanticRevisionComparison=false\n"
    "      --input-format FORMAT input format (default: from the file name, then the\n"
    "                            content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "At most " STSCTL_MAX_PODS_TEXT " replicas are examined per StatefulSet.\n"
    "\n"
    "Exit status: 0 the upgrade restarts no pod, 1 it restarts the pods of at\n"
    "least one set, 2 the input has errors (or holds no StatefulSet), usage or\n"
    "I/O error.\n",
    run,
};

enum { OPT_FROM_VERSION = 0x200, OPT_TO_VERSION, OPT_INPUT_FORMAT };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"from", required_argument, NULL, OPT_FROM_VERSION},
    {"to", required_argument, NULL, OPT_TO_VERSION},
    {"feature-gates", required_argument, NULL, STSCTL_OPT_FEATURE_GATES},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* 1 is the answer "pods restart", so errors are 2 (as diff(1)). */
enum { UP_NO_ROLL = 0, UP_ROLLS = 1, UP_TROUBLE = 2 };

/* The number of StatefulSets, or -1 after reporting one with more replicas
 * than stsctl expands (the result lists every pod). */
static int count_sets(const stsctl_command *cmd, const sts_object_list *list)
{
    int n = 0;
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *o = sts_object_list_at(list, i);
        if (sts_object_kind(o) != STS_KIND_STATEFULSET)
            continue;
        n++;
        int32_t start, count;
        sts_error *err = NULL;
        if (!sts_statefulset_ordinals(&start, &count, o, NULL) &&
            stsctl_check_replica_limit(&err, o, count)) {
            stsctl_fail(cmd, 0, "%s", err ? sts_error_message(err) : "out of memory");
            sts_error_free(err);
            return -1;
        }
    }
    return n;
}

static int print_result(stsctl *ctl, const stsctl_command *cmd, const sts_upgrade *up,
                        const char *format)
{
    int status = 0;
    if (strcmp(format, "text") == 0) {
        sts_buf b = STS_BUF_INIT;
        if (sts_upgrade_format(&b, up))
            status = stsctl_fail(cmd, UP_TROUBLE, "out of memory");
        else
            status = stsctl_write(cmd, b.data, b.len);
        sts_buf_dispose(&b);
        return status;
    }
    sts_doc *doc = NULL;
    sts_error *err = NULL;
    if (sts_upgrade_to_doc(&doc, up, &err)) {
        status = stsctl_fail(cmd, UP_TROUBLE, "%s", err ? sts_error_message(err) : "out of memory");
    } else {
        const sts_node *roots[1] = {sts_doc_root(doc)};
        status = stsctl_emit(ctl, cmd, format, roots, 1, 0);
    }
    sts_error_free(err);
    sts_doc_free(doc);
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_upgrade_check;
    sts_api_opts api = STS_API_OPTS_INIT, from_api = STS_API_OPTS_INIT;
    const char *from = NULL, *format = "text";
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case OPT_FROM_VERSION:
            from_api.kube_version = optarg;
            break;
        case OPT_TO_VERSION:
            api.kube_version = optarg;
            break;
        case STSCTL_OPT_FEATURE_GATES:
            api.feature_gates = optarg;
            break;
        case OPT_INPUT_FORMAT:
            from = optarg;
            break;
        default: /* -h, a missing value, an unknown option */
            return stsctl_option_end(cmd, opt, argv);
        }
    }
    if (!from_api.kube_version || !api.kube_version)
        return stsctl_usage_error(cmd, "--from and --to are required (e.g. --from 1.33 --to 1.34)");
    if (optind >= argc)
        return stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    if ((strcmp(format, "text") != 0 && stsctl_check_format(ctl, cmd, format, 0)) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || stsctl_check_api(cmd, &from_api) ||
        stsctl_check_api(cmd, &api))
        return STSCTL_EXIT_USAGE;

    sts_object_list *list = NULL;
    int status = stsctl_load(ctl, cmd, &list, from, argv + optind, argc - optind);
    if (status)
        return UP_TROUBLE;
    int sets = count_sets(cmd, list);
    if (sets <= 0) {
        sts_object_list_free(list);
        return sets ? UP_TROUBLE : stsctl_fail(cmd, UP_TROUBLE, "no StatefulSet in the input");
    }
    sts_impact_opts io = STS_IMPACT_OPTS_INIT;
    io.api = &api;
    io.from_version = from_api.kube_version;
    sts_upgrade *up = NULL;
    sts_error *err = NULL;
    int rc = sts_upgrade_check(&up, list, &io, &err);
    if (rc) {
        stsctl_print_errors(err, NULL);
        if (!err)
            stsctl_fail(cmd, 0, "%s", sts_strerror(rc));
        status = UP_TROUBLE;
    } else {
        status = print_result(ctl, cmd, up, format);
        if (!status && sts_upgrade_affected_count(up))
            status = UP_ROLLS;
    }
    sts_error_free(err);
    sts_upgrade_free(up);
    sts_object_list_free(list);
    return stsctl_finish(cmd, status);
}
