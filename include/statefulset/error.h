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

STS_END_DECLS

#endif
