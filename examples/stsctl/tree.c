/* Building output documents in code and printing them with the library's
 * serializers, so quoting and escaping are the library's (and kubectl's),
 * never hand-made. The builder latches the first failure so callers can
 * chain calls and check once at the end. */
#include <string.h>

#include "stsctl.h"

int stsctl_tree_init(stsctl_tree *t)
{
    t->rc = sts_doc_new(&t->doc);
    if (t->rc)
        t->doc = NULL;
    return t->rc;
}

void stsctl_tree_dispose(stsctl_tree *t)
{
    sts_doc_free(t->doc);
    t->doc = NULL;
}

sts_node *stsctl_tree_map(stsctl_tree *t)
{
    sts_node *n = NULL;
    if (!t->rc)
        t->rc = sts_doc_new_map(&n, t->doc);
    return n;
}

sts_node *stsctl_tree_seq(stsctl_tree *t)
{
    sts_node *n = NULL;
    if (!t->rc)
        t->rc = sts_doc_new_seq(&n, t->doc);
    return n;
}

sts_node *stsctl_tree_str(stsctl_tree *t, const char *s)
{
    sts_node *n = NULL;
    if (!t->rc)
        t->rc = s ? sts_doc_new_string(&n, t->doc, s, strlen(s)) : sts_doc_new_null(&n, t->doc);
    return n;
}

sts_node *stsctl_tree_int(stsctl_tree *t, int64_t v)
{
    sts_node *n = NULL;
    if (!t->rc)
        t->rc = sts_doc_new_int(&n, t->doc, v);
    return n;
}

sts_node *stsctl_tree_copy(stsctl_tree *t, const sts_node *src)
{
    sts_node *n = NULL;
    if (!t->rc)
        t->rc = sts_doc_copy_node(&n, t->doc, src);
    return n;
}

void stsctl_tree_set(stsctl_tree *t, sts_node *map, const char *key, sts_node *value)
{
    if (!t->rc)
        t->rc = sts_node_map_set(map, key, strlen(key), value);
}

void stsctl_tree_push(stsctl_tree *t, sts_node *seq, sts_node *item)
{
    if (!t->rc)
        t->rc = sts_node_seq_append(seq, item);
}

int stsctl_emit(stsctl *ctl, const stsctl_command *cmd, const char *format,
                const sts_node *const *roots, size_t count, uint32_t flags)
{
    sts_encode_opts enc = STS_ENCODE_OPTS_INIT;
    enc.style = STS_ENCODE_KUBECTL; /* sorted keys, as `kubectl get -o` prints */
    enc.flags = flags;
    sts_buf buf = STS_BUF_INIT;
    sts_error *err = NULL;
    int status = 0, rc = sts_encode(&buf, ctl->reg, format, roots, count, &enc, &err);
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
