"""Defaulting as the API server does it before storing, versions and gates,
resource quantities.

Expected values: test-scenarios.md section J (D1-D12, upstream
TestSetDefaultStatefulSet) and statefulset-spec.md section 6 (nested pod
template, container and claim template defaults); quantities from
resource.Quantity's canonical form (largest suffix that keeps the number
whole, milli precision rounded up, exponent form kept) and its error texts.
"""
import copy

import pytest

import statefulset

ON = {"MaxUnavailableStatefulSet": True}
OFF = {"MaxUnavailableStatefulSet": False}


def dset(**spec):
    """A StatefulSet whose template has labels {foo: bar} (section J's input)."""
    body = {"template": {"metadata": {"labels": {"foo": "bar"}}}}
    body.update(copy.deepcopy(spec))
    return statefulset.from_dict({"apiVersion": "apps/v1", "kind": "StatefulSet",
                                  "metadata": {"name": "foo"}, "spec": body})


def defaulted_spec(gates=None, **spec):
    return dset(**spec).defaulted(feature_gates=gates).get("spec")


RETAIN = {"whenDeleted": "Retain", "whenScaled": "Retain"}


def test_d1_nothing_set():
    for gates, rolling in ((OFF, {"partition": 0}), (ON, {"partition": 0, "maxUnavailable": 1})):
        s = defaulted_spec(gates)
        assert s["podManagementPolicy"] == "OrderedReady"
        assert s["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": rolling}
        assert s["replicas"] == 1
        assert s["revisionHistoryLimit"] == 10
        assert s["persistentVolumeClaimRetentionPolicy"] == RETAIN
        assert "selector" not in s  # apps/v1 does not default the selector
        assert "minReadySeconds" not in s and "ordinals" not in s
        assert s["template"]["metadata"] == {"labels": {"foo": "bar"}}


