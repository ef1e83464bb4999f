/* stsctl revision: the ControllerRevision name the StatefulSet controller
 * gives each set's template (status.updateRevision, and the
 * controller-revision-hash label of its pods), from a live object or from a
 * manifest as a given release of the API server would store it. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_revision = {
    "revision",
    "compute the ControllerRevision name (updateRevision) of every StatefulSet",
    "Usage: stsctl revision [OPTIONS] FILE...\n"
    "\n"
    "For every StatefulSet of the FILEs ('-' is standard input), compute the\n"
    "revision the controller creates for its pod template: the FNV-1 hash of the\n"
    "canonical JSON {\"spec\":{\"template\":{...,\"$patch\":\"replace\"}}} followed by\n"
    "the collision count, and the name <set>-<hash> that status.updateRevision\n"
    "and the pods' controller-revision-hash label show. Text output is one line\n"
    "per set:\n"
    "  NAMESPACE/NAME REVISION\n"
    "\n"
    "A live object (`kubectl get statefulset -o yaml`: it has status.updateRevision,\n"
    "metadata.uid, resourceVersion or creationTimestamp) is hashed as stored. A\n"
    "manifest as written is first made to look as the API server of --kube-version\n"
    "stores it: its defaults, and its serialization (1.33 and older write\n"
    "`creationTimestamp: null` into the template, 1.34 and newer do not, so the\n"
    "same manifest has different revisions there).\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT       text (default); json (or yaml) prints\n"
    "                            {\"revisions\": [...]}, each with namespace, name,\n"
    "                            revision, hash, collisionCount, mode (live or\n"
    "                            authored, as resolved) and kubeVersion\n"
    "      --live                hash the template exactly as given\n"
    "      --authored            treat the input as a manifest, even with server fields\n"
    "      --kube-version V      release whose API server stores the manifest,\n"
    "                            1.31 to 1.35 (default 1.35)\n"
    "      --collision-count N   use N instead of status.collisionCount (default 0)\n"
    "      --show-bytes          also print the canonical bytes that are hashed (text:\n"
    "                            on the line after each set; json: a bytes field)\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "For a live object whose status.updateRevision differs from the computed name\n"
    "(without --collision-count) a note is printed on standard error.\n"
    "\n"
    "Exit status: 0 computed, 1 the input has errors (or holds no StatefulSet),\n"
    "2 usage or I/O error.\n",
    run,
};

enum { OPT_LIVE = 0x200, OPT_AUTHORED, OPT_COLLISION_COUNT, OPT_SHOW_BYTES };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"live", no_argument, NULL, OPT_LIVE},
    {"authored", no_argument, NULL, OPT_AUTHORED},
    {"kube-version", required_argument, NULL, STSCTL_OPT_KUBE_VERSION},
    {"collision-count", required_argument, NULL, OPT_COLLISION_COUNT},
    {"show-bytes", no_argument, NULL, OPT_SHOW_BYTES},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct rctx {
    const stsctl_command *cmd;
    sts_revision_opts opts;
    int show_bytes, as_text;
    char kube[16];
    stsctl_tree tree;
    sts_node *items;
    sts_buf text;
} rctx;

/* The mode sts_revision_mode AUTO picks (revision.h): live when the server
 * has written any of these fields. */
static uint32_t resolve_mode(const sts_object *sts, uint32_t mode)
{
    static const char *const server_fields[] = {"status.updateRevision", "metadata.uid",
                                                "metadata.resourceVersion",
                                                "metadata.creationTimestamp"};
    if (mode != STS_REVISION_MODE_AUTO)
        return mode;
    for (size_t i = 0; i < sizeof server_fields / sizeof server_fields[0]; i++) {
        sts_node *n = NULL;
        if (!sts_object_get(&n, sts, server_fields[i], NULL) && n)
            return STS_REVISION_MODE_LIVE;
    }
    return STS_REVISION_MODE_AUTHORED;
}

