/* Small tree helpers for defaulting and validation: Go's view of a field
 * (absent and null are both nil; "" is the zero string). */
#include <string.h>

#include "api_priv.h"

sts_node *sts__api_get(const sts_node *map, const char *key)
{
    if (!map || sts_node_get_type(map) != STS_NODE_MAP)
        return NULL;
    sts_node *v = sts_node_map_get(map, key, strlen(key));
    if (!v || sts_node_get_type(v) == STS_NODE_NULL)
        return NULL;
    return v;
}

const char *sts__api_str(const sts_node *map, const char *key, size_t *len)
{
    sts_node *v = sts__api_get(map, key);
    const char *s = NULL;
    size_t n = 0;
    if (!v || sts_node_get_string(&s, &n, v) != 0)
        return NULL;
    if (len)
        *len = n;
    return s;
}

bool sts__api_str_empty(const sts_node *map, const char *key)
{
    sts_node *v = sts__api_get(map, key);
    if (!v)
        return true;
    if (sts_node_get_type(v) != STS_NODE_STRING)
        return false;
    size_t n = 0;
    const char *s;
    sts_node_get_string(&s, &n, v);
    return n == 0;
}

const char *sts__api_scalar(const sts_node *n, size_t *len)
{
    const char *s = NULL;
    *len = 0;
    if (!n)
        return NULL;
    if (sts_node_get_type(n) == STS_NODE_STRING && sts_node_get_string(&s, len, n) == 0)
        return s;
    if (sts_node_get_type(n) == STS_NODE_MAP || sts_node_get_type(n) == STS_NODE_SEQ)
        return NULL;
    return sts_node_get_text(n, len);
}

bool sts__api_int(int64_t *out, const sts_node *map, const char *key)
{
    sts_node *v = sts__api_get(map, key);
    if (!v)
        return false;
    if (sts_node_get_int(out, v) == 0)
        return true;
    double d;
    /* YAML 3.0 and JSON 3e0 decode into int fields when integral */
    if (sts_node_get_float(&d, v) == 0 && d == (double)(int64_t)d) {
        *out = (int64_t)d;
        return true;
    }
    return false;
}

int sts__api_set_str(sts_doc *doc, sts_node *map, const char *key, const char *value)
{
    sts_node *n;
    int rc = sts_doc_new_string(&n, doc, value, strlen(value));
    return rc ? rc : sts_node_map_set(map, key, strlen(key), n);
}

int sts__api_set_int(sts_doc *doc, sts_node *map, const char *key, int64_t value)
{
    sts_node *n;
    int rc = sts_doc_new_int(&n, doc, value);
    return rc ? rc : sts_node_map_set(map, key, strlen(key), n);
}

int sts__api_set_bool(sts_doc *doc, sts_node *map, const char *key, int value)
{
    sts_node *n;
    int rc = sts_doc_new_bool(&n, doc, value);
    return rc ? rc : sts_node_map_set(map, key, strlen(key), n);
}

int sts__api_ensure_map(sts_node **out, sts_doc *doc, sts_node *map, const char *key)
{
    *out = NULL;
    if (!map || sts_node_get_type(map) != STS_NODE_MAP)
        return 0;
    sts_node *v = sts_node_map_get(map, key, strlen(key));
    if (v && sts_node_get_type(v) == STS_NODE_MAP) {
        *out = v;
        return 0;
    }
    if (v && sts_node_get_type(v) != STS_NODE_NULL)
        return 0;
    int rc = sts_doc_new_map(&v, doc);
    if (!rc)
        rc = sts_node_map_set(map, key, strlen(key), v);
    if (!rc)
        *out = v;
    return rc;
}

int sts__api_default_str(sts_doc *doc, sts_node *map, const char *key, const char *value)
{
    if (!map || sts_node_get_type(map) != STS_NODE_MAP || !sts__api_str_empty(map, key))
        return 0;
    return sts__api_set_str(doc, map, key, value);
}

int sts__api_default_ptr_int(sts_doc *doc, sts_node *map, const char *key, int64_t value)
{
    if (!map || sts_node_get_type(map) != STS_NODE_MAP || sts__api_get(map, key))
        return 0;
    return sts__api_set_int(doc, map, key, value);
}

int sts__api_default_zero_int(sts_doc *doc, sts_node *map, const char *key, int64_t value)
{
    if (!map || sts_node_get_type(map) != STS_NODE_MAP)
        return 0;
    int64_t cur;
    if (sts__api_get(map, key) && (!sts__api_int(&cur, map, key) || cur != 0))
        return 0;
    return sts__api_set_int(doc, map, key, value);
}
