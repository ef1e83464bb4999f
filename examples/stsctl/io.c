/* Reading inputs and writing output. The library takes bytes, never a
 * FILE *, so the tool reads whole files itself. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

const char *stsctl_source_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static int slurp(FILE *f, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            char *p = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                return ENOMEM;
            }
            buf = p;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        return e;
    }
    *data = buf;
    *len = n;
    return 0;
}

int stsctl_read(const stsctl_command *cmd, const char *path, char **data, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    errno = 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "cannot read %s: %s", path, strerror(errno));
    errno = 0;
    int e = slurp(f, data, len);
    if (!is_stdin)
        fclose(f);
    if (e)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "cannot read %s: %s",
                           stsctl_source_name(path), strerror(e));
    return 0;
}

int stsctl_write(const stsctl_command *cmd, const char *data, size_t len)
{
    if (len && fwrite(data, 1, len, stdout) != len)
        return stsctl_fail(cmd, STSCTL_EXIT_USAGE, "cannot write output: %s", strerror(errno));
    return 0;
}

int stsctl_finish(const stsctl_command *cmd, int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        stsctl_fail(cmd, STSCTL_EXIT_USAGE, "cannot write output: %s", strerror(errno));
        return STSCTL_EXIT_USAGE;
    }
    return status;
}
