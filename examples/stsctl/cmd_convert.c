/* stsctl convert: read documents in any registered format, print them in
 * another. */
#include <getopt.h>
#include <stdio.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_convert = {
    "convert",
    "print every document of the inputs in another format",
    "Usage: stsctl convert [OPTIONS] FILE...\n"
    "\n"
    "Read every FILE ('-' is standard input) -- multi-document streams, with\n"
    "`kind: List` documents expanded into their items -- check each object's\n"
    "field types, and print all documents in one format.\n"
    "\n"
    "Options:\n"
    "  -o, --output FORMAT   yaml (default), json, or any format a plugin registered\n"
    "      --from FORMAT     input format (default: from the file name, then the content)\n"
    "      --style STYLE     original (default): keep key order and scalar spelling;\n"
    "                        kubectl: sorted keys and canonical scalars, as kubectl prints\n"
    "      --compact         JSON without whitespace\n"
    "      --indent N        spaces per level (default: yaml 2, json 4)\n"
    "      --list            wrap all documents in one `kind: List`, as kubectl does\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 converted, 1 an input has errors (printed as\n"
    "FILE:LINE:COLUMN: message (field path)), 2 usage or I/O error.\n",
    run,
};

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"from", required_argument, NULL, STSCTL_OPT_FROM},
    {"style", required_argument, NULL, STSCTL_OPT_STYLE},
    {"compact", no_argument, NULL, STSCTL_OPT_COMPACT},
    {"indent", required_argument, NULL, STSCTL_OPT_INDENT},
    {"list", no_argument, NULL, STSCTL_OPT_LIST},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_convert;
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
    if (optind >= argc)
        return stsctl_usage_error(cmd, "no input files (use '-' for standard input)");
    const char *format = out.format ? out.format : "yaml";
    if (stsctl_check_format(ctl, cmd, format, 0) ||
        (from && stsctl_check_format(ctl, cmd, from, 1)))
        return STSCTL_EXIT_USAGE;

    sts_object_list *list = NULL;
    int status = stsctl_load(ctl, cmd, &list, from, argv + optind, argc - optind);
    if (status)
        return status;
    status = stsctl_dump(ctl, cmd, format, list, &out.enc);
    sts_object_list_free(list);
    return stsctl_finish(cmd, status);
}
