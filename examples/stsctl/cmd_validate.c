/* stsctl validate: would the API server accept these StatefulSets (create,
 * update, or status update)? Errors print exactly as kubectl shows the
 * server's 422 answer, so what CI says is what `kubectl apply` would say. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_validate = {
    "validate",
    "check StatefulSets (create, update, status) as the API server does",
    "Usage: stsctl validate [OPTIONS] FILE...\n"
    "       stsctl validate [OPTIONS] --old OLD FILE...\n"
    "\n"
    "Validate every StatefulSet of the FILEs ('-' is standard input) as the API\n"
    "server of the chosen Kubernetes release does, after applying its defaults:\n"
    "on create, or with --old on update, where each set is matched with the\n"
    "StatefulSet of OLD with the same namespace and name (e.g. the output of\n"
    "`kubectl get statefulset web -o yaml`); a set not in OLD is validated as a\n"
    "create, with a note on standard error. Objects of other kinds are ignored.\n"
    "\n"
    "Errors print as kubectl prints the server's answer, one block per invalid\n"
    "set, e.g.\n"
    "  The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: -1: must\n"
    "  be greater than or equal to 0\n"
    "(on one line) or, for several errors, a `* <error>` line each. Valid sets\n"
    "print `StatefulSet NAMESPACE/NAME: valid`.\n"
    "\n"
    "Options:\n"
    "      --old FILE            the stored objects: validate an update\n"
    "  -n, --namespace NS        namespace of objects that name none (default:\n"
    "                            default), as kubectl fills it in before sending\n"
    "      --status              validate a status update (status counters,\n"
    "                            collisionCount never decremented with --old)\n"
    "  -o, --output FORMAT       text (default); json (or yaml) prints\n"
    "                            {\"errors\": [...]}, each error with type (\"Invalid\n"
    "                            value\", \"Required value\", ...), field, value (as\n"
    "                            the server renders it; null for Required and\n"
    "                            Forbidden), detail, message, object (kind,\n"
    "                            namespace, name), file, line and column (null\n"
    "                            when the field is not in the input)\n"
    "      --kube-version V      Kubernetes release to follow, 1.31 to 1.35\n"
    "                            (default 1.35); messages and rules differ per release\n"
    "      --feature-gates G     gate overrides, e.g. MaxUnavailableStatefulSet=true\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Field type errors (e.g. `replicas: three`) are reported first as\n"
    "FILE:LINE:COLUMN: message (path).\n"
    "\n"
    "Exit status: 0 every StatefulSet is valid, 1 a set is invalid, the input\n"
    "has errors or holds no StatefulSet, 2 usage or I/O error.\n",
    run,
};

enum { OPT_OLD = 0x200, OPT_STATUS };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"old", required_argument, NULL, OPT_OLD},
    {"namespace", required_argument, NULL, 'n'},
    {"status", no_argument, NULL, OPT_STATUS},
    {"kube-version", required_argument, NULL, STSCTL_OPT_KUBE_VERSION},
    {"feature-gates", required_argument, NULL, STSCTL_OPT_FEATURE_GATES},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct vctx {
    const stsctl_command *cmd;
    const sts_api_opts *api;
    const char *ns; /* -n: for objects without a namespace */
    int status_update;
    int as_text;
    stsctl_tree tree; /* data output */
    sts_node *errors; /* the "errors" list */
    sts_buf text;     /* text output */
} vctx;

static sts_node *str_or_null(stsctl_tree *t, const char *s)
{
    return stsctl_tree_str(t, s && s[0] ? s : NULL);
}

static sts_node *int_or_null(stsctl_tree *t, uint32_t v)
{
    return v ? stsctl_tree_int(t, v) : stsctl_tree_str(t, NULL);
}

