/* Messages and exit statuses. Library errors print exactly as
 * sts_error_format() renders them, one line per error of the chain, so
 * editors and CI annotators can jump to FILE:LINE:COLUMN. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "stsctl.h"

int stsctl_exit_for(int code)
{
    switch (code) {
    case 0:
        return STSCTL_EXIT_OK;
    case STS_EPARSE:
    case STS_ETYPE:
    case STS_EVALIDATION:
    case STS_ELIMIT:
    case STS_ERANGE:
        return STSCTL_EXIT_INPUT;
    default: /* ENOMEM, EIO, EINVAL, unknown format, plugin trouble */
        return STSCTL_EXIT_USAGE;
    }
}

void stsctl_print_errors(const sts_error *err, const char *source)
{
    sts_buf line = STS_BUF_INIT;
    for (const sts_error *e = err; e; e = sts_error_next(e)) {
        line.len = 0;
        if (!sts_error_source(e)[0] && source && source[0]) {
            /* a bare position is useless without its file: add the name */
            if (sts_buf_append(&line, source, strlen(source)) ||
                sts_buf_append(&line, (sts_error_line(e) ? ":" : ": "),
                               sts_error_line(e) ? 1 : 2))
                break;
        }
        if (sts_error_format(&line, e)) {
            fprintf(stderr, "%s\n", sts_error_message(e));
            continue;
        }
        fprintf(stderr, "%s\n", line.data ? line.data : "");
    }
    sts_buf_dispose(&line);
}

static void vmessage(const stsctl_command *cmd, const char *fmt, va_list ap)
{
    fprintf(stderr, "stsctl%s%s: ", cmd ? " " : "", cmd ? cmd->name : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int stsctl_fail(const stsctl_command *cmd, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(cmd, fmt, ap);
    va_end(ap);
    return status;
}

int stsctl_usage_error(const stsctl_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(cmd, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'stsctl %s%s--help' for more information.\n", cmd ? cmd->name : "",
            cmd ? " " : "");
    return STSCTL_EXIT_USAGE;
}
