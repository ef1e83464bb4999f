/* Private declarations of the revision area (lib/revision/). */
#ifndef STS_REVISION_PRIV_H
#define STS_REVISION_PRIV_H

#include "../internal.h"
#include "statefulset/revision.h"

/* Deepest nesting the canonical encoder accepts; a tree built in code could
 * otherwise be arbitrarily deep (or even cyclic) and exhaust the stack. */
#define STS__REVISION_MAX_DEPTH 10000u

/* Longest output of sts__go_float (sign, 21 integer digits, fraction, exponent). */
#define STS__GO_FLOAT_MAX 40

/* Print @x as Go's encoding/json prints a float64 into @buf (NUL-terminated);
 * returns the length. @x must be finite. */
size_t sts__go_float(char buf[STS__GO_FLOAT_MAX], double x);

/* The Kubernetes version a computation is for. */
typedef struct sts__k8s_version {
    int major, minor;
} sts__k8s_version;

/* Options after merging the caller's (possibly older) struct with defaults. */
typedef struct sts__revision_cfg {
    sts__k8s_version version;
    uint32_t mode;      /* sts_revision_mode; AUTO still unresolved */
    uint32_t flags;
    int32_t collision_count;
} sts__revision_cfg;

int sts__revision_cfg_load(sts__revision_cfg *cfg, const sts_revision_opts *opts, sts_error **err);
/* Resolve AUTO for a StatefulSet root node: live or authored. */
uint32_t sts__revision_mode_for(const sts__revision_cfg *cfg, const sts_node *root);
/* The collision count: the option, else status.collisionCount, else 0. */
int sts__revision_collision_count(int32_t *out, const sts__revision_cfg *cfg, const sts_node *root,
                                  sts_error **err);

/* Canonical JSON of @template with "$patch":"replace" added, wrapped in
 * {"spec":{"template":...}}; appended to @out. */
int sts__revision_wrap_template(sts_buf *out, const sts_node *tmpl, sts_error **err);

/* Revision data bytes of a StatefulSet root node under @cfg. */
int sts__revision_bytes_root(sts_buf *out, const sts_node *root, const sts__revision_cfg *cfg,
                             sts_error **err);

/* The hook where the API server's defaulting of an authored StatefulSet
 * belongs (defaults.c). @root is a private copy the hook may change. */
int sts__revision_apply_server_defaults(sts_doc *scratch, sts_node *root,
                                        const sts__k8s_version *version, sts_error **err);

/* Parse canonical JSON (as written by sts_revision_canonical_json) into
 * nodes of @doc. Numbers keep their canonical text. */
int sts__revision_parse(sts_node **out, sts_doc *doc, const char *data, size_t len,
                        sts_error **err);

/* snprintf-style copy of @len bytes; returns @len or STS_EINVAL. */
int sts__revision_copy_out(char *out, size_t size, const char *s, size_t len);

#endif
