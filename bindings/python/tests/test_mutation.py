"""Setters change one field; unknown fields and key order survive."""
import json

import pytest

import statefulset

# Keys deliberately out of kubectl's (sorted) order, plus fields no schema knows.
UNUSUAL = """\
kind: StatefulSet
apiVersion: apps/v1
x-owner: team-a
metadata:
  name: web
  labels:
    zeta: "1"
    alpha: "2"
spec:
  serviceName: nginx
  replicas: 2
  fooUnknown:
    keep: [1, 2, 3]
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
"""


def keys(d):
    return list(d.keys())


def load_unusual():
    (sts,) = statefulset.load(UNUSUAL)
    return sts


def assert_same_shape_except(before, after, changed):
    """Same keys in the same order everywhere, same values except at @changed."""
    assert keys(after) == keys(before)
    assert keys(after["spec"]) == keys(before["spec"])
    assert keys(after["metadata"]) == keys(before["metadata"])
    assert keys(after["metadata"]["labels"]) == keys(before["metadata"]["labels"])
    assert after["x-owner"] == "team-a"
    assert after["spec"]["fooUnknown"] == {"keep": [1, 2, 3]}
    for k in before["spec"]:
        if k != changed:
            assert after["spec"][k] == before["spec"][k]


def test_set_replicas_keeps_everything_else():
    sts = load_unusual()
    before = sts.to_dict()
    sts.replicas = 5
    assert sts.replicas == 5
    out = sts.to_yaml()
    (again,) = statefulset.load(out)
    after = again.to_dict()
    assert after["spec"]["replicas"] == 5
    assert_same_shape_except(before, after, "replicas")
    # the text itself keeps the source's order: kind before apiVersion,
    # serviceName before replicas before fooUnknown
    assert out.index("kind:") < out.index("apiVersion:") < out.index("x-owner:")
    assert out.index("serviceName:") < out.index("replicas: 5") < out.index("fooUnknown:")
    assert "replicas: 2" not in out


def test_unchanged_object_dumps_its_source_order():
    sts = load_unusual()
    (again,) = statefulset.load(sts.to_yaml())
    assert again.to_dict() == sts.to_dict()
    assert keys(again.to_dict()) == ["kind", "apiVersion", "x-owner", "metadata", "spec"]


def test_kubectl_style_sorts_keys():
    sts = load_unusual()
    out = sts.to_yaml(style="kubectl")
    assert out.index("apiVersion:") < out.index("kind:")
    d = json.loads(sts.to_json(style="kubectl"))
    assert d == sts.to_dict()
    assert keys(d) == sorted(keys(d))


def test_replicas_zero_and_none():
    sts = load_unusual()
    sts.replicas = 0
    assert sts.replicas == 0
    assert sts.to_dict()["spec"]["replicas"] == 0
    (again,) = statefulset.load(sts.to_json(), "json")
    assert again.replicas == 0
    sts.replicas = None
    assert sts.replicas is None
    assert "replicas" not in sts.to_dict()["spec"]
    sts.replicas = None  # removing an absent field is fine
    sts.replicas = 4    # comes back (at the end of spec)
    assert sts.get("spec.replicas") == 4


def test_new_fields_are_created():
    sts = load_unusual()
    sts.partition = 2
    sts.max_unavailable = "25%"
    sts.update_strategy_type = "RollingUpdate"
    sts.pod_management_policy = "Parallel"
    sts.min_ready_seconds = 5
    sts.revision_history_limit = 3
    sts.ordinals_start = 1
    sts.pvc_retention = ("Retain", "Delete")
    sts.service_name = "other"
    assert sts.get("spec.updateStrategy") == {
        "rollingUpdate": {"partition": 2, "maxUnavailable": "25%"}, "type": "RollingUpdate"} \
        or sts.get("spec.updateStrategy") == {
        "type": "RollingUpdate", "rollingUpdate": {"partition": 2, "maxUnavailable": "25%"}}
    assert sts.partition == 2 and sts.max_unavailable == "25%"
    assert sts.update_strategy_type == "RollingUpdate"
    assert sts.pod_management_policy == "Parallel"
    assert sts.min_ready_seconds == 5 and sts.revision_history_limit == 3
    assert sts.ordinals_start == 1
    assert sts.pvc_retention == ("Retain", "Delete")
    assert sts.get("spec.persistentVolumeClaimRetentionPolicy") == {
        "whenDeleted": "Retain", "whenScaled": "Delete"}
    assert sts.service_name == "other"
    # the existing keys did not move
    assert keys(sts.to_dict()["spec"])[:5] == [
        "serviceName", "replicas", "fooUnknown", "selector", "template"]
    sts.max_unavailable = 1
    assert sts.max_unavailable == 1
    assert sts.get("spec.updateStrategy.rollingUpdate.maxUnavailable") == 1