def test_d2_parallel_kept():
    s = defaulted_spec(OFF, podManagementPolicy="Parallel")
    assert s["podManagementPolicy"] == "Parallel"
    assert s["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}
    assert s["replicas"] == 1 and s["revisionHistoryLimit"] == 10


def test_d3_on_delete_gets_no_rolling_update():
    for gates in (ON, OFF):
        assert defaulted_spec(gates, updateStrategy={"type": "OnDelete"})["updateStrategy"] == {
            "type": "OnDelete"}


def test_d4_partition_kept_when_type_unset():
    s = defaulted_spec(OFF, updateStrategy={"rollingUpdate": {"partition": 42}})
    assert s["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": {"partition": 42}}


def test_d5_explicit_rolling_update_keeps_nil_block():
    for gates in (ON, OFF):
        s = defaulted_spec(gates, updateStrategy={"type": "RollingUpdate"})
        assert s["updateStrategy"] == {"type": "RollingUpdate"}


@pytest.mark.parametrize("given,want", [
    ({"whenScaled": "Delete"}, {"whenDeleted": "Retain", "whenScaled": "Delete"}),   # D6
    ({"whenDeleted": "Delete"}, {"whenDeleted": "Delete", "whenScaled": "Retain"}),  # D7
    ({"whenDeleted": "Delete", "whenScaled": "Delete"},
     {"whenDeleted": "Delete", "whenScaled": "Delete"}),                             # D8
])
def test_d6_d8_retention_fields_defaulted_one_by_one(given, want):
    assert defaulted_spec(OFF, persistentVolumeClaimRetentionPolicy=given)[
        "persistentVolumeClaimRetentionPolicy"] == want


def test_d9_gate_on_empty_rolling_update():
    s = defaulted_spec(ON, updateStrategy={"type": "RollingUpdate", "rollingUpdate": {}})
    assert s["updateStrategy"]["rollingUpdate"] == {"partition": 0, "maxUnavailable": 1}


def test_d10_gate_on_max_unavailable_kept():
    s = defaulted_spec(ON, updateStrategy={"type": "RollingUpdate",
                                           "rollingUpdate": {"maxUnavailable": 3}})
    assert s["updateStrategy"]["rollingUpdate"] == {"maxUnavailable": 3, "partition": 0}


def test_d11_gate_off_no_max_unavailable():
    s = defaulted_spec(OFF, updateStrategy={"type": "RollingUpdate", "rollingUpdate": {}})
    assert s["updateStrategy"]["rollingUpdate"] == {"partition": 0}


def test_d12_zero_values_kept():
    s = defaulted_spec(OFF, replicas=0, revisionHistoryLimit=0)
    assert s["replicas"] == 0 and s["revisionHistoryLimit"] == 0


def test_nested_defaults():
    """Section J's nested defaults, spec 6.2."""
    sts = dset(template={"metadata": {"labels": {"foo": "bar"}},
                         "spec": {"containers": [{"name": "a", "image": "nginx:1.25",
                                                  "ports": [{"containerPort": 80}]},
                                                 {"name": "b", "image": "nginx"},
                                                 {"name": "c", "image": "nginx:latest"}]}},
               volumeClaimTemplates=[{"metadata": {"name": "www"},
                                      "spec": {"accessModes": ["ReadWriteOnce"],
                                               "resources": {"requests": {"storage": "1024Mi"}}}}])
    d = sts.defaulted(feature_gates=OFF)
    pod = d.get("spec.template.spec")
    assert pod["dnsPolicy"] == "ClusterFirst"
    assert pod["restartPolicy"] == "Always"
    assert pod["securityContext"] == {}
    assert pod["terminationGracePeriodSeconds"] == 30
    assert pod["schedulerName"] == "default-scheduler"
    a, b, c = pod["containers"]
    assert a["imagePullPolicy"] == "IfNotPresent"
    assert b["imagePullPolicy"] == "Always"   # no tag
    assert c["imagePullPolicy"] == "Always"   # :latest
    assert a["terminationMessagePath"] == "/dev/termination-log"
    assert a["terminationMessagePolicy"] == "File"
    assert a["ports"] == [{"containerPort": 80, "protocol": "TCP"}]
    (claim,) = d.get("spec.volumeClaimTemplates")
    assert claim["spec"]["volumeMode"] == "Filesystem"
    assert claim["status"] == {"phase": "Pending"}
    assert claim["spec"]["resources"]["requests"]["storage"] == "1Gi"   # canonical quantity


def test_defaulted_is_a_new_object_of_the_same_class():
    sts = dset()
    d = sts.defaulted()
    assert type(d) is statefulset.StatefulSet and d is not sts
    assert not sts.has("spec.podManagementPolicy")   # the input is left alone
    assert d.get("spec.podManagementPolicy") == "OrderedReady"
    d.close()
    assert sts.get("spec.template.metadata.labels") == {"foo": "bar"}
    # defaulting the defaulted object changes nothing
    d = sts.defaulted()
    assert d.defaulted().to_dict() == d.to_dict()
    # other kinds come back unchanged
    svc = statefulset.Service.new("nginx")
    svc.set("spec.clusterIP", "None")
    out = svc.defaulted()
    assert type(out) is statefulset.Service and out.to_dict() == svc.to_dict()


def test_feature_gate_by_string_and_mapping():
    as_text = dset().defaulted(feature_gates="MaxUnavailableStatefulSet=true")
    as_map = dset().defaulted(feature_gates=ON)
    assert as_text.get("spec.updateStrategy.rollingUpdate.maxUnavailable") == 1
    assert as_map.to_dict() == as_text.to_dict()
    assert not dset().defaulted(feature_gates="MaxUnavailableStatefulSet=false").has(
        "spec.updateStrategy.rollingUpdate.maxUnavailable")


def test_versions_and_gates():
    assert statefulset.KUBE_VERSION_DEFAULT == "1.35"
    assert statefulset.kube_version_minor("1.31") == 31
    assert statefulset.kube_version_minor("v1.34.2") == 34
    for bad in ("1.30", "2.0", ""):
        with pytest.raises(statefulset.VersionError) as info:
            statefulset.kube_version_minor(bad)
        assert repr(bad)[1:-1] in info.value.message
    assert statefulset.feature_gate_enabled("MaxUnavailableStatefulSet", "1.34",
                                            "MaxUnavailableStatefulSet=true")
    assert not statefulset.feature_gate_enabled("MaxUnavailableStatefulSet", "1.35",
                                                {"MaxUnavailableStatefulSet": False})
    with pytest.raises(statefulset.NotFoundError) as info:
        statefulset.feature_gate_enabled("NoSuchGate")
    assert info.value.message == "unrecognized feature gate: NoSuchGate"
    with pytest.raises(statefulset.InvalidArgumentError):
        statefulset.feature_gate_enabled("MaxUnavailableStatefulSet",
                                         feature_gates="MaxUnavailableStatefulSet=maybe")


def test_defaulted_errors():
    with pytest.raises(statefulset.VersionError):
        dset().defaulted(kube_version="1.20")
    with pytest.raises(statefulset.NotFoundError):
        dset().defaulted(feature_gates={"Bogus": True})
    with pytest.raises(TypeError):
        dset().defaulted(feature_gates={"MaxUnavailableStatefulSet": "yes"})
    bad = dset(template={"metadata": {"labels": {"foo": "bar"}},
                         "spec": {"containers": [{"name": "c", "image": "x:1",
                                                  "resources": {"requests": {"cpu": "lots"}}}]}})
    with pytest.raises(statefulset.InvalidArgumentError) as info:
        bad.defaulted()
    assert info.value.path == "spec.template.spec.containers[0].resources.requests[cpu]"
    assert "quantities must match the regular expression" in info.value.message
    closed = dset()
    closed.close()
    with pytest.raises(ValueError):
        closed.defaulted()


# ---- quantities ------------------------------------------------------------------------

@pytest.mark.parametrize("given,want", [
    ("1024Mi", "1Gi"), ("0.5", "500m"), (0.5, "500m"), ("1000m", "1"), ("2000m", "2"),
    ("1.5Gi", "1536Mi"), ("1024Ki", "1Mi"), ("1Ki", "1Ki"), ("100M", "100M"), ("1e3", "1e3"),
    ("0.1", "100m"), ("0", "0"), (1, "1"), ("128974848", "128974848"), ("129e6", "129e6"),
    ("0.0001", "1m"),
])
def test_quantity_canonical(given, want):
    assert statefulset.quantity(given) == want


def test_quantity_errors():
    for bad in ("abc", "1Gb", "", "1 Gi"):
        with pytest.raises(statefulset.InvalidArgumentError) as info:
            statefulset.quantity(bad)
        assert info.value.message == ("quantities must match the regular expression "
                                      "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    with pytest.raises(statefulset.InvalidArgumentError) as info:
        statefulset.quantity("1ki")
    assert info.value.message == "unable to parse quantity's suffix"
    for bad in (None, True, [1]):
        with pytest.raises(TypeError):
            statefulset.quantity(bad)
