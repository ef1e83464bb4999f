/* stsctl diff: what applying a changed manifest does before it is applied:
 * refused or not (with the server's message and the usual way out), which
 * fields changed and what each does, whether a new revision is made, and
 * which pods are replaced, in what order. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_diff = {
    "diff",
    "show what an update does: refused or not, changes, pods replaced in order",
    "Usage: stsctl diff [OPTIONS] OLD NEW\n"
    "\n"
    "Compare every StatefulSet of NEW (a manifest) with the one of OLD of the same\n"
    "namespace and name (the live object from `kubectl get -o yaml`, or the\n"
    "manifest last applied) and print the rollout impact of the update: whether\n"
    "the API server accepts it (else its message and the usual way out, such as\n"
    "an orphaning delete and re-create), each changed field and its effect\n"
    "(rolls pods, scales, shifts ordinals, rollout control, forbidden, none), the\n"
    "revision before and after (a rollback reuses an earlier revision), and the\n"
    "pods replaced, in order and in batches, kept, created or deleted. Both sides\n"
    "are defaulted as the API server of --kube-version stores them, so fields it\n"
    "fills in are never changes. A set only in NEW is a create.\n"
    "\n"
    "OLD may also hold the set's ControllerRevisions and Pods (e.g. `kubectl get\n"
    "statefulset,controllerrevision,pod -o yaml`): they tell which revision each\n"
    "pod runs and which earlier revisions exist.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT       text (default); json (or yaml) prints\n"
    "                            {\"impacts\": [...]}, one per set, each with\n"
    "                            allowed, errors, revision, changes, rollout, pods\n"
    "      --kube-version V      Kubernetes release to follow, 1.31 to 1.35\n"
    "                            (default 1.35)\n"
    "      --feature-gates G     gate overrides, e.g. MaxUnavailableStatefulSet=true\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "After the text of each set a verdict line says `no pods roll`, `rolls pods`\n"
    "or `forbidden`.\n"
    "\n"
    "At most " STSCTL_MAX_PODS_TEXT " replicas are examined per StatefulSet.\n"
    "\n"
    "Exit status (as diff(1): 1 is an answer, not a failure): 0 the update is\n"
    "allowed and replaces no pod (scaling alone, fields without effect on pods,\n"
    "OnDelete or a partition that holds every pod back), 1 it replaces pods or\n"
    "is forbidden, 2 the input has errors (or NEW holds no StatefulSet), usage\n"
    "or I/O error.\n",
    run,
};

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"kube-version", required_argument, NULL, STSCTL_OPT_KUBE_VERSION},
    {"feature-gates", required_argument, NULL, STSCTL_OPT_FEATURE_GATES},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct dctx {
    const stsctl_command *cmd;
    int as_text;
    sts_buf text;
    stsctl_tree tree;
    sts_node *items;
} dctx;

static const char *verdict(const sts_impact *imp)
{
    if (!sts_impact_is_allowed(imp))
        return "forbidden";
    return sts_impact_pod_count(imp, STS_IMPACT_POD_REPLACED) ? "rolls pods" : "no pods roll";
}

/* Exit statuses of this command: 1 is the answer "pods roll", so input
 * errors are 2 here. */
enum { DIFF_NO_ROLL = 0, DIFF_ROLLS = 1, DIFF_TROUBLE = 2 };

/* One set. Returns 0 (no pods roll), 1 (rolls or forbidden), or a negative
 * STS_E* code with the error in *err. */
static int diff_one(dctx *d, const sts_object *old, const sts_object *updated,
                    const sts_impact_opts *opts, sts_error **err)
{
    sts_impact *imp = NULL;
    int rc = sts_statefulset_diff(&imp, old, updated, opts, err);
    if (rc)
        return rc;
    if (d->as_text) {
        if (d->text.len)
            rc = sts_buf_append(&d->text, "\n", 1);
        if (!rc)
            rc = sts_impact_format(&d->text, imp);
        const char *v = verdict(imp);
        if (!rc && (sts_buf_append(&d->text, "verdict: ", 9) ||
                    sts_buf_append(&d->text, v, strlen(v)) || sts_buf_append(&d->text, "\n", 1)))
            rc = STS_ENOMEM;
    } else {
        sts_doc *doc = NULL;
        rc = sts_impact_to_doc(&doc, imp, err);
        if (!rc) {
            stsctl_tree_push(&d->tree, d->items, stsctl_tree_copy(&d->tree, sts_doc_root(doc)));
            rc = d->tree.rc;
        }
        sts_doc_free(doc);
    }
    int rolls = strcmp(verdict(imp), "no pods roll") != 0;
    sts_impact_free(imp);
    return rc ? rc : rolls;
}

/* The impact lists every pod: a hostile replica count is refused first.
 * Returns 1 after reporting it (with @p source), else 0. */
