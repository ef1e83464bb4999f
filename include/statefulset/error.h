/**
 * @file error.h
 * @brief Error objects: code, message, Kubernetes field path, source position.
 *
 * Functions that can fail take `sts_error **err` as their last argument.
 * Pass NULL when not interested. On failure, `*err` receives a new error
 * chain the caller frees with sts_error_free(); on success `*err` is left
 * untouched. Several errors (e.g. every validation error) are linked
 * through sts_error_next(). The struct is opaque so it can grow without
 * breaking the ABI.
 */
#ifndef STATEFULSET_ERROR_H
#define STATEFULSET_ERROR_H

#include "common.h"
#include "buf.h"

STS_BEGIN_DECLS

typedef struct sts_error sts_error;

/** @brief The STS_E* code of this error. @since 0.1 */
STS_API int sts_error_code(const sts_error *err);
/** @brief Human-readable message (transfer none, never NULL). @since 0.1 */
STS_API const char *sts_error_message(const sts_error *err);
/**
 * @brief Kubernetes field path such as `spec.template.spec.containers[0].image`.
 * @return (transfer none) "" when the error is not about a field.
 * @since 0.1
 */
STS_API const char *sts_error_path(const sts_error *err);
/** @brief Source name (file name, "<stdin>", ...), "" when unknown. @since 0.1 */
STS_API const char *sts_error_source(const sts_error *err);
/** @brief 1-based line, 0 when unknown. @since 0.1 */
STS_API uint32_t sts_error_line(const sts_error *err);
/** @brief 1-based column, 0 when unknown. @since 0.1 */
STS_API uint32_t sts_error_column(const sts_error *err);
/** @brief 0-based byte offset in the input, UINT64_MAX when unknown. @since 0.1 */
STS_API uint64_t sts_error_offset(const sts_error *err);
/** @brief The next error of the chain, or NULL (transfer none). @since 0.1 */
STS_API const sts_error *sts_error_next(const sts_error *err);
/** @brief Number of errors in the chain starting at @p err (0 for NULL). @since 0.1 */
STS_API size_t sts_error_count(const sts_error *err);

/** @brief Free a whole chain (NULL-safe). @since 0.1 */
STS_API void sts_error_free(sts_error *err);

/**
 * @brief Create an error (for plugins and callers that report their own).
 * @param[out] out    the new error (transfer full)
 * @param[in]  code   a negative STS_E* code
 * @param[in]  message text, copied (NULL = sts_strerror(code))
 * @param[in]  path   field path, copied (nullable)
 * @param[in]  line   1-based line or 0
 * @param[in]  column 1-based column or 0
 * @param[in]  offset byte offset or UINT64_MAX
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_error_new(sts_error **out, int code, const char *message,
                          const char *path, uint32_t line, uint32_t column,
                          uint64_t offset);

/**
 * @brief Set the source name of every error in the chain that has none.
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_error_set_source(sts_error *err, const char *source);

/**
 * @brief Append @p tail (transfer full) to the end of the chain in @p *chain.
 * @since 0.1
 */
STS_API void sts_error_append(sts_error **chain, sts_error *tail);

/**
 * @brief Render one error as `SOURCE:LINE:COLUMN: message (path)`,
 * leaving out the parts that are unknown. Appends to @p out.
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_error_format(sts_buf *out, const sts_error *err);

/* ---- field errors (validation) and findings (lint) ------------------------ */

/** Field error types, as the Kubernetes API reports them. @since 0.1 */
typedef enum sts_field_error_type {
    STS_FIELD_ERROR_NONE = 0,          /**< not a field error */
    STS_FIELD_ERROR_REQUIRED = 1,      /**< "Required value" */
    STS_FIELD_ERROR_INVALID = 2,       /**< "Invalid value" */
    STS_FIELD_ERROR_NOT_SUPPORTED = 3, /**< "Unsupported value" */
    STS_FIELD_ERROR_FORBIDDEN = 4,     /**< "Forbidden" */
    STS_FIELD_ERROR_DUPLICATE = 5,     /**< "Duplicate value" */
    STS_FIELD_ERROR_TOO_LONG = 6,      /**< "Too long" */
    STS_FIELD_ERROR_NOT_FOUND = 7,     /**< "Not found" */
    STS_FIELD_ERROR_TOO_MANY = 8,      /**< "Too many" */
    STS_FIELD_ERROR_INTERNAL = 9,      /**< "Internal error" */
    STS_FIELD_ERROR_TYPE_FORCE_32BIT = 0x7fffffff
} sts_field_error_type;

/** Severity of a lint finding. @since 0.1 */
typedef enum sts_severity {
    STS_SEVERITY_NONE = 0,
    STS_SEVERITY_INFO = 1,
    STS_SEVERITY_WARNING = 2,
    STS_SEVERITY_ERROR = 3,
    STS_SEVERITY_FORCE_32BIT = 0x7fffffff
} sts_severity;

/**
 * @brief Create a field error as the API server renders it: the message is
 * `<path>: <Type>[: <value>][: <detail>]` (Required and Forbidden carry no
 * value). Code STS_EVALIDATION.
 * @param[in] bad_value the value as the server prints it (`"abc.123"`, `-1`,
 *   `map[string]string{"a":"b"}`), copied verbatim (nullable: none)
 * @since 0.1
 */
STS_API int sts_error_new_field(sts_error **out, sts_field_error_type type, const char *path,
                                const char *bad_value, const char *detail);
/** @brief The field error type, STS_FIELD_ERROR_NONE for other errors. @since 0.1 */
STS_API sts_field_error_type sts_error_field_type(const sts_error *err);
/** @brief "Invalid value", "Required value", ... ("" for NONE). @since 0.1 */
STS_API const char *sts_field_error_type_name(sts_field_error_type type);
/** @brief The rendered bad value, "" when none. @since 0.1 */
STS_API const char *sts_error_bad_value(const sts_error *err);
/** @brief The detail text of a field error, "" when none. @since 0.1 */
STS_API const char *sts_error_detail(const sts_error *err);
/**
 * @brief Mark an error as a lint finding: stable rule ID, severity, fix hint.
 * @return 0 or STS_ENOMEM
 * @since 0.1
 */
STS_API int sts_error_set_rule(sts_error *err, const char *rule_id, sts_severity severity,
                               const char *hint);
/** @brief Lint rule ID ("" when not a finding). @since 0.1 */
STS_API const char *sts_error_rule(const sts_error *err);
STS_API sts_severity sts_error_severity(const sts_error *err);
/** @brief "info", "warning", "error" ("" for NONE). @since 0.1 */
STS_API const char *sts_severity_name(sts_severity severity);
/** @brief How to fix a finding ("" when none). @since 0.1 */
STS_API const char *sts_error_hint(const sts_error *err);

STS_END_DECLS

#endif
