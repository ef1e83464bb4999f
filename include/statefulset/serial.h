/**
 * @file serial.h
 * @brief Serializer plugins: a registry of formats that turn bytes into
 * documents and documents into bytes.
 *
 * The built-in `yaml` (libyaml) and `json` (json-c) serializers are
 * registered through sts_registry_add() exactly as a third-party plugin
 * would be. Plugins may also be loaded from a shared object that exports
 * STS_PLUGIN_ENTRY_NAME (see sts_plugin_entry_fn).
 */
#ifndef STATEFULSET_SERIAL_H
#define STATEFULSET_SERIAL_H

#include "common.h"
#include "buf.h"
#include "doc.h"
#include "error.h"

STS_BEGIN_DECLS

typedef struct sts_registry sts_registry;

/* ---- options ------------------------------------------------------------ */

/** Decoder flags. @since 0.1 */
enum {
    /** Later duplicate map keys replace earlier ones instead of failing. */
    STS_DECODE_ALLOW_DUPLICATE_KEYS = 1u << 0,
    /** Keep `kind: List` / `*List` documents whole instead of expanding items. */
    STS_DECODE_KEEP_LISTS = 1u << 1,
    /** Do not keep original scalar text and styles (faster, no byte-exact round trip). */
    STS_DECODE_NO_SOURCE_TEXT = 1u << 2,
    /** sts_load(): wrap documents without type-checking them (sts_object_check). */
    STS_DECODE_NO_TYPE_CHECK = 1u << 3
};

/**
 * Limits and flags for decoding. Zero fields mean "the default" shown.
 * Initialise with STS_DECODE_OPTS_INIT or sts_decode_opts_init().
 */
typedef struct sts_decode_opts {
    size_t sz;                    /**< sizeof(sts_decode_opts), set by the init helpers */
    const char *source_name;      /**< for error messages (nullable) */
    uint32_t flags;               /**< STS_DECODE_* */
    uint32_t max_depth;           /**< nesting depth; default 256 */
    uint64_t max_input_size;      /**< bytes of input; default 256 MiB */
    uint64_t max_scalar_size;     /**< bytes of one scalar; default 16 MiB */
    uint64_t max_alias_expansion; /**< nodes reachable through aliases, per document; default 100000 */
    uint64_t max_nodes;           /**< nodes per document (aliases expanded); default 10000000 */
    uint32_t max_documents;       /**< documents per stream; default 1000000 */
} sts_decode_opts;

#define STS_DECODE_OPTS_INIT { sizeof(sts_decode_opts), NULL, 0, 0, 0, 0, 0, 0, 0 }

#define STS_DEFAULT_MAX_DEPTH 256u
#define STS_DEFAULT_MAX_INPUT_SIZE (256ull << 20)
#define STS_DEFAULT_MAX_SCALAR_SIZE (16ull << 20)
#define STS_DEFAULT_MAX_ALIAS_EXPANSION 100000ull
#define STS_DEFAULT_MAX_NODES 10000000ull
#define STS_DEFAULT_MAX_DOCUMENTS 1000000u

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_decode_opts_init(sts_decode_opts *opts);

/** Output styles. @since 0.1 */
typedef enum sts_encode_style {
    /** Keep key order and, where known, the source's scalar text and styles. */
    STS_ENCODE_ORIGINAL = 0,
    /** As `kubectl get -o yaml|json` prints: keys sorted, canonical scalars. */
    STS_ENCODE_KUBECTL = 1,
    STS_ENCODE_STYLE_FORCE_32BIT = 0x7fffffff
} sts_encode_style;

/** Encoder flags. @since 0.1 */
enum {
    /** JSON: no whitespace at all. */
    STS_ENCODE_COMPACT = 1u << 0,
    /** Several documents: wrap them in a `kind: List` as kubectl does. */
    STS_ENCODE_AS_LIST = 1u << 1,
    /** YAML: start every document with `---`, also the first. */
    STS_ENCODE_EXPLICIT_START = 1u << 2
};

typedef struct sts_encode_opts {
    size_t sz;           /**< sizeof(sts_encode_opts) */
    uint32_t style;      /**< sts_encode_style */
    uint32_t flags;      /**< STS_ENCODE_* */
    uint32_t indent;     /**< spaces; 0 = the format's default (YAML 2, JSON 4) */
} sts_encode_opts;

#define STS_ENCODE_OPTS_INIT { sizeof(sts_encode_opts), 0, 0, 0 }

/** @brief Fill @p opts with defaults (for FFIs). @since 0.1 */
STS_API void sts_encode_opts_init(sts_encode_opts *opts);

/* ---- the plugin function table ------------------------------------------ */

/** Version of sts_serializer this library understands. @since 0.1 */
#define STS_SERIALIZER_VERSION 1u

/** Capability flags of a serializer. @since 0.1 */
enum {
    STS_SERIALIZER_DECODE = 1u << 0,
    STS_SERIALIZER_ENCODE = 1u << 1
};

