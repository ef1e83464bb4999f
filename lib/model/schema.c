/* The expected type of every field the library knows, as the Kubernetes Go
 * types (k8s.io/api core/v1, apps/v1, apimachinery meta/v1) declare them.
 *
 * Tables are static const and {NULL}-terminated; children are defined before
 * their parents because C cannot forward-declare a static array. Fields the
 * tables do not list are unknown: they are kept and never checked. Opaque
 * types (ControllerRevision.data, managedFields[].fieldsV1, container state)
 * are listed as objects without fields so only their own type is checked. */
#include <string.h>

#include "model_priv.h"

#define END {NULL, 0, 0, NULL}
#define STR(n) {n, STS__T_STRING, 0, NULL}
#define BOOL(n) {n, STS__T_BOOL, 0, NULL}
#define I32(n) {n, STS__T_INT32, 0, NULL}
#define I64(n) {n, STS__T_INT64, 0, NULL}
#define QTY(n) {n, STS__T_QUANTITY, 0, NULL}
#define IOS(n) {n, STS__T_INTORSTR, 0, NULL}
#define OBJ(n, f) {n, STS__T_OBJECT, 0, f}
#define LIST_OF(n, t) {n, STS__T_LIST, t, NULL}
#define LIST_OBJ(n, f) {n, STS__T_LIST, STS__T_OBJECT, f}
#define MAP_OF(n, t) {n, STS__T_MAP, t, NULL}

static const sts__field no_fields[] = {END};

/* ---- meta/v1 ---- */

static const sts__field owner_reference[] = {
    STR("apiVersion"), STR("kind"), STR("name"), STR("uid"),
    BOOL("controller"), BOOL("blockOwnerDeletion"), END};

static const sts__field managed_fields_entry[] = {
    STR("manager"), STR("operation"), STR("apiVersion"), STR("time"),
    STR("fieldsType"), OBJ("fieldsV1", no_fields), STR("subresource"), END};

static const sts__field object_meta[] = {
    STR("name"), STR("generateName"), STR("namespace"), STR("selfLink"), STR("uid"),
    STR("resourceVersion"), I64("generation"), STR("creationTimestamp"),
    STR("deletionTimestamp"), I64("deletionGracePeriodSeconds"),
    MAP_OF("labels", STS__T_STRING), MAP_OF("annotations", STS__T_STRING),
    LIST_OBJ("ownerReferences", owner_reference), LIST_OF("finalizers", STS__T_STRING),
    LIST_OBJ("managedFields", managed_fields_entry), END};

static const sts__field label_selector_requirement[] = {
    STR("key"), STR("operator"), LIST_OF("values", STS__T_STRING), END};

static const sts__field label_selector[] = {
    MAP_OF("matchLabels", STS__T_STRING),
    LIST_OBJ("matchExpressions", label_selector_requirement), END};

/* metav1.Condition and the apps/core condition types share these fields */
static const sts__field condition[] = {
    STR("type"), STR("status"), I64("observedGeneration"), STR("lastProbeTime"),
    STR("lastTransitionTime"), STR("lastUpdateTime"), STR("reason"), STR("message"), END};

/* ---- core/v1: containers ---- */

static const sts__field container_port[] = {
    STR("name"), I32("hostPort"), I32("containerPort"), STR("protocol"), STR("hostIP"), END};

static const sts__field object_field_selector[] = {STR("apiVersion"), STR("fieldPath"), END};
static const sts__field resource_field_selector[] = {
    STR("containerName"), STR("resource"), QTY("divisor"), END};
static const sts__field key_selector[] = {
    STR("name"), STR("key"), BOOL("optional"), END};
static const sts__field file_key_selector[] = {
    STR("volumeName"), STR("path"), STR("key"), BOOL("optional"), END};

static const sts__field env_var_source[] = {
    OBJ("fieldRef", object_field_selector), OBJ("resourceFieldRef", resource_field_selector),
    OBJ("configMapKeyRef", key_selector), OBJ("secretKeyRef", key_selector),
    OBJ("fileKeyRef", file_key_selector), END};

