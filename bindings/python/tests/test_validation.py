"""Validation as the API server does it, with its exact messages.

Expected values: statefulset-spec.md section 7 (messages, field.Error
rendering) and test-scenarios.md S70 (create), S72 (update) and S73
(status), on the "valid base" of test-scenarios.md section I. Bad values are
written as Go prints them in a field.Error (%q for strings, %v for numbers,
%#v for structs and maps); the 422 text is kubectl's rendering of the
StatusError causes ("The StatefulSet "abc" is invalid: ...").
"""
import copy

import pytest

import statefulset

BASE = {
    "apiVersion": "apps/v1",
    "kind": "StatefulSet",
    "metadata": {"name": "abc", "namespace": "default"},
    "spec": {
        "podManagementPolicy": "OrderedReady",
        "selector": {"matchLabels": {"a": "b"}},
        "template": {
            "metadata": {"labels": {"a": "b"}},
            "spec": {"restartPolicy": "Always", "dnsPolicy": "ClusterFirst",
                     "containers": [{"name": "abc", "image": "image",
                                     "imagePullPolicy": "IfNotPresent",
                                     "terminationMessagePolicy": "File"}]}},
        "updateStrategy": {"type": "RollingUpdate"},
        "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
        "replicas": 3,
    },
}

VERSIONS = ["1.31", "1.32", "1.33", "1.34", "1.35"]
GATE_ON = {"MaxUnavailableStatefulSet": True}

DNS_LABEL = ("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
             "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
             "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
QUALIFIED_NAME = ("name part must consist of alphanumeric characters, '-', '_' or '.', and must "
                  "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
                  "or '123-abc', regex used for validation is "
                  "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
PERCENT = ("a valid percent string must be a numeric string followed by an ending '%' (e.g. "
           "'1%',  or '93%', regex used for validation is '[0-9]+%')")
MISMATCH = ('spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: '
            '`selector` does not match template `labels`')
MU = "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "
RETENTION = ('spec.persistentVolumeClaimRetentionPolicy.%s: Unsupported value: "%s": '
             'supported values: "Retain", "Delete"')

FORBIDDEN_133 = ("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "
                 "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                 "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
# before revisionHistoryLimit became mutable (1.33) the list lacks it
FORBIDDEN_131 = FORBIDDEN_133.replace("'revisionHistoryLimit', ", "")


def make(change=None):
    d = copy.deepcopy(BASE)
    if change:
        change(d)
    return statefulset.from_dict(d)


def spec(**fields):
    def change(d):
        d["spec"].update(fields)
    return change


def strategy(value):
    return spec(updateStrategy=value)


def messages(sts, **kw):
    return [e.message for e in sts.validate(**kw)]


# ---- S69 -------------------------------------------------------------------------

@pytest.mark.parametrize("change", [
    None,
    lambda d: d["metadata"].update(name="abc-123"),
    spec(podManagementPolicy="Parallel"),
    strategy({"type": "OnDelete"}),
    strategy({"type": "RollingUpdate", "rollingUpdate": {"partition": 2}}),
    spec(replicas=0),
    spec(minReadySeconds=0),
    spec(ordinals={"start": 0}),
    spec(ordinals={"start": 2}),
    strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}}),
    strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "1%"}}),
    strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "100%"}}),
    spec(persistentVolumeClaimRetentionPolicy={"whenDeleted": "Delete", "whenScaled": "Delete"}),
])
def test_s69_valid(change):
    sts = make(change)
    for version in VERSIONS:
        assert sts.validate(kube_version=version) == []
    assert sts.validate(feature_gates=GATE_ON) == []
    sts.assert_valid()  # does not raise


# ---- S70: one row each, exact text ------------------------------------------------

