/* stsctl: the command-line face of libstatefulset, built only on its
 * public API. main.c dispatches to one file per subcommand (cmd_*.c);
 * the helpers here read inputs, print errors and parse output flags. */
#ifndef STSCTL_H
#define STSCTL_H

#include <stddef.h>

#include <statefulset/statefulset.h>

/* Exit statuses, as DESIGN.md fixes them for every subcommand. */
enum {
    STSCTL_EXIT_OK = 0,
    STSCTL_EXIT_INPUT = 1, /* the input has problems: syntax, types, validation, no match */
    STSCTL_EXIT_USAGE = 2  /* bad command line, unreadable file, out of memory */
};

typedef struct stsctl {
    sts_registry *reg; /* built-in formats plus every --plugin */
} stsctl;

typedef struct stsctl_command {
    const char *name;
    const char *summary;
    const char *usage; /* full help text, printed by `stsctl CMD --help` */
    int (*run)(stsctl *ctl, int argc, char **argv); /* argv[0] is the command name */
} stsctl_command;

extern const stsctl_command stsctl_cmd_convert;
extern const stsctl_command stsctl_cmd_get;
extern const stsctl_command stsctl_cmd_formats;

/* ---- report.c: messages and exit statuses ---- */

/* Exit status for a library status code: input problems are 1, the rest 2. */
int stsctl_exit_for(int code);
/* Print every error of the chain as `SOURCE:LINE:COLUMN: message (path)`,
 * naming @p source where the error has none. */
void stsctl_print_errors(const sts_error *err, const char *source);
/* `stsctl CMD: message` on stderr; returns @p status. */
int stsctl_fail(const stsctl_command *cmd, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A usage error: the message, a pointer to --help, status 2. */
int stsctl_usage_error(const stsctl_command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- io.c: files and standard streams ---- */

/* The name errors show for a file argument: "<stdin>" for "-". */
const char *stsctl_source_name(const char *path);
/* Read a whole file, or standard input for "-". Returns 0, or prints
 * `stsctl CMD: cannot read ...` and returns STSCTL_EXIT_USAGE. Free with free(). */
int stsctl_read(const stsctl_command *cmd, const char *path, char **data, size_t *len);
/* Write to standard output; 0, or a message and STSCTL_EXIT_USAGE. */
int stsctl_write(const stsctl_command *cmd, const char *data, size_t len);
/* Flush standard output at exit; a failed write (full disk, closed pipe) is status 2. */
int stsctl_finish(const stsctl_command *cmd, int status);

/* ---- load.c: typed objects from files ---- */

/* sts_load() every file into @p *out (created here) with the given input
 * format (NULL: guess from the file name, then the content). Every file is
 * read even after a bad one, so all errors are reported at once. Returns an
 * exit status; on failure *out is NULL. */
int stsctl_load(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                const char *format, char *const *files, int nfiles);

/* ---- output.c: output flags shared by commands that print data ---- */

typedef struct stsctl_output {
    const char *format;   /* -o; NULL = the command's default */
    sts_encode_opts enc;  /* --style, --compact, --indent, --list */
} stsctl_output;

/* Long-option codes for getopt_long tables. */
enum {
    STSCTL_OPT_STYLE = 0x100,
    STSCTL_OPT_COMPACT,
    STSCTL_OPT_INDENT,
    STSCTL_OPT_LIST,
    STSCTL_OPT_FROM,
    STSCTL_OPT_HELP
};

void stsctl_output_init(stsctl_output *out);
/* Handle one output option from getopt_long: returns 1 when it was one,
 * 0 when not, or -1 after printing a usage error. */
int stsctl_output_option(stsctl_output *out, const stsctl_command *cmd, int opt,
                         const char *arg);
/* Check that @p format is registered and can encode (or decode when
 * @p decode); prints a usage error naming the known formats otherwise. */
int stsctl_check_format(stsctl *ctl, const stsctl_command *cmd, const char *format, int decode);

#endif