static const sts__field env_var[] = {
    STR("name"), STR("value"), OBJ("valueFrom", env_var_source), END};

static const sts__field env_from_ref[] = {STR("name"), BOOL("optional"), END};
static const sts__field env_from_source[] = {
    STR("prefix"), OBJ("configMapRef", env_from_ref), OBJ("secretRef", env_from_ref), END};

static const sts__field resource_claim[] = {STR("name"), STR("request"), END};
static const sts__field resource_requirements[] = {
    MAP_OF("limits", STS__T_QUANTITY), MAP_OF("requests", STS__T_QUANTITY),
    LIST_OBJ("claims", resource_claim), END};

static const sts__field resize_policy[] = {STR("resourceName"), STR("restartPolicy"), END};

static const sts__field volume_mount[] = {
    STR("name"), BOOL("readOnly"), STR("recursiveReadOnly"), STR("mountPath"),
    STR("subPath"), STR("mountPropagation"), STR("subPathExpr"), END};
static const sts__field volume_device[] = {STR("name"), STR("devicePath"), END};

static const sts__field exec_action[] = {LIST_OF("command", STS__T_STRING), END};
static const sts__field http_header[] = {STR("name"), STR("value"), END};
static const sts__field http_get_action[] = {
    STR("path"), IOS("port"), STR("host"), STR("scheme"),
    LIST_OBJ("httpHeaders", http_header), END};
static const sts__field tcp_socket_action[] = {IOS("port"), STR("host"), END};
static const sts__field grpc_action[] = {I32("port"), STR("service"), END};
static const sts__field sleep_action[] = {I64("seconds"), END};

static const sts__field probe[] = {
    OBJ("exec", exec_action), OBJ("httpGet", http_get_action),
    OBJ("tcpSocket", tcp_socket_action), OBJ("grpc", grpc_action),
    I32("initialDelaySeconds"), I32("timeoutSeconds"), I32("periodSeconds"),
    I32("successThreshold"), I32("failureThreshold"), I64("terminationGracePeriodSeconds"),
    END};

static const sts__field lifecycle_handler[] = {
    OBJ("exec", exec_action), OBJ("httpGet", http_get_action),
    OBJ("tcpSocket", tcp_socket_action), OBJ("sleep", sleep_action), END};
static const sts__field lifecycle[] = {
    OBJ("postStart", lifecycle_handler), OBJ("preStop", lifecycle_handler),
    STR("stopSignal"), END};

static const sts__field capabilities[] = {
    LIST_OF("add", STS__T_STRING), LIST_OF("drop", STS__T_STRING), END};
static const sts__field se_linux_options[] = {
    STR("user"), STR("role"), STR("type"), STR("level"), END};
static const sts__field windows_options[] = {
    STR("gmsaCredentialSpecName"), STR("gmsaCredentialSpec"), STR("runAsUserName"),
    BOOL("hostProcess"), END};
static const sts__field profile[] = {STR("type"), STR("localhostProfile"), END};

static const sts__field security_context[] = {
    OBJ("capabilities", capabilities), BOOL("privileged"),
    OBJ("seLinuxOptions", se_linux_options), OBJ("windowsOptions", windows_options),
    I64("runAsUser"), I64("runAsGroup"), BOOL("runAsNonRoot"),
    BOOL("readOnlyRootFilesystem"), BOOL("allowPrivilegeEscalation"), STR("procMount"),
    OBJ("seccompProfile", profile), OBJ("appArmorProfile", profile), END};