S70 = [
    ("empty name", lambda d: d["metadata"].update(name=""), {},
     ["metadata.name: Required value: name or generateName is required"]),
    ("name with dots", lambda d: d["metadata"].update(name="abc.123"), {},
     ['metadata.name: Invalid value: "abc.123": must not contain dots']),
    ("long name", lambda d: d["metadata"].update(name="a" * 64), {},
     ['metadata.name: Invalid value: "%s": must be no more than 63 characters' % ("a" * 64)]),
    ("bad characters", lambda d: d["metadata"].update(name="Web_1"), {},
     ['metadata.name: Invalid value: "Web_1": ' + DNS_LABEL]),
    ("empty namespace", lambda d: d["metadata"].update(namespace=""), {},
     ["metadata.namespace: Required value"]),
    ("nil selector", lambda d: d["spec"].pop("selector"), {},
     ["spec.selector: Required value", MISMATCH]),
    ("empty selector", spec(selector={}), {},
     ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
      "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for "
      "statefulset"]),
    ("selector mismatch", spec(selector={"matchLabels": {"a": "c"}}), {}, [MISMATCH]),
    ("negative replicas", spec(replicas=-1), {},
     ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]),
    ("invalid template label",
     lambda d: d["spec"]["template"]["metadata"]["labels"].update(
         {"NoUppercaseOrSpecialCharsLike=Equals": "b"}), {"kube_version": "1.33"},
     ['spec.template.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": '
      + QUALIFIED_NAME]),
    ("invalid template annotation",
     lambda d: d["spec"]["template"]["metadata"].update(
         annotations={"NoUppercaseOrSpecialCharsLike=Equals": "x"}), {"kube_version": "1.33"},
     ['spec.template.annotations: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": '
      + QUALIFIED_NAME]),
    ("restartPolicy OnFailure",
     lambda d: d["spec"]["template"]["spec"].update(restartPolicy="OnFailure"), {},
     ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: '
      '"Always"']),
    ("restartPolicy Never",
     lambda d: d["spec"]["template"]["spec"].update(restartPolicy="Never"), {},
     ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: '
      '"Always"']),
    ("restartPolicy empty, not defaulted",
     lambda d: d["spec"]["template"]["spec"].update(restartPolicy=""),
     {"kube_version": "1.33", "apply_defaults": False},
     ['spec.template.spec.restartPolicy: Unsupported value: "": supported values: "Always"']),
    ("activeDeadlineSeconds",
     lambda d: d["spec"]["template"]["spec"].update(activeDeadlineSeconds=10), {},
     ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in "
      "StatefulSet is not Supported"]),
    ("invalid update strategy", strategy({"type": "foo"}), {},
     ['spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"foo", '
      "RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' "
      "or 'OnDelete'"]),
    ("empty update strategy", strategy({"type": ""}), {"apply_defaults": False},
     ["spec.updateStrategy: Required value"]),
    ("OnDelete with rollingUpdate",
     strategy({"type": "OnDelete", "rollingUpdate": {"partition": 1}}),
     {}, ["spec.updateStrategy.rollingUpdate: Invalid value: "
          "apps.RollingUpdateStatefulSetStrategy{Partition:1, "
          "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy "
          "'RollingUpdate'"]),
    ("negative partition", strategy({"type": "RollingUpdate", "rollingUpdate": {"partition": -1}}),
     {}, ["spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than "
          "or equal to 0"]),
    ("empty pod management policy", spec(podManagementPolicy=""), {"apply_defaults": False},
     ["spec.podManagementPolicy: Required value"]),
    ("invalid pod management policy", spec(podManagementPolicy="foo"), {},
     ["spec.podManagementPolicy: Invalid value: \"foo\": must be 'OrderedReady' or 'Parallel'"]),
    ("empty retention policy",
     spec(persistentVolumeClaimRetentionPolicy={"whenDeleted": "", "whenScaled": ""}),
     {"apply_defaults": False}, [RETENTION % ("whenDeleted", ""), RETENTION % ("whenScaled", "")]),
    ("invalid retention policy",
     spec(persistentVolumeClaimRetentionPolicy={"whenDeleted": "invalid policy",
                                                "whenScaled": "invalid policy"}), {},
     [RETENTION % ("whenDeleted", "invalid policy"), RETENTION % ("whenScaled", "invalid policy")]),
    ("zero maxUnavailable",
     strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0}}),
     {"feature_gates": GATE_ON},
     [MU + 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: cannot be 0']),
    ("zero percent maxUnavailable",
     strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "0%"}}),
     {"feature_gates": GATE_ON},
     [MU + 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: cannot be 0']),
    ("over 100% maxUnavailable",
     strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "101%"}}),
     {"feature_gates": GATE_ON},
     [MU + 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%']),
    ("bad percent string",
     strategy({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "abc"}}),
     {"feature_gates": GATE_ON},
     [MU + 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: ' + PERCENT,
      MU + 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: cannot be 0']),
    ("negative ordinals.start", spec(ordinals={"start": -2}), {},
     ["spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0"]),
    ("negative minReadySeconds", spec(minReadySeconds=-1), {},
     ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]),
]


