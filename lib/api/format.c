/* kubectl's rendering of a 422 Invalid status: one error on the same
 * line, several as a "* " list (duplicate lines once). */
#include <string.h>

#include "api_priv.h"

int sts_validation_format(sts_buf *out, const sts_object *obj, const sts_error *errors)
{
    if (!out)
        return STS_EINVAL;
    if (!errors) /* valid: nothing to print */
        return 0;
    const char *kind = obj ? sts_object_kind_string(obj) : NULL;
    const char *name = obj ? sts_object_name(obj) : NULL;
    sts_buf q = STS_BUF_INIT;
    int rc = sts__go_quote(&q, name ? name : "", name ? strlen(name) : 0);
    if (!rc)
        rc = sts__buf_printf(out, "The %s %s is invalid: ", kind && *kind ? kind : "StatefulSet",
                             q.data);
    sts_buf_dispose(&q);
    if (rc)
        return rc;
    if (sts_error_count(errors) == 1)
        return sts__buf_printf(out, "%s\n", sts_error_message(errors));
    rc = sts__buf_putc(out, '\n');
    for (const sts_error *e = errors; !rc && e; e = sts_error_next(e)) {
        bool dup = false;
        for (const sts_error *p = errors; p != e; p = sts_error_next(p))
            if (strcmp(sts_error_message(p), sts_error_message(e)) == 0)
                dup = true;
        if (!dup)
            rc = sts__buf_printf(out, "* %s\n", sts_error_message(e));
    }
    return rc;
}
