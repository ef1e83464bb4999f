/* The expected type of every field the library knows, as the Kubernetes Go
 * types (k8s.io/api core/v1, apps/v1, apimachinery meta/v1) declare them.
 *
 * Tables are static const and {NULL}-terminated; children are defined before
 * their parents because C cannot forward-declare a static array. Fields the
 * tables do not list are unknown: they are kept and never checked. Opaque
 * types (ControllerRevision.data, managedFields[].fieldsV1, container state)
 * are listed as objects without fields so only their own type is checked.
 *
 * Every table is sorted by name in byte order (tests/test-model-schema.c
 * holds the tables to that). That is the order kubectl and sigs.k8s.io/yaml
 * write keys in, so sts__schema_find meets a document's keys in table order
 * and finds each one a step or two after the previous; keys in any other
 * order cost a binary search. Names and sub-table sizes are counted by the
 * compiler (sizeof), so no table is measured at run time. */
#include <string.h>

#include "model_priv.h"

#define END {NULL, NULL, 0, 0, 0, 0}
/* a field without sub-fields / with the sub-fields of table f */
#define LEAF(n, t, e) {n, NULL, sizeof(n) - 1, t, e, 0}
#define NEST(n, t, e, f) {n, f, sizeof(n) - 1, t, e, sizeof(f) / sizeof((f)[0]) - 1}
#define STR(n) LEAF(n, STS__T_STRING, 0)
#define BOOL(n) LEAF(n, STS__T_BOOL, 0)
#define I32(n) LEAF(n, STS__T_INT32, 0)
#define I64(n) LEAF(n, STS__T_INT64, 0)
#define QTY(n) LEAF(n, STS__T_QUANTITY, 0)
#define IOS(n) LEAF(n, STS__T_INTORSTR, 0)
#define OBJ(n, f) NEST(n, STS__T_OBJECT, 0, f)
#define LIST_OF(n, t) LEAF(n, STS__T_LIST, t)
#define LIST_OBJ(n, f) NEST(n, STS__T_LIST, STS__T_OBJECT, f)
#define MAP_OF(n, t) LEAF(n, STS__T_MAP, t)

static const sts__field no_fields[] = {END};

/* ---- meta/v1 ---- */

static const sts__field owner_reference[] = {
    STR("apiVersion"), BOOL("blockOwnerDeletion"), BOOL("controller"), STR("kind"),
    STR("name"), STR("uid"), END};

static const sts__field managed_fields_entry[] = {
    STR("apiVersion"), STR("fieldsType"), OBJ("fieldsV1", no_fields), STR("manager"),
    STR("operation"), STR("subresource"), STR("time"), END};

static const sts__field object_meta[] = {
    MAP_OF("annotations", STS__T_STRING), STR("creationTimestamp"),
    I64("deletionGracePeriodSeconds"), STR("deletionTimestamp"),
    LIST_OF("finalizers", STS__T_STRING), STR("generateName"), I64("generation"),
    MAP_OF("labels", STS__T_STRING), LIST_OBJ("managedFields", managed_fields_entry),
    STR("name"), STR("namespace"), LIST_OBJ("ownerReferences", owner_reference),
    STR("resourceVersion"), STR("selfLink"), STR("uid"), END};

static const sts__field label_selector_requirement[] = {
    STR("key"), STR("operator"), LIST_OF("values", STS__T_STRING), END};

static const sts__field label_selector[] = {
    LIST_OBJ("matchExpressions", label_selector_requirement),
    MAP_OF("matchLabels", STS__T_STRING), END};

/* metav1.Condition and the apps/core condition types share these fields */
static const sts__field condition[] = {
    STR("lastProbeTime"), STR("lastTransitionTime"), STR("lastUpdateTime"), STR("message"),
    I64("observedGeneration"), STR("reason"), STR("status"), STR("type"), END};

/* ---- core/v1: containers ---- */

static const sts__field container_port[] = {
    I32("containerPort"), STR("hostIP"), I32("hostPort"), STR("name"), STR("protocol"), END};

static const sts__field object_field_selector[] = {STR("apiVersion"), STR("fieldPath"), END};
static const sts__field resource_field_selector[] = {
    STR("containerName"), QTY("divisor"), STR("resource"), END};
static const sts__field key_selector[] = {STR("key"), STR("name"), BOOL("optional"), END};
static const sts__field file_key_selector[] = {
    STR("key"), BOOL("optional"), STR("path"), STR("volumeName"), END};