/**
 * Decode @p len bytes, appending one document per input document to @p out.
 * @p opts is never NULL and has every limit filled in. On failure, leave
 * @p out as it was and set @p err (line/column where known).
 */
typedef int (*sts_decode_fn)(void *userdata, sts_doclist *out, const char *data, size_t len,
                             const sts_decode_opts *opts, sts_error **err);

/**
 * Encode @p count root nodes, appending bytes to @p out. @p opts is never
 * NULL. On failure, @p out may hold partial output; the library truncates
 * it back.
 */
typedef int (*sts_encode_fn)(void *userdata, sts_buf *out, const sts_node *const *roots,
                             size_t count, const sts_encode_opts *opts, sts_error **err);

/**
 * A serializer's function table. The registry copies it; the strings and
 * functions must stay valid while the registry lives (plugins loaded by
 * sts_registry_load_plugin stay loaded until then).
 */
typedef struct sts_serializer {
    uint32_t version;          /**< STS_SERIALIZER_VERSION */
    uint32_t flags;            /**< STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE */
    const char *name;          /**< short unique name: "yaml", "json", "zone" */
    const char *media_type;    /**< "application/yaml" */
    const char *extensions;    /**< comma-separated file name endings: "yaml,yml" (nullable) */
    void *userdata;            /**< handed to every callback */
    sts_decode_fn decode;      /**< NULL unless STS_SERIALIZER_DECODE */
    sts_encode_fn encode;      /**< NULL unless STS_SERIALIZER_ENCODE */
    void (*destroy)(void *userdata); /**< called when the registry is freed (nullable) */
} sts_serializer;

/** Name of the symbol a plugin shared object exports. @since 0.1 */
#define STS_PLUGIN_ENTRY_NAME "sts_plugin_register_v1"
/** Plugin ABI version handed to the entry point. @since 0.1 */
#define STS_PLUGIN_ABI_VERSION 1u

/**
 * Entry point of a run-time plugin: register its serializers with
 * sts_registry_add(). @p abi_version is STS_PLUGIN_ABI_VERSION of the
 * loading library; return STS_EVERSION if the plugin cannot work with it.
 */
typedef int (*sts_plugin_entry_fn)(sts_registry *reg, uint32_t abi_version, sts_error **err);

/* ---- the registry -------------------------------------------------------- */

/** Registry flags. @since 0.1 */
enum {
    /** Start empty, without the built-in yaml and json serializers. */
    STS_REGISTRY_EMPTY = 1u << 0
};

/** @brief New registry holding the built-in serializers. @since 0.1 */
STS_API int sts_registry_new(sts_registry **out, uint32_t flags, sts_error **err);
/** @brief Free the registry, call serializers' destroy, unload plugins (NULL-safe). @since 0.1 */
STS_API void sts_registry_free(sts_registry *reg);
/**
 * @brief Register a serializer (the table is copied).
 * @return 0; STS_EVERSION for an unknown table version; STS_EEXISTS for a
 * taken name; STS_EINVAL for a table without name or functions.
 * @since 0.1
 */
STS_API int sts_registry_add(sts_registry *reg, const sts_serializer *ser, sts_error **err);
/** @brief Load a plugin shared object and run its entry point. @since 0.1 */
STS_API int sts_registry_load_plugin(sts_registry *reg, const char *path, sts_error **err);
STS_API size_t sts_registry_count(const sts_registry *reg);
/** @brief Serializer @p i (transfer none). @since 0.1 */
STS_API const sts_serializer *sts_registry_at(const sts_registry *reg, size_t i);
/**
 * @brief Find a serializer by name, file extension or media type (case-insensitive).
 * @return (transfer none) NULL when none matches.
 * @since 0.1
 */
STS_API const sts_serializer *sts_registry_find(const sts_registry *reg, const char *name);
/**
 * @brief Guess the serializer for a file: by the extension of @p path if
 * any matches, else by content (`{`/`[` first means json, otherwise yaml).
 * @since 0.1
 */
STS_API const sts_serializer *sts_registry_guess(const sts_registry *reg, const char *path,
                                                 const char *data, size_t len);

/**
 * @brief Decode bytes with the named format (NULL = guess from content),
 * append documents to @p out, and expand `kind: List` documents into their
 * items unless STS_DECODE_KEEP_LISTS. On failure @p out is unchanged.
 * @param[in] opts (nullable) defaults when NULL
 * @since 0.1
 */
STS_API int sts_decode(sts_doclist *out, const sts_registry *reg, const char *format,
                       const char *data, size_t len, const sts_decode_opts *opts,
                       sts_error **err);

/**
 * @brief Encode @p count roots with the named format, appending to @p out.
 * On failure @p out is as it was.
 * @param[in] opts (nullable)
 * @since 0.1
 */
STS_API int sts_encode(sts_buf *out, const sts_registry *reg, const char *format,
                       const sts_node *const *roots, size_t count,
                       const sts_encode_opts *opts, sts_error **err);

STS_END_DECLS

#endif
