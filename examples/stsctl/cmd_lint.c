/* stsctl lint: problems no validator reports (a missing or non-headless
 * governing Service, names too long for the labels derived from them,
 * mounts of nothing, YAML 1.1 readings, rollouts that never complete),
 * each with a stable rule ID, a severity and a hint. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_lint = {
    "lint",
    "report problems no validator finds, with rule IDs and hints",
    "Usage: stsctl lint [OPTIONS] FILE...\n"
    "       stsctl lint --rules [-o text|json]\n"
    "\n"
    "Check the StatefulSets of the FILEs ('-' is standard input) together with\n"
    "the other objects there (the governing Service may be in another file).\n"
    "Wrong field types are findings too (STS100; STS111 when an unquoted YAML 1.1\n"
    "value such as `on` or `0777` is behind it), so a file with them is still\n"
    "linted completely. Each finding prints as\n"
    "  FILE:LINE:COLUMN: SEVERITY RULE message (field path)\n"
    "      hint: how to fix it\n"
    "where the position is that of the node concerned (for a Service problem,\n"
    "in the Service's file).\n"
    "\n"
    "Options:\n"
    "      --disable IDS         comma-separated rule IDs to skip (repeatable)\n"
    "      --rules               list the rules: ID, severity, summary\n"
    "  -o, --output FORMAT       text (default); json (or yaml) prints\n"
    "                            {\"findings\": [...]}, each with rule, severity,\n"
    "                            message, hint, path, file, line and column (null\n"
    "                            when unknown); with --rules {\"rules\": [...]}\n"
    "      --kube-version V      Kubernetes release to follow, 1.31 to 1.35\n"
    "                            (default 1.35; decides e.g. STS114)\n"
    "      --feature-gates G     gate overrides, e.g. MaxUnavailableStatefulSet=true\n"
    "      --from FORMAT         input format (default: from the file name, then the content)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Exit status: 0 no findings or only info findings, 1 a warning or error\n"
    "finding (or a file that cannot be parsed), 2 usage or I/O error.\n",
    run,
};

enum { OPT_DISABLE = 0x200, OPT_RULES };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"rules", no_argument, NULL, OPT_RULES},
    {"kube-version", required_argument, NULL, STSCTL_OPT_KUBE_VERSION},
    {"feature-gates", required_argument, NULL, STSCTL_OPT_FEATURE_GATES},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* ---- which file a finding is in ---------------------------------------------
 *
 * A finding carries the line, column and byte offset of its node, but not
 * the document: the Service and the set may come from different files, and
 * two files can have nodes at the same offset. Before linting, the offsets
 * of file f are moved up by f * FILE_STRIDE (inputs are far smaller than
 * that), so a finding's offset names its file. */
#define FILE_STRIDE (UINT64_C(1) << 32)

static void shift_offsets(sts_node *n, uint64_t base)
{
    uint64_t off = sts_node_offset(n);
    /* a node reached twice through an alias is shifted once */
    if (off != UINT64_MAX && off < FILE_STRIDE)
        sts_node_set_mark(n, sts_node_line(n), sts_node_column(n), off + base);
    sts_node_type t = sts_node_get_type(n);
    for (size_t i = 0; (t == STS_NODE_MAP || t == STS_NODE_SEQ) && i < sts_node_count(n); i++) {
        if (t == STS_NODE_MAP) {
            shift_offsets(sts_node_map_key_at(n, i), base);
            shift_offsets(sts_node_map_value_at(n, i), base);
        } else {
            shift_offsets(sts_node_seq_at(n, i), base);
        }
    }
}

/* The file of finding @p e (NULL when unknown). */
static const char *file_of(const sts_error *e, char *const *files, int nfiles)
{
    uint64_t off = sts_error_offset(e);
    if (off != UINT64_MAX && off / FILE_STRIDE < (uint64_t)nfiles)
        return stsctl_source_name(files[off / FILE_STRIDE]);
    return nfiles == 1 ? stsctl_source_name(files[0]) : NULL;
}

/* A finding without a position (name lengths, claim collisions) names its
 * StatefulSet in the message; the field is looked up there. */
static const sts_object *owner_of(const sts_error *e, const sts_object_list *list, size_t *index)
{
    const char *msg = sts_error_message(e);
    const sts_object *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *o = sts_object_list_at(list, i);
        const char *name = sts_object_name(o);
        sts_node *n = NULL;
        /* the longest name wins: "web" is also in a message about "web-data" */
        if (sts_object_kind(o) == STS_KIND_STATEFULSET && strlen(name) > best_len &&
            strstr(msg, name) && !sts_object_get(&n, o, sts_error_path(e), NULL)) {
            best = o;
            best_len = strlen(name);
            *index = i;
        }
    }
    return best;
}

typedef struct finding_pos {
    const char *file;
    uint32_t line, column;
} finding_pos;

static finding_pos locate(const sts_error *e, const sts_object_list *list, char *const *files,
                          const size_t *ends, int nfiles)
{
    finding_pos p = {file_of(e, files, nfiles), sts_error_line(e), sts_error_column(e)};
    size_t i;
    const sts_object *o;
    if (!p.line && (o = owner_of(e, list, &i))) {
        stsctl_position(&p.line, &p.column, o, sts_error_path(e));
        p.file = stsctl_source_at(files, ends, nfiles, i);
    }
    return p;
}