static const sts__field env_var_source[] = {
    OBJ("configMapKeyRef", key_selector), OBJ("fieldRef", object_field_selector),
    OBJ("fileKeyRef", file_key_selector), OBJ("resourceFieldRef", resource_field_selector),
    OBJ("secretKeyRef", key_selector), END};

static const sts__field env_var[] = {
    STR("name"), STR("value"), OBJ("valueFrom", env_var_source), END};

static const sts__field env_from_ref[] = {STR("name"), BOOL("optional"), END};
static const sts__field env_from_source[] = {
    OBJ("configMapRef", env_from_ref), STR("prefix"), OBJ("secretRef", env_from_ref), END};

static const sts__field resource_claim[] = {STR("name"), STR("request"), END};
static const sts__field resource_requirements[] = {
    LIST_OBJ("claims", resource_claim), MAP_OF("limits", STS__T_QUANTITY),
    MAP_OF("requests", STS__T_QUANTITY), END};

static const sts__field resize_policy[] = {STR("resourceName"), STR("restartPolicy"), END};

static const sts__field volume_mount[] = {
    STR("mountPath"), STR("mountPropagation"), STR("name"), BOOL("readOnly"),
    STR("recursiveReadOnly"), STR("subPath"), STR("subPathExpr"), END};
static const sts__field volume_device[] = {STR("devicePath"), STR("name"), END};

static const sts__field exec_action[] = {LIST_OF("command", STS__T_STRING), END};
static const sts__field http_header[] = {STR("name"), STR("value"), END};
static const sts__field http_get_action[] = {
    STR("host"), LIST_OBJ("httpHeaders", http_header), STR("path"), IOS("port"),
    STR("scheme"), END};
static const sts__field tcp_socket_action[] = {STR("host"), IOS("port"), END};
static const sts__field grpc_action[] = {I32("port"), STR("service"), END};
static const sts__field sleep_action[] = {I64("seconds"), END};

static const sts__field probe[] = {
    OBJ("exec", exec_action), I32("failureThreshold"), OBJ("grpc", grpc_action),
    OBJ("httpGet", http_get_action), I32("initialDelaySeconds"), I32("periodSeconds"),
    I32("successThreshold"), OBJ("tcpSocket", tcp_socket_action),
    I64("terminationGracePeriodSeconds"), I32("timeoutSeconds"), END};

static const sts__field lifecycle_handler[] = {
    OBJ("exec", exec_action), OBJ("httpGet", http_get_action), OBJ("sleep", sleep_action),
    OBJ("tcpSocket", tcp_socket_action), END};
static const sts__field lifecycle[] = {
    OBJ("postStart", lifecycle_handler), OBJ("preStop", lifecycle_handler), STR("stopSignal"),
    END};

static const sts__field capabilities[] = {
    LIST_OF("add", STS__T_STRING), LIST_OF("drop", STS__T_STRING), END};
static const sts__field se_linux_options[] = {
    STR("level"), STR("role"), STR("type"), STR("user"), END};
static const sts__field windows_options[] = {
    STR("gmsaCredentialSpec"), STR("gmsaCredentialSpecName"), BOOL("hostProcess"),
    STR("runAsUserName"), END};
static const sts__field profile[] = {STR("localhostProfile"), STR("type"), END};

static const sts__field security_context[] = {
    BOOL("allowPrivilegeEscalation"), OBJ("appArmorProfile", profile),
    OBJ("capabilities", capabilities), BOOL("privileged"), STR("procMount"),
    BOOL("readOnlyRootFilesystem"), I64("runAsGroup"), BOOL("runAsNonRoot"), I64("runAsUser"),
    OBJ("seLinuxOptions", se_linux_options), OBJ("seccompProfile", profile),
    OBJ("windowsOptions", windows_options), END};

