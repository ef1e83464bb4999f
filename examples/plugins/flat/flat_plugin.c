/* Entry point of the `flat` plugin: checks the loader's ABI version and
 * registers the serializer through the public registry API. */
#include <stdio.h>

#include "flat.h"

/* The library's STS_API only exports the library's own symbols; a plugin
 * is built with hidden visibility and marks its one entry point itself. */
#if defined(__GNUC__)
#define FLAT_EXPORT __attribute__((visibility("default")))
#else
#define FLAT_EXPORT
#endif

FLAT_EXPORT int sts_plugin_register_v1(sts_registry *reg, uint32_t abi_version, sts_error **err);

int sts_plugin_register_v1(sts_registry *reg, uint32_t abi_version, sts_error **err)
{
    if (abi_version != STS_PLUGIN_ABI_VERSION) {
        /* built against ABI 1: a loader speaking another version could pass
         * tables or options this code does not understand */
        if (err) {
            char msg[160];
            sts_error *e = NULL;
            snprintf(msg, sizeof msg,
                     "flat plugin speaks plugin ABI %u, the loading library offers %u",
                     STS_PLUGIN_ABI_VERSION, abi_version);
            if (sts_error_new(&e, STS_EVERSION, msg, NULL, 0, 0, UINT64_MAX) == 0)
                sts_error_append(err, e);
        }
        return STS_EVERSION;
    }
    sts_serializer ser = {
        .version = STS_SERIALIZER_VERSION,
        .flags = STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE,
        .name = "flat",
        .media_type = "text/x-sts-flat",
        .extensions = "flat",
        .userdata = NULL,
        .decode = flat_decode,
        .encode = flat_encode,
        .destroy = NULL,
    };
    return sts_registry_add(reg, &ser, err);
}
