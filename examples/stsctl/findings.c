/* Problems the library finds in the input (naming limits, PVC name
 * collisions) carry a field path but no position: the checks look at
 * values, not at the text. Looking the path up in the object gives the
 * line and column, so editors and CI annotators can jump to it. */
#include <stdio.h>
#include <string.h>

#include "stsctl.h"

static void print_one(const sts_error *e, const sts_object *obj, const char *source,
                      const char *label)
{
    uint32_t line = 0, column = 0;
    sts_node *node = NULL;
    const char *path = sts_error_path(e);
    if (obj && path[0] && !sts_object_get(&node, obj, path, NULL)) {
        line = sts_node_line(node);
        column = sts_node_column(node);
    }
    sts_buf msg = STS_BUF_INIT;
    sts_error *copy = NULL;
    if (sts_buf_append(&msg, label, strlen(label)) || sts_buf_append(&msg, ": ", 2) ||
        sts_buf_append(&msg, sts_error_message(e), strlen(sts_error_message(e))) ||
        sts_error_new(&copy, sts_error_code(e), msg.data, path, line, column, UINT64_MAX)) {
        fprintf(stderr, "%s: %s\n", label, sts_error_message(e));
    } else {
        stsctl_print_errors(copy, source);
    }
    sts_error_free(copy);
    sts_buf_dispose(&msg);
}

void stsctl_print_findings(const sts_error *chain, const sts_object *obj, const char *source,
                           const char *label)
{
    for (const sts_error *e = chain; e; e = sts_error_next(e))
        print_one(e, obj, source, label);
}

int stsctl_check_naming(const stsctl_command *cmd, const sts_object_list *list,
                        char *const *files, const size_t *ends, int nfiles,
                        const sts_identity_opts *opts)
{
    int total = 0;
    for (size_t i = 0; i < sts_object_list_count(list); i++) {
        const sts_object *o = sts_object_list_at(list, i);
        if (sts_object_kind(o) != STS_KIND_STATEFULSET)
            continue;
        sts_error *problems = NULL;
        int n = sts_statefulset_check_names(&problems, o, opts);
        if (n < 0) {
            sts_error_free(problems);
            stsctl_fail(cmd, 0, "cannot check names: %s", sts_strerror(n));
            return -1;
        }
        stsctl_print_findings(problems, o, stsctl_source_at(files, ends, nfiles, i), "warning");
        sts_error_free(problems);
        total += n;
    }
    /* a collision involves two sets, possibly from two files: no single position */
    sts_error *problems = NULL;
    int n = sts_check_claim_collisions(&problems, list);
    if (n < 0) {
        sts_error_free(problems);
        stsctl_fail(cmd, 0, "cannot check claim names: %s", sts_strerror(n));
        return -1;
    }
    stsctl_print_findings(problems, NULL, nfiles == 1 ? stsctl_source_name(files[0]) : NULL,
                          "warning");
    sts_error_free(problems);
    return total + n;
}

int stsctl_check_replica_limit(sts_error **err, const sts_object *sts, int32_t count)
{
    if (count <= STSCTL_MAX_PODS)
        return 0;
    char msg[300];
    snprintf(msg, sizeof msg,
             "StatefulSet %.200s has %d replicas; stsctl expands at most " STSCTL_MAX_PODS_TEXT,
             sts_object_name(sts), (int)count);
    if (sts_error_new(err, STS_ELIMIT, msg, "spec.replicas", 0, 0, UINT64_MAX))
        return STS_ENOMEM;
    return STS_ELIMIT;
}
