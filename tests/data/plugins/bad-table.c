/* Test fixture: a plugin whose serializer table has a version this
 * library does not know (2); the registry refuses it with STS_EVERSION and
 * the plugin passes that on. */
#include <statefulset/statefulset.h>

__attribute__((visibility("default"))) int sts_plugin_register_v1(sts_registry *reg,
                                                                   uint32_t abi_version,
                                                                   sts_error **err);

static int enc(void *u, sts_buf *out, const sts_node *const *roots, size_t n,
               const sts_encode_opts *opts, sts_error **err)
{
    (void)u, (void)out, (void)roots, (void)n, (void)opts, (void)err;
    return 0;
}

int sts_plugin_register_v1(sts_registry *reg, uint32_t abi_version, sts_error **err)
{
    (void)abi_version;
    sts_serializer ser = {STS_SERIALIZER_VERSION + 1, STS_SERIALIZER_ENCODE, "bad-table", NULL,
                          NULL, NULL, NULL, enc, NULL};
    return sts_registry_add(reg, &ser, err);
}
