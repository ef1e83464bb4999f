/* stsctl default: the StatefulSets of the input as the API server stores
 * them, with every default it fills in (spec §6), so GitOps tools can diff
 * a manifest against `kubectl get -o yaml` without the defaults flapping. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_default = {
    "default",
    "print the StatefulSets with the API server's defaults filled in",
    "Usage: stsctl default [OPTIONS] FILE...\n"
    "\n"
    "Print every StatefulSet of the FILEs ('-' is standard input) as the API\n"
    "server of the chosen Kubernetes release stores it: SetDefaults_StatefulSet\n"
    "(podManagementPolicy, updateStrategy, partition, maxUnavailable when its\n"
    "gate is on, retention policy, replicas, revisionHistoryLimit), the pod\n"
    "template defaults (dnsPolicy, restartPolicy, schedulerName, securityContext,\n"
    "terminationGracePeriodSeconds, imagePullPolicy, termination message, port\n"
    "protocols, probe and volume defaults), the claim template defaults\n"
    "(volumeMode, status.phase) and canonical resource quantities. Fields a\n"
    "disabled feature gate strips on create are dropped. An object without a\n"
    "namespace gets the one kubectl would send it with (-n, default: default).\n"
    "Objects of other kinds are not printed.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT       yaml (default), json, or any format a plugin\n"
    "                            registered; several objects in JSON are one\n"
    "                            `kind: List`, as kubectl prints them\n"
    "      --style STYLE         kubectl (default): sorted keys, as `kubectl get -o`\n"
    "                            prints; original: the input's key order, defaults\n"
    "                            appended at the end of their map\n"
    "      --compact             JSON without whitespace\n"
    "      --indent N            spaces per level (default: yaml 2, json 4)\n"
    "      --list                wrap the objects in one `kind: List`\n"
    "  -n, --namespace NS        namespace of objects that name none (default: default)\n"
    "      --kube-version V      Kubernetes release to follow, 1.31 to 1.35\n"
    "                            (default 1.35; v1.34.2 is accepted)\n"
    "      --feature-gates G     gate overrides as kube-apiserver takes them, e.g.\n"
    "                            MaxUnavailableStatefulSet=false\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Exit status: 0 printed, 1 the input has errors (or holds no StatefulSet),\n"
    "2 usage or I/O error.\n",
    run,
};

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"style", required_argument, NULL, STSCTL_OPT_STYLE},
    {"compact", no_argument, NULL, STSCTL_OPT_COMPACT},
    {"indent", required_argument, NULL, STSCTL_OPT_INDENT},
    {"list", no_argument, NULL, STSCTL_OPT_LIST},
    {"namespace", required_argument, NULL, 'n'},
    {"kube-version", required_argument, NULL, STSCTL_OPT_KUBE_VERSION},
    {"feature-gates", required_argument, NULL, STSCTL_OPT_FEATURE_GATES},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Default every StatefulSet of @p in into @p out. Returns an exit status. */
static int default_all(const stsctl_command *cmd, sts_object_list *out, const sts_object_list *in,
                       char *const *files, const size_t *ends, int nfiles,
                       const sts_api_opts *api, const char *ns)
{
    int status = STSCTL_EXIT_OK;
    for (size_t i = 0; i < sts_object_list_count(in); i++) {
        const sts_object *obj = sts_object_list_at(in, i);
        if (sts_object_kind(obj) != STS_KIND_STATEFULSET)
            continue;
        sts_object *copy = NULL, *sent = NULL;
        sts_error *err = NULL;
        int rc = stsctl_as_sent(&sent, obj, ns);
        if (!rc)
            rc = sts_object_defaulted(&copy, sent ? sent : obj, api, &err);
        sts_object_free(sent);
        if (!rc && sts_object_list_take(out, copy))
            rc = STS_ENOMEM;
        if (rc == STS_ENOMEM) {
            sts_error_free(err);
            return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
        }
        if (rc) {
            /* e.g. a malformed quantity: the input's problem, with the
             * server's message and the field's position */
            const char *source = stsctl_source_at(files, ends, nfiles, i);
            stsctl_print_findings(err, obj, source, "error");
            if (!err)
                stsctl_fail(cmd, 0, "%s: StatefulSet %s: %s", source, sts_object_name(obj),
                            sts_strerror(rc));
            status = STSCTL_EXIT_INPUT;
        }
        sts_error_free(err);
    }
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_default;
    stsctl_output out;
    stsctl_output_init(&out);
    out.enc.style = STS_ENCODE_KUBECTL;
    sts_api_opts api = STS_API_OPTS_INIT;
    const char *from = NULL, *ns = NULL;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:n:h", options, NULL)) != -1) {
        int r = stsctl_output_option(&out, cmd, opt, optarg);
        if (r < 0)
            return STSCTL_EXIT_USAGE;
        if (r > 0)
            continue;
        switch (opt) {
        case STSCTL_OPT_KUBE_VERSION:
            api.kube_version = optarg;
            break;
        case STSCTL_OPT_FEATURE_GATES:
            api.feature_gates = optarg;
            break;
        case 'n':
            if (!optarg[0])
                return stsctl_usage_error(cmd, "--namespace needs a non-empty value");
            ns = optarg;
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
    const char *format = out.format ? out.format : "yaml";
    if (stsctl_check_format(ctl, cmd, format, 0) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || stsctl_check_api(cmd, &api))
        return STSCTL_EXIT_USAGE;

    char **files = argv + optind;
    int nfiles = argc - optind;
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL, *defaulted = NULL;
    int status = stsctl_load_sources(ctl, cmd, &list, ends, from, files, nfiles);
    if (status) {
        free(ends);
        return status;
    }
    if (sts_object_list_new(&defaulted))
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    if (!status)
        status = default_all(cmd, defaulted, list, files, ends, nfiles, &api, ns);
    size_t n = status ? 0 : sts_object_list_count(defaulted);
    if (!status && !n)
        status = stsctl_fail(cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    if (!status) {
        /* several objects in JSON: one List, as kubectl prints them */
        if (n > 1 && strcmp(sts_registry_find(ctl->reg, format)->name, "json") == 0)
            out.enc.flags |= STS_ENCODE_AS_LIST;
        status = stsctl_dump(ctl, cmd, format, defaulted, &out.enc);
    }
    sts_object_list_free(defaulted);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
