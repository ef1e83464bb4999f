/* stsctl get: print the value at a field path of every document. */
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_get = {
    "get",
    "print the value at a field path of every document",
    "Usage: stsctl get [OPTIONS] FILE PATH\n"
    "\n"
    "Print the value at PATH (for example spec.template.spec.containers[0].image,\n"
    "or metadata.labels[\"app.kubernetes.io/name\"]) of every document of FILE\n"
    "('-' is standard input) that has it, one value per document. Strings print\n"
    "raw, numbers and booleans as text; maps and lists print as YAML (or the -o\n"
    "format). A field set to null counts as absent, as Kubernetes reads it.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT   format for maps and lists: yaml (default), json, ...\n"
    "      --from FORMAT     input format (default: from the file name, then the content)\n"
    "      --style STYLE     original (default) or kubectl\n"
    "      --compact         JSON without whitespace\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 at least one document has PATH, 1 none has it or the input\n"
    "has errors, 2 usage or I/O error (also a malformed PATH).\n",
    run,
};

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"style", required_argument, NULL, STSCTL_OPT_STYLE},
    {"compact", no_argument, NULL, STSCTL_OPT_COMPACT},
    {"indent", required_argument, NULL, STSCTL_OPT_INDENT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Shortest decimal text that reads back as the same double (as Go's %v
 * prints a float64, which is what kubectl's jsonpath output shows). */
static void format_float(char *tmp, size_t size, double v)
{
    if (isnan(v)) {
        snprintf(tmp, size, "NaN");
        return;
    }
    if (isinf(v)) {
        snprintf(tmp, size, v < 0 ? "-Inf" : "+Inf");
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, size, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            return;
    }
}

/* Scalars as plain text; returns 1 when @p n was a scalar and got printed. */
static int print_scalar(sts_buf *out, const sts_node *n)
{
    char tmp[64];
    const char *s = tmp;
    size_t len;
    switch (sts_node_get_type(n)) {
    case STS_NODE_NULL:
        s = "null";
        break;
    case STS_NODE_BOOL: {
        int b = 0;
        sts_node_get_bool(&b, n);
        s = b ? "true" : "false";
        break;
    }
    case STS_NODE_INT: {
        int64_t i = 0;
        sts_node_get_int(&i, n);
        snprintf(tmp, sizeof tmp, "%" PRId64, i);
        break;
    }
    case STS_NODE_FLOAT: {
        double d = 0;
        sts_node_get_float(&d, n);
        format_float(tmp, sizeof tmp, d);
        break;
    }
    case STS_NODE_STRING:
        sts_node_get_string(&s, &len, n);
        return sts_buf_append(out, s, len) || sts_buf_append(out, "\n", 1) ? -1 : 1;
    default:
        return 0;
    }
    return sts_buf_append(out, s, strlen(s)) || sts_buf_append(out, "\n", 1) ? -1 : 1;
}

/* A malformed path is a usage error, caught before any file is read. */
static int check_path(const stsctl_command *cmd, const char *path)
{
    sts_doc *doc = NULL;
    sts_node *root = NULL;
    sts_error *err = NULL;
    if (sts_doc_new(&doc) || sts_doc_new_map(&root, doc) || sts_doc_set_root(doc, root)) {
        sts_doc_free(doc);
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    }
    int rc = sts_node_find(NULL, root, path, strlen(path), &err);
    sts_doc_free(doc);
    if (rc == STS_EINVAL) {
        sts_error_free(err);
        return stsctl_usage_error(cmd, "malformed field path '%s'", path);
    }
    sts_error_free(err);
    return 0;
}

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_get;
    stsctl_output out;
    stsctl_output_init(&out);
    const char *from = NULL;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        int r = stsctl_output_option(&out, cmd, opt, optarg);
        if (r < 0)
            return STSCTL_EXIT_USAGE;
        if (r > 0)
            continue;
        switch (opt) {
        case STSCTL_OPT_FROM:
            from = optarg;
            break;
        default: /* -h, a missing value, an unknown option */
            return stsctl_option_end(cmd, opt, argv);
        }
    }
    if (argc - optind != 2)
        return stsctl_usage_error(cmd, "expected FILE and PATH, got %d argument%s",
                                  argc - optind, argc - optind == 1 ? "" : "s");
    const char *file = argv[optind], *path = argv[optind + 1];
    const char *format = out.format ? out.format : "yaml";
    if (stsctl_check_format(ctl, cmd, format, 0) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)) || check_path(cmd, path))
        return STSCTL_EXIT_USAGE;

    sts_object_list *list = NULL;
    int status = stsctl_load(ctl, cmd, &list, from, argv + optind, 1);
    if (status)
        return status;
    sts_buf buf = STS_BUF_INIT;
    size_t found = 0, collections = 0;
    for (size_t i = 0; !status && i < sts_object_list_count(list); i++) {
        sts_node *node = NULL;
        /* absent, or a step crossing a scalar: this document lacks PATH */
        if (sts_object_get(&node, sts_object_list_at(list, i), path, NULL))
            continue;
        found++;
        int r = print_scalar(&buf, node);
        if (r < 0) {
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
            break;
        }
        if (r > 0)
            continue;
        /* several YAML values would run together: separate them as documents */
        if (collections++ && strcmp(sts_registry_find(ctl->reg, format)->name, "yaml") == 0 &&
            sts_buf_append(&buf, "---\n", 4)) {
            status = stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
            break;
        }
        const sts_node *roots[1] = {node};
        sts_error *err = NULL;
        int rc = sts_encode(&buf, ctl->reg, format, roots, 1, &out.enc, &err);
        if (!rc && buf.len && buf.data[buf.len - 1] != '\n')
            rc = sts_buf_append(&buf, "\n", 1);
        if (rc) {
            stsctl_print_errors(err, stsctl_source_name(file));
            if (!err)
                stsctl_fail(cmd, 0, "cannot encode as %s: %s", format, sts_strerror(rc));
            status = stsctl_exit_for(rc);
        }
        sts_error_free(err);
    }
    if (!status)
        status = stsctl_write(cmd, buf.data, buf.len);
    if (!status && !found)
        status = stsctl_fail(cmd, STSCTL_EXIT_INPUT, "%s: no document has %s",
                             stsctl_source_name(file), path);
    sts_buf_dispose(&buf);
    sts_object_list_free(list);
    return stsctl_finish(cmd, status);
}
