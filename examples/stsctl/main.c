/* stsctl: global options, then one subcommand (one file each). */
#include <stdio.h>
#include <string.h>

#include "stsctl.h"

static const stsctl_command *const commands[] = {
    &stsctl_cmd_convert,
    &stsctl_cmd_get,
    &stsctl_cmd_formats,
    &stsctl_cmd_pods,
    &stsctl_cmd_render,
    &stsctl_cmd_dns,
    &stsctl_cmd_default,
    &stsctl_cmd_validate,
    &stsctl_cmd_lint,
    &stsctl_cmd_revision,
    &stsctl_cmd_diff,
    &stsctl_cmd_upgrade_check,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *to)
{
    fputs("Usage: stsctl [--plugin PATH]... COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Kubernetes StatefulSet semantics, offline. Every command reads files or\n"
          "'-' (standard input), multi-document streams and `kind: List`.\n"
          "\n"
          "Commands:\n",
          to);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(to, "  %-13s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\n"
          "Global options:\n"
          "  --plugin PATH   load a serializer plugin (a shared object exporting\n"
          "                  " STS_PLUGIN_ENTRY_NAME "); repeatable\n"
          "  -h, --help      show this help ('stsctl COMMAND --help' for a command)\n"
          "  --version       show the versions of stsctl and libstatefulset\n"
          "\n"
          "Exit status: 0 success, 1 the input has problems, 2 usage or I/O error\n"
          "(diff and upgrade-check, like diff(1): 1 pods roll, 2 any error).\n",
          to);
}

static const stsctl_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static int load_plugin(stsctl *ctl, const char *path)
{
    sts_error *err = NULL;
    int rc = sts_registry_load_plugin(ctl->reg, path, &err);
    if (rc) {
        stsctl_print_errors(err, NULL);
        if (!err)
            fprintf(stderr, "stsctl: cannot load plugin %s: %s\n", path, sts_strerror(rc));
        sts_error_free(err);
        return STSCTL_EXIT_USAGE;
    }
    return 0;
}

/* `stsctl help [COMMAND]` */
static int help(int argc, char **argv)
{
    if (argc < 2) {
        usage(stdout);
        return stsctl_finish(NULL, STSCTL_EXIT_OK);
    }
    const stsctl_command *cmd = find_command(argv[1]);
    if (!cmd)
        return stsctl_usage_error(NULL, "unknown command '%s'", argv[1]);
    fputs(cmd->usage, stdout);
    return stsctl_finish(cmd, STSCTL_EXIT_OK);
}

int main(int argc, char **argv)
{
    stsctl ctl = {NULL};
    sts_error *err = NULL;
    if (sts_registry_new(&ctl.reg, 0, &err)) {
        stsctl_print_errors(err, NULL);
        sts_error_free(err);
        return STSCTL_EXIT_USAGE;
    }
    int status = STSCTL_EXIT_OK, i = 1;
    /* global options stop at the first word that is not one: the command */
    for (; i < argc && argv[i][0] == '-' && !status; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            status = stsctl_finish(NULL, STSCTL_EXIT_OK);
            goto out;
        } else if (strcmp(a, "--version") == 0) {
            printf("stsctl %s (libstatefulset %s)\n", STS_VERSION_STRING,
                   sts_version_string());
            status = stsctl_finish(NULL, STSCTL_EXIT_OK);
            goto out;
        } else if (strcmp(a, "--plugin") == 0) {
            if (i + 1 >= argc) {
                status = stsctl_usage_error(NULL, "--plugin needs a path");
                goto out;
            }
            status = load_plugin(&ctl, argv[++i]);
        } else if (strncmp(a, "--plugin=", 9) == 0) {
            status = load_plugin(&ctl, a + 9);
        } else {
            status = stsctl_usage_error(NULL, "unknown option '%s'", a);
        }
    }
    if (status)
        goto out;
    if (i >= argc) {
        usage(stderr);
        status = STSCTL_EXIT_USAGE;
        goto out;
    }
    if (strcmp(argv[i], "help") == 0) {
        status = help(argc - i, argv + i);
        goto out;
    }
    const stsctl_command *cmd = find_command(argv[i]);
    if (!cmd) {
        status = stsctl_usage_error(NULL, "unknown command '%s'", argv[i]);
        goto out;
    }
    status = cmd->run(&ctl, argc - i, argv + i);
out:
    sts_registry_free(ctl.reg);
    return status;
}