static const sts__field container[] = {
    LIST_OF("args", STS__T_STRING), LIST_OF("command", STS__T_STRING),
    LIST_OBJ("env", env_var), LIST_OBJ("envFrom", env_from_source), STR("image"),
    STR("imagePullPolicy"), OBJ("lifecycle", lifecycle), OBJ("livenessProbe", probe),
    STR("name"), LIST_OBJ("ports", container_port), OBJ("readinessProbe", probe),
    LIST_OBJ("resizePolicy", resize_policy), OBJ("resources", resource_requirements),
    STR("restartPolicy"), OBJ("securityContext", security_context),
    OBJ("startupProbe", probe), BOOL("stdin"), BOOL("stdinOnce"),
    STR("targetContainerName") /* ephemeral containers */, STR("terminationMessagePath"),
    STR("terminationMessagePolicy"), BOOL("tty"), LIST_OBJ("volumeDevices", volume_device),
    LIST_OBJ("volumeMounts", volume_mount), STR("workingDir"), END};

/* ---- core/v1: volumes ---- */

static const sts__field key_to_path[] = {STR("key"), I32("mode"), STR("path"), END};
static const sts__field pvc_volume_source[] = {STR("claimName"), BOOL("readOnly"), END};
static const sts__field empty_dir[] = {STR("medium"), QTY("sizeLimit"), END};
static const sts__field host_path[] = {STR("path"), STR("type"), END};
static const sts__field config_map_volume[] = {
    I32("defaultMode"), LIST_OBJ("items", key_to_path), STR("name"), BOOL("optional"), END};
static const sts__field secret_volume[] = {
    I32("defaultMode"), LIST_OBJ("items", key_to_path), BOOL("optional"), STR("secretName"),
    END};
static const sts__field downward_api_file[] = {
    OBJ("fieldRef", object_field_selector), I32("mode"), STR("path"),
    OBJ("resourceFieldRef", resource_field_selector), END};
static const sts__field downward_api_volume[] = {
    I32("defaultMode"), LIST_OBJ("items", downward_api_file), END};
static const sts__field projection_config_map[] = {
    LIST_OBJ("items", key_to_path), STR("name"), BOOL("optional"), END};
static const sts__field projection_secret[] = {
    LIST_OBJ("items", key_to_path), STR("name"), BOOL("optional"), END};
static const sts__field projection_downward_api[] = {
    LIST_OBJ("items", downward_api_file), END};
static const sts__field projection_sa_token[] = {
    STR("audience"), I64("expirationSeconds"), STR("path"), END};
static const sts__field volume_projection[] = {
    OBJ("configMap", projection_config_map), OBJ("downwardAPI", projection_downward_api),
    OBJ("secret", projection_secret), OBJ("serviceAccountToken", projection_sa_token), END};
static const sts__field projected_volume[] = {
    I32("defaultMode"), LIST_OBJ("sources", volume_projection), END};
static const sts__field nfs_volume[] = {STR("path"), BOOL("readOnly"), STR("server"), END};
static const sts__field local_object_reference[] = {STR("name"), END};
static const sts__field csi_volume[] = {
    STR("driver"), STR("fsType"), OBJ("nodePublishSecretRef", local_object_reference),
    BOOL("readOnly"), MAP_OF("volumeAttributes", STS__T_STRING), END};
static const sts__field image_volume[] = {STR("pullPolicy"), STR("reference"), END};

static const sts__field typed_local_object_reference[] = {
    STR("apiGroup"), STR("kind"), STR("name"), END};
static const sts__field typed_object_reference[] = {
    STR("apiGroup"), STR("kind"), STR("name"), STR("namespace"), END};
static const sts__field volume_resource_requirements[] = {
    MAP_OF("limits", STS__T_QUANTITY), MAP_OF("requests", STS__T_QUANTITY), END};

static const sts__field pvc_spec[] = {
    LIST_OF("accessModes", STS__T_STRING), OBJ("dataSource", typed_local_object_reference),
    OBJ("dataSourceRef", typed_object_reference),
    OBJ("resources", volume_resource_requirements), OBJ("selector", label_selector),
    STR("storageClassName"), STR("volumeAttributesClassName"), STR("volumeMode"),
    STR("volumeName"), END};

static const sts__field pvc_status[] = {
    LIST_OF("accessModes", STS__T_STRING), MAP_OF("allocatedResources", STS__T_QUANTITY),
    MAP_OF("capacity", STS__T_QUANTITY), LIST_OBJ("conditions", condition),
    STR("currentVolumeAttributesClassName"), STR("phase"), END};

static const sts__field pvc_template[] = {
    OBJ("metadata", object_meta), OBJ("spec", pvc_spec), END};
static const sts__field ephemeral_volume[] = {OBJ("volumeClaimTemplate", pvc_template), END};

