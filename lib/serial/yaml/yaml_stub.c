#include "../../internal.h"
static int dec(void *u, sts_doclist *o, const char *d, size_t l, const sts_decode_opts *op, sts_error **e)
{ (void)u; (void)o; (void)d; (void)l; (void)op; return sts__err(e, STS_EUNSUPPORTED, "todo"); }
static int enc(void *u, sts_buf *o, const sts_node *const *r, size_t n, const sts_encode_opts *op, sts_error **e)
{ (void)u; (void)o; (void)r; (void)n; (void)op; return sts__err(e, STS_EUNSUPPORTED, "todo"); }
const sts_serializer sts__yaml_serializer = {STS_SERIALIZER_VERSION, 3, "yaml", "application/yaml", "yaml,yml", NULL, dec, enc, NULL};
