/* The lint driver: per-object rules, then rules across objects. */
#include <string.h>

#include "lint_priv.h"
#include "../api/api_priv.h"

int sts_lint(sts_error **findings, const sts_object_list *objects, const sts_lint_opts *opts)
{
    if (!findings || !objects)
        return STS_EINVAL;
    sts_lint_opts o;
    sts_lint_opts_init(&o);
    if (opts)
        memcpy(&o, opts, opts->sz < sizeof o ? opts->sz : sizeof o);
    sts__api_ctx api; /* an unknown version or gate is an error, not a guess */
    int rc = sts__api_ctx_init(&api, o.api, NULL);
    if (rc)
        return rc;
    lint_ctx c = {objects, &o, NULL, 0, 0};
    for (size_t i = 0; i < sts_object_list_count(objects); i++) {
        const sts_object *obj = sts_object_list_at(objects, i);
        lint_types(&c, obj);
        if (sts_object_kind(obj) != STS_KIND_STATEFULSET)
            continue;
        lint_service(&c, obj);
        lint_storage(&c, obj);
        lint_rollout(&c, obj);
    }
    sts_error *collisions = NULL;
    if (sts_check_claim_collisions(&collisions, objects) < 0 && !c.rc)
        c.rc = STS_ENOMEM;
    lint_adopt(&c, R_CLAIM_COLLISION, collisions);
    if (c.rc) {
        sts_error_free(c.findings);
        return c.rc;
    }
    sts_error_append(findings, c.findings);
    return c.count;
}
