/* stsctl render: the Pods and PersistentVolumeClaims the StatefulSet
 * controller would create, exactly as it builds them. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_render = {
    "render",
    "print the Pods and PVCs the controller would create",
    "Usage: stsctl render [OPTIONS] FILE...\n"
    "\n"
    "For every StatefulSet of the FILEs ('-' is standard input) and every replica\n"
    "ordinal (or only --ordinal N), print the objects the controller creates, in\n"
    "the order it creates them: the PersistentVolumeClaims of the ordinal (one per\n"
    "claim template, labels merged from spec.selector.matchLabels, the selector\n"
    "winning), then the Pod (template labels, annotations and finalizers, the\n"
    "pod-name and pod-index labels, the controller owner reference, hostname,\n"
    "subdomain, claim volumes first then the template's other volumes).\n"
    "Naming problems are printed on standard error as warnings.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT   yaml (default): a `---` separated stream; json: one\n"
    "                        `kind: List`, as kubectl prints several objects\n"
    "      --ordinal N       only ordinal N (also one outside the replicas, to\n"
    "                        preview a scale-up; a note says so)\n"
    "  -n, --namespace NS    namespace of the objects (default: the StatefulSet's,\n"
    "                        else default)\n"
    "      --revision NAME   ControllerRevision name for the controller-revision-hash\n"
    "                        label (e.g. web-6cdf689c4c); without it the label is left out\n"
    "      --from FORMAT     input format (default: from the file name, then the content)\n"
    "  -h, --help            show this help\n"
    "\n"
    "At most " STSCTL_MAX_PODS_TEXT " ordinals are rendered per StatefulSet.\n"
    "\n"
    "Exit status: 0 rendered, 1 the input has errors or naming problems (or holds\n"
    "no StatefulSet), 2 usage or I/O error.\n",
    run,
};

enum { OPT_ORDINAL = 0x200, OPT_REVISION };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"ordinal", required_argument, NULL, OPT_ORDINAL},
    {"namespace", required_argument, NULL, 'n'},
    {"revision", required_argument, NULL, OPT_REVISION},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* The claims, then the pod, of one ordinal, appended to @p out. */
static int render_ordinal(sts_object_list *out, const sts_object *sts, int32_t ordinal,
                          const sts_identity_opts *opts, sts_error **err)
{
    sts_object_list *claims = NULL;
    sts_object *pod = NULL;
    int rc = sts_statefulset_render_claims(&claims, sts, ordinal, opts, err);
    if (!rc)
        rc = sts_statefulset_render_pod(&pod, sts, ordinal, opts, err);
    /* the list owns its objects: clone them across (rendered objects are small) */
    for (size_t i = 0; !rc && i < sts_object_list_count(claims); i++) {
        sts_object *copy = NULL;
        rc = sts_object_clone(&copy, sts_object_list_at(claims, i), err);
        if (!rc)
            rc = sts_object_list_take(out, copy);
    }
    if (!rc) {
        rc = sts_object_list_take(out, pod);
        pod = NULL;
    }
    sts_object_free(pod);
    sts_object_list_free(claims);
    return rc;
}

/* Returns 0, 1 for a set with problems, or -1 (out of memory, reported). */
static int render_set(sts_object_list *out, const stsctl_command *cmd, const sts_object *sts,
                      const char *source, int64_t only, const sts_identity_opts *opts)
{
    int32_t start = 0, count = 0;
    sts_error *err = NULL;
    int rc = sts_statefulset_ordinals(&start, &count, sts, &err);
    if (!rc && only < 0)
        rc = stsctl_check_replica_limit(&err, sts, count);
    int64_t first = start, end = (int64_t)start + count;
    if (!rc && only >= 0) {
        if (only < first || only >= end)
            fprintf(stderr,
                    "%s: note: ordinal %lld is not a replica of StatefulSet %s (ordinals "
                    "%lld..%lld): rendered as a scale-up would create it\n",
                    source, (long long)only, sts_object_name(sts), (long long)first,
                    (long long)end - 1);
        first = only;
        end = only + 1;
    }
    for (int64_t ord = first; !rc && ord < end; ord++)
        rc = render_ordinal(out, sts, (int32_t)ord, opts, &err);
    if (rc) {
        stsctl_print_findings(err, sts, source, "error");
        if (!err)
            stsctl_fail(cmd, 0, "%s: StatefulSet %s: %s", source, sts_object_name(sts),
                        sts_strerror(rc));
        sts_error_free(err);
        return rc == STS_ENOMEM ? -1 : 1;
    }
    return 0;
}

static int parse_ordinal(int64_t *out, const char *arg)
{
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    if (!arg[0] || *end || errno || v < 0 || v > INT32_MAX)
        return -1;
    *out = v;
    return 0;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_render;
    const char *format = "yaml", *from = NULL;
    sts_identity_opts opts = STS_IDENTITY_OPTS_INIT;
    int64_t only = -1;
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
        case OPT_ORDINAL:
            if (parse_ordinal(&only, optarg))
                return stsctl_usage_error(
                    cmd, "--ordinal must be a number from 0 to 2147483647, not '%s'", optarg);
            break;
        case OPT_REVISION:
            opts.revision = optarg;
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
    if ((opts.ns && !opts.ns[0]) || (opts.revision && !opts.revision[0]))
        return stsctl_usage_error(cmd, "--namespace and --revision need a non-empty value");
    if (stsctl_check_format(ctl, cmd, format, 0) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)))
        return STSCTL_EXIT_USAGE;

    char **files = argv + optind;
    int nfiles = argc - optind;
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL, *rendered = NULL;
    int status = stsctl_load_sources(ctl, cmd, &list, ends, from, files, nfiles);
    if (status) {
        free(ends);
        return status;
    }
    if (sts_object_list_new(&rendered))
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    int problems = status ? 0 : stsctl_check_naming(cmd, list, files, ends, nfiles, &opts);
    if (problems < 0)
        status = STSCTL_EXIT_USAGE;
    size_t sets = 0;
    for (size_t i = 0; !status && i < sts_object_list_count(list); i++) {
        const sts_object *sts = sts_object_list_at(list, i);
        if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        int r = render_set(rendered, cmd, sts, stsctl_source_at(files, ends, nfiles, i), only,
                           &opts);
        if (r < 0)
            status = STSCTL_EXIT_USAGE;
        problems += r > 0;
    }
    size_t n = status ? 0 : sts_object_list_count(rendered);
    const sts_node **roots = calloc(n ? n : 1, sizeof *roots);
    if (!status && !roots)
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    for (size_t i = 0; !status && i < n; i++)
        roots[i] = sts_object_root(sts_object_list_at(rendered, i));
    /* JSON: one List, as `kubectl get -o json` prints several objects */
    int is_json = !status && strcmp(sts_registry_find(ctl->reg, format)->name, "json") == 0;
    if (!status && (n || is_json))
        status = stsctl_emit(ctl, cmd, format, roots, n, is_json ? STS_ENCODE_AS_LIST : 0);
    if (!status && !sets)
        status = stsctl_fail(cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    if (!status && problems)
        status = STSCTL_EXIT_INPUT;
    free(roots);
    sts_object_list_free(rendered);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
