"""Rollout impact: statefulset.diff() and statefulset.upgrade_check().

Expected values: the controller's rules in statefulset-spec.md 5.12-5.13
and test-scenarios.md (S39 RollingUpdate replaces the highest ordinal
first; S40 OnDelete replaces nothing by itself and never completes; S41 a
partition keeps the ordinals below it and the rollout does not complete;
S23/S24 scaling creates and deletes at the top; E/S46 maxUnavailable
replaces that many pods at once; S72 immutable fields and the Forbidden
message; S13/S14/S19 the 1.33 -> 1.34 revision names and the semantic
comparison gate). Revision names are checked against the published
vectors or against StatefulSet.revision() (itself checked against them in
test_revision.py).
"""
import os

import pytest

import statefulset

REVISION_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                             os.pardir, "tests", "data", "revision")

FORBIDDEN = ("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "
             "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
             "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
IMAGE = "spec.template.spec.containers[0].image"
GATE_OFF = {"MaxUnavailableStatefulSet": False}


@pytest.fixture
def old(web):
    """The tutorial set (replicas 2) as applied to namespace default."""
    sts = web[1]
    sts.namespace = "default"
    return sts


def changed(sts, **paths):
    new = sts.clone()
    for path, value in paths.items():
        new.set(path.replace("__", "."), value)
    return new


def names(pods):
    return [p.name for p in pods]


def image_update(old, **more):
    new = old.clone()
    new.set(IMAGE, "registry.k8s.io/nginx-slim:0.24")
    for path, value in more.items():
        new.set(path, value)
    return new


def test_image_change_rolls_every_pod_highest_first(old):
    new = image_update(old)
    imp = statefulset.diff(old, new, feature_gates=GATE_OFF)
    assert isinstance(imp, statefulset.Impact)
    assert (imp.name, imp.namespace, imp.kube_version) == ("web", "default", "1.35")
    assert imp.allowed and imp.errors == () and imp.workaround == ""
    assert imp.template_changed and imp.has_new_revision
    assert imp.old_revision == old.revision()
    assert imp.new_revision == new.revision()
    assert imp.old_revision != imp.new_revision
    assert imp.rollback_target is None
    (change,) = imp.changes
    assert isinstance(change, statefulset.Change)
    assert change.path == IMAGE
    assert change.effect == "rolls-pods" and change.rolls_pods
    assert change.old_value == "registry.k8s.io/nginx-slim:0.21"
    assert change.new_value == "registry.k8s.io/nginx-slim:0.24"
    assert change.old_json == '"registry.k8s.io/nginx-slim:0.21"'
    assert names(imp.replaced) == ["web-1", "web-0"]
    assert [p.ordinal for p in imp.replaced] == [1, 0]
    assert [p.batch for p in imp.replaced] == [1, 2]   # one at a time
    assert imp.batch_count == 2
    for p in imp.replaced:
        assert isinstance(p, statefulset.PodChange)
        assert (p.from_revision, p.to_revision) == (imp.old_revision, imp.new_revision)
        assert p.reason
    assert imp.kept == imp.created == imp.deleted == imp.untouched == ()
    assert imp.completes and imp.completes_reason
    assert "web" in str(imp)


def test_partition_keeps_lower_ordinals_and_does_not_complete(old):
    new = image_update(old, **{"spec.updateStrategy": {"type": "RollingUpdate",
                                                       "rollingUpdate": {"partition": 1}}})
    imp = statefulset.diff(old, new, feature_gates=GATE_OFF)
    assert names(imp.replaced) == ["web-1"]
    assert names(imp.kept) == ["web-0"]
    assert imp.kept[0].batch == 0
    assert not imp.completes


def test_on_delete_replaces_nothing_and_never_completes(old):
    new = image_update(old, **{"spec.updateStrategy": {"type": "OnDelete"}})
    imp = statefulset.diff(old, new)
    assert imp.template_changed
    assert imp.replaced == ()
    assert sorted(names(imp.kept)) == ["web-0", "web-1"]
    assert not imp.completes


def test_max_unavailable_replaces_in_batches(old):
    old.replicas = 4
    new = image_update(old, **{"spec.updateStrategy": {
        "type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 2}}})
    imp = statefulset.diff(old, new, feature_gates={"MaxUnavailableStatefulSet": True})
    assert names(imp.replaced) == ["web-3", "web-2", "web-1", "web-0"]
    assert [p.batch for p in imp.replaced] == [1, 1, 2, 2]
    assert imp.batch_count == 2
    assert imp.to_dict()["rollout"]["maxUnavailable"] == 2


def test_scaling(old):
    imp = statefulset.diff(old, changed(old, spec__replicas=4))
    assert not imp.template_changed and not imp.has_new_revision
    assert imp.old_revision == imp.new_revision
    (change,) = imp.changes
    assert (change.path, change.effect, change.old_value, change.new_value) == (
        "spec.replicas", "scales", 2, 4)
    assert names(imp.created) == ["web-2", "web-3"]
    assert imp.replaced == imp.deleted == ()
    imp = statefulset.diff(old, changed(old, spec__replicas=1))
    assert names(imp.deleted) == ["web-1"]
    assert imp.deleted[0].to_revision == ""
    imp = statefulset.diff(old, changed(old, spec__replicas=0))
    assert names(imp.deleted) == ["web-1", "web-0"]   # highest ordinal first


def test_create(old):
    imp = statefulset.diff(None, old)
    assert imp.allowed
    assert names(imp.created) == ["web-0", "web-1"]
    assert imp.created[0].from_revision == ""


def test_fields_without_effect_on_pods(old):
    imp = statefulset.diff(old, changed(old, spec__revisionHistoryLimit=3))
    assert imp.allowed
    assert [(c.path, c.effect) for c in imp.changes] == [("spec.revisionHistoryLimit", "none")]
    assert imp.replaced == imp.created == imp.deleted == ()


def test_forbidden_update_is_refused(old):
    new = changed(old, spec__serviceName="other")
    imp = statefulset.diff(old, new)
    assert not imp.allowed
    assert [e.message for e in imp.errors] == [FORBIDDEN]
    assert isinstance(imp.errors[0], statefulset.FieldError)
    assert imp.errors[0].type == "Forbidden"
    assert imp.workaround
    assert [(c.path, c.effect) for c in imp.changes] == [("spec.serviceName", "forbidden")]
    assert imp.replaced == ()
    # before 1.33 the message lacks revisionHistoryLimit
    imp = statefulset.diff(old, new, kube_version="1.32")
    assert [e.message for e in imp.errors] == [FORBIDDEN.replace("'revisionHistoryLimit', ", "")]
    assert imp.kube_version == "1.32"


def test_to_dict_is_the_library_document(old):
    imp = statefulset.diff(old, image_update(old), feature_gates=GATE_OFF)
    doc = imp.to_dict()
    for key in ("allowed", "errors", "revision", "changes", "rollout", "pods"):
        assert key in doc
    assert doc["allowed"] is True
    assert [p["name"] for p in doc["pods"]["replaced"]] == ["web-1", "web-0"]
    doc["allowed"] = False                 # a copy: the result stays as it was
    assert imp.to_dict()["allowed"] is True


def test_result_outlives_the_objects(old):
    new = image_update(old)
    imp = statefulset.diff(old, new)
    old.close()
    new.close()
    assert names(imp.replaced) == ["web-1", "web-0"]
    assert imp == imp and hash(imp.replaced)


def test_diff_errors(old, web):
    svc = web[0]
    with pytest.raises(TypeError):
        statefulset.diff(old, svc)
    with pytest.raises(TypeError):
        statefulset.diff(svc, old)
    with pytest.raises(TypeError):
        statefulset.diff(old, None)
    with pytest.raises(statefulset.VersionError):
        statefulset.diff(old, old.clone(), kube_version="1.30")
    with pytest.raises(TypeError):
        statefulset.diff(old, old.clone(), objects=["pod"])
    # a template of the wrong type cannot be compared at all
    broken = old.clone()
    broken.set("spec.template", "x")
    with pytest.raises(statefulset.FieldTypeError):
        statefulset.diff(old, broken)
    # no template: the API server refuses the update
    broken.remove("spec.template")
    imp = statefulset.diff(old, broken)
    assert not imp.allowed
    assert "spec.template.spec.containers: Required value" in [e.message for e in imp.errors]


# ---- pods as objects ----------------------------------------------------------------

def pod(sts, ordinal, revision):
    p = sts.render_pod(ordinal, revision=revision)
    return p


def test_pods_decide_which_revision_runs(old):
    new = image_update(old)
    # web-1 already runs the new template; web-0 the old one
    pods = [pod(old, 0, old.revision()), pod(new, 1, new.revision())]
    imp = statefulset.diff(old, new, objects=pods, feature_gates=GATE_OFF)
    assert names(imp.replaced) == ["web-0"]
    assert names(imp.untouched) == ["web-1"]


# ---- Kubernetes upgrade check (S13, S14, S19) ------------------------------------------

def live_133():
    path = os.path.join(REVISION_DATA, "live-1.33.yaml")
    if not os.path.exists(path):
        pytest.skip("tests/data/revision of the source tree is not available")
    (sts,) = statefulset.load_file(path)
    return sts


SEMANTIC = "StatefulSetSemanticRevisionComparison"


def test_upgrade_133_to_134_with_semantic_comparison():
    sts = live_133()
    report = statefulset.upgrade_check([sts], "1.33", "1.34", feature_gates={SEMANTIC: True})
    assert isinstance(report, statefulset.UpgradeReport)
    assert (report.from_version, report.to_version) == ("1.33", "1.34")
    assert report.semantic_comparison
    (entry,) = report.sets
    assert isinstance(entry, statefulset.UpgradeSet)
    assert (entry.name, entry.namespace) == ("test", "default")
    assert entry.current_revision == "test-c77f6d978"     # S13, the 1.33 name
    assert entry.target_revision == "test-776999688b"     # S14, the 1.34 name
    assert entry.revision_changes
    assert entry.gate_prevents and not entry.rolls_pods   # S19: no pod writes
    assert entry.reason
    assert entry.impact.replaced == ()
    assert report.affected_count == 0 and report.affected == []
    assert "test" in str(report)
    assert isinstance(report.to_dict(), dict)


def test_upgrade_133_to_134_without_the_gate_rolls_pods():
    sts = live_133()
    report = statefulset.upgrade_check([sts], "1.33", "1.34", feature_gates={SEMANTIC: False})
    assert not report.semantic_comparison
    (entry,) = report.sets
    assert entry.revision_changes and not entry.gate_prevents and entry.rolls_pods
    assert names(entry.impact.replaced) == ["test-0"]
    assert report.affected_count == 1 and report.affected == [entry]


def test_upgrade_to_the_same_release_changes_nothing():
    sts = live_133()
    report = statefulset.upgrade_check([sts], "1.33", "1.33")
    (entry,) = report.sets
    assert entry.target_revision == entry.current_revision == "test-c77f6d978"
    assert not entry.revision_changes and not entry.rolls_pods


def test_upgrade_check_ignores_other_kinds_and_checks_arguments(web):
    svc = web[0]
    assert statefulset.upgrade_check([svc], "1.33", "1.34").sets == ()
    with pytest.raises(statefulset.VersionError):
        statefulset.upgrade_check([svc], "1.29", "1.34")
    with pytest.raises(TypeError):
        statefulset.upgrade_check([svc], 1.33, "1.34")
