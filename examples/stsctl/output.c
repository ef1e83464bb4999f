/* Output flags shared by every command that prints documents. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

void stsctl_output_init(stsctl_output *out)
{
    out->format = NULL;
    sts_encode_opts_init(&out->enc);
}

int stsctl_output_option(stsctl_output *out, const stsctl_command *cmd, int opt,
                         const char *arg)
{
    switch (opt) {
    case 'o':
        out->format = arg;
        return 1;
    case STSCTL_OPT_STYLE:
        if (strcmp(arg, "kubectl") == 0)
            out->enc.style = STS_ENCODE_KUBECTL;
        else if (strcmp(arg, "original") == 0)
            out->enc.style = STS_ENCODE_ORIGINAL;
        else {
            stsctl_usage_error(cmd, "--style must be kubectl or original, not '%s'", arg);
            return -1;
        }
        return 1;
    case STSCTL_OPT_COMPACT:
        out->enc.flags |= STS_ENCODE_COMPACT;
        return 1;
    case STSCTL_OPT_LIST:
        out->enc.flags |= STS_ENCODE_AS_LIST;
        return 1;
    case STSCTL_OPT_INDENT: {
        char *end;
        long n = strtol(arg, &end, 10);
        if (!arg[0] || *end || n < 1 || n > 16) {
            stsctl_usage_error(cmd, "--indent must be a number from 1 to 16, not '%s'", arg);
            return -1;
        }
        out->enc.indent = (uint32_t)n;
        return 1;
    }
    default:
        return 0;
    }
}

static void known_formats(stsctl *ctl, sts_buf *names, uint32_t need)
{
    for (size_t i = 0; i < sts_registry_count(ctl->reg); i++) {
        const sts_serializer *s = sts_registry_at(ctl->reg, i);
        if (!(s->flags & need))
            continue;
        if (names->len)
            sts_buf_append(names, ", ", 2);
        sts_buf_append(names, s->name, strlen(s->name));
    }
}

int stsctl_check_format(stsctl *ctl, const stsctl_command *cmd, const char *format, int decode)
{
    uint32_t need = decode ? STS_SERIALIZER_DECODE : STS_SERIALIZER_ENCODE;
    const sts_serializer *s = sts_registry_find(ctl->reg, format);
    if (s && (s->flags & need))
        return 0;
    sts_buf names = STS_BUF_INIT;
    known_formats(ctl, &names, need);
    if (s)
        stsctl_usage_error(cmd, "format '%s' cannot %s (formats that can: %s)", format,
                           decode ? "decode" : "encode", names.data ? names.data : "none");
    else
        stsctl_usage_error(cmd, "unknown format '%s' (known: %s; --plugin adds more)", format,
                           names.data ? names.data : "none");
    sts_buf_dispose(&names);
    return STSCTL_EXIT_USAGE;
}

int stsctl_dump(stsctl *ctl, const stsctl_command *cmd, const char *format,
                const sts_object_list *list, const sts_encode_opts *enc)
{
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int status, rc = sts_dump(&buf, ctl->reg, format, list, enc, &err);
    if (rc) {
        stsctl_print_errors(err, NULL);
        if (!err)
            stsctl_fail(cmd, 0, "cannot encode as %s: %s", format, sts_strerror(rc));
        status = stsctl_exit_for(rc);
    } else {
        status = stsctl_write(cmd, buf.data, buf.len);
    }
    sts_error_free(err);
    sts_buf_dispose(&buf);
    return status;
}

int stsctl_option_end(const stsctl_command *cmd, int opt, char **argv)
{
    if (opt == 'h') {
        fputs(cmd->usage, stdout);
        return stsctl_finish(cmd, STSCTL_EXIT_OK);
    }
    if (opt == ':')
        return stsctl_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
    return stsctl_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}
