/* The built-in YAML serializer's table, registered by sts_registry_new
 * through the public sts_registry_add like any plugin. */
#include "yaml_private.h"

const sts_serializer sts__yaml_serializer = {
    STS_SERIALIZER_VERSION,
    STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE,
    "yaml",
    "application/yaml",
    "yaml,yml",
    NULL,
    sts__yaml_decode,
    sts__yaml_encode,
    NULL,
};
