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
extern const stsctl_command stsctl_cmd_pods;
extern const stsctl_command stsctl_cmd_render;
extern const stsctl_command stsctl_cmd_dns;
extern const stsctl_command stsctl_cmd_default;
extern const stsctl_command stsctl_cmd_validate;
extern const stsctl_command stsctl_cmd_lint;
extern const stsctl_command stsctl_cmd_revision;
extern const stsctl_command stsctl_cmd_diff;
extern const stsctl_command stsctl_cmd_upgrade_check;

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
/* stsctl_load() that also records where each file's objects end:
 * ends[f] (an array of @p nfiles) is the object count after file f. */
int stsctl_load_sources(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                        size_t *ends, const char *format, char *const *files, int nfiles);
/* stsctl_load_sources() with STS_DECODE_* @p flags (STS_DECODE_NO_TYPE_CHECK
 * for lint, which reports wrong types itself); @p ends may be NULL. */
int stsctl_load_flags(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                      size_t *ends, const char *format, char *const *files, int nfiles,
                      uint32_t flags);
/* The source name ("<stdin>" for "-") of object @p i of such a list. */
const char *stsctl_source_at(char *const *files, const size_t *ends, int nfiles, size_t i);

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
/* The getopt cases every command ends with: -h prints the usage (exit 0),
 * ':' and anything unknown are usage errors. Returns the exit status. */
int stsctl_option_end(const stsctl_command *cmd, int opt, char **argv);
/* Encode every object of list and write it; errors printed. Returns an exit status. */
int stsctl_dump(stsctl *ctl, const stsctl_command *cmd, const char *format,
                const sts_object_list *list, const sts_encode_opts *enc);

/* ---- tree.c: output documents built in code, printed by the serializers ---- */

typedef struct stsctl_tree {
    sts_doc *doc;
    int rc; /* the first failure; later calls do nothing and return NULL */
} stsctl_tree;

int stsctl_tree_init(stsctl_tree *t);
void stsctl_tree_dispose(stsctl_tree *t);
sts_node *stsctl_tree_map(stsctl_tree *t);
sts_node *stsctl_tree_seq(stsctl_tree *t);
/* a string node, or null for a NULL @p s */
sts_node *stsctl_tree_str(stsctl_tree *t, const char *s);
sts_node *stsctl_tree_int(stsctl_tree *t, int64_t v);
sts_node *stsctl_tree_copy(stsctl_tree *t, const sts_node *src);
void stsctl_tree_set(stsctl_tree *t, sts_node *map, const char *key, sts_node *value);
void stsctl_tree_push(stsctl_tree *t, sts_node *seq, sts_node *item);
/* Encode @p roots kubectl-style (sorted keys) with @p format and write them
 * to standard output; @p flags are STS_ENCODE_*. Returns an exit status. */
int stsctl_emit(stsctl *ctl, const stsctl_command *cmd, const char *format,
                const sts_node *const *roots, size_t count, uint32_t flags);

/* ---- table.c: kubectl-style aligned columns ---- */

typedef struct stsctl_table {
    size_t ncols, ncells, cap;
    char **cells; /* row-major copies */
} stsctl_table;

int stsctl_table_init(stsctl_table *t, size_t ncols);
void stsctl_table_dispose(stsctl_table *t);
/* Copy one row of ncols cells (NULL cells print empty). 0 or STS_ENOMEM. */
int stsctl_table_add(stsctl_table *t, const char *const *row);
/* Append the rows, aligned, to @p out. 0 or STS_ENOMEM. */
int stsctl_table_render(sts_buf *out, const stsctl_table *t);

/* ---- kube.c: the Kubernetes release and feature gates to follow ---- */

/* Long-option codes shared by the commands that take them. */
enum {
    STSCTL_OPT_KUBE_VERSION = 0x180,
    STSCTL_OPT_FEATURE_GATES
};

/* Check --kube-version and --feature-gates as the library will read them,
 * so a typo is a usage error (status 2) before any file is read. */
int stsctl_check_api(const stsctl_command *cmd, const sts_api_opts *api);
/* The release @p version selects, as "1.MINOR" (NULL: the library's newest),
 * written to @p buf (at least 16 bytes). */
const char *stsctl_kube_version(char *buf, size_t size, const char *version);

/* ---- match.c: the same object in two inputs ---- */

/* The first object of @p list with the kind, namespace (@p default_ns when
 * absent, NULL: "default") and name of @p like; NULL when none. */
const sts_object *stsctl_find_match(const sts_object_list *list, const sts_object *like,
                                    const char *default_ns);
/* kubectl sends an object without metadata.namespace with the namespace of
 * its context (or -n): validation requires one. When @p obj has none,
 * *copy is a clone with @p ns (NULL: "default"); otherwise *copy is NULL
 * and @p obj is used as it is. Returns 0 or an STS_E* code. */
int stsctl_as_sent(sts_object **copy, const sts_object *obj, const char *ns);
/* Line and column of the node at field @p path of @p obj; 0 when the path
 * does not resolve (fields the defaults add, paths Kubernetes names
 * differently from the document). */
void stsctl_position(uint32_t *line, uint32_t *column, const sts_object *obj, const char *path);

/* ---- findings.c: problems found in the input, with positions ---- */

/* Print every problem of @p chain as `SOURCE:LINE:COLUMN: LABEL: message
 * (path)` on stderr, the position taken from the node at the problem's
 * field path in @p obj (nullable: no position). */
void stsctl_print_findings(const sts_error *chain, const sts_object *obj, const char *source,
                           const char *label);
/* Commands that expand every replica refuse sets larger than this, so a
 * hostile `replicas: 2147483647` cannot make them run for hours. */
#define STSCTL_MAX_PODS 100000
#define STSCTL_MAX_PODS_TEXT "100000"
/* STS_ELIMIT with an error in @p *err when @p count exceeds STSCTL_MAX_PODS. */
int stsctl_check_replica_limit(sts_error **err, const sts_object *sts, int32_t count);
/* The naming checks of every StatefulSet of @p list (sts_statefulset_check_names
 * with @p opts, sts_check_claim_collisions), printed as warnings. Returns the
 * number of problems, or -1 when out of memory (reported). */
int stsctl_check_naming(const stsctl_command *cmd, const sts_object_list *list,
                        char *const *files, const size_t *ends, int nfiles,
                        const sts_identity_opts *opts);

#endif
