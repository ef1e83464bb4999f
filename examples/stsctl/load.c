/* Loading files as typed objects. sts_load() type-checks every document,
 * so `replicas: "three"` is reported here with its line and column. */
#include <stdlib.h>

#include "stsctl.h"

static int load_one(stsctl *ctl, const stsctl_command *cmd, sts_object_list **list,
                    const char *format, const char *path, uint32_t flags)
{
    char *data = NULL;
    size_t len = 0;
    int status = stsctl_read(cmd, path, &data, &len);
    if (status)
        return status;
    const char *source = stsctl_source_name(path);
    sts_decode_opts opts = STS_DECODE_OPTS_INIT;
    /* the name both labels errors and lets the registry guess the format
     * from the extension */
    opts.source_name = source;
    opts.flags |= flags;
    sts_error *err = NULL;
    int rc = sts_load(list, ctl->reg, format, data, len, &opts, &err);
    free(data);
    if (rc) {
        sts_error_set_source(err, source);
        stsctl_print_errors(err, source);
        if (!err)
            stsctl_fail(cmd, 0, "%s: %s", source, sts_strerror(rc));
        sts_error_free(err);
        return stsctl_exit_for(rc);
    }
    return 0;
}

int stsctl_load(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                const char *format, char *const *files, int nfiles)
{
    sts_object_list *list = NULL;
    int worst = STSCTL_EXIT_OK;
    if (sts_object_list_new(&list))
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    for (int i = 0; i < nfiles; i++) {
        int status = load_one(ctl, cmd, &list, format, files[i], 0);
        if (status > worst)
            worst = status;
    }
    if (worst) {
        sts_object_list_free(list);
        list = NULL;
    }
    *out = list;
    return worst;
}

int stsctl_load_sources(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                        size_t *ends, const char *format, char *const *files, int nfiles)
{
    return stsctl_load_flags(ctl, cmd, out, ends, format, files, nfiles, 0);
}

int stsctl_load_flags(stsctl *ctl, const stsctl_command *cmd, sts_object_list **out,
                      size_t *ends, const char *format, char *const *files, int nfiles,
                      uint32_t flags)
{
    sts_object_list *list = NULL;
    int worst = STSCTL_EXIT_OK;
    if (sts_object_list_new(&list))
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "out of memory");
    for (int i = 0; i < nfiles; i++) {
        int status = load_one(ctl, cmd, &list, format, files[i], flags);
        if (status > worst)
            worst = status;
        if (ends)
            ends[i] = sts_object_list_count(list);
    }
    if (worst) {
        sts_object_list_free(list);
        list = NULL;
    }
    *out = list;
    return worst;
}

const char *stsctl_source_at(char *const *files, const size_t *ends, int nfiles, size_t i)
{
    for (int f = 0; f < nfiles; f++)
        if (i < ends[f])
            return stsctl_source_name(files[f]);
    return "";
}