static const sts__field volume[] = {
    OBJ("configMap", config_map_volume), OBJ("csi", csi_volume),
    OBJ("downwardAPI", downward_api_volume), OBJ("emptyDir", empty_dir),
    OBJ("ephemeral", ephemeral_volume), OBJ("hostPath", host_path),
    OBJ("image", image_volume), STR("name"), OBJ("nfs", nfs_volume),
    OBJ("persistentVolumeClaim", pvc_volume_source), OBJ("projected", projected_volume),
    OBJ("secret", secret_volume), END};

/* ---- core/v1: pod spec ---- */

static const sts__field node_selector_requirement[] = {
    STR("key"), STR("operator"), LIST_OF("values", STS__T_STRING), END};
static const sts__field node_selector_term[] = {
    LIST_OBJ("matchExpressions", node_selector_requirement),
    LIST_OBJ("matchFields", node_selector_requirement), END};
static const sts__field node_selector[] = {
    LIST_OBJ("nodeSelectorTerms", node_selector_term), END};
static const sts__field preferred_scheduling_term[] = {
    OBJ("preference", node_selector_term), I32("weight"), END};
static const sts__field node_affinity[] = {
    LIST_OBJ("preferredDuringSchedulingIgnoredDuringExecution", preferred_scheduling_term),
    OBJ("requiredDuringSchedulingIgnoredDuringExecution", node_selector), END};
static const sts__field pod_affinity_term[] = {
    OBJ("labelSelector", label_selector), LIST_OF("matchLabelKeys", STS__T_STRING),
    LIST_OF("mismatchLabelKeys", STS__T_STRING), OBJ("namespaceSelector", label_selector),
    LIST_OF("namespaces", STS__T_STRING), STR("topologyKey"), END};
static const sts__field weighted_pod_affinity_term[] = {
    OBJ("podAffinityTerm", pod_affinity_term), I32("weight"), END};
static const sts__field pod_affinity[] = {
    LIST_OBJ("preferredDuringSchedulingIgnoredDuringExecution", weighted_pod_affinity_term),
    LIST_OBJ("requiredDuringSchedulingIgnoredDuringExecution", pod_affinity_term), END};
static const sts__field affinity[] = {
    OBJ("nodeAffinity", node_affinity), OBJ("podAffinity", pod_affinity),
    OBJ("podAntiAffinity", pod_affinity), END};

static const sts__field toleration[] = {
    STR("effect"), STR("key"), STR("operator"), I64("tolerationSeconds"), STR("value"), END};
static const sts__field host_alias[] = {LIST_OF("hostnames", STS__T_STRING), STR("ip"), END};
static const sts__field dns_config_option[] = {STR("name"), STR("value"), END};
static const sts__field dns_config[] = {
    LIST_OF("nameservers", STS__T_STRING), LIST_OBJ("options", dns_config_option),
    LIST_OF("searches", STS__T_STRING), END};
static const sts__field readiness_gate[] = {STR("conditionType"), END};
static const sts__field topology_spread_constraint[] = {
    OBJ("labelSelector", label_selector), LIST_OF("matchLabelKeys", STS__T_STRING),
    I32("maxSkew"), I32("minDomains"), STR("nodeAffinityPolicy"), STR("nodeTaintsPolicy"),
    STR("topologyKey"), STR("whenUnsatisfiable"), END};
static const sts__field sysctl[] = {STR("name"), STR("value"), END};
static const sts__field pod_security_context[] = {
    OBJ("appArmorProfile", profile), I64("fsGroup"), STR("fsGroupChangePolicy"),
    I64("runAsGroup"), BOOL("runAsNonRoot"), I64("runAsUser"), STR("seLinuxChangePolicy"),
    OBJ("seLinuxOptions", se_linux_options), OBJ("seccompProfile", profile),
    LIST_OF("supplementalGroups", STS__T_INT64), STR("supplementalGroupsPolicy"),
    LIST_OBJ("sysctls", sysctl), OBJ("windowsOptions", windows_options), END};
static const sts__field pod_os[] = {STR("name"), END};
static const sts__field pod_scheduling_gate[] = {STR("name"), END};
static const sts__field pod_resource_claim[] = {
    STR("name"), STR("resourceClaimName"), STR("resourceClaimTemplateName"), END};

