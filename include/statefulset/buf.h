/**
 * @file buf.h
 * @brief Growable output buffer for whole documents.
 *
 * `sts_buf` is one of the few public structs. Initialise it with
 * STS_BUF_INIT (or zero it), let the library append, read `data`/`len`,
 * release with sts_buf_dispose(). `data` is always NUL-terminated once
 * anything was written. The memory belongs to the library allocator: do
 * not free() it yourself.
 */
#ifndef STATEFULSET_BUF_H
#define STATEFULSET_BUF_H

#include "common.h"

STS_BEGIN_DECLS

typedef struct sts_buf {
    char *data;  /**< bytes written so far, NUL-terminated (nullable while empty) */
    size_t len;  /**< number of bytes, without the terminating NUL */
    size_t cap;  /**< allocated size; managed by the library */
} sts_buf;

#define STS_BUF_INIT { NULL, 0, 0 }

/** @brief Release the buffer's memory and reset it to empty (NULL-safe). @since 0.1 */
STS_API void sts_buf_dispose(sts_buf *buf);

/** @brief Append @p len bytes. @return 0 or STS_ENOMEM (buffer unchanged). @since 0.1 */
STS_API int sts_buf_append(sts_buf *buf, const char *data, size_t len);

/** @brief Make room for @p extra more bytes. @return 0 or STS_ENOMEM. @since 0.1 */
STS_API int sts_buf_reserve(sts_buf *buf, size_t extra);

/**
 * @brief Take the bytes out of the buffer; the buffer becomes empty.
 * @return (transfer full) the data, release with sts_free(); NULL if empty.
 * @since 0.1
 */
STS_API char *sts_buf_detach(sts_buf *buf);

STS_END_DECLS

#endif