static const sts__field container[] = {
    STR("name"), STR("image"), LIST_OF("command", STS__T_STRING),
    LIST_OF("args", STS__T_STRING), STR("workingDir"), LIST_OBJ("ports", container_port),
    LIST_OBJ("envFrom", env_from_source), LIST_OBJ("env", env_var),
    OBJ("resources", resource_requirements), LIST_OBJ("resizePolicy", resize_policy),
    STR("restartPolicy"), LIST_OBJ("volumeMounts", volume_mount),
    LIST_OBJ("volumeDevices", volume_device), OBJ("livenessProbe", probe),
    OBJ("readinessProbe", probe), OBJ("startupProbe", probe), OBJ("lifecycle", lifecycle),
    STR("terminationMessagePath"), STR("terminationMessagePolicy"), STR("imagePullPolicy"),
    OBJ("securityContext", security_context), BOOL("stdin"), BOOL("stdinOnce"), BOOL("tty"),
    STR("targetContainerName") /* ephemeral containers */, END};

/* ---- core/v1: volumes ---- */

static const sts__field key_to_path[] = {STR("key"), STR("path"), I32("mode"), END};
static const sts__field pvc_volume_source[] = {STR("claimName"), BOOL("readOnly"), END};
static const sts__field empty_dir[] = {STR("medium"), QTY("sizeLimit"), END};
static const sts__field host_path[] = {STR("path"), STR("type"), END};
static const sts__field config_map_volume[] = {
    STR("name"), LIST_OBJ("items", key_to_path), I32("defaultMode"), BOOL("optional"), END};
static const sts__field secret_volume[] = {
    STR("secretName"), LIST_OBJ("items", key_to_path), I32("defaultMode"), BOOL("optional"),
    END};
static const sts__field downward_api_file[] = {
    STR("path"), OBJ("fieldRef", object_field_selector),
    OBJ("resourceFieldRef", resource_field_selector), I32("mode"), END};
static const sts__field downward_api_volume[] = {
    LIST_OBJ("items", downward_api_file), I32("defaultMode"), END};
static const sts__field projection_config_map[] = {
    STR("name"), LIST_OBJ("items", key_to_path), BOOL("optional"), END};
static const sts__field projection_secret[] = {
    STR("name"), LIST_OBJ("items", key_to_path), BOOL("optional"), END};
static const sts__field projection_downward_api[] = {
    LIST_OBJ("items", downward_api_file), END};
static const sts__field projection_sa_token[] = {
    STR("audience"), I64("expirationSeconds"), STR("path"), END};
static const sts__field volume_projection[] = {
    OBJ("secret", projection_secret), OBJ("downwardAPI", projection_downward_api),
    OBJ("configMap", projection_config_map), OBJ("serviceAccountToken", projection_sa_token),
    END};
static const sts__field projected_volume[] = {
    LIST_OBJ("sources", volume_projection), I32("defaultMode"), END};
static const sts__field nfs_volume[] = {STR("server"), STR("path"), BOOL("readOnly"), END};
static const sts__field local_object_reference[] = {STR("name"), END};
static const sts__field csi_volume[] = {
    STR("driver"), BOOL("readOnly"), STR("fsType"), MAP_OF("volumeAttributes", STS__T_STRING),
    OBJ("nodePublishSecretRef", local_object_reference), END};
static const sts__field image_volume[] = {STR("reference"), STR("pullPolicy"), END};

static const sts__field typed_local_object_reference[] = {
    STR("apiGroup"), STR("kind"), STR("name"), END};
static const sts__field typed_object_reference[] = {
    STR("apiGroup"), STR("kind"), STR("name"), STR("namespace"), END};
static const sts__field volume_resource_requirements[] = {
    MAP_OF("limits", STS__T_QUANTITY), MAP_OF("requests", STS__T_QUANTITY), END};

static const sts__field pvc_spec[] = {
    LIST_OF("accessModes", STS__T_STRING), OBJ("selector", label_selector),
    OBJ("resources", volume_resource_requirements), STR("volumeName"),
    STR("storageClassName"), STR("volumeMode"),
    OBJ("dataSource", typed_local_object_reference),
    OBJ("dataSourceRef", typed_object_reference), STR("volumeAttributesClassName"), END};

