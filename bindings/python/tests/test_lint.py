"""Lint: findings no validator reports, with stable rule IDs.

Expected values: the rule table of the project README (IDs, severities,
what each rule is about) and the brief's statement that the Kubernetes
tutorial's web.yaml (a headless Service and an OrderedReady StatefulSet
without readiness probe, anti-affinity or publishNotReadyAddresses) draws
STS112, STS115 and STS116 and nothing else. Positions are those of the
fields in the YAML file.
"""
import pytest

import statefulset

# README rule table: ID -> severity
RULES = {
    "STS100": "error", "STS101": "warning", "STS102": "error", "STS103": "error",
    "STS104": "error", "STS105": "warning", "STS106": "error", "STS107": "error",
    "STS108": "error", "STS109": "error", "STS110": "error", "STS111": "error",
    "STS112": "warning", "STS113": "warning", "STS114": "warning", "STS115": "info",
    "STS116": "info", "STS117": "warning", "STS118": "error",
}


def rules(found):
    return sorted(f.rule for f in found)


def test_tutorial_gets_only_advice(web):
    svc, sts = web
    found = statefulset.lint([svc, sts])
    assert rules(found) == ["STS112", "STS115", "STS116"]
    by_rule = {f.rule: f for f in found}
    for f in found:
        assert isinstance(f, statefulset.Finding)
        assert f.severity == RULES[f.rule]
        assert f.message and f.hint
    # STS115 is about the Service's publishNotReadyAddresses
    assert by_rule["STS115"].path == "spec.publishNotReadyAddresses"
    assert "nginx" in by_rule["STS115"].message
    # STS112 points at the containers, where a readinessProbe is missing:
    # web.yaml has the `containers:` key at 30:7, its sequence at 31:7
    probe = by_rule["STS112"]
    assert probe.path == "spec.template.spec.containers"
    assert (probe.line, probe.column) in ((30, 7), (31, 7))
    assert probe.to_dict() == {"rule": "STS112", "severity": "warning", "message": probe.message,
                               "hint": probe.hint, "path": probe.path, "line": probe.line,
                               "column": 7, "source": probe.source}
    assert str(probe).startswith("STS112 warning: ")


def test_disable(web):
    assert statefulset.lint(web, disable=["STS112", "STS115", "STS116"]) == []
    assert statefulset.lint(web, disable="STS112, STS116,STS115") == []
    assert rules(statefulset.lint(web, disable="STS112")) == ["STS115", "STS116"]
    assert rules(statefulset.lint(web, disable=("STS116",))) == ["STS112", "STS115"]
    with pytest.raises(TypeError):
        statefulset.lint(web, disable=[112])


def test_fixing_the_advice_leaves_nothing(web):
    svc, sts = web
    svc.set("spec.publishNotReadyAddresses", True)
    sts.set("spec.template.spec.topologySpreadConstraints", [
        {"maxSkew": 1, "topologyKey": "kubernetes.io/hostname",
         "whenUnsatisfiable": "DoNotSchedule"}])
    sts.set("spec.template.spec.containers[0].readinessProbe",
            {"httpGet": {"path": "/", "port": 80}})
    assert statefulset.lint([svc, sts]) == []


def test_rules_about_the_input(web):
    svc, sts = web
    # without the Service in the input: STS101 on spec.serviceName
    found = statefulset.lint([sts], disable="STS112,STS116")
    assert rules(found) == ["STS101"]
    assert found[0].path == "spec.serviceName"
    # partition >= replicas: STS113
    sts.partition = 2
    assert "STS113" in rules(statefulset.lint([svc, sts]))
    # maxUnavailable while its gate is off (1.34): STS114; on in 1.35
    sts.partition = 0
    sts.max_unavailable = 2
    assert "STS114" in rules(statefulset.lint([svc, sts], kube_version="1.34"))
    assert "STS114" not in rules(statefulset.lint([svc, sts], kube_version="1.35"))
    assert "STS114" not in rules(statefulset.lint(
        [svc, sts], kube_version="1.34", feature_gates={"MaxUnavailableStatefulSet": True}))
    # empty serviceName: STS117
    sts.service_name = ""
    assert "STS117" in rules(statefulset.lint([sts]))


def test_objects_from_different_loads_and_empty_input(web):
    (other,) = statefulset.load("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n")
    assert rules(statefulset.lint([web[1], other], disable="STS112,STS116")) == ["STS101"]
    assert statefulset.lint([]) == []


def test_lint_rules_match_the_readme_table():
    table = statefulset.lint_rules()
    assert [r.id for r in table] == sorted(RULES)
    for r in table:
        assert isinstance(r, statefulset.LintRule)
        assert r.severity == RULES[r.id]
        assert r.summary


def test_lint_unknown_version(web):
    with pytest.raises(statefulset.VersionError):
        statefulset.lint(web, kube_version="1.9")


def test_lint_unknown_gate(web):
    with pytest.raises(statefulset.NotFoundError):
        statefulset.lint(web, feature_gates="NoSuchGate=true")


def test_lint_errors(web):
    with pytest.raises(TypeError):
        statefulset.lint(["not an object"])
    with pytest.raises(TypeError):
        statefulset.lint(web, kube_version=135)
