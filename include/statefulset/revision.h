/**
 * @file revision.h
 * @brief ControllerRevisions: the canonical bytes the StatefulSet controller
 * stores, their FNV-1 hash, revision names, the ControllerRevision object,
 * revision equality and applying a revision back onto a set.
 *
 * The controller hashes `{"spec":{"template":{...,"$patch":"replace"}}}`
 * as Go's encoding/json writes it after a round trip through a generic map:
 * keys sorted bytewise, no whitespace, HTML characters and U+2028/U+2029
 * escaped, every number printed as a float64. The hash input is those bytes
 * followed by the decimal collision count; the 32-bit FNV-1 sum is written
 * in decimal and each digit mapped through the "safe" alphabet, so hashes
 * only contain `4-9`, `b`, `c`, `d`, `f`.
 *
 * Two kinds of input: a *live* object (`kubectl get statefulset -o yaml`)
 * whose template the API server already defaulted and stored, which is
 * hashed exactly as it is; and an *authored* manifest, whose template first
 * has to look the way the API server of a given Kubernetes version would
 * store it. See sts_revision_opts.
 */
#ifndef STATEFULSET_REVISION_H
#define STATEFULSET_REVISION_H

#include "common.h"
#include "buf.h"
#include "doc.h"
#include "error.h"
#include "model.h"

STS_BEGIN_DECLS

/** Label holding the revision hash on a ControllerRevision. @since 0.1 */
#define STS_REVISION_HASH_LABEL "controller.kubernetes.io/hash"

/** Longest revision hash: the decimal digits of a uint32. @since 0.1 */
#define STS_REVISION_HASH_MAX 10

/** How the StatefulSet given to the revision functions is read. @since 0.1 */
typedef enum sts_revision_mode {
    /** Live when the object has `status.updateRevision`, `metadata.uid`,
     *  `metadata.resourceVersion` or `metadata.creationTimestamp`; authored otherwise. */
    STS_REVISION_MODE_AUTO = 0,
    /** As stored by the API server: hash the template exactly as given. */
    STS_REVISION_MODE_LIVE = 1,
    /** A manifest as written: first make the template look as the API server
     *  of `kubernetes_version` stores it (version-dependent serialization). */
    STS_REVISION_MODE_AUTHORED = 2,
    STS_REVISION_MODE_FORCE_32BIT = 0x7fffffff
} sts_revision_mode;

/** Flags of sts_revision_opts. @since 0.1 */
enum {
    /** Use sts_revision_opts.collision_count instead of `status.collisionCount`. */
    STS_REVISION_USE_COLLISION_COUNT = 1u << 0
};

/**
 * Options of the revision functions. Initialise with STS_REVISION_OPTS_INIT
 * or sts_revision_opts_init(); NULL options mean all defaults.
 * @since 0.1
 */
typedef struct sts_revision_opts {
    size_t sz;                      /**< sizeof(sts_revision_opts), set by the init helpers */
    const char *kubernetes_version; /**< "1.31" … "1.35" (also "v1.34", "1.34.2"); NULL = "1.35" */
    uint32_t mode;                  /**< sts_revision_mode */
    uint32_t flags;                 /**< STS_REVISION_* */
    int32_t collision_count;        /**< used with STS_REVISION_USE_COLLISION_COUNT */
} sts_revision_opts;

#define STS_REVISION_OPTS_INIT { sizeof(sts_revision_opts), NULL, 0, 0, 0 }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_revision_opts_init(sts_revision_opts *opts);

/* ---- building blocks ------------------------------------------------------ */

/**
 * @brief 32-bit FNV-1 (multiply, then XOR; not FNV-1a) of @p len bytes.
 * @since 0.1
 */
STS_API uint32_t sts_fnv1_32(const void *data, size_t len);

/**
 * @brief Write any node as the controller's canonical JSON: what Go's
 * encoding/json prints after decoding the value into a generic map
 * (`interface{}`) and marshalling it again.
 *
 * Keys sorted bytewise (a later duplicate key wins), no whitespace, `<` `>`
 * `&` U+2028 U+2029 and control characters escaped, each invalid UTF-8 byte
 * replaced by U+FFFD, numbers printed as Go prints a float64 (`30`,
 * `123456789012345680`, `1e+21`, `1e-7`).
 * @param[out] out bytes are appended (on failure @p out is unchanged)
 * @param[in] value the node (a NULL node writes `null`)
 * @return 0, STS_ERANGE (NaN or infinity: JSON has no such number),
 *   STS_ELIMIT (nesting deeper than 10000), STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_revision_canonical_json(sts_buf *out, const sts_node *value, sts_error **err);

/**
 * @brief The revision data of a pod template taken as it is:
 * `{"spec":{"template":{<template>,"$patch":"replace"}}}` in canonical JSON.
 * This is the "live" reading; for authored manifests use sts_revision_bytes().
 * @param[in] tmpl a MAP node (`spec.template`)
 * @return 0, STS_ETYPE (not a map), or as sts_revision_canonical_json()
 * @since 0.1
 */