static const sts__field pvc_status[] = {
    STR("phase"), LIST_OF("accessModes", STS__T_STRING), MAP_OF("capacity", STS__T_QUANTITY),
    LIST_OBJ("conditions", condition), MAP_OF("allocatedResources", STS__T_QUANTITY),
    STR("currentVolumeAttributesClassName"), END};

static const sts__field pvc_template[] = {
    OBJ("metadata", object_meta), OBJ("spec", pvc_spec), END};
static const sts__field ephemeral_volume[] = {OBJ("volumeClaimTemplate", pvc_template), END};

static const sts__field volume[] = {
    STR("name"), OBJ("persistentVolumeClaim", pvc_volume_source), OBJ("emptyDir", empty_dir),
    OBJ("hostPath", host_path), OBJ("configMap", config_map_volume),
    OBJ("secret", secret_volume), OBJ("downwardAPI", downward_api_volume),
    OBJ("projected", projected_volume), OBJ("nfs", nfs_volume), OBJ("csi", csi_volume),
    OBJ("ephemeral", ephemeral_volume), OBJ("image", image_volume), END};

/* ---- core/v1: pod spec ---- */

static const sts__field node_selector_requirement[] = {
    STR("key"), STR("operator"), LIST_OF("values", STS__T_STRING), END};
static const sts__field node_selector_term[] = {
    LIST_OBJ("matchExpressions", node_selector_requirement),
    LIST_OBJ("matchFields", node_selector_requirement), END};
static const sts__field node_selector[] = {
    LIST_OBJ("nodeSelectorTerms", node_selector_term), END};
static const sts__field preferred_scheduling_term[] = {
    I32("weight"), OBJ("preference", node_selector_term), END};
static const sts__field node_affinity[] = {
    OBJ("requiredDuringSchedulingIgnoredDuringExecution", node_selector),
    LIST_OBJ("preferredDuringSchedulingIgnoredDuringExecution", preferred_scheduling_term),
    END};
static const sts__field pod_affinity_term[] = {
    OBJ("labelSelector", label_selector), LIST_OF("namespaces", STS__T_STRING),
    STR("topologyKey"), OBJ("namespaceSelector", label_selector),
    LIST_OF("matchLabelKeys", STS__T_STRING), LIST_OF("mismatchLabelKeys", STS__T_STRING),
    END};
static const sts__field weighted_pod_affinity_term[] = {
    I32("weight"), OBJ("podAffinityTerm", pod_affinity_term), END};
static const sts__field pod_affinity[] = {
    LIST_OBJ("requiredDuringSchedulingIgnoredDuringExecution", pod_affinity_term),
    LIST_OBJ("preferredDuringSchedulingIgnoredDuringExecution", weighted_pod_affinity_term),
    END};
static const sts__field affinity[] = {
    OBJ("nodeAffinity", node_affinity), OBJ("podAffinity", pod_affinity),
    OBJ("podAntiAffinity", pod_affinity), END};

static const sts__field toleration[] = {
    STR("key"), STR("operator"), STR("value"), STR("effect"), I64("tolerationSeconds"), END};
static const sts__field host_alias[] = {STR("ip"), LIST_OF("hostnames", STS__T_STRING), END};
static const sts__field dns_config_option[] = {STR("name"), STR("value"), END};
static const sts__field dns_config[] = {
    LIST_OF("nameservers", STS__T_STRING), LIST_OF("searches", STS__T_STRING),
    LIST_OBJ("options", dns_config_option), END};
static const sts__field readiness_gate[] = {STR("conditionType"), END};
static const sts__field topology_spread_constraint[] = {
    I32("maxSkew"), STR("topologyKey"), STR("whenUnsatisfiable"),
    OBJ("labelSelector", label_selector), I32("minDomains"), STR("nodeAffinityPolicy"),
    STR("nodeTaintsPolicy"), LIST_OF("matchLabelKeys", STS__T_STRING), END};
