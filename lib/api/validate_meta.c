/* ObjectMeta validation (apimachinery api/validation/objectmeta.go) and
 * label/annotation maps. Maps are walked in document order (Go walks them
 * in random order). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "api_priv.h"

#define TOTAL_ANNOTATION_SIZE (256 * 1024)

typedef struct invalid_ctx {
    sts__verrs *v;
    const char *path;
    const char *value;  /* rendered bad value */
} invalid_ctx;

static void invalid_msg(void *ud, const char *msg)
{
    invalid_ctx *c = ud;
    sts__verr(c->v, STS_FIELD_ERROR_INVALID, c->path, c->value, msg);
}

/* Run a string check and report each message as Invalid(path, %q value). */
void sts__check_str(sts__verrs *v, const char *path, const char *s, size_t n,
                      void (*check)(const char *, size_t, sts__msg_fn, void *))
{
    sts_buf q = STS_BUF_INIT;
    if ((v->rc = v->rc ? v->rc : sts__go_quote(&q, s, n)) == 0) {
        invalid_ctx c = {v, path, q.data};
        check(s, n, invalid_msg, &c);
    }
    sts_buf_dispose(&q);
}

void sts__validate_labels(sts__verrs *v, const sts_node *labels, const char *path)
{
    if (!labels || sts_node_get_type(labels) != STS_NODE_MAP)
        return;
    for (size_t i = 0; i < sts_node_count(labels); i++) {
        const char *k, *val;
        size_t kl, vl = 0;
        if (sts_node_get_string(&k, &kl, sts_node_map_key_at(labels, i)))
            continue;
        sts__check_str(v, path, k, kl, sts__is_qualified_name);
        val = sts__api_scalar(sts_node_map_value_at(labels, i), &vl);
        sts__check_str(v, path, val ? val : "", val ? vl : 0, sts__is_label_value);
    }
}

void sts__validate_annotations(sts__verrs *v, const sts_node *ann, const char *path)
{
    if (!ann || sts_node_get_type(ann) != STS_NODE_MAP)
        return;
    uint64_t total = 0;
    for (size_t i = 0; i < sts_node_count(ann); i++) {
        const char *k, *val;
        size_t kl, vl = 0;
        if (sts_node_get_string(&k, &kl, sts_node_map_key_at(ann, i)))
            continue;
        val = sts__api_scalar(sts_node_map_value_at(ann, i), &vl);
        total += kl + (val ? vl : 0);
        /* the key is checked lower-cased, the error shows it as written */
        char *low = malloc(kl + 1);
        if (!low) {
            v->rc = STS_ENOMEM;
            return;
        }
        for (size_t j = 0; j < kl; j++)
            low[j] = (char)tolower((unsigned char)k[j]);
        sts_buf q = STS_BUF_INIT;
        if (!(v->rc = v->rc ? v->rc : sts__go_quote(&q, k, kl))) {
            invalid_ctx c = {v, path, q.data};
            sts__is_qualified_name(low, kl, invalid_msg, &c);
        }
        sts_buf_dispose(&q);
        free(low);
    }
    if (total > TOTAL_ANNOTATION_SIZE)
        /* field.TooLong(path, "", 262144) [inferred: wording of newer apimachinery] */
        sts__verr(v, STS_FIELD_ERROR_TOO_LONG, path, NULL, "may not be more than 262144 bytes");
}

void sts__validate_object_meta(sts__verrs *v, const sts_node *meta, bool namespaced,
                               const sts__api_ctx *ctx)
{
    (void)ctx;
    size_t gl = 0, nl = 0, sl = 0;
    const char *gen = sts__api_str(meta, "generateName", &gl);
    if (gen && gl) {
        /* NameIsDNSLabel(prefix=true): a trailing '-' is masked */
        size_t ml = gl;
        char *m = malloc(gl + 1);
        if (!m) {
            v->rc = STS_ENOMEM;
            return;
        }
        memcpy(m, gen, gl);
        if (m[ml - 1] == '-')
            m[ml - 1] = 'a';
        sts_buf q = STS_BUF_INIT;
        if (!(v->rc = v->rc ? v->rc : sts__go_quote(&q, gen, gl))) {
            invalid_ctx c = {v, "metadata.generateName", q.data};
            sts__is_dns1123_label(m, ml, invalid_msg, &c);
        }
        sts_buf_dispose(&q);
        free(m);
    }
    const char *name = sts__api_str(meta, "name", &nl);
    if (!name || nl == 0)
        sts__verr(v, STS_FIELD_ERROR_REQUIRED, "metadata.name", NULL,
                  "name or generateName is required");
    else
        sts__check_str(v, "metadata.name", name, nl, sts__is_dns1123_label);
    if (namespaced) {
        /* An absent namespace is the request's: kubectl sends the context's
         * namespace (default "default") with every manifest that has none.
         * An explicit "" is what the server itself would see empty. */
        const char *ns = sts__api_str(meta, "namespace", &sl);
        if (ns && sl == 0)
            sts__verr(v, STS_FIELD_ERROR_REQUIRED, "metadata.namespace", NULL, "");
        else if (ns)
            sts__check_str(v, "metadata.namespace", ns, sl, sts__is_dns1123_label);
    }
    int64_t g;
    if (sts__api_int(&g, meta, "generation") && g < 0)
        sts__verr_int(v, STS_FIELD_ERROR_INVALID, "metadata.generation", g,
                      "must be greater than or equal to 0");
    sts__validate_labels(v, sts__api_get(meta, "labels"), "metadata.labels");
    sts__validate_annotations(v, sts__api_get(meta, "annotations"), "metadata.annotations");
}

static void immutable(sts__verrs *v, const sts_node *meta, const sts_node *old, const char *key,
                      const char *path)
{
    sts_node *a = sts__api_get(meta, key), *b = sts__api_get(old, key);
    size_t al = 0, bl = 0;
    const char *as = sts__api_str(meta, key, &al), *bs = sts__api_str(old, key, &bl);
    bool same = (!a && !b) || (a && b && sts_node_equal(a, b)) ||
                (!as && !a && bs && bl == 0) || (!bs && !b && as && al == 0);
    if (!same)
        sts__verr_str(v, STS_FIELD_ERROR_INVALID, path, as ? as : "", as ? al : 0,
                      "field is immutable");
}

void sts__validate_object_meta_update(sts__verrs *v, const sts_node *meta, const sts_node *old)
{
    /* resourceVersion ("must be specified for an update") and generation
     * are server-managed: not checked offline */
    immutable(v, meta, old, "name", "metadata.name");
    if (sts__api_str(meta, "namespace", NULL)) /* absent: the request's namespace */
        immutable(v, meta, old, "namespace", "metadata.namespace");
    immutable(v, meta, old, "uid", "metadata.uid");
    sts__validate_labels(v, sts__api_get(meta, "labels"), "metadata.labels");
    sts__validate_annotations(v, sts__api_get(meta, "annotations"), "metadata.annotations");
}
