"""Typed properties read through the C getters."""
import pytest

import statefulset

STS_FULL = """\
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: prod
  labels:
    app: db
    app.kubernetes.io/name: postgres
  annotations:
    note: hello
spec:
  replicas: 0
  serviceName: db-headless
  podManagementPolicy: Parallel
  revisionHistoryLimit: 5
  minReadySeconds: 10
  ordinals:
    start: 3
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 1
      maxUnavailable: 50%
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Delete
    whenScaled: Retain
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: pg
        image: postgres:16
  volumeClaimTemplates:
  - metadata:
      name: data
  - metadata:
      name: wal
status:
  replicas: 3
  readyReplicas: 2
  currentReplicas: 3
  updatedReplicas: 1
  availableReplicas: 2
  observedGeneration: 7
  collisionCount: 0
  currentRevision: db-5d8f6c7b9
  updateRevision: db-6f7d9c8b4
"""


def load_one(text):
    (obj,) = statefulset.load(text)
    return obj


def test_tutorial_statefulset(web):
    sts = web[1]
    assert sts.kind == "StatefulSet" and sts.api_version == "apps/v1"
    assert sts.name == "web" and sts.namespace is None
    assert sts.replicas == 2
    assert sts.service_name == "nginx"
    assert sts.selector == {"matchLabels": {"app": "nginx"}}
    assert sts.template["spec"]["containers"][0]["image"] == "registry.k8s.io/nginx-slim:0.21"
    assert [t["metadata"]["name"] for t in sts.volume_claim_templates] == ["www"]
    # absent fields read as None, not as the API server's defaults
    assert sts.pod_management_policy is None
    assert sts.update_strategy_type is None
    assert sts.partition is None
    assert sts.max_unavailable is None
    assert sts.revision_history_limit is None
    assert sts.min_ready_seconds is None
    assert sts.ordinals_start is None
    assert sts.pvc_retention == (None, None)
    assert sts.status_replicas is None and sts.current_revision is None
    assert sts.labels == {} and sts.annotations == {}


def test_tutorial_service(web):
    svc = web[0]
    assert svc.name == "nginx"
    assert svc.cluster_ip == "None"
    assert svc.is_headless is True
    assert svc.ports == [{"port": 80, "name": "web"}]
    assert svc.selector == {"app": "nginx"}
    assert svc.publish_not_ready_addresses is None
    assert svc.labels == {"app": "nginx"}


def test_every_statefulset_field():
    sts = load_one(STS_FULL)
    assert sts.namespace == "prod"
    assert sts.labels == {"app": "db", "app.kubernetes.io/name": "postgres"}
    assert sts.get_label("app.kubernetes.io/name") == "postgres"
    assert sts.get_label("missing") is None
    assert sts.annotations == {"note": "hello"}
    assert sts.get_annotation("note") == "hello"
    assert sts.replicas == 0
    assert sts.service_name == "db-headless"
    assert sts.pod_management_policy == "Parallel"
    assert sts.revision_history_limit == 5
    assert sts.min_ready_seconds == 10
    assert sts.ordinals_start == 3
    assert sts.update_strategy_type == "RollingUpdate"
    assert sts.partition == 1
    assert sts.max_unavailable == "50%"
    assert sts.pvc_retention == statefulset.PvcRetention("Delete", "Retain")
    assert sts.pvc_when_deleted == "Delete" and sts.pvc_when_scaled == "Retain"
    assert [t["metadata"]["name"] for t in sts.volume_claim_templates] == ["data", "wal"]
    assert sts.status_replicas == 3
    assert sts.ready_replicas == 2
    assert sts.current_replicas == 3
    assert sts.updated_replicas == 1
    assert sts.available_replicas == 2
    assert sts.observed_generation == 7
    assert sts.collision_count == 0
    assert sts.current_revision == "db-5d8f6c7b9"
    assert sts.update_revision == "db-6f7d9c8b4"


def test_replicas_zero_is_not_absent():
    zero = load_one("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: a\n"
                    "spec:\n  replicas: 0\n")
    absent = load_one("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: a\n"
                      "spec: {}\n")
    assert zero.replicas == 0
    assert absent.replicas is None
    assert zero.to_dict()["spec"] == {"replicas": 0}
    assert absent.to_dict()["spec"] == {}


def test_max_unavailable_integer():
    sts = load_one("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: a\nspec:\n"
                   "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 2\n")
    assert sts.max_unavailable == 2


def test_pod():
    pod = load_one("""\
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  deletionTimestamp: "2024-05-01T10:00:00Z"
spec:
  hostname: web-0
  subdomain: nginx
status:
  phase: Running
  conditions:
  - type: Initialized
    status: "True"
  - type: Ready
    status: "True"
""")
    assert type(pod) is statefulset.Pod
    assert pod.phase == "Running"
    assert pod.hostname == "web-0"
    assert pod.subdomain == "nginx"
    assert pod.deletion_timestamp == "2024-05-01T10:00:00Z"
    assert pod.ready is True


def test_pod_not_ready():
    pod = load_one("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\nstatus:\n"
                   "  phase: Pending\n  conditions:\n  - type: Ready\n    status: \"False\"\n")
    assert pod.ready is False
    assert pod.hostname is None and pod.deletion_timestamp is None


def test_service_not_headless():
    svc = load_one("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n"
                   "  clusterIP: 10.0.0.10\n  publishNotReadyAddresses: true\n")
    assert svc.is_headless is False
    assert svc.cluster_ip == "10.0.0.10"
    assert svc.publish_not_ready_addresses is True
    assert svc.ports == [] and svc.selector is None


def test_generic_get(web):
    sts = web[1]
    assert sts.get("spec.template.spec.containers[0].image") == "registry.k8s.io/nginx-slim:0.21"
    assert sts.get("spec.template.spec.containers[0].ports[0].containerPort") == 80
    assert sts.get("spec.volumeClaimTemplates[0].spec.accessModes") == ["ReadWriteOnce"]
    assert sts.get("spec.nope") is None
    assert sts.get("spec.nope", 42) == 42
    assert sts.has("spec.replicas") and not sts.has("spec.nope")
    # line:column of the value `2` in web.yaml (line 21: "  replicas: 2")
    assert sts.position("spec.replicas") == (21, 13)
    with pytest.raises(statefulset.FieldTypeError):
        sts.get("spec.replicas.deeper")


def test_typed_classes_have_new():
    sts = statefulset.StatefulSet.new("web")
    assert sts.to_dict() == {"apiVersion": "apps/v1", "kind": "StatefulSet",
                             "metadata": {"name": "web"}}
    svc = statefulset.Service.new("nginx")
    assert svc.api_version == "v1" and svc.kind == "Service" and svc.name == "nginx"
    with pytest.raises(TypeError):
        statefulset.StatefulSet()