static const sts__field sysctl[] = {STR("name"), STR("value"), END};
static const sts__field pod_security_context[] = {
    OBJ("seLinuxOptions", se_linux_options), OBJ("windowsOptions", windows_options),
    I64("runAsUser"), I64("runAsGroup"), BOOL("runAsNonRoot"),
    LIST_OF("supplementalGroups", STS__T_INT64), STR("supplementalGroupsPolicy"),
    I64("fsGroup"), LIST_OBJ("sysctls", sysctl), STR("fsGroupChangePolicy"),
    OBJ("seccompProfile", profile), OBJ("appArmorProfile", profile),
    STR("seLinuxChangePolicy"), END};
static const sts__field pod_os[] = {STR("name"), END};
static const sts__field pod_scheduling_gate[] = {STR("name"), END};
static const sts__field pod_resource_claim[] = {
    STR("name"), STR("resourceClaimName"), STR("resourceClaimTemplateName"), END};

static const sts__field pod_spec[] = {
    LIST_OBJ("volumes", volume), LIST_OBJ("initContainers", container),
    LIST_OBJ("containers", container), LIST_OBJ("ephemeralContainers", container),
    STR("restartPolicy"), I64("terminationGracePeriodSeconds"), I64("activeDeadlineSeconds"),
    STR("dnsPolicy"), MAP_OF("nodeSelector", STS__T_STRING), STR("serviceAccountName"),
    STR("serviceAccount"), BOOL("automountServiceAccountToken"), STR("nodeName"),
    BOOL("hostNetwork"), BOOL("hostPID"), BOOL("hostIPC"), BOOL("shareProcessNamespace"),
    OBJ("securityContext", pod_security_context),
    LIST_OBJ("imagePullSecrets", local_object_reference), STR("hostname"), STR("subdomain"),
    OBJ("affinity", affinity), STR("schedulerName"), LIST_OBJ("tolerations", toleration),
    LIST_OBJ("hostAliases", host_alias), STR("priorityClassName"), I32("priority"),
    OBJ("dnsConfig", dns_config), LIST_OBJ("readinessGates", readiness_gate),
    STR("runtimeClassName"), BOOL("enableServiceLinks"), STR("preemptionPolicy"),
    MAP_OF("overhead", STS__T_QUANTITY),
    LIST_OBJ("topologySpreadConstraints", topology_spread_constraint),
    BOOL("setHostnameAsFQDN"), OBJ("os", pod_os), BOOL("hostUsers"),
    LIST_OBJ("schedulingGates", pod_scheduling_gate),
    LIST_OBJ("resourceClaims", pod_resource_claim), OBJ("resources", resource_requirements),
    END};

static const sts__field pod_template_spec[] = {
    OBJ("metadata", object_meta), OBJ("spec", pod_spec), END};

/* ---- core/v1: pod status ---- */

static const sts__field pod_ip[] = {STR("ip"), END};
static const sts__field container_status[] = {
    STR("name"), OBJ("state", no_fields), OBJ("lastState", no_fields), BOOL("ready"),
    I32("restartCount"), STR("image"), STR("imageID"), STR("containerID"), BOOL("started"),
    MAP_OF("allocatedResources", STS__T_QUANTITY), OBJ("resources", resource_requirements),
    END};
static const sts__field pod_status[] = {
    I64("observedGeneration"), STR("phase"), LIST_OBJ("conditions", condition),
    STR("message"), STR("reason"), STR("nominatedNodeName"), STR("hostIP"),
    LIST_OBJ("hostIPs", pod_ip), STR("podIP"), LIST_OBJ("podIPs", pod_ip), STR("startTime"),
    LIST_OBJ("initContainerStatuses", container_status),
    LIST_OBJ("containerStatuses", container_status), STR("qosClass"),
    LIST_OBJ("ephemeralContainerStatuses", container_status), STR("resize"), END};

/* ---- apps/v1: StatefulSet ---- */

static const sts__field rolling_update_sts[] = {I32("partition"), IOS("maxUnavailable"), END};
static const sts__field sts_update_strategy[] = {
    STR("type"), OBJ("rollingUpdate", rolling_update_sts), END};