@pytest.mark.parametrize("case,change,kw,want", S70, ids=[row[0] for row in S70])
def test_s70_invalid(case, change, kw, want):
    assert messages(make(change), **kw) == want


def test_s70_errors_are_records():
    (e,) = make(spec(podManagementPolicy="foo")).validate()
    assert isinstance(e, statefulset.FieldError)
    assert (e.type, e.field, e.value, e.detail) == (
        "Invalid value", "spec.podManagementPolicy", '"foo"',
        "must be 'OrderedReady' or 'Parallel'")
    assert e.to_dict() == {"type": "Invalid value", "field": "spec.podManagementPolicy",
                           "value": '"foo"', "detail": "must be 'OrderedReady' or 'Parallel'",
                           "message": e.message}
    assert str(e) == e.message
    # Required and Forbidden show no value
    required, mismatch = make(lambda d: d["spec"].pop("selector")).validate()
    assert (required.type, required.field, required.value, required.detail) == (
        "Required value", "spec.selector", None, "")
    assert mismatch.value == 'map[string]string{"a":"b"}'
    (forbidden,) = make(lambda d: d["spec"]["template"]["spec"].update(
        activeDeadlineSeconds=10)).validate()
    assert forbidden.type == "Forbidden" and forbidden.value is None
    (unsupported, _) = make(spec(persistentVolumeClaimRetentionPolicy={
        "whenDeleted": "x", "whenScaled": "x"})).validate()
    assert unsupported.type == "Unsupported value"
    assert unsupported.detail == 'supported values: "Retain", "Delete"'


def test_min_ready_seconds_bounds():
    """S71"""
    assert make(spec(minReadySeconds=2147483647)).validate() == []
    assert messages(make(spec(minReadySeconds=-2147483648))) == [
        "spec.minReadySeconds: Invalid value: -2147483648: must be greater than or equal to 0"]


def test_defaulting_fills_what_raw_validation_requires():
    """The server defaults before it validates: an empty policy is fine."""
    sts = make(spec(podManagementPolicy="", updateStrategy={"type": ""}))
    assert sts.validate() == []
    assert messages(sts, apply_defaults=False) == ["spec.podManagementPolicy: Required value",
                                                   "spec.updateStrategy: Required value"]


# ---- kubectl's 422 -----------------------------------------------------------------