STS_API int sts_revision_template_bytes(sts_buf *out, const sts_node *tmpl, sts_error **err);

/**
 * @brief Revision hash of @p data followed by the decimal @p collision_count.
 *
 * snprintf semantics: writes at most @p size - 1 characters and a NUL,
 * returns the full length (1 to STS_REVISION_HASH_MAX); @p out may be NULL
 * when @p size is 0.
 * @return the length, or STS_EINVAL (NULL @p out with a nonzero size, NULL
 *   @p data with a nonzero length)
 * @since 0.1
 */
STS_API int sts_revision_hash_data(char *out, size_t size, const char *data, size_t len,
                                   int32_t collision_count);

/**
 * @brief `<set name truncated to 223 bytes>-<hash>`, snprintf semantics.
 * @return the full length, or STS_EINVAL
 * @since 0.1
 */
STS_API int sts_revision_name_from_hash(char *out, size_t size, const char *set_name,
                                        size_t set_name_len, const char *hash, size_t hash_len);

/* ---- from a StatefulSet ----------------------------------------------------- */

/**
 * @brief The revision data bytes of a StatefulSet (kind is not checked; the
 * object needs a `spec.template` map).
 * @param[out] out bytes are appended (unchanged on failure)
 * @param[in] opts (nullable) mode and Kubernetes version
 * @return 0, STS_ENOTFOUND (no `spec.template`), STS_ETYPE (not a map),
 *   STS_EVERSION (unknown Kubernetes version), STS_EINVAL (bad mode),
 *   or as sts_revision_canonical_json()
 * @since 0.1
 */
STS_API int sts_revision_bytes(sts_buf *out, const sts_object *sts, const sts_revision_opts *opts,
                               sts_error **err);

/**
 * @brief The revision hash (the `controller.kubernetes.io/hash` label), with
 * the collision count from `status.collisionCount` (0 when absent) unless
 * the options override it. snprintf semantics.
 * @return the full length, or a negative code as sts_revision_bytes()
 *   (STS_ETYPE / STS_ERANGE for a bad `status.collisionCount`)
 * @since 0.1
 */
STS_API int sts_revision_hash(char *out, size_t size, const sts_object *sts,
                              const sts_revision_opts *opts, sts_error **err);

/**
 * @brief The revision name, `<metadata.name up to 223 bytes>-<hash>`
 * (what `status.updateRevision` shows). snprintf semantics.
 * @return the full length, or a negative code as sts_revision_hash()
 * @since 0.1
 */
STS_API int sts_revision_name(char *out, size_t size, const sts_object *sts,
                              const sts_revision_opts *opts, sts_error **err);

/**
 * @brief Build the ControllerRevision the controller creates for @p sts:
 * apiVersion apps/v1, kind ControllerRevision, metadata (name, namespace,
 * labels = template labels + hash label, annotations = the set's own
 * annotations, ownerReferences = the set as controller), data (the revision
 * bytes as a tree), revision.
 *
 * Name and hash label use the same collision count here; after a name
 * collision use sts_revision_rename(), which changes only the name.
 * @param[out] out (transfer full) free with sts_object_free()
 * @param[in] revision the sequence number (1 for the first revision)
 * @return 0 or a negative code as sts_revision_hash()
 * @since 0.1
 */
STS_API int sts_revision_object(sts_object **out, const sts_object *sts, int64_t revision,
                                const sts_revision_opts *opts, sts_error **err);

/**
 * @brief Rename a ControllerRevision for another collision count, as the
 * controller does after AlreadyExists: name = `<owner name up to 223
 * bytes>-<hash(data + collision_count)>`. The hash label keeps its value
 * (upstream quirk). The owner name comes from the controller ownerReference.
 * @return 0, STS_EINVAL (no controller ownerReference name), STS_ENOTFOUND
 *   (no data), or as sts_revision_canonical_json()
 * @since 0.1
 */
STS_API int sts_revision_rename(sts_object *rev, int32_t collision_count, sts_error **err);

/**
 * @brief Revision equality as the controller decides it ("EqualRevision"):
 * when both hash labels parse as base-10 int32 and differ, not equal;
 * otherwise equal iff the canonical `data` bytes are equal.
 * @return 1 equal, 0 different, or a negative code (invalid data)
 * @since 0.1
 */
STS_API int sts_revision_equal(const sts_object *a, const sts_object *b, sts_error **err);

/**
 * @brief Apply a revision back onto a set ("ApplyRevision"): a copy of
 * @p sts whose `spec.template` is the revision's `data.spec.template`
 * (without `$patch`); everything else comes from @p sts.
 * @param[out] out (transfer full) free with sts_object_free()
 * @return 0, STS_ENOTFOUND (no `data.spec.template`), STS_ETYPE,
 *   STS_EUNSUPPORTED (data patches more than `spec.template`, or without
 *   `$patch: replace`), STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_revision_apply(sts_object **out, const sts_object *sts, const sts_object *rev,
                               sts_error **err);

STS_END_DECLS

#endif