static int put(sts_buf *b, const char *s)
{
    return sts_buf_append(b, s, strlen(s));
}

/* One set: returns 0, or an STS_E* code with the error in *err. */
static int revision_of(rctx *r, const sts_object *sts, const char *source, sts_error **err)
{
    sts_revision_opts o = r->opts;
    o.mode = resolve_mode(sts, r->opts.mode);
    int32_t cc = 0;
    if (o.flags & STS_REVISION_USE_COLLISION_COUNT)
        cc = o.collision_count;
    else if (sts_statefulset_get_collision_count(&cc, sts, NULL))
        cc = 0; /* absent; a bad value fails in sts_revision_hash() below */
    char hash[STS_REVISION_HASH_MAX + 1];
    int rc = sts_revision_hash(hash, sizeof hash, sts, &o, err);
    if (rc < 0)
        return rc;
    int len = sts_revision_name(NULL, 0, sts, &o, err);
    if (len < 0)
        return len;
    char *name = malloc((size_t)len + 1);
    if (!name)
        return STS_ENOMEM;
    sts_revision_name(name, (size_t)len + 1, sts, &o, NULL);
    sts_buf bytes = STS_BUF_INIT;
    rc = r->show_bytes ? sts_revision_bytes(&bytes, sts, &o, err) : 0;
    const char *ns = sts_statefulset_effective_namespace(sts, NULL);
    const char *mode = o.mode == STS_REVISION_MODE_LIVE ? "live" : "authored";
    if (!rc && r->as_text) {
        rc = put(&r->text, ns) || put(&r->text, "/") || put(&r->text, sts_object_name(sts)) ||
             put(&r->text, " ") || put(&r->text, name) || put(&r->text, "\n");
        if (!rc && r->show_bytes)
            rc = sts_buf_append(&r->text, bytes.data, bytes.len) || put(&r->text, "\n");
        if (rc)
            rc = STS_ENOMEM;
    } else if (!rc) {
        stsctl_tree *t = &r->tree;
        sts_node *item = stsctl_tree_map(t);
        stsctl_tree_set(t, item, "namespace", stsctl_tree_str(t, ns));
        stsctl_tree_set(t, item, "name", stsctl_tree_str(t, sts_object_name(sts)));
        stsctl_tree_set(t, item, "revision", stsctl_tree_str(t, name));
        stsctl_tree_set(t, item, "hash", stsctl_tree_str(t, hash));
        stsctl_tree_set(t, item, "collisionCount", stsctl_tree_int(t, cc));
        stsctl_tree_set(t, item, "mode", stsctl_tree_str(t, mode));
        stsctl_tree_set(t, item, "kubeVersion", stsctl_tree_str(t, r->kube));
        if (r->show_bytes) {
            sts_node *b = NULL;
            if (!t->rc)
                t->rc = sts_doc_new_string(&b, t->doc, bytes.data ? bytes.data : "", bytes.len);
            stsctl_tree_set(t, item, "bytes", b);
        }
        stsctl_tree_push(t, r->items, item);
        rc = t->rc;
    }
    /* a live object whose stored updateRevision is not what the template
     * hashes to: stored by another release, or edited since */
    const char *stored = NULL;
    if (!rc && o.mode == STS_REVISION_MODE_LIVE && !(o.flags & STS_REVISION_USE_COLLISION_COUNT) &&
        !sts_statefulset_get_update_revision(&stored, NULL, sts, NULL) && stored && stored[0] &&
        strcmp(stored, name) != 0)
        fprintf(stderr, "%s: note: StatefulSet %s/%s has status.updateRevision %s, its template "
                        "hashes to %s\n",
                source, ns, sts_object_name(sts), stored, name);
    sts_buf_dispose(&bytes);
    free(name);
    return rc;
}