/* ---- output ---------------------------------------------------------------- */

static int append(sts_buf *b, const char *s)
{
    return sts_buf_append(b, s, strlen(s));
}

static int text_finding(sts_buf *b, const sts_error *e, finding_pos p)
{
    char num[32];
    int rc = 0;
    if (p.file) {
        rc |= append(b, p.file);
        if (p.line) {
            snprintf(num, sizeof num, ":%u:%u", (unsigned)p.line, (unsigned)p.column);
            rc |= append(b, num);
        }
        rc |= append(b, ": ");
    }
    rc |= append(b, sts_severity_name(sts_error_severity(e)));
    rc |= append(b, " ");
    rc |= append(b, sts_error_rule(e));
    rc |= append(b, " ");
    rc |= append(b, sts_error_message(e));
    if (sts_error_path(e)[0]) {
        rc |= append(b, " (");
        rc |= append(b, sts_error_path(e));
        rc |= append(b, ")");
    }
    rc |= append(b, "\n");
    if (sts_error_hint(e)[0]) {
        rc |= append(b, "    hint: ");
        rc |= append(b, sts_error_hint(e));
        rc |= append(b, "\n");
    }
    return rc ? STS_ENOMEM : 0;
}

static sts_node *str_or_null(stsctl_tree *t, const char *s)
{
    return stsctl_tree_str(t, s && s[0] ? s : NULL);
}

static sts_node *int_or_null(stsctl_tree *t, uint32_t v)
{
    return v ? stsctl_tree_int(t, v) : stsctl_tree_str(t, NULL);
}

static void json_finding(stsctl_tree *t, sts_node *items, const sts_error *e, finding_pos p)
{
    sts_node *f = stsctl_tree_map(t);
    stsctl_tree_set(t, f, "rule", stsctl_tree_str(t, sts_error_rule(e)));
    stsctl_tree_set(t, f, "severity",
                    stsctl_tree_str(t, sts_severity_name(sts_error_severity(e))));
    stsctl_tree_set(t, f, "message", stsctl_tree_str(t, sts_error_message(e)));
    stsctl_tree_set(t, f, "hint", str_or_null(t, sts_error_hint(e)));
    stsctl_tree_set(t, f, "path", str_or_null(t, sts_error_path(e)));
    stsctl_tree_set(t, f, "file", str_or_null(t, p.file));
    stsctl_tree_set(t, f, "line", int_or_null(t, p.line));
    stsctl_tree_set(t, f, "column", int_or_null(t, p.column));
    stsctl_tree_push(t, items, f);
}

/* `stsctl lint --rules` */
static int list_rules(stsctl *ctl, const stsctl_command *cmd, const char *format, int as_text)
{
    int status = 0;
    size_t n = sts_lint_rule_count();
    if (as_text) {
        stsctl_table tab;
        sts_buf out = STS_BUF_INIT;
        if (stsctl_table_init(&tab, 3))
            return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
        const char *head[3] = {"ID", "SEVERITY", "SUMMARY"};
        int rc = stsctl_table_add(&tab, head);
        for (size_t i = 0; !rc && i < n; i++) {
            const char *row[3] = {sts_lint_rule_id(i),
                                  sts_severity_name(sts_lint_rule_severity(i)),
                                  sts_lint_rule_summary(i)};
            rc = stsctl_table_add(&tab, row);
        }
        if (!rc)
            rc = stsctl_table_render(&out, &tab);
        status = rc ? stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory")
                    : stsctl_write(cmd, out.data, out.len);
        sts_buf_dispose(&out);
        stsctl_table_dispose(&tab);
        return stsctl_finish(cmd, status);
    }
    stsctl_tree t;
    if (stsctl_tree_init(&t))
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_node *root = stsctl_tree_map(&t), *items = stsctl_tree_seq(&t);
    stsctl_tree_set(&t, root, "rules", items);
    for (size_t i = 0; i < n; i++) {
        sts_node *r = stsctl_tree_map(&t);
        stsctl_tree_set(&t, r, "id", stsctl_tree_str(&t, sts_lint_rule_id(i)));
        stsctl_tree_set(&t, r, "severity",
                        stsctl_tree_str(&t, sts_severity_name(sts_lint_rule_severity(i))));
        stsctl_tree_set(&t, r, "summary", stsctl_tree_str(&t, sts_lint_rule_summary(i)));
        stsctl_tree_push(&t, items, r);
    }
    if (t.rc)
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    else {
        const sts_node *roots[1] = {root};
        status = stsctl_emit(ctl, cmd, format, roots, 1, 0);
    }
    stsctl_tree_dispose(&t);
    return stsctl_finish(cmd, status);
}

/* Every ID of a --disable list must be a rule: a typo would silently
 * disable nothing. */