def test_setter_type_checks():
    sts = load_unusual()
    with pytest.raises(statefulset.FieldTypeError) as ei:
        sts.replicas = "three"
    assert isinstance(ei.value, TypeError) and ei.value.path == "spec.replicas"
    with pytest.raises(TypeError):
        sts.replicas = True
    with pytest.raises(statefulset.RangeError):
        sts.replicas = 2 ** 31
    with pytest.raises(ValueError):  # RangeError is also a ValueError
        sts.partition = -(2 ** 31) - 1
    with pytest.raises(statefulset.FieldTypeError):
        sts.max_unavailable = "half"
    with pytest.raises(statefulset.FieldTypeError):
        sts.service_name = 3
    assert sts.replicas == 2  # nothing changed


def test_generic_set_and_remove():
    sts = load_unusual()
    sts.set("spec.template.spec.containers[0].image", "nginx:1.27")
    assert sts.get("spec.template.spec.containers[0].image") == "nginx:1.27"
    sts.set("spec.template.spec.containers[0].resources",
            {"limits": {"cpu": "500m", "memory": "1Gi"}, "requests": None})
    assert sts.get("spec.template.spec.containers[0].resources") == {
        "limits": {"cpu": "500m", "memory": "1Gi"}, "requests": None}
    # an unknown field may hold anything
    sts.set("spec.fooUnknown.mixed", ["--a", 1, 2.5, True, None, {"x": []}])
    assert sts.get("spec.fooUnknown.mixed") == ["--a", 1, 2.5, True, None, {"x": []}]
    assert sts.get("spec.fooUnknown.keep") == [1, 2, 3]
    # a known field is type-checked (by check() and by the next load)
    sts.set("spec.template.spec.containers[0].args", ["--a", 1])
    with pytest.raises(statefulset.FieldTypeError) as ei:
        sts.check()
    assert ei.value.path == "spec.template.spec.containers[0].args[1]"
    sts.set("spec.template.spec.containers[0].args", ["--a", "1"])
    sts.check()
    sts.set("metadata.annotations.note", "new")       # creates metadata.annotations
    assert sts.annotations == {"note": "new"}
    sts.set('metadata.labels["app.kubernetes.io/name"]', "nginx")
    assert sts.get_label("app.kubernetes.io/name") == "nginx"
    sts.set_label("zeta", "9")
    assert keys(sts.labels) == ["zeta", "alpha", "app.kubernetes.io/name"]
    assert sts.labels["zeta"] == "9"
    sts.set_annotation("b", "c")
    assert sts.get_annotation("b") == "c"
    sts.remove("spec.fooUnknown")
    assert not sts.has("spec.fooUnknown")
    (again,) = statefulset.load(sts.to_yaml())
    assert again.to_dict() == sts.to_dict()
    with pytest.raises(statefulset.NotFoundError) as ei:
        sts.remove("spec.fooUnknown")
    assert isinstance(ei.value, KeyError) and ei.value.code == statefulset.ENOTFOUND
    sts.name = "renamed"
    sts.namespace = "ns1"
    assert (sts.name, sts.namespace) == ("renamed", "ns1")
    sts.labels = {"only": "this"}
    assert sts.labels == {"only": "this"}
    (again,) = statefulset.load(sts.to_yaml())
    assert again.to_dict() == sts.to_dict()


def test_set_refuses_what_a_document_cannot_hold():
    sts = load_unusual()
    with pytest.raises(statefulset.FieldTypeError):
        sts.set("spec.x", object())
    with pytest.raises(statefulset.FieldTypeError):
        sts.set("spec.x", {1: "a"})
    with pytest.raises(statefulset.RangeError):
        sts.set("spec.x", 2 ** 64)
    loop = {}
    loop["self"] = loop
    with pytest.raises(statefulset.LimitError):
        sts.set("spec.x", loop)
    with pytest.raises(statefulset.InvalidArgumentError):
        sts.set("spec[", 1)


def test_to_dict_equals_json_loads_to_json(web):
    for obj in web:
        assert obj.to_dict() == json.loads(obj.to_json())
        assert obj.to_dict() == json.loads(obj.to_json(compact=True))
        assert obj.to_dict() == json.loads(obj.to_json(style="kubectl", indent=2))
    sts = load_unusual()
    sts.replicas = 7
    assert sts.to_dict() == json.loads(sts.to_json())
    assert keys(json.loads(sts.to_json())) == keys(sts.to_dict())


def test_compact_json_has_no_whitespace(web):
    assert " " not in web[0].to_json(compact=True).strip()
    assert "\n" not in web[0].to_json(compact=True).strip()


def test_bad_style():
    sts = load_unusual()
    with pytest.raises(ValueError):
        sts.to_yaml(style="pretty")


def test_clone_is_independent():
    sts = load_unusual()
    copy = sts.clone()
    copy.replicas = 9
    assert sts.replicas == 2 and copy.replicas == 9
    assert type(copy) is statefulset.StatefulSet
