/* Revision options: Kubernetes version, live/authored mode, collision count. */
#include <string.h>

#include "revision_priv.h"

/* Releases whose serialization this library knows (statefulset-spec.md scope). */
#define MINOR_MIN 31
#define MINOR_MAX 35

void sts_revision_opts_init(sts_revision_opts *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->sz = sizeof *opts;
}

/* "1.34", "v1.34", "1.34.2" (a patch release serializes like its minor). */
static int parse_version(sts__k8s_version *v, const char *s)
{
    const char *p = s;
    if (*p == 'v')
        p++;
    int part[3] = {0, 0, 0}, parts = 0;
    while (parts < 3) {
        int digits = 0;
        long val = 0;
        while (*p >= '0' && *p <= '9' && digits < 6) {
            val = val * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits)
            return -1;
        part[parts++] = (int)val;
        if (*p != '.')
            break;
        p++;
    }
    if (*p || parts < 2)
        return -1;
    v->major = part[0];
    v->minor = part[1];
    return 0;
}

int sts__revision_cfg_load(sts__revision_cfg *cfg, const sts_revision_opts *opts, sts_error **err)
{
    sts_revision_opts o;
    sts_revision_opts_init(&o);
    if (opts) {
        if (opts->sz < offsetof(sts_revision_opts, mode))
            return sts__err(err, STS_EINVAL, "sts_revision_opts.sz is %zu; use sts_revision_opts_init()",
                            opts->sz);
        memcpy(&o, opts, opts->sz < sizeof o ? opts->sz : sizeof o);
    }
    memset(cfg, 0, sizeof *cfg);
    cfg->version.major = 1;
    cfg->version.minor = MINOR_MAX;
    if (o.kubernetes_version && *o.kubernetes_version) {
        if (parse_version(&cfg->version, o.kubernetes_version) || cfg->version.major != 1 ||
            cfg->version.minor < MINOR_MIN || cfg->version.minor > MINOR_MAX)
            return sts__err(err, STS_EVERSION,
                            "unsupported Kubernetes version \"%.40s\" (known: 1.%d to 1.%d)",
                            o.kubernetes_version, MINOR_MIN, MINOR_MAX);
    }
    if (o.mode > STS_REVISION_MODE_AUTHORED)
        return sts__err(err, STS_EINVAL, "unknown revision mode %u", (unsigned)o.mode);
    cfg->mode = o.mode;
    cfg->flags = o.flags;
    cfg->collision_count = o.collision_count;
    return 0;
}

static int present(const sts_node *root, const char *a, const char *b)
{
    const sts_node *n = sts_node_map_get(sts_node_map_get(root, a, strlen(a)), b, strlen(b));
    return n && sts_node_get_type(n) != STS_NODE_NULL;
}

uint32_t sts__revision_mode_for(const sts__revision_cfg *cfg, const sts_node *root)
{
    if (cfg->mode != STS_REVISION_MODE_AUTO)
        return cfg->mode;
    /* fields only the API server or the controller write */
    if (present(root, "status", "updateRevision") || present(root, "metadata", "uid") ||
        present(root, "metadata", "resourceVersion") ||
        present(root, "metadata", "creationTimestamp"))
        return STS_REVISION_MODE_LIVE;
    return STS_REVISION_MODE_AUTHORED;
}

int sts__revision_collision_count(int32_t *out, const sts__revision_cfg *cfg, const sts_node *root,
                                  sts_error **err)
{
    *out = 0;
    if (cfg->flags & STS_REVISION_USE_COLLISION_COUNT) {
        *out = cfg->collision_count;
        return 0;
    }
    const sts_node *n = sts_node_map_get(sts_node_map_get(root, "status", 6), "collisionCount", 14);
    switch (sts_node_get_type(n)) {
    case STS_NODE_NULL:
        return 0; /* absent or null: the controller uses 0 */
    case STS_NODE_INT:
    case STS_NODE_FLOAT: {
        double d;
        sts_node_get_float(&d, n);
        int64_t i = 0;
        if (sts_node_get_type(n) == STS_NODE_INT)
            sts_node_get_int(&i, n);
        else if (d == (double)(int64_t)d && d >= -9.2e18 && d <= 9.2e18)
            i = (int64_t)d;
        else
            return sts__err_node(err, STS_ETYPE, n, "status.collisionCount",
                                 "expected an integer, found a fractional number");
        if (i < INT32_MIN || i > INT32_MAX)
            return sts__err_node(err, STS_ERANGE, n, "status.collisionCount",
                                 "value %lld does not fit in int32", (long long)i);
        *out = (int32_t)i;
        return 0;
    }
    default:
        return sts__err_node(err, STS_ETYPE, n, "status.collisionCount",
                             "expected an integer, found %s",
                             sts_node_type_name(sts_node_get_type(n)));
    }
}