static int too_many_pods(const sts_object *obj, const char *source)
{
    int32_t start, count;
    sts_error *err = NULL;
    if (!obj || sts_statefulset_ordinals(&start, &count, obj, NULL) ||
        !stsctl_check_replica_limit(&err, obj, count))
        return 0;
    stsctl_print_findings(err, obj, source, "error");
    sts_error_free(err);
    return 1;
}

static int diff_all(dctx *d, const sts_object_list *olds, const sts_object_list *news,
                    const sts_impact_opts *opts, const char *old_name, const char *new_name)
{
    int status = DIFF_NO_ROLL;
    size_t sets = 0;
    for (size_t i = 0; i < sts_object_list_count(news); i++) {
        const sts_object *updated = sts_object_list_at(news, i);
        if (sts_object_kind(updated) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        const sts_object *old = stsctl_find_match(olds, updated, NULL);
        if (!old)
            fprintf(stderr, "%s: note: no StatefulSet %s/%s in %s: shown as a create\n",
                    new_name, sts_statefulset_effective_namespace(updated, NULL),
                    sts_object_name(updated), old_name);
        if (too_many_pods(old, old_name) | too_many_pods(updated, new_name)) {
            status = DIFF_TROUBLE;
            continue;
        }
        sts_error *err = NULL;
        int r = diff_one(d, old, updated, opts, &err);
        if (r == STS_ENOMEM) {
            sts_error_free(err);
            return stsctl_fail(d->cmd, STSCTL_EXIT_USAGE, "out of memory");
        }
        if (r < 0) {
            stsctl_print_findings(err, updated, new_name, "error");
            if (!err)
                stsctl_fail(d->cmd, 0, "%s: StatefulSet %s: %s", new_name,
                            sts_object_name(updated), sts_strerror(r));
        }
        sts_error_free(err);
        int st = r < 0 ? DIFF_TROUBLE : r ? DIFF_ROLLS : DIFF_NO_ROLL;
        if (st > status)
            status = st;
    }
    if (!sets)
        return stsctl_fail(d->cmd, DIFF_TROUBLE, "no StatefulSet in %s", new_name);
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_diff;
    sts_api_opts api = STS_API_OPTS_INIT;
    const char *from = NULL, *format = "text";
    dctx d;
    memset(&d, 0, sizeof d);
    d.cmd = cmd;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case STSCTL_OPT_KUBE_VERSION:
            api.kube_version = optarg;
            break;
        case STSCTL_OPT_FEATURE_GATES:
            api.feature_gates = optarg;
            break;
        case STSCTL_OPT_FROM:
            from = optarg;
            break;
        default: /* -h, a missing value, an unknown option */
            return stsctl_option_end(cmd, opt, argv);
        }
    }
    if (argc - optind != 2)
        return stsctl_usage_error(cmd, "needs two files, OLD and NEW ('-' for standard input)");
    d.as_text = strcmp(format, "text") == 0;
    if ((!d.as_text && stsctl_check_format(ctl, cmd, format, 0)) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || stsctl_check_api(cmd, &api))
        return STSCTL_EXIT_USAGE;
    if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
        return stsctl_usage_error(cmd, "OLD and NEW cannot both be standard input");

    sts_object_list *olds = NULL, *news = NULL;
    int status = stsctl_load(ctl, cmd, &olds, from, argv + optind, 1);
    int s = stsctl_load(ctl, cmd, &news, from, argv + optind + 1, 1);
    if (s > status)
        status = s;
    if (status)
        status = DIFF_TROUBLE;
    sts_node *root = NULL;
    if (!status && !d.as_text) {
        if (stsctl_tree_init(&d.tree) == 0) {
            root = stsctl_tree_map(&d.tree);
            d.items = stsctl_tree_seq(&d.tree);
            stsctl_tree_set(&d.tree, root, "impacts", d.items);
        }
        if (d.tree.rc)
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    }
    if (!status) {
        sts_impact_opts io = STS_IMPACT_OPTS_INIT;
        io.api = &api;
        io.objects = olds; /* ControllerRevisions and Pods of the sets */
        status = diff_all(&d, olds, news, &io, stsctl_source_name(argv[optind]),
                          stsctl_source_name(argv[optind + 1]));
    }
    /* print what was found even when one set failed; not after out of memory */
    if (news && olds && (d.as_text || (d.tree.doc && !d.tree.rc))) {
        const sts_node *roots[1] = {root};
        s = d.as_text ? stsctl_write(cmd, d.text.data, d.text.len)
                      : stsctl_emit(ctl, cmd, format, roots, 1, 0);
        if (s)
            status = s;
    }
    stsctl_tree_dispose(&d.tree);
    sts_buf_dispose(&d.text);
    sts_object_list_free(olds);
    sts_object_list_free(news);
    return stsctl_finish(cmd, status);
}