static const sts__field pod_spec[] = {
    I64("activeDeadlineSeconds"), OBJ("affinity", affinity),
    BOOL("automountServiceAccountToken"), LIST_OBJ("containers", container),
    OBJ("dnsConfig", dns_config), STR("dnsPolicy"), BOOL("enableServiceLinks"),
    LIST_OBJ("ephemeralContainers", container), LIST_OBJ("hostAliases", host_alias),
    BOOL("hostIPC"), BOOL("hostNetwork"), BOOL("hostPID"), BOOL("hostUsers"), STR("hostname"),
    LIST_OBJ("imagePullSecrets", local_object_reference),
    LIST_OBJ("initContainers", container), STR("nodeName"),
    MAP_OF("nodeSelector", STS__T_STRING), OBJ("os", pod_os),
    MAP_OF("overhead", STS__T_QUANTITY), STR("preemptionPolicy"), I32("priority"),
    STR("priorityClassName"), LIST_OBJ("readinessGates", readiness_gate),
    LIST_OBJ("resourceClaims", pod_resource_claim), OBJ("resources", resource_requirements),
    STR("restartPolicy"), STR("runtimeClassName"), STR("schedulerName"),
    LIST_OBJ("schedulingGates", pod_scheduling_gate),
    OBJ("securityContext", pod_security_context), STR("serviceAccount"),
    STR("serviceAccountName"), BOOL("setHostnameAsFQDN"), BOOL("shareProcessNamespace"),
    STR("subdomain"), I64("terminationGracePeriodSeconds"),
    LIST_OBJ("tolerations", toleration),
    LIST_OBJ("topologySpreadConstraints", topology_spread_constraint),
    LIST_OBJ("volumes", volume), END};

static const sts__field pod_template_spec[] = {
    OBJ("metadata", object_meta), OBJ("spec", pod_spec), END};

/* ---- core/v1: pod status ---- */

static const sts__field pod_ip[] = {STR("ip"), END};
static const sts__field container_status[] = {
    MAP_OF("allocatedResources", STS__T_QUANTITY), STR("containerID"), STR("image"),
    STR("imageID"), OBJ("lastState", no_fields), STR("name"), BOOL("ready"),
    OBJ("resources", resource_requirements), I32("restartCount"), BOOL("started"),
    OBJ("state", no_fields), END};
static const sts__field pod_status[] = {
    LIST_OBJ("conditions", condition), LIST_OBJ("containerStatuses", container_status),
    LIST_OBJ("ephemeralContainerStatuses", container_status), STR("hostIP"),
    LIST_OBJ("hostIPs", pod_ip), LIST_OBJ("initContainerStatuses", container_status),
    STR("message"), STR("nominatedNodeName"), I64("observedGeneration"), STR("phase"),
    STR("podIP"), LIST_OBJ("podIPs", pod_ip), STR("qosClass"), STR("reason"), STR("resize"),
    STR("startTime"), END};

/* ---- apps/v1: StatefulSet ---- */

static const sts__field rolling_update_sts[] = {IOS("maxUnavailable"), I32("partition"), END};
static const sts__field sts_update_strategy[] = {
    OBJ("rollingUpdate", rolling_update_sts), STR("type"), END};
static const sts__field sts_pvc_retention[] = {STR("whenDeleted"), STR("whenScaled"), END};
static const sts__field sts_ordinals[] = {I32("start"), END};

static const sts__field pvc_object[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", pvc_spec),
    OBJ("status", pvc_status), END};

static const sts__field sts_spec[] = {
    I32("minReadySeconds"), OBJ("ordinals", sts_ordinals),
    OBJ("persistentVolumeClaimRetentionPolicy", sts_pvc_retention),
    STR("podManagementPolicy"), I32("replicas"), I32("revisionHistoryLimit"),
    OBJ("selector", label_selector), STR("serviceName"), OBJ("template", pod_template_spec),
    OBJ("updateStrategy", sts_update_strategy), LIST_OBJ("volumeClaimTemplates", pvc_object),
    END};

static const sts__field sts_status_fields[] = {
    I32("availableReplicas"), I32("collisionCount"), LIST_OBJ("conditions", condition),
    I32("currentReplicas"), STR("currentRevision"), I64("observedGeneration"),
    I32("readyReplicas"), I32("replicas"), STR("updateRevision"), I32("updatedReplicas"),
    END};

static const sts__field statefulset[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", sts_spec),
    OBJ("status", sts_status_fields), END};

/* ---- core/v1: Service ---- */

