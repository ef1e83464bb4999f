/* Private declarations of the Lua core module `statefulset.core`.
 *
 * Memory model. C memory is never tied to the order in which Lua runs
 * finalizers (at lua_close every finalizer runs, in an order the program
 * does not control). Each Lua userdata therefore holds a counted reference
 * on a small malloc'd box:
 *   - lsts_reg   wraps an sts_registry; held by its Registry userdata and by
 *                every Object loaded through it;
 *   - lsts_owner wraps the sts_object_list that owns the objects of one
 *                load (or of one sts.new/clone); held by every Object in it.
 * A box is freed when its last reference goes, whichever goes last.
 * On top of that, an Object's user value points at its Registry userdata,
 * so a reachable object keeps its registry reachable for Lua code too.
 * Short-lived C results that Lua code could interrupt by raising (a list
 * of cloned objects, DNS records) sit in their own userdata with __gc.
 */
#ifndef LSTS_H
#define LSTS_H

#include <lauxlib.h>
#include <lua.h>

#include <statefulset/statefulset.h>

#define LSTS_OBJECT_MT "statefulset.Object"
#define LSTS_REGISTRY_MT "statefulset.Registry"

typedef struct lsts_reg {
    unsigned refs;
    sts_registry *reg;
} lsts_reg;

typedef struct lsts_owner {
    unsigned refs;
    sts_object_list *list;
} lsts_owner;

/* Registry userdata: box is NULL once closed. */
typedef struct lsts_registry_ud {
    lsts_reg *box;
} lsts_registry_ud;

/* Object userdata: obj is NULL once closed. User value 1: Registry userdata. */
typedef struct lsts_object_ud {
    sts_object *obj;
    lsts_owner *owner;
    lsts_reg *reg;
} lsts_object_ud;

/* ---- boxes (refs.c) ---- */
void lsts_reg_unref(lsts_reg *box);
void lsts_owner_unref(lsts_owner *owner);

/* ---- errors (errors.c) ----
 * Return `nil, message, err_table` for a failed call and free @p err.
 * @p code is used when @p err is NULL. Always returns 3. */
int lsts_fail(lua_State *L, int code, sts_error *err);
/* Push a Lua string with the buffer's bytes and dispose the buffer, without
 * leaking it if Lua raises (out of memory). */
void lsts_push_buf(lua_State *L, sts_buf *buf);
void lsts_open_errors(lua_State *L, int module);
/* Push an array of error tables (same fields as err.errors, with the
 * error metatable), one per entry of @p chain (nullable, borrowed). */
void lsts_push_error_array(lua_State *L, const sts_error *chain);
/* The same for an owned chain: freed whether or not Lua raises. */
void lsts_push_problems(lua_State *L, sts_error *owned);

/* ---- values (convert.c) ---- */
/* Push @p node (nullable) as a Lua value: maps and sequences become tables
 * marked with the Map / Array metatables, null becomes sts.null. */
void lsts_push_node(lua_State *L, const sts_node *node);
/* Build a node in @p doc from the Lua value at @p idx; raises on values
 * that have no document form (functions, cyclic tables, mixed keys). */
sts_node *lsts_to_node(lua_State *L, int idx, sts_doc *doc);
void lsts_open_convert(lua_State *L, int module);
/* Registry keys of the marker metatables. */
extern const char lsts_array_key[];
extern const char lsts_map_key[];

/* ---- options (options.c) ---- */
/* Read a decode / encode options table (nil allowed) at @p idx; unknown
 * keys raise. *format is set when the table has a `format` field. The
 * source_name string stays valid while the table is on the stack. */
void lsts_decode_opts(lua_State *L, int idx, sts_decode_opts *opts, const char **format);
void lsts_encode_opts(lua_State *L, int idx, sts_encode_opts *opts, const char **format);
/* { namespace, cluster_domain, revision, uid } -> sts_identity_opts. */
void lsts_identity_opts(lua_State *L, int idx, sts_identity_opts *opts);
/* { service, objects, cluster_domain, ttl } -> sts_dns_opts; `service` and
 * `objects` are only checked as keys here (dns.c reads them). */
void lsts_dns_opts(lua_State *L, int idx, sts_dns_opts *opts);
/* { kube_version, feature_gates, no_defaulting } plus the keys in @p extra
 * (NULL-terminated, nullable; at most 20), which the caller reads itself. */
void lsts_api_opts(lua_State *L, int idx, sts_api_opts *opts, const char *const *extra);
/* { kube_version, mode = "auto"|"live"|"authored", collision_count }. */
void lsts_revision_opts(lua_State *L, int idx, sts_revision_opts *opts);

/* ---- registries (registry.c) ---- */
void lsts_open_registry(lua_State *L, int module);
lsts_registry_ud *lsts_check_registry(lua_State *L, int idx);

/* ---- objects (object.c, accessors.c) ---- */
void lsts_open_object(lua_State *L, int module);
/* The open object at @p idx; raises when it is not one or is closed. */
sts_object *lsts_check_object(lua_State *L, int idx);
lsts_object_ud *lsts_check_object_ud(lua_State *L, int idx);
/* Push a new Object userdata (obj NULL) whose user value is the registry
 * userdata at @p reg_idx. Fill it in afterwards. */
lsts_object_ud *lsts_new_object_ud(lua_State *L, int reg_idx);
/* Like lsts_new_object_ud, sharing the registry (box and user value) of
 * the open Object at @p src_idx: works after its Registry was closed. */
lsts_object_ud *lsts_new_object_ud_like(lua_State *L, int src_idx);
/* Give @p o a list of its own holding @p obj (consumed, also on failure). */
int lsts_adopt(lsts_object_ud *o, sts_object *obj);
/* Push an array of Objects for every object of @p owner's list and drop
 * the caller's reference on @p owner (also when raising). @p src_idx: a
 * Registry userdata, or an Object whose registry the new objects share. */
int lsts_push_owner(lua_State *L, lsts_owner *owner, int src_idx);
/* Register the typed accessors into the methods table at the top. */
void lsts_register_accessors(lua_State *L);

/* ---- object arrays (lists.c) ---- */
/* The objects of the Lua array at @p idx as one sts_object_list, exactly
 * those, in order. Borrows the list of their load when the array is that
 * whole list; otherwise builds a list of clones held by a userdata (freed
 * by the collector, or earlier by lsts_release_list). Always pushes one
 * value (nil or that userdata) to keep on the stack while the list is used.
 * Non-objects raise. Returns NULL with *rc and *err set on failure. */
const sts_object_list *lsts_object_list(lua_State *L, int idx, const char *what, int *rc,
                                        sts_error **err);
/* Free a built list now (the value lsts_object_list pushed, at @p idx). */
void lsts_release_list(lua_State *L, int idx);
void lsts_open_lists(lua_State *L);

/* ---- identity and DNS (identity.c, dns.c) ---- */
/* Add functions to the module and methods to the Object method table. */
void lsts_open_identity(lua_State *L, int module);
void lsts_open_dns(lua_State *L, int module);
/* Defaults, validation, lint, quantities (api.c); revisions (revision.c);
 * rollout impact and upgrade checks (impact.c). */
void lsts_open_api(lua_State *L, int module);
void lsts_open_revision(lua_State *L, int module);
void lsts_open_impact(lua_State *L, int module);

#endif
