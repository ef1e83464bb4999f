/* Kubernetes releases and feature gates the library knows.
 *
 * Gate defaults per release (kube_features.go of each release):
 * - MaxUnavailableStatefulSet: alpha (off) 1.24..1.34, beta (on) 1.35.
 * - StatefulSetSemanticRevisionComparison: on in 1.34 (backported as beta)
 *   and 1.35, absent (off) before. */
#include <stdlib.h>
#include <string.h>

#include "api_priv.h"

#define MIN_MINOR 31u
#define MAX_MINOR 35u

void sts_api_opts_init(sts_api_opts *opts)
{
    if (!opts)
        return;
    sts_api_opts o = STS_API_OPTS_INIT;
    *opts = o;
}

const char *sts_kube_version_default(void)
{
    return "1.35";
}

/* Digits only, no sign, bounded: returns -1 when not a plain number. */
static long parse_num(const char *s, size_t len)
{
    if (len == 0 || len > 6)
        return -1;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int sts_kube_version_parse(uint32_t *minor, const char *version, sts_error **err)
{
    if (!minor || !version)
        return sts__err(err, STS_EINVAL, "sts_kube_version_parse: NULL argument");
    const char *s = version;
    if (*s == 'v')
        s++;
    /* MAJOR.MINOR[.PATCH]; a pre-release or build suffix after the patch
     * ("1.34.2-gke.100") is accepted because it names the same release. */
    const char *dot = strchr(s, '.');
    long major = dot ? parse_num(s, (size_t)(dot - s)) : -1;
    long min = -1;
    if (dot) {
        const char *m = dot + 1;
        size_t n = strcspn(m, ".");
        min = parse_num(m, n);
        if (m[n] == '.') {
            const char *p = m + n + 1;
            size_t pn = strspn(p, "0123456789");
            if (pn == 0 || (p[pn] && p[pn] != '-' && p[pn] != '+'))
                min = -1;
        }
    }
    if (major != 1 || min < 0)
        return sts__err(err, STS_EVERSION,
                        "invalid Kubernetes version \"%s\": expected 1.MINOR (e.g. \"1.35\", "
                        "\"v1.34.2\")", version);
    if (min < (long)MIN_MINOR || min > (long)MAX_MINOR)
        return sts__err(err, STS_EVERSION,
                        "unsupported Kubernetes version \"%s\": supported are 1.%u to 1.%u",
                        version, MIN_MINOR, MAX_MINOR);
    *minor = (uint32_t)min;
    return 0;
}

static const char *const gate_names[] = {"MaxUnavailableStatefulSet",
                                         "StatefulSetSemanticRevisionComparison"};

static bool gate_default(size_t gate, uint32_t minor)
{
    if (gate == 0)
        return minor >= 35;
    return minor >= 34;
}

static ptrdiff_t gate_index(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof gate_names / sizeof gate_names[0]; i++)
        if (strlen(gate_names[i]) == len && memcmp(gate_names[i], name, len) == 0)
            return (ptrdiff_t)i;
    return -1;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Apply "A=true,B=false" overrides (kube-apiserver --feature-gates syntax:
 * values parsed with strconv.ParseBool). */
static int apply_overrides(bool *gates, const char *spec, sts_error **err)
{
    const char *p = spec;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *a = p, *b = p + n;
        while (a < b && is_space(*a))
            a++;
        while (b > a && is_space(b[-1]))
            b--;
        if (a < b) {
            const char *eq = memchr(a, '=', (size_t)(b - a));
            if (!eq)
                return sts__err(err, STS_EINVAL,
                                "missing bool value for feature gate \"%.*s\"", (int)(b - a), a);
            const char *ke = eq;
            while (ke > a && is_space(ke[-1]))
                ke--;
            const char *v = eq + 1;
            while (v < b && is_space(*v))
                v++;
            ptrdiff_t g = gate_index(a, (size_t)(ke - a));
            if (g < 0)
                return sts__err(err, STS_ENOTFOUND, "unrecognized feature gate: %.*s",
                                (int)(ke - a), a);
            static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True"};
            static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False"};
            size_t vn = (size_t)(b - v);
            int val = -1;
            for (size_t i = 0; i < 6; i++) {
                if (strlen(t[i]) == vn && memcmp(t[i], v, vn) == 0)
                    val = 1;
                if (strlen(f[i]) == vn && memcmp(f[i], v, vn) == 0)
                    val = 0;
            }
            if (val < 0)
                return sts__err(err, STS_EINVAL, "invalid value of %.*s=%.*s", (int)(ke - a), a,
                                (int)vn, v);
            gates[g] = val == 1;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

int sts__api_ctx_init(sts__api_ctx *ctx, const sts_api_opts *opts, sts_error **err)
{
    memset(ctx, 0, sizeof *ctx);
    if (opts && opts->sz < offsetof(sts_api_opts, flags) + sizeof(uint32_t))
        return sts__err(err, STS_EINVAL, "sts_api_opts: size %zu is too small",
                        (size_t)opts->sz);
    const char *ver = opts && opts->kube_version ? opts->kube_version : sts_kube_version_default();
    int rc = sts_kube_version_parse(&ctx->minor, ver, err);
    if (rc)
        return rc;
    bool gates[2] = {gate_default(0, ctx->minor), gate_default(1, ctx->minor)};
    if (opts && opts->feature_gates && (rc = apply_overrides(gates, opts->feature_gates, err)))
        return rc;
    ctx->max_unavailable = gates[0];
    ctx->semantic_revision = gates[1];
    ctx->no_defaulting = opts && (opts->flags & STS_API_NO_DEFAULTING);
    return 0;
}

int sts_feature_gate_enabled(const sts_api_opts *opts, const char *gate, sts_error **err)
{
    if (!gate)
        return sts__err(err, STS_EINVAL, "sts_feature_gate_enabled: NULL gate");
    ptrdiff_t g = gate_index(gate, strlen(gate));
    if (g < 0)
        return sts__err(err, STS_ENOTFOUND, "unrecognized feature gate: %s", gate);
    sts__api_ctx ctx;
    int rc = sts__api_ctx_init(&ctx, opts, err);
    if (rc)
        return rc;
    return g == 0 ? ctx.max_unavailable : ctx.semantic_revision;
}
