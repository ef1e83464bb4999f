/* STS100/STS111: wrong types, and the YAML 1.1 readings that cause many of them. */
#include <string.h>
#include <strings.h>

#include "lint_priv.h"

/* Plain scalars YAML 1.2 reads as strings but YAML 1.1 (kubectl) does not. */
static const char *yaml11_reading(const sts_node *n)
{
    size_t len;
    const char *t = sts_node_get_text(n, &len);
    if (!t || sts_node_get_style(n) != STS_STYLE_PLAIN)
        return NULL;
    static const char *const bools[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No",
                                        "NO", "on", "On", "ON", "off", "Off", "OFF"};
    for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++)
        if (strlen(bools[i]) == len && memcmp(bools[i], t, len) == 0)
            return "a boolean";
    if (len > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9')
        return "an octal number";
    if (memchr(t, '_', len) && sts_node_get_type(n) != STS_NODE_STRING)
        return "a number (underscores are dropped)";
    if (len > 2 && t[0] == '0' && (t[1] == 'b' || t[1] == 'B'))
        return "a binary number";
    return NULL;
}

void lint_types(lint_ctx *c, const sts_object *obj)
{
    sts_error *errs = NULL;
    int rc = sts_object_check(obj, &errs);
    if (rc == STS_ENOMEM) {
        sts_error_free(errs);
        c->rc = rc;
        return;
    }
    for (const sts_error *e = errs; e; e = sts_error_next(e)) {
        sts_node *n = NULL;
        const char *path = sts_error_path(e);
        sts_object_get(&n, obj, path, NULL);
        const char *reading = n ? yaml11_reading(n) : NULL;
        size_t len = 0;
        const char *text = reading ? sts_node_get_text(n, &len) : NULL;
        if (reading)
            lint_add(c, R_YAML11, n, path,
                     "%s: the unquoted %.*s is read as %s (YAML 1.1, as kubectl reads it), not "
                     "a string: %s",
                     sts_object_name(obj), (int)len, text, reading, sts_error_message(e));
        else {
            sts_error *copy;
            if (sts_error_new(&copy, sts_error_code(e), sts_error_message(e), path,
                              sts_error_line(e), sts_error_column(e), sts_error_offset(e))) {
                c->rc = STS_ENOMEM;
                break;
            }
            lint_adopt(c, R_WRONG_TYPE, copy);
        }
    }
    sts_error_free(errs);
}