static int check_disable(const stsctl_command *cmd, const char *list)
{
    while (*list) {
        size_t n = strcspn(list, ",");
        const char *id = list;
        size_t m = n;
        while (m && *id == ' ')
            id++, m--;
        while (m && id[m - 1] == ' ')
            m--;
        int known = m == 0; /* empty items (a trailing comma) are harmless */
        for (size_t i = 0; !known && i < sts_lint_rule_count(); i++)
            known = strlen(sts_lint_rule_id(i)) == m && strncmp(sts_lint_rule_id(i), id, m) == 0;
        if (!known)
            return stsctl_usage_error(cmd, "--disable: unknown rule '%.*s' (see 'stsctl lint --rules')",
                                      (int)m, id);
        list += n;
        if (*list == ',')
            list++;
    }
    return 0;
}

static int lint_files(stsctl *ctl, const stsctl_command *cmd, const char *format, int as_text,
                      const char *from, char *const *files, int nfiles, const sts_lint_opts *lo)
{
    size_t *ends = calloc((size_t)nfiles, sizeof *ends);
    if (!ends)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    sts_object_list *list = NULL;
    /* no type checks on load: lint reports wrong types itself (STS100/STS111) */
    int status =
        stsctl_load_flags(ctl, cmd, &list, ends, from, files, nfiles, STS_DECODE_NO_TYPE_CHECK);
    if (status) {
        free(ends);
        return status;
    }
    for (int f = 1; f < nfiles; f++)
        for (size_t i = ends[f - 1]; i < ends[f]; i++)
            shift_offsets(sts_object_root(sts_object_list_at(list, i)), (uint64_t)f * FILE_STRIDE);

    sts_error *findings = NULL;
    int n = sts_lint(&findings, list, lo);
    if (n < 0) {
        stsctl_print_errors(findings, NULL);
        if (!findings)
            stsctl_fail(cmd, 0, "%s", sts_strerror(n));
        sts_error_free(findings);
        sts_object_list_free(list);
        free(ends);
        return n == STS_ENOMEM ? STSCTL_EXIT_USAGE : STSCTL_EXIT_INPUT;
    }
    stsctl_tree t = {NULL, 0};
    sts_node *root = NULL, *items = NULL;
    sts_buf text = STS_BUF_INIT;
    int rc = 0;
    if (!as_text && !stsctl_tree_init(&t)) {
        root = stsctl_tree_map(&t);
        items = stsctl_tree_seq(&t);
        stsctl_tree_set(&t, root, "findings", items);
    }
    for (const sts_error *e = findings; !rc && e; e = sts_error_next(e)) {
        finding_pos p = locate(e, list, files, ends, nfiles);
        if (as_text)
            rc = text_finding(&text, e, p);
        else
            json_finding(&t, items, e, p);
        if (sts_error_severity(e) >= STS_SEVERITY_WARNING)
            status = STSCTL_EXIT_INPUT;
    }
    if (rc || (!as_text && t.rc)) {
        status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    } else {
        const sts_node *roots[1] = {root};
        int s = as_text ? stsctl_write(cmd, text.data, text.len)
                        : stsctl_emit(ctl, cmd, format, roots, 1, 0);
        if (s)
            status = s;
    }
    sts_buf_dispose(&text);
    stsctl_tree_dispose(&t);
    sts_error_free(findings);
    sts_object_list_free(list);
    free(ends);
    return status;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_lint;
    sts_api_opts api = STS_API_OPTS_INIT;
    sts_lint_opts lo = STS_LINT_OPTS_INIT;
    const char *from = NULL, *format = "text";
    sts_buf disable = STS_BUF_INIT;
    int rules = 0, opt, status = 0;
    opterr = 0;
    while (!status && (opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            format = optarg;
            break;
        case OPT_DISABLE:
            if ((status = check_disable(cmd, optarg)))
                break;
            if ((disable.len && sts_buf_append(&disable, ",", 1)) ||
                sts_buf_append(&disable, optarg, strlen(optarg)))
                status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
            break;
        case OPT_RULES:
            rules = 1;
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
        case 'h':
            fputs(cmd->usage, stdout);
            status = stsctl_finish(cmd, STSCTL_EXIT_OK);
            sts_buf_dispose(&disable);
            return status;
        case ':':
            status = stsctl_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
            break;
        default:
            status = stsctl_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            break;
        }
    }
    int as_text = strcmp(format, "text") == 0;
    if (!status && ((!as_text && stsctl_check_format(ctl, cmd, format, 0)) ||
                    (from && stsctl_check_format(ctl, cmd, from, 1)) ||
                    stsctl_check_api(cmd, &api)))
        status = STSCTL_EXIT_USAGE;
    if (!status && rules) {
        sts_buf_dispose(&disable);
        if (optind < argc)
            return stsctl_usage_error(cmd, "--rules takes no files");
        return list_rules(ctl, cmd, format, as_text);
    }
    if (!status && optind >= argc)
        status = stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    if (!status) {
        lo.api = &api;
        lo.disable = disable.data;
        status = lint_files(ctl, cmd, format, as_text, from, argv + optind, argc - optind, &lo);
        status = stsctl_finish(cmd, status);
    }
    sts_buf_dispose(&disable);
    return status;
}