/* @p obj is the object as read (for positions), @p sent as validated */
static void add_json(vctx *v, const sts_error *errors, const sts_object *obj,
                     const sts_object *sent, const char *source)
{
    stsctl_tree *t = &v->tree;
    for (const sts_error *e = errors; e; e = sts_error_next(e)) {
        sts_node *item = stsctl_tree_map(t), *o = stsctl_tree_map(t);
        uint32_t line, column;
        stsctl_position(&line, &column, obj, sts_error_path(e));
        stsctl_tree_set(t, item, "type",
                        stsctl_tree_str(t, sts_field_error_type_name(sts_error_field_type(e))));
        stsctl_tree_set(t, item, "field", stsctl_tree_str(t, sts_error_path(e)));
        stsctl_tree_set(t, item, "value", str_or_null(t, sts_error_bad_value(e)));
        stsctl_tree_set(t, item, "detail", str_or_null(t, sts_error_detail(e)));
        stsctl_tree_set(t, item, "message", stsctl_tree_str(t, sts_error_message(e)));
        stsctl_tree_set(t, o, "kind", stsctl_tree_str(t, sts_object_kind_string(obj)));
        stsctl_tree_set(t, o, "namespace",
                        stsctl_tree_str(t, sts_object_namespace(sent)));
        stsctl_tree_set(t, o, "name", stsctl_tree_str(t, sts_object_name(obj)));
        stsctl_tree_set(t, item, "object", o);
        stsctl_tree_set(t, item, "file", str_or_null(t, source));
        stsctl_tree_set(t, item, "line", int_or_null(t, line));
        stsctl_tree_set(t, item, "column", int_or_null(t, column));
        stsctl_tree_push(t, v->errors, item);
    }
}

/* Validate one set. Returns 0 valid, 1 invalid, -1 trouble (reported; the
 * exit status is in *status). */
static int validate_one(vctx *v, const sts_object *obj, const sts_object *old,
                        const char *source, int *status)
{
    sts_object *sent = NULL, *old_sent = NULL;
    int n = stsctl_as_sent(&sent, obj, v->ns);
    if (!n && old)
        n = stsctl_as_sent(&old_sent, old, v->ns);
    if (n) {
        sts_object_free(sent);
        *status = stsctl_fail(v->cmd, STSCTL_EXIT_USAGE, "out of memory");
        return -1;
    }
    const sts_object *vobj = sent ? sent : obj, *vold = old_sent ? old_sent : old;
    sts_error *errors = NULL;
    n = v->status_update ? sts_statefulset_validate_status(&errors, vobj, vold, v->api)
                         : sts_statefulset_validate(&errors, vobj, vold, v->api);
    sts_object_free(old_sent);
    if (n < 0) {
        stsctl_print_findings(errors, obj, source, "error");
        if (!errors)
            stsctl_fail(v->cmd, 0, "%s: StatefulSet %s: %s", source, sts_object_name(obj),
                        sts_strerror(n));
        sts_error_free(errors);
        sts_object_free(sent);
        *status = n == STS_ENOMEM ? STSCTL_EXIT_USAGE : STSCTL_EXIT_INPUT;
        return -1;
    }
    int rc = 0;
    if (!v->as_text) {
        add_json(v, errors, obj, vobj, source);
    } else if (n > 0) {
        rc = sts_validation_format(&v->text, vobj, errors);
    } else {
        const char *what = v->status_update ? "valid status update" : old ? "valid update" : "valid";
        const char *ns = sts_object_namespace(vobj), *name = sts_object_name(obj);
        rc = sts_buf_append(&v->text, "StatefulSet ", 12);
        if (!rc)
            rc = sts_buf_append(&v->text, ns, strlen(ns));
        if (!rc)
            rc = sts_buf_append(&v->text, "/", 1);
        if (!rc)
            rc = sts_buf_append(&v->text, name, strlen(name));
        if (!rc)
            rc = sts_buf_append(&v->text, ": ", 2);
        if (!rc)
            rc = sts_buf_append(&v->text, what, strlen(what));
        if (!rc)
            rc = sts_buf_append(&v->text, "\n", 1);
    }
    sts_error_free(errors);
    sts_object_free(sent);
    if (rc) {
        *status = stsctl_fail(v->cmd, STSCTL_EXIT_USAGE, "out of memory");
        return -1;
    }
    return n > 0;
}

