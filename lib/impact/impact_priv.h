/* Private declarations of the rollout-impact area (lib/impact/). */
#ifndef STS_IMPACT_PRIV_H
#define STS_IMPACT_PRIV_H

#include "../internal.h"
#include "statefulset/impact.h"

#define IMP_GROUPS 6 /* sts_impact_pod_group values 1..5 index the array */

typedef struct imp_change {
    const char *path;
    sts_impact_effect effect;
    const char *old_value, *new_value; /* compact JSON, NULL when absent */
    sts_node *old_node, *new_node;     /* copies in sts_impact.values (nullable) */
    const char *explanation;
    const char *top;                   /* top-level key below spec ("replicas"), or "metadata" */
} imp_change;

typedef struct imp_pod {
    const char *name;
    int32_t ordinal;
    uint32_t batch;
    const char *from, *to, *reason;
} imp_pod;

typedef struct imp_pods {
    imp_pod *v;
    size_t n, cap;
} imp_pods;

struct sts_impact {
    sts_arena *arena;
    sts_doc *values;
    int oom;
    const char *name, *ns, *version;
    uint32_t minor;
    bool allowed;
    sts_error *errors;
    const char *workaround;
    bool template_changed, new_revision;
    const char *old_rev, *new_rev, *rollback;
    imp_change *changes;
    size_t nchanges, capchanges;
    imp_pods groups[IMP_GROUPS];
    uint32_t batches;
    bool completes;
    const char *completes_reason;
    /* the rollout settings of the new object, for the renderers */
    const char *strategy, *policy, *when_scaled;
    bool has_rolling;
    int32_t partition, start, replicas, min_ready;
    int32_t max_unavailable; /* 0: classic path (gate off), one pod at a time */
    bool gate_max_unavailable;
};

/* ---- result.c ---- */
int imp_new(sts_impact **out);
/* A copy of s in the result's arena; "" for NULL. Sets imp->oom on failure. */
const char *imp_str(sts_impact *imp, const char *s);
const char *imp_strn(sts_impact *imp, const char *s, size_t len);
const char *imp_printf(sts_impact *imp, const char *fmt, ...) STS__PRINTF(2, 3);
imp_change *imp_add_change(sts_impact *imp);
imp_pod *imp_add_pod(sts_impact *imp, sts_impact_pod_group group);
const imp_pods *imp_group(const sts_impact *imp, sts_impact_pod_group group);

/* ---- tree.c: structural diff ---- */
/* Called for each differing leaf; a or b NULL when absent (null counts as absent). */
typedef int (*imp_leaf_fn)(void *ud, const char *path, const sts_node *a, const sts_node *b);
int imp_tree_diff(const sts_node *a, const sts_node *b, sts_buf *path, imp_leaf_fn fn, void *ud);
bool imp_absent(const sts_node *n);

/* ---- settings.c: the parts of a (defaulted) set the rollout reads ---- */
typedef struct imp_settings {
    const char *strategy, *policy, *when_scaled;
    bool has_rolling;
    int32_t partition, start, replicas, min_ready;
    bool has_max_unavailable;
    int32_t mu_value;
    int mu_percent;
} imp_settings;
void imp_read_settings(imp_settings *s, const sts_object *sts);
/* getStatefulSetMaxUnavailable: int as-is, percent of replicas rounded down, min 1. */
int32_t imp_max_unavailable(const imp_settings *s);

/* ---- plan.c: which pods change ---- */
typedef struct imp_pod_in {
    int32_t ordinal;
    const char *rev;
} imp_pod_in;

typedef struct imp_plan_in {
    const sts_object *set;       /* the new set (names) */
    imp_settings s;
    const imp_pod_in *pods;      /* existing pods (any order) */
    size_t npods;
    const char *update_rev;      /* N */
    const char *current_rev;     /* status.currentRevision for placeholders */
    int32_t current_replicas;    /* status.currentReplicas at the start */
    bool revision_moved;         /* the update revision changes */
} imp_plan_in;
int imp_plan(sts_impact *imp, const imp_plan_in *in);

/* ---- revs.c: revisions under a version ---- */
/* Revision bytes of a defaulted set as `version`'s controller computes them. */
int imp_bytes(sts_buf *out, const sts_object *defaulted, const char *version, sts_error **err);
/* `<name>-<hash(data + cc)>` into the arena. */
const char *imp_rev_name(sts_impact *imp, const char *set_name, const sts_buf *bytes, int32_t cc);
/* status string field or NULL when absent/empty. */
const char *imp_status_str(const sts_object *sts, const char *field);
int32_t imp_collision_count(const sts_object *sts);
/* 1 when obj is a ControllerRevision of set. */
bool imp_revision_of(const sts_object *rev, const sts_object *set);
/* 1 when obj is a Pod of set (canonical name); *ordinal set. */
bool imp_pod_of(const sts_object *pod, const sts_object *set, int32_t *ordinal);
const char *imp_effective_ns(const sts_object *obj);

/* ---- pods.c: the existing pods and the plan for one set ---- */
/* Existing pods of `set` (Pods among `objects`, else old's status, else
 * every ordinal of `old` at old_rev), then imp_plan for `newd` towards
 * imp->new_rev. `old` may be NULL (create). */
int imp_plan_pods(sts_impact *imp, const sts_object *old, const sts_object *newd,
                  const sts_object_list *objects);

/* ---- diff.c, shared with upgrade.c ---- */
void imp_keep_settings(sts_impact *imp, const sts_object *newd);
int imp_load_opts(sts_impact_opts *o, const sts_impact_opts *opts, sts_error **err);
int imp_load_version(sts_impact *imp, bool *semantic, const sts_api_opts *api, sts_error **err);
/* Sets imp->new_rev / rollback / new_revision from the objects' revisions
 * (imp->old_rev and template_changed must be set). */
int imp_resolve_revision(sts_impact *imp, const sts_object *old, const sts_object *newd,
                         const sts_buf *bytes, const sts_impact_opts *o, bool semantic,
                         sts_error **err);
bool imp_buf_eq(const sts_buf *a, const sts_buf *b);

/* ---- explain.c ---- */
int imp_explain(sts_impact *imp, const sts_object *old_set);

/* ---- render helpers (format.c) ---- */
const char *imp_effect_name(sts_impact_effect e);
const char *imp_group_name(sts_impact_pod_group g);
int imp_doc_fill(sts_doc *doc, sts_node *map, const sts_impact *imp);

#endif