def test_assert_valid_one_error_kubectl_text():
    sts = make(spec(replicas=-1))
    with pytest.raises(statefulset.ValidationError) as info:
        sts.assert_valid()
    exc = info.value
    assert str(exc) == ('The StatefulSet "abc" is invalid: spec.replicas: Invalid value: -1: '
                        'must be greater than or equal to 0')
    assert exc.code == statefulset.EVALIDATION
    assert exc.path == "spec.replicas"
    assert [e.message for e in exc.errors] == [
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"]
    assert isinstance(exc, ValueError)


def test_assert_valid_several_errors_kubectl_text():
    sts = make(spec(podManagementPolicy="foo", persistentVolumeClaimRetentionPolicy={
        "whenDeleted": "x", "whenScaled": "x"}))
    with pytest.raises(statefulset.ValidationError) as info:
        sts.assert_valid()
    assert str(info.value) == (
        'The StatefulSet "abc" is invalid: \n'
        "* spec.podManagementPolicy: Invalid value: \"foo\": must be 'OrderedReady' or "
        "'Parallel'\n"
        '* spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "x": '
        'supported values: "Retain", "Delete"\n'
        '* spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "x": '
        'supported values: "Retain", "Delete"')
    assert len(info.value.errors) == 3
    assert all(isinstance(e, statefulset.FieldError) for e in info.value.errors)


# ---- S72 update --------------------------------------------------------------------

@pytest.mark.parametrize("version,want", [("1.31", FORBIDDEN_131), ("1.32", FORBIDDEN_131),
                                          ("1.33", FORBIDDEN_133), ("1.34", FORBIDDEN_133),
                                          ("1.35", FORBIDDEN_133)])
def test_s72_forbidden_message_per_version(version, want):
    old = make()
    new = make(spec(selector={"matchLabels": {"a": "b", "c": "d"}}))
    new.set("spec.template.metadata.labels", {"a": "b", "c": "d"})
    assert messages(new, old=old, kube_version=version) == [want]
    with pytest.raises(statefulset.ValidationError) as info:
        new.assert_valid(old, kube_version=version)
    assert str(info.value) == 'The StatefulSet "abc" is invalid: ' + want


@pytest.mark.parametrize("change", [
    spec(podManagementPolicy="Parallel"),
    spec(serviceName="other"),
    spec(volumeClaimTemplates=[{"metadata": {"name": "d"},
                                "spec": {"accessModes": ["ReadWriteOnce"],
                                         "resources": {"requests": {"storage": "1Gi"}}}}]),
])
def test_s72_immutable_fields(change):
    assert messages(make(change), old=make()) == [FORBIDDEN_133]


@pytest.mark.parametrize("change", [
    spec(replicas=5),
    lambda d: d["spec"]["template"]["spec"]["containers"][0].update(image="image2"),
    spec(persistentVolumeClaimRetentionPolicy={"whenDeleted": "Delete", "whenScaled": "Retain"}),
    strategy({"type": "OnDelete"}),
    strategy({"type": "RollingUpdate", "rollingUpdate": {"partition": 2}}),
    spec(minReadySeconds=5),
    spec(ordinals={"start": 3}),
    lambda d: d["metadata"].update(labels={"x": "y"}, annotations={"note": "z"},
                                   finalizers=["example.com/f"]),
])
def test_s72_allowed_updates(change):
    new = make(change)
    for version in VERSIONS:
        assert new.validate(make(), kube_version=version) == []


def test_s72_revision_history_limit_mutable_from_133():
    old, new = make(), make(spec(revisionHistoryLimit=3))
    assert messages(new, old=old, kube_version="1.32") == [FORBIDDEN_131]
    assert new.validate(old, kube_version="1.33") == []


def test_s72_name_and_namespace_immutable():
    old = make()
    assert messages(make(lambda d: d["metadata"].update(name="abd")), old=old) == [
        'metadata.name: Invalid value: "abd": field is immutable']
    assert messages(make(lambda d: d["metadata"].update(namespace="other")), old=old) == [
        'metadata.namespace: Invalid value: "other": field is immutable']
    assert messages(make(spec(replicas=-1)), old=old) == [
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"]


# ---- S73 status --------------------------------------------------------------------

def with_status(status):
    return make(lambda d: d.update(status=status))


def test_s73_status():
    assert with_status({"replicas": 3, "readyReplicas": 3, "currentReplicas": 2,
                        "updatedReplicas": 1, "availableReplicas": 3, "observedGeneration": 3,
                        "collisionCount": 0}).validate(status=True) == []
    # the other counters (0) are then greater than replicas (-1): every rule applies
    assert messages(with_status({"replicas": -1}), status=True) == [
        "status.replicas: Invalid value: -1: must be greater than or equal to 0"] + [
        "status.%s: Invalid value: 0: cannot be greater than status.replicas" % f
        for f in ("readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas")]
    assert messages(with_status({"replicas": 3, "readyReplicas": 4}), status=True) == [
        "status.readyReplicas: Invalid value: 4: cannot be greater than status.replicas"]
    assert messages(with_status({"replicas": 3, "readyReplicas": 2, "availableReplicas": 3}),
                    status=True) == [
        "status.availableReplicas: Invalid value: 3: cannot be greater than "
        "status.readyReplicas"]
    old = with_status({"collisionCount": 5})
    assert messages(with_status({"collisionCount": 4}), old=old, status=True) == [
        "status.collisionCount: Invalid value: 4: cannot be decremented"]
    assert with_status({"collisionCount": 6}).validate(old, status=True) == []


# ---- errors ------------------------------------------------------------------------

def test_validate_errors():
    sts = make()
    with pytest.raises(statefulset.VersionError) as info:
        sts.validate(kube_version="1.30")
    assert "1.30" in str(info.value)
    with pytest.raises(statefulset.NotFoundError) as info:
        sts.validate(feature_gates="NoSuchGate=true")
    assert info.value.message == "unrecognized feature gate: NoSuchGate"
    with pytest.raises(TypeError):
        sts.validate(old=statefulset.Service.new("s"))
    with pytest.raises(TypeError):
        sts.validate(feature_gates=["MaxUnavailableStatefulSet"])
    with pytest.raises(TypeError):
        sts.validate(kube_version=1.35)
    sts.close()
    with pytest.raises(ValueError):
        sts.validate()


def test_wrong_typed_field_is_a_type_error():
    sts = make()
    sts.set("spec.replicas", "three")
    with pytest.raises(statefulset.FieldTypeError) as info:
        sts.validate()
    assert info.value.path == "spec.replicas"