static int validate_all(vctx *v, const sts_object_list *list, const sts_object_list *olds,
                        char *const *files, const size_t *ends, int nfiles, const char *old_name)
{
    int status = STSCTL_EXIT_OK;
    size_t sets = 0;
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *obj = sts_object_list_at(list, i);
        if (sts_object_kind(obj) != STS_KIND_STATEFULSET)
            continue;
        sets++;
        const char *source = stsctl_source_at(files, ends, nfiles, i);
        const sts_object *old = stsctl_find_match(olds, obj, v->ns);
        const char *ns = sts_object_namespace(obj)[0] ? sts_object_namespace(obj)
                         : v->ns                     ? v->ns
                                                     : "default";
        if (olds && !old)
            fprintf(stderr, "%s: note: no StatefulSet %s/%s in %s: validated as a create\n",
                    source, ns, sts_object_name(obj), old_name);
        int r = validate_one(v, obj, old, source, &status);
        if (r < 0 && status == STSCTL_EXIT_USAGE)
            return status;
        if (r)
            status = STSCTL_EXIT_INPUT;
    }
    if (!sets)
        return stsctl_fail(v->cmd, STSCTL_EXIT_INPUT, "no StatefulSet in the input");
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_validate;
    sts_api_opts api = STS_API_OPTS_INIT;
    const char *from = NULL, *format = "text", *old_file = NULL;
    vctx v = {cmd, &api, NULL, 0, 1, {NULL, 0}, NULL, STS_BUF_INIT};
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:n:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case 'n':
            if (!optarg[0])
                return stsctl_usage_error(cmd, "--namespace needs a non-empty value");
            v.ns = optarg;
            break;
        case OPT_OLD:
            old_file = optarg;
            break;
        case OPT_STATUS:
            v.status_update = 1;
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
    if (optind >= argc)
        return stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    v.as_text = strcmp(format, "text") == 0;
    if ((!v.as_text && stsctl_check_format(ctl, cmd, format, 0)) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || stsctl_check_api(cmd, &api))
        return STSCTL_EXIT_USAGE;

    char **files = argv + optind;
    int nfiles = argc - optind;
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL, *olds = NULL;
    int status = stsctl_load_sources(ctl, cmd, &list, ends, from, files, nfiles);
    if (old_file) {
        char *old_files[1] = {(char *)old_file};
        int s = stsctl_load(ctl, cmd, &olds, from, old_files, 1);
        if (s > status)
            status = s;
    }
    if (!status && !v.as_text && !stsctl_tree_init(&v.tree)) {
        sts_node *root = stsctl_tree_map(&v.tree);
        v.errors = stsctl_tree_seq(&v.tree);
        stsctl_tree_set(&v.tree, root, "errors", v.errors);
        if (!v.tree.rc)
            sts_doc_set_root(v.tree.doc, root);
    }
    if (!status && !v.as_text && v.tree.rc)
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    if (!status)
        status = validate_all(&v, list, olds, files, ends, nfiles,
                              old_file ? stsctl_source_name(old_file) : "");
    if (status != STSCTL_EXIT_USAGE) {
        int s = 0;
        if (v.as_text) {
            s = stsctl_write(cmd, v.text.data, v.text.len);
        } else if (v.tree.doc && v.tree.rc) {
            s = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
        } else if (v.tree.doc) {
            const sts_node *root = sts_doc_root(v.tree.doc);
            s = stsctl_emit(ctl, cmd, format, &root, 1, 0);
        }
        if (s)
            status = s;
    }
    stsctl_tree_dispose(&v.tree);
    sts_buf_dispose(&v.text);
    sts_object_list_free(olds);
    sts_object_list_free(list);
    free(ends);
    return stsctl_finish(cmd, status);
}
