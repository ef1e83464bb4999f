/* Authored manifests: make the template look as the API server stores it.
 *
 * A StatefulSet the user wrote is not what the controller hashes: the API
 * server decodes it into the typed object (dropping unknown fields),
 * applies its defaults (statefulset-spec.md section 6) and the typed JSON
 * encoder decides which empty fields appear. */
#include <string.h>

#include "revision_priv.h"

/* THE DEFAULTER HOOK. This is where the API server's defaulting of the
 * whole StatefulSet (SetDefaults_StatefulSet, the pod template defaults of
 * section 6.2, quantity canonicalisation, pruning of unknown fields) will be
 * called for @version. Until the defaulter lands it changes nothing, so an
 * authored manifest hashes as it would if it were already complete. */
int sts__revision_apply_server_defaults(sts_doc *scratch, sts_node *root,
                                        const sts__k8s_version *version, sts_error **err)
{
    (void)scratch;
    (void)root;
    (void)version;
    (void)err;
    return 0;
}
