/* FNV-1 hash, the "safe" encoding of its decimal sum, and revision names
 * (history.HashControllerRevision / ControllerRevisionName). */
#include <stdio.h>
#include <string.h>

#include "revision_priv.h"

/* apimachinery's rand.SafeEncodeString alphabet: no vowels, no 0/1/3. */
static const char safe_alphabet[] = "bcdfghjklmnpqrstvwxz2456789";

/* Revision names keep at most this many bytes of the set name, so that
 * name + "-" + a 10-character hash stays within 253 minus room for suffixes. */
#define NAME_PREFIX_MAX 223

uint32_t sts_fnv1_32(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h *= 16777619u; /* FNV-1: multiply first, then XOR (1a is the other way) */
        h ^= p[i];
    }
    return h;
}

int sts__revision_copy_out(char *out, size_t size, const char *s, size_t len)
{
    if (!out && size)
        return STS_EINVAL;
    if (len > (size_t)INT32_MAX)
        return STS_ERANGE;
    if (size) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return (int)len;
}

int sts_revision_hash_data(char *out, size_t size, const char *data, size_t len,
                           int32_t collision_count)
{
    if (!data && len)
        return STS_EINVAL;
    /* the hash input is the data followed by the decimal collision count */
    char cc[16];
    int cclen = snprintf(cc, sizeof cc, "%ld", (long)collision_count);
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)data;
    for (size_t i = 0; i < len; i++)
        h = (h * 16777619u) ^ p[i];
    for (int i = 0; i < cclen; i++)
        h = (h * 16777619u) ^ (unsigned char)cc[i];
    char hash[STS_REVISION_HASH_MAX + 1];
    int n = snprintf(hash, sizeof hash, "%lu", (unsigned long)h);
    for (int i = 0; i < n; i++)
        hash[i] = safe_alphabet[(unsigned char)hash[i] % 27];
    return sts__revision_copy_out(out, size, hash, (size_t)n);
}

int sts_revision_name_from_hash(char *out, size_t size, const char *set_name,
                                size_t set_name_len, const char *hash, size_t hash_len)
{
    if ((!set_name && set_name_len) || (!hash && hash_len) || (!out && size))
        return STS_EINVAL;
    /* truncation is by bytes, as Go slices strings (it may split a UTF-8
     * character; names are DNS labels in practice, so this never matters) */
    size_t pre = set_name_len > NAME_PREFIX_MAX ? NAME_PREFIX_MAX : set_name_len;
    size_t total = pre + 1 + hash_len;
    if (total > (size_t)INT32_MAX)
        return STS_ERANGE;
    if (size) {
        size_t room = size - 1, w = 0;
        const char *parts[3] = {set_name, "-", hash};
        size_t lens[3] = {pre, 1, hash_len};
        for (int i = 0; i < 3 && w < room; i++) {
            size_t n = lens[i] < room - w ? lens[i] : room - w;
            if (n)
                memcpy(out + w, parts[i], n);
            w += n;
        }
        out[w] = '\0';
    }
    return (int)total;
}
