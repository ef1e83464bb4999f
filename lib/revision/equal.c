/* Revision equality (history.EqualRevision) and ApplyRevision. */
#include <string.h>

#include "revision_priv.h"

/* strconv.ParseInt(s, 10, 32): optional sign, at least one digit, no
 * underscores, within int32. Revision hashes use the digits 4-9 and the
 * letters b c d f, so only all-digit hashes ("456") parse. */
static int parse_int32(int64_t *v, const char *s, size_t len)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (i == len)
        return -1;
    int64_t x = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        x = x * 10 + (s[i] - '0');
        if (x > 2147483648LL)
            return -1;
    }
    if (neg)
        x = -x;
    if (x > INT32_MAX)
        return -1;
    *v = x;
    return 0;
}

static int hash_label(int64_t *v, const sts_node *root)
{
    const sts_node *labels = sts_node_map_get(sts_node_map_get(root, "metadata", 8), "labels", 6);
    const char *s;
    size_t len;
    if (sts_node_get_string(&s, &len, sts_node_map_get(labels, STS_REVISION_HASH_LABEL,
                                                        strlen(STS_REVISION_HASH_LABEL))))
        return -1;
    return parse_int32(v, s, len);
}

int sts_revision_equal(const sts_object *a, const sts_object *b, sts_error **err)
{
    const sts_node *ra = a ? sts_object_root(a) : NULL, *rb = b ? sts_object_root(b) : NULL;
    if (!ra || !rb)
        return ra == rb; /* lhs == rhs for nil revisions */
    int64_t ha, hb;
    if (!hash_label(&ha, ra) && !hash_label(&hb, rb) && ha != hb)
        return 0;
    const sts_node *da = sts_node_map_get(ra, "data", 4), *db = sts_node_map_get(rb, "data", 4);
    if (!da || !db)
        return !da && !db; /* no raw bytes on one side */
    sts_buf ba = STS_BUF_INIT, bb = STS_BUF_INIT;
    int rc = sts_revision_canonical_json(&ba, da, err);
    if (!rc)
        rc = sts_revision_canonical_json(&bb, db, err);
    if (!rc)
        rc = ba.len == bb.len && (!ba.len || !memcmp(ba.data, bb.data, ba.len));
    sts_buf_dispose(&ba);
    sts_buf_dispose(&bb);
    return rc;
}

int sts_revision_apply(sts_object **out, const sts_object *sts, const sts_object *rev,
                       sts_error **err)
{
    if (!out || !sts || !rev)
        return sts__err(err, STS_EINVAL, "NULL argument");
    const sts_node *data = sts_node_map_get(sts_object_root(rev), "data", 4);
    if (!data)
        return sts__err(err, STS_ENOTFOUND, "the ControllerRevision has no data");
    if (sts_node_get_type(data) != STS_NODE_MAP)
        return sts__err_node(err, STS_ETYPE, data, "data", "expected a map, found %s",
                             sts_node_type_name(sts_node_get_type(data)));
    const sts_node *spec = sts_node_map_get(data, "spec", 4);
    const sts_node *tmpl = sts_node_map_get(spec, "template", 8);
    if (!tmpl)
        return sts__err_node(err, STS_ENOTFOUND, data, "data.spec.template",
                             "the revision data has no spec.template");
    if (sts_node_get_type(tmpl) != STS_NODE_MAP)
        return sts__err_node(err, STS_ETYPE, tmpl, "data.spec.template", "expected a map, found %s",
                             sts_node_type_name(sts_node_get_type(tmpl)));
    /* StatefulSet revisions replace the template wholesale; any other patch
     * would need the full strategic-merge machinery. */
    const sts_node *directive = sts_node_map_get(tmpl, "$patch", 6);
    if (sts_node_count(data) != 1 || sts_node_count(spec) != 1 ||
        !sts__node_is_string(directive, "replace"))
        return sts__err_node(err, STS_EUNSUPPORTED, data, "data",
                             "only {\"spec\":{\"template\":{\"$patch\":\"replace\",...}}} revisions can be applied");
    sts_object *copy;
    int rc = sts_object_clone(&copy, sts, err);
    if (rc)
        return rc;
    sts_doc *doc = sts_object_doc(copy);
    sts_node *t = NULL;
    rc = sts_doc_copy_node(&t, doc, tmpl);
    if (!rc)
        rc = sts_node_map_remove(t, "$patch", 6);
    if (!rc)
        rc = sts_node_set_at(sts_object_root(copy), "spec.template", 13, t, err);
    else
        rc = sts__err(err, rc, "cannot copy the revision's template");
    if (rc) {
        sts_object_free(copy);
        return rc;
    }
    *out = copy;
    return 0;
}
