/* Test fixture: a plugin that registers a serializer and then refuses the
 * loader's ABI, as one built for a future library would. The registry must
 * drop what it registered and unload it. */
#include <statefulset/statefulset.h>

__attribute__((visibility("default"))) int sts_plugin_register_v1(sts_registry *reg,
                                                                   uint32_t abi_version,
                                                                   sts_error **err);

static int enc(void *u, sts_buf *out, const sts_node *const *roots, size_t n,
               const sts_encode_opts *opts, sts_error **err)
{
    (void)u, (void)roots, (void)n, (void)opts, (void)err;
    return sts_buf_append(out, "x", 1);
}

int sts_plugin_register_v1(sts_registry *reg, uint32_t abi_version, sts_error **err)
{
    sts_serializer ser = {STS_SERIALIZER_VERSION, STS_SERIALIZER_ENCODE, "wrong-abi", NULL, NULL,
                          NULL, NULL, enc, NULL};
    int rc = sts_registry_add(reg, &ser, err);
    if (rc)
        return rc;
    if (abi_version < 999) {
        sts_error *e = NULL;
        if (err && sts_error_new(&e, STS_EVERSION, "wrong-abi needs plugin ABI 999", NULL, 0, 0,
                                 UINT64_MAX) == 0)
            sts_error_append(err, e);
        return STS_EVERSION;
    }
    return 0;
}
