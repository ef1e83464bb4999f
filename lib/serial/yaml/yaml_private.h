/* Private declarations of the built-in YAML serializer (lib/serial/yaml/). */
#ifndef STS_YAML_PRIVATE_H
#define STS_YAML_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "../../internal.h"

/* What a scalar means to Kubernetes (go-yaml v2 resolution, YAML 1.1). */
typedef struct sts__yaml_value {
    sts_node_type type; /* NULL, BOOL, INT, FLOAT or STRING */
    int b;
    int64_t i;
    double f;
    int is_uint;        /* INT beyond int64 but within uint64 (kept as FLOAT in the tree) */
} sts__yaml_value;

/* Resolve an untagged plain scalar. */
void sts__yaml_resolve_plain(sts__yaml_value *out, const char *s, size_t n);

/* Can a plain scalar starting with byte @p c be anything but a string?
 * (digits, + - . ~ and the first letters of y/yes/n/no/on/off/true/false/
 * null, as go-yaml v2's resolve table hints). Most keys and names fail this
 * one test, so the decoder checks it before calling the resolver. */
static inline int sts__yaml_plain_may_resolve(unsigned char c)
{
#define STS__B(ch) (1ull << ((ch) & 63))
    static const uint64_t lo = STS__B('+') | STS__B('-') | STS__B('.') | STS__B('0') | STS__B('1') |
                               STS__B('2') | STS__B('3') | STS__B('4') | STS__B('5') | STS__B('6') |
                               STS__B('7') | STS__B('8') | STS__B('9');
    static const uint64_t hi = STS__B('F') | STS__B('N') | STS__B('O') | STS__B('T') | STS__B('Y') |
                               STS__B('f') | STS__B('n') | STS__B('o') | STS__B('t') | STS__B('y') |
                               STS__B('~');
#undef STS__B
    return c < 64 ? (int)((lo >> c) & 1) : c < 128 ? (int)((hi >> (c - 64)) & 1) : 0;
}

/* Would go-yaml v2 print @p s unquoted and read it back as something other
 * than a string (a bool, number, null, timestamp or base-60 float)? */
int sts__yaml_string_needs_quotes(const char *s, size_t n);

/* Go's strconv.FormatFloat(f, 'g', -1, bits) with YAML's .inf/.nan names.
 * Writes at most 32 bytes plus NUL; returns the length. */
size_t sts__yaml_format_float(char *out, double f, int bits);

/* A float as `kubectl get -o yaml` prints it (JSON number re-read as YAML). */
size_t sts__yaml_format_kubectl_float(char *out, double f);

/* Map key text for a resolved non-string scalar, as sigs.k8s.io/yaml turns
 * keys into JSON object keys. Returns the length, or 0 with *why set when
 * kubectl refuses the key. @p out has room for 40 bytes. */
size_t sts__yaml_key_text(char *out, const sts__yaml_value *v, const char **why);

/* Base64 for !!binary; returns decoded length or (size_t)-1. out needs n bytes. */
size_t sts__yaml_base64_decode(unsigned char *out, const char *s, size_t n);

/* The serializer's callbacks (yaml_decode.c, yaml_encode.c). */
int sts__yaml_decode(void *userdata, sts_doclist *out, const char *data, size_t len,
                     const sts_decode_opts *opts, sts_error **err);
int sts__yaml_encode(void *userdata, sts_buf *out, const sts_node *const *roots, size_t count,
                     const sts_encode_opts *opts, sts_error **err);

#endif
