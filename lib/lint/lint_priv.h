/* Private to lib/lint. */
#ifndef STS_LINT_PRIV_H
#define STS_LINT_PRIV_H

#include "../internal.h"
#include "statefulset/api.h"

/* Rule indexes into the table in rules.c; IDs are stable, never reused. */
enum lint_rule {
    R_WRONG_TYPE,          /* STS100 */
    R_SERVICE_MISSING,     /* STS101 */
    R_SERVICE_NOT_HEADLESS,
    R_SERVICE_NOT_SELECTING,
    R_SERVICE_OTHER_NAMESPACE,
    R_SET_NAME_LONG,       /* STS105 */
    R_POD_NAME_LONG,
    R_CLAIM_COLLISION,
    R_MOUNT_UNKNOWN,
    R_CLAIM_NO_STORAGE,
    R_CLAIM_NO_ACCESS_MODES, /* STS110 */
    R_YAML11,
    R_NO_READINESS,
    R_PARTITION_STUCK,
    R_MAX_UNAVAILABLE_DROPPED,
    R_NOT_READY_UNPUBLISHED, /* STS115 */
    R_NO_SPREAD,
    R_NO_SERVICE_NAME,
    R_CLAIM_NAME_LONG,
    R_COUNT
};

typedef struct lint_ctx {
    const sts_object_list *objects;
    const sts_lint_opts *opts;
    sts_error *findings;
    int count;
    int rc; /* first hard failure (STS_ENOMEM) */
} lint_ctx;

int lint_rule_enabled(const lint_ctx *c, enum lint_rule r);
/* Record a finding at a node (nullable) with a field path (nullable). */
void lint_add(lint_ctx *c, enum lint_rule r, const sts_node *at, const char *path,
              const char *fmt, ...) STS__PRINTF(5, 6);
/* Adopt problems made by a checker (sts_error chain), tagging them with r. */
void lint_adopt(lint_ctx *c, enum lint_rule r, sts_error *problems);

void lint_types(lint_ctx *c, const sts_object *obj);
void lint_service(lint_ctx *c, const sts_object *sts);
void lint_storage(lint_ctx *c, const sts_object *sts);
void lint_rollout(lint_ctx *c, const sts_object *sts);

#endif