static const sts__field service_port[] = {
    STR("appProtocol"), STR("name"), I32("nodePort"), I32("port"), STR("protocol"),
    IOS("targetPort"), END};
static const sts__field client_ip_config[] = {I32("timeoutSeconds"), END};
static const sts__field session_affinity_config[] = {OBJ("clientIP", client_ip_config), END};
static const sts__field service_spec[] = {
    BOOL("allocateLoadBalancerNodePorts"), STR("clusterIP"),
    LIST_OF("clusterIPs", STS__T_STRING), LIST_OF("externalIPs", STS__T_STRING),
    STR("externalName"), STR("externalTrafficPolicy"), I32("healthCheckNodePort"),
    STR("internalTrafficPolicy"), LIST_OF("ipFamilies", STS__T_STRING), STR("ipFamilyPolicy"),
    STR("loadBalancerClass"), STR("loadBalancerIP"),
    LIST_OF("loadBalancerSourceRanges", STS__T_STRING), LIST_OBJ("ports", service_port),
    BOOL("publishNotReadyAddresses"), MAP_OF("selector", STS__T_STRING),
    STR("sessionAffinity"), OBJ("sessionAffinityConfig", session_affinity_config),
    STR("trafficDistribution"), STR("type"), END};
static const sts__field port_status[] = {STR("error"), I32("port"), STR("protocol"), END};
static const sts__field lb_ingress[] = {
    STR("hostname"), STR("ip"), STR("ipMode"), LIST_OBJ("ports", port_status), END};
static const sts__field lb_status[] = {LIST_OBJ("ingress", lb_ingress), END};
static const sts__field service_status[] = {
    LIST_OBJ("conditions", condition), OBJ("loadBalancer", lb_status), END};
static const sts__field service[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", service_spec),
    OBJ("status", service_status), END};

/* ---- core/v1: Pod; apps/v1: ControllerRevision; anything else ---- */

static const sts__field pod[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", pod_spec),
    OBJ("status", pod_status), END};

/* data is a runtime.RawExtension: any JSON value, so it is not listed */
static const sts__field controller_revision[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), I64("revision"), END};

/* every Kubernetes object has TypeMeta and ObjectMeta */
static const sts__field other[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), END};

/* the root of each kind is an object whose fields are the table */
static const sts__field root_statefulset = OBJ("", statefulset);
static const sts__field root_service = OBJ("", service);
static const sts__field root_pod = OBJ("", pod);
static const sts__field root_pvc = OBJ("", pvc_object);
static const sts__field root_controller_revision = OBJ("", controller_revision);
static const sts__field root_other = OBJ("", other);

const sts__field *sts__schema_root(sts_kind kind)
{
    switch (kind) {
    case STS_KIND_STATEFULSET:
        return &root_statefulset;
    case STS_KIND_SERVICE:
        return &root_service;
    case STS_KIND_POD:
        return &root_pod;
    case STS_KIND_PERSISTENT_VOLUME_CLAIM:
        return &root_pvc;
    case STS_KIND_CONTROLLER_REVISION:
        return &root_controller_revision;
    default:
        return &root_other;
    }
}

/* memcmp order of a field's name against a key; decided by the first byte
 * almost every time, so memcmp is seldom reached */
static int order(const sts__field *f, const unsigned char *key, size_t len)
{
    const unsigned char *name = (const unsigned char *)f->name;
    if (name[0] != key[0])
        return name[0] < key[0] ? -1 : 1;
    size_t n = f->len < len ? f->len : len;
    int c = memcmp(name, key, n);
    if (c)
        return c;
    return f->len < len ? -1 : f->len > len;
}

const sts__field *sts__schema_find(const sts__field *obj, size_t *pos, const char *name,
                                   size_t len)
{
    const sts__field *t = obj->fields;
    const unsigned char *key = (const unsigned char *)name;
    if (!len || !t)
        return NULL; /* no field has an empty name */
    /* forward from the cursor: keys in table order find their field at once */
    size_t i = *pos;
    for (; i < obj->nfields; i++) {
        int c = order(&t[i], key, len);
        if (c == 0) {
            *pos = i + 1;
            return &t[i];
        }
        if (c > 0)
            break;
    }
    *pos = i;
    /* out of order or unknown: the field, if any, is before the cursor */
    size_t lo = 0, hi = i;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = order(&t[mid], key, len);
        if (c == 0)
            return &t[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
