/* --kube-version and --feature-gates: checked once, up front, with the
 * library's own parser, so `--kube-version 1.3` or a misspelt gate is a
 * usage error with the library's message instead of a failure per object. */
#include <stdio.h>

#include "stsctl.h"

int stsctl_check_api(const stsctl_command *cmd, const sts_api_opts *api)
{
    sts_error *err = NULL;
    /* evaluating any known gate parses the version and every override */
    int rc = sts_feature_gate_enabled(api, "MaxUnavailableStatefulSet", &err);
    if (rc >= 0)
        return 0;
    stsctl_usage_error(cmd, "%s", err ? sts_error_message(err) : sts_strerror(rc));
    sts_error_free(err);
    return STSCTL_EXIT_USAGE;
}

const char *stsctl_kube_version(char *buf, size_t size, const char *version)
{
    uint32_t minor = 0;
    if (!version)
        version = sts_kube_version_default();
    if (sts_kube_version_parse(&minor, version, NULL))
        snprintf(buf, size, "%s", version);
    else
        snprintf(buf, size, "1.%u", (unsigned)minor);
    return buf;
}