static int revision_all(rctx *r, const sts_object_list *list, char *const *files,
                        const size_t *ends, int nfiles)
{
    int status = STSCTL_EXIT_OK;
    size_t sets = 0;
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *sts = sts_object_list_at(list, i);
        if (sts_object_kind(sts) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        const char *source = stsctl_source_at(files, ends, nfiles, i);
        sts_error *err = NULL;
        int rc = revision_of(r, sts, source, &err);
        if (rc == STS_ENOMEM) {
            sts_error_free(err);
            return stsctl_fail(r->cmd, STSCTL_EXIT_USAGE, "out of memory");
        }
        if (rc) {
            stsctl_print_findings(err, sts, source, "error");
            if (!err)
                stsctl_fail(r->cmd, 0, "%s: StatefulSet %s: %s", source, sts_object_name(sts),
                            sts_strerror(rc));
            status = STSCTL_EXIT_INPUT;
        }
        sts_error_free(err);
    }
    if (!sets)
        return stsctl_fail(r->cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    return status;
}

static int parse_count(int32_t *out, const char *arg)
{
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    if (!arg[0] || *end || errno || v < 0 || v > INT32_MAX)
        return -1;
    *out = (int32_t)v;
    return 0;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_revision;
    rctx r;
    memset(&r, 0, sizeof r);
    r.cmd = cmd;
    sts_revision_opts_init(&r.opts);
    const char *from = NULL, *format = "text";
    int opt, live = 0, authored = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case OPT_LIVE:
            live = 1;
            break;
        case OPT_AUTHORED:
            authored = 1;
            break;
        case STSCTL_OPT_KUBE_VERSION:
            r.opts.kubernetes_version = optarg;
            break;
        case OPT_COLLISION_COUNT:
            if (parse_count(&r.opts.collision_count, optarg))
                return stsctl_usage_error(
                    cmd, "--collision-count must be a number from 0 to 2147483647, not '%s'",
                    optarg);
            r.opts.flags |= STS_REVISION_USE_COLLISION_COUNT;
            break;
        case OPT_SHOW_BYTES:
            r.show_bytes = 1;
            break;
        case STSCTL_OPT_FROM:
            from = optarg;
            break;
        default: /* -h, a missing value, an unknown option */
            return stsctl_option_end(cmd, opt, argv);
        }
    }
    if (live && authored)
        return stsctl_usage_error(cmd, "--live and --authored exclude each other");
    r.opts.mode = live ? STS_REVISION_MODE_LIVE
                       : authored ? STS_REVISION_MODE_AUTHORED : STS_REVISION_MODE_AUTO;
    if (optind >= argc)
        return stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    r.as_text = strcmp(format, "text") == 0;
    sts_api_opts api = STS_API_OPTS_INIT;
    api.kube_version = r.opts.kubernetes_version;
    if ((!r.as_text && stsctl_check_format(ctl, cmd, format, 0)) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || stsctl_check_api(cmd, &api))
        return STSCTL_EXIT_USAGE;
    stsctl_kube_version(r.kube, sizeof r.kube, r.opts.kubernetes_version);

    char **files = argv + optind;
    int nfiles = argc - optind;
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL;
    int status = stsctl_load_sources(ctl, cmd, &list, ends, from, files, nfiles);
    sts_node *root = NULL;
    if (!status && !r.as_text) {
        if (stsctl_tree_init(&r.tree) == 0) {
            root = stsctl_tree_map(&r.tree);
            r.items = stsctl_tree_seq(&r.tree);
            stsctl_tree_set(&r.tree, root, "revisions", r.items);
        }
        if (r.tree.rc)
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    }
    if (!status)
        status = revision_all(&r, list, files, ends, nfiles);
    if (status != STSCTL_EXIT_USAGE && list) {
        const sts_node *roots[1] = {root};
        int s = r.as_text ? stsctl_write(cmd, r.text.data, r.text.len)
                          : stsctl_emit(ctl, cmd, format, roots, 1, 0);
        if (s)
            status = s;
    }
    stsctl_tree_dispose(&r.tree);
    sts_buf_dispose(&r.text);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