static const sts__field sts_pvc_retention[] = {STR("whenDeleted"), STR("whenScaled"), END};
static const sts__field sts_ordinals[] = {I32("start"), END};

static const sts__field pvc_object[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", pvc_spec),
    OBJ("status", pvc_status), END};

static const sts__field sts_spec[] = {
    I32("replicas"), OBJ("selector", label_selector), OBJ("template", pod_template_spec),
    LIST_OBJ("volumeClaimTemplates", pvc_object), STR("serviceName"),
    STR("podManagementPolicy"), OBJ("updateStrategy", sts_update_strategy),
    I32("revisionHistoryLimit"), I32("minReadySeconds"),
    OBJ("persistentVolumeClaimRetentionPolicy", sts_pvc_retention),
    OBJ("ordinals", sts_ordinals), END};

static const sts__field sts_status_fields[] = {
    I64("observedGeneration"), I32("replicas"), I32("readyReplicas"), I32("currentReplicas"),
    I32("updatedReplicas"), STR("currentRevision"), STR("updateRevision"),
    I32("collisionCount"), LIST_OBJ("conditions", condition), I32("availableReplicas"), END};

static const sts__field statefulset[] = {
    STR("apiVersion"), STR("kind"), OBJ("metadata", object_meta), OBJ("spec", sts_spec),
    OBJ("status", sts_status_fields), END};

/* ---- core/v1: Service ---- */

static const sts__field service_port[] = {
    STR("name"), STR("protocol"), STR("appProtocol"), I32("port"), IOS("targetPort"),
    I32("nodePort"), END};
static const sts__field client_ip_config[] = {I32("timeoutSeconds"), END};
static const sts__field session_affinity_config[] = {OBJ("clientIP", client_ip_config), END};
static const sts__field service_spec[] = {
    LIST_OBJ("ports", service_port), MAP_OF("selector", STS__T_STRING), STR("clusterIP"),
    LIST_OF("clusterIPs", STS__T_STRING), STR("type"), LIST_OF("externalIPs", STS__T_STRING),
    STR("sessionAffinity"), STR("loadBalancerIP"),
    LIST_OF("loadBalancerSourceRanges", STS__T_STRING), STR("externalName"),
    STR("externalTrafficPolicy"), I32("healthCheckNodePort"),
    BOOL("publishNotReadyAddresses"), OBJ("sessionAffinityConfig", session_affinity_config),
    LIST_OF("ipFamilies", STS__T_STRING), STR("ipFamilyPolicy"),
    BOOL("allocateLoadBalancerNodePorts"), STR("loadBalancerClass"),
    STR("internalTrafficPolicy"), STR("trafficDistribution"), END};
static const sts__field port_status[] = {I32("port"), STR("protocol"), STR("error"), END};
static const sts__field lb_ingress[] = {
    STR("ip"), STR("hostname"), STR("ipMode"), LIST_OBJ("ports", port_status), END};
static const sts__field lb_status[] = {LIST_OBJ("ingress", lb_ingress), END};
static const sts__field service_status[] = {
    OBJ("loadBalancer", lb_status), LIST_OBJ("conditions", condition), END};
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

const sts__field *sts__schema_root(sts_kind kind)
{
    switch (kind) {
    case STS_KIND_STATEFULSET:
        return statefulset;
    case STS_KIND_SERVICE:
        return service;
    case STS_KIND_POD:
        return pod;
    case STS_KIND_PERSISTENT_VOLUME_CLAIM:
        return pvc_object;
    case STS_KIND_CONTROLLER_REVISION:
        return controller_revision;
    default:
        return other;
    }
}

const sts__field *sts__schema_lookup(const sts__field *fields, const char *name, size_t len)
{
    for (const sts__field *f = fields; f && f->name; f++)
        if (len && f->name[0] == name[0] && strlen(f->name) == len &&
            memcmp(f->name, name, len) == 0)
            return f;
    return NULL;
}
