/**
 * @file common.h
 * @brief Export macros, status codes and library-owned memory.
 *
 * Every fallible function returns an int: 0 on success, a negative STS_E*
 * code on failure. Codes are part of the ABI: never renumbered, never reused.
 */
#ifndef STATEFULSET_COMMON_H
#define STATEFULSET_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define STS_API __declspec(dllimport)
#elif defined(STS_BUILDING_LIBRARY)
#define STS_API __attribute__((visibility("default")))
#else
#define STS_API
#endif

#ifdef __cplusplus
#define STS_BEGIN_DECLS extern "C" {
#define STS_END_DECLS }
#else
#define STS_BEGIN_DECLS
#define STS_END_DECLS
#endif

STS_BEGIN_DECLS

/** Status codes. 0 is success; failures are negative. @since 0.1 */
typedef enum sts_status {
    STS_OK = 0,
    STS_ENOMEM = -1,       /**< out of memory */
    STS_EINVAL = -2,       /**< invalid argument (NULL object, bad option, wrong kind) */
    STS_EPARSE = -3,       /**< malformed input bytes (syntax) */
    STS_ETYPE = -4,        /**< a value has the wrong type for its field */
    STS_EVALIDATION = -5,  /**< the object is invalid for the Kubernetes API */
    STS_ENOTFOUND = -6,    /**< no such field, format, object or plugin */
    STS_EUNSUPPORTED = -7, /**< the operation is not supported (e.g. decode on an encode-only plugin) */
    STS_ELIMIT = -8,       /**< a configured limit was exceeded (depth, aliases, size) */
    STS_ERANGE = -9,       /**< a number is out of range for its field */
    STS_EVERSION = -10,    /**< unknown or incompatible version (plugin ABI, Kubernetes) */
    STS_EIO = -11,         /**< reading or writing failed */
    STS_EEXISTS = -12,     /**< already present (e.g. a serializer name) */
    STS_ESTATUS_FORCE_32BIT = 0x7fffffff
} sts_status;

/**
 * @brief Static description of a status code ("out of memory").
 * @return (transfer none) never NULL; "unknown error" for unknown codes.
 * @since 0.1
 */
STS_API const char *sts_strerror(int code);

/**
 * @brief Symbolic name of a status code ("STS_ENOMEM"), for bindings.
 * @return (transfer none) never NULL; "STS_UNKNOWN" for unknown codes.
 * @since 0.1
 */
STS_API const char *sts_status_name(int code);

/**
 * @brief Release memory the library handed to the caller (NULL-safe).
 * @since 0.1
 */
STS_API void sts_free(void *ptr);

/** @brief Runtime version string, e.g. "0.1.0". @since 0.1 */
STS_API const char *sts_version_string(void);

/** @brief Runtime version number, major*10000 + minor*100 + patch. @since 0.1 */
STS_API uint32_t sts_version_number(void);

STS_END_DECLS

#endif
