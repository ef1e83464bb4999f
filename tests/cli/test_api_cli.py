#!/usr/bin/python3
"""Command-line tests of `stsctl default`, `stsctl validate`, `stsctl lint` and
`stsctl revision`, run by meson (tests/cli/meson.build).

Expected values come from Kubernetes, never from what stsctl printed:
- default: /work/shared/k8s/statefulset-spec.md §6 (SetDefaults_StatefulSet,
  the core/v1 pod template and PVC defaults) and test-scenarios D1-D12;
  tests/data/api/tutorial-stored-1.35.yaml was written by hand from §6.
- validate: spec §7 (messages, order, the update rule per release) and
  scenarios S69-S73; the text is what kubectl prints for a 422 (kubectl's
  StandardErrorMessage: `The KIND "NAME" is invalid: ` then the error, or a
  `* error` line per error after a line break), field values as Go's
  field.Error renders them (%q strings, plain ints, %#v maps).
- revision: spec §4.4 vectors V1-V4 and scenarios S13-S15, and the live
  dumps of tests/data/revision whose status.updateRevision is the published
  upstream name.
- lint: the rule table (rule IDs, severities) of the README and api.h.

Prints one line per check and closes with "N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from clitest import STSCTL, check, expect, finish, results, run  # noqa: F401

SRC = os.environ["STS_SOURCE_ROOT"]
TESTDATA = os.environ["STS_TEST_DATA"]
DATA = os.path.join(TESTDATA, "cli", "api")
REV = os.path.join(TESTDATA, "revision")
NGINX = os.path.join(SRC, "examples", "nginx.yaml")
TMP = tempfile.mkdtemp(prefix="stsctl-api-")

try:
    import yaml  # optional: an oracle independent of the library
except ImportError:  # pragma: no cover
    yaml = None


FORBIDDEN_133 = ("spec: Forbidden: updates to statefulset spec for fields other than "
                 "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                 "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
# before revisionHistoryLimit became mutable (spec §7.3)
FORBIDDEN_132 = FORBIDDEN_133.replace("'revisionHistoryLimit', ", "")
NONNEG = "must be greater than or equal to 0"
MISMATCH = "`selector` does not match template `labels`"

# spec §4.4
V1 = ('{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},'
      '"creationTimestamp":null,"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test",'
      '"imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":'
      '"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst",'
      '"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},'
      '"terminationGracePeriodSeconds":30}}}}')
V2 = V1.replace('"creationTimestamp":null,', "")
V3 = ('{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":'
      '{"containers":[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx",'
      '"resources":{},"terminationMessagePath":"/dev/termination-log",'
      '"terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always",'
      '"schedulerName":"default-scheduler","securityContext":{},'
      '"terminationGracePeriodSeconds":30}}}}')
V4 = V3.replace('"metadata":{"labels"', '"metadata":{"creationTimestamp":null,"labels"')


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def reread(text):
    """Documents of a YAML or JSON stream, read by the library (and PyYAML, which must agree)."""
    path = write("reread.yaml", text)
    rc, out, err = run(["convert", "-o", "json", "--list", path])
    expect(rc == 0, f"stsctl cannot read its own output: {err}\n{text}")
    docs = json.loads(out)["items"]
    if yaml:
        py = [d for d in yaml.safe_load_all(text) if d is not None]
        if len(py) == 1 and py[0].get("kind") == "List":
            py = py[0]["items"]
        expect(py == docs, f"PyYAML reads something else:\n{py}\n{docs}")
    return docs


def read_yaml_file(path):
    rc, out, err = run(["convert", "-o", "json", "--list", path])
    expect(rc == 0, err)
    return json.loads(out)["items"]


# A StatefulSet as the tests write it: the tutorial's web set, with spec
# lines and pod spec lines to add.
def sts(spec="", pod="", name="web", meta="", labels="app: nginx", selector="app: nginx",
        image="registry.k8s.io/nginx-slim:0.24"):
    sel = f"  selector:\n    matchLabels:\n      {selector}\n" if selector is not None else ""
    return (f"apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {name}\n{meta}"
            f"spec:\n  replicas: 3\n{sel}  serviceName: nginx\n{spec}"
            f"  template:\n    metadata:\n      labels:\n        {labels}\n    spec:\n{pod}"
            f"      containers:\n      - name: nginx\n        image: {image}\n")


# ---- default -------------------------------------------------------------------

def default_docs(args, want_rc=0):
    rc, out, err = run(["default"] + args)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {err}")
    return reread(out), err


@check("default: the tutorial's web set as a 1.35 API server stores it (spec §6, D1)")
def _():
    docs, err = default_docs([NGINX])
    expect(len(docs) == 1, f"only the StatefulSet is printed, not the Service: {docs}")
    d = docs[0]
    expect(d["metadata"] == {"name": "web", "namespace": "default"}, d["metadata"])
    s = d["spec"]
    expect(s["podManagementPolicy"] == "OrderedReady", s)
    expect(s["updateStrategy"] == {"type": "RollingUpdate",
                                   "rollingUpdate": {"partition": 0, "maxUnavailable": 1}},
           s["updateStrategy"])
    expect(s["persistentVolumeClaimRetentionPolicy"] ==
           {"whenDeleted": "Retain", "whenScaled": "Retain"}, s)
    expect(s["replicas"] == 3 and s["revisionHistoryLimit"] == 10 and s["minReadySeconds"] == 10, s)
    expect(s["selector"] == {"matchLabels": {"app": "nginx"}}, "selector untouched")
    expect("ordinals" not in s, "ordinals is not defaulted")
    p = s["template"]["spec"]
    for k, v in {"dnsPolicy": "ClusterFirst", "restartPolicy": "Always", "securityContext": {},
                 "schedulerName": "default-scheduler", "terminationGracePeriodSeconds": 10}.items():
        expect(p.get(k) == v, f"template spec {k}: {p.get(k)!r} (want {v!r})")
    expect("enableServiceLinks" not in p, "enableServiceLinks is defaulted on pods only")
    c = p["containers"][0]
    expect(c["imagePullPolicy"] == "IfNotPresent", "tagged image 0.24: IfNotPresent")
    expect(c["terminationMessagePath"] == "/dev/termination-log", c)
    expect(c["terminationMessagePolicy"] == "File", c)
    expect(c["ports"] == [{"containerPort": 80, "name": "web", "protocol": "TCP"}], c["ports"])
    v = s["volumeClaimTemplates"][0]
    expect(v["spec"]["volumeMode"] == "Filesystem", v)
    expect(v["status"] == {"phase": "Pending"}, v)
    expect(v["spec"]["resources"] == {"requests": {"storage": "1Gi"}}, v)


@check("default: tests/data/api/tutorial.yaml equals the hand-written 1.35 stored object")
def _():
    docs, _ = default_docs([os.path.join(TESTDATA, "api", "tutorial.yaml")])
    want = read_yaml_file(os.path.join(TESTDATA, "api", "tutorial-stored-1.35.yaml"))
    expect(docs == want, f"\n{json.dumps(docs, indent=1)}\n!=\n{json.dumps(want, indent=1)}")


@check("default: 1.34 (gate MaxUnavailableStatefulSet off) has no maxUnavailable (D11)")
def _():
    docs, _ = default_docs(["--kube-version", "1.34", NGINX])
    expect(docs[0]["spec"]["updateStrategy"] ==
           {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}, docs[0]["spec"])
    docs, _ = default_docs(["--feature-gates", "MaxUnavailableStatefulSet=false", NGINX])
    expect(docs[0]["spec"]["updateStrategy"]["rollingUpdate"] == {"partition": 0}, "gate off on 1.35")
    docs, _ = default_docs(["--kube-version", "v1.34.2", "--feature-gates",
                            "MaxUnavailableStatefulSet=true", NGINX])
    expect(docs[0]["spec"]["updateStrategy"]["rollingUpdate"] == {"partition": 0, "maxUnavailable": 1},
           "gate on in 1.34 (D9)")


@check("default: D3-D8, D10, D12 (strategy, partition, retention, explicit zeros kept)")
def _():
    cases = [
        ("  updateStrategy:\n    type: OnDelete\n", "updateStrategy", {"type": "OnDelete"}),
        ("  updateStrategy:\n    rollingUpdate:\n      partition: 42\n", "updateStrategy",
         {"type": "RollingUpdate", "rollingUpdate": {"partition": 42, "maxUnavailable": 1}}),
        ("  updateStrategy:\n    type: RollingUpdate\n", "updateStrategy", {"type": "RollingUpdate"}),
        ("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 3\n", "updateStrategy",
         {"type": "RollingUpdate", "rollingUpdate": {"partition": 0, "maxUnavailable": 3}}),
        ("  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n",
         "persistentVolumeClaimRetentionPolicy", {"whenDeleted": "Retain", "whenScaled": "Delete"}),
        ("  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n",
         "persistentVolumeClaimRetentionPolicy", {"whenDeleted": "Delete", "whenScaled": "Retain"}),
        ("  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n    whenScaled: Delete\n",
         "persistentVolumeClaimRetentionPolicy", {"whenDeleted": "Delete", "whenScaled": "Delete"}),
        ("  revisionHistoryLimit: 0\n", "revisionHistoryLimit", 0),
        ("  podManagementPolicy: Parallel\n", "podManagementPolicy", "Parallel"),
    ]
    for i, (spec, key, want) in enumerate(cases):
        f = write(f"d{i}.yaml", sts(spec))
        docs, _ = default_docs([f])
        expect(docs[0]["spec"][key] == want, f"{spec!r}: {key} = {docs[0]['spec'][key]!r}")
    f = write("d-zero.yaml", sts().replace("replicas: 3", "replicas: 0"))
    docs, _ = default_docs([f])
    expect(docs[0]["spec"]["replicas"] == 0, "replicas 0 kept (D12)")


@check("default: imagePullPolicy Always for :latest and untagged images, else IfNotPresent")
def _():
    for image, want in [("nginx", "Always"), ("nginx:latest", "Always"),
                        ("nginx:1.25", "IfNotPresent"),
                        ("nginx@sha256:" + "a" * 64, "IfNotPresent"),
                        ("registry.k8s.io:5000/nginx", "Always")]:
        docs, _ = default_docs([write("img.yaml", sts(image=image))])
        got = docs[0]["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"]
        expect(got == want, f"{image}: {got} (want {want})")


@check("default: -o json is the object itself; two objects are one kind: List")
def _():
    rc, out, err = run(["default", "-o", "json", NGINX])
    expect(rc == 0, err)
    d = json.loads(out)
    expect(d["kind"] == "StatefulSet", d.get("kind"))
    expect(list(d) == sorted(d), "kubectl style: sorted keys")
    rc, out, err = run(["default", "-o", "json", NGINX, NGINX])
    d = json.loads(out)
    expect(d["kind"] == "List" and len(d["items"]) == 2, out[:200])


@check("default: --style original keeps the input's key order, defaults appended")
def _():
    rc, out, err = run(["default", "--style", "original", "-o", "json", NGINX])
    expect(rc == 0, err)
    d = json.loads(out)
    keys = list(d["spec"])
    expect(keys[:6] == ["selector", "serviceName", "replicas", "minReadySeconds", "template",
                        "volumeClaimTemplates"], keys)
    expect(set(keys[6:]) == {"podManagementPolicy", "updateStrategy",
                             "persistentVolumeClaimRetentionPolicy", "revisionHistoryLimit"}, keys)


@check("default: -n sets the namespace of objects without one; a written one stays")
def _():
    docs, _ = default_docs(["-n", "prod", NGINX])
    expect(docs[0]["metadata"]["namespace"] == "prod", docs[0]["metadata"])
    f = write("ns.yaml", sts(meta="  namespace: db\n"))
    docs, _ = default_docs(["-n", "prod", f])
    expect(docs[0]["metadata"]["namespace"] == "db", docs[0]["metadata"])


@check("default: errors: bad version or gate (2), no StatefulSet (1), type error FILE:LINE:COL (1)")
def _():
    rc, out, err = run(["default", "--kube-version", "1.30", NGINX])
    expect(rc == 2 and 'unsupported Kubernetes version "1.30"' in err, f"{rc}: {err}")
    rc, out, err = run(["default", "--feature-gates", "NoSuchGate=true", NGINX])
    expect(rc == 2 and "NoSuchGate" in err, f"{rc}: {err}")
    svc = write("svc-only.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n")
    rc, out, err = run(["default", svc])
    expect(rc == 1 and "no StatefulSet" in err and out == "", f"{rc}: {err}")
    f = write("three.yaml", sts().replace("replicas: 3", "replicas: three"))
    rc, out, err = run(["default", f])
    expect(rc == 1 and out == "", f"{rc}: {out}")
    expect(re.match(rf"{re.escape(f)}:6:13: .*\(spec\.replicas\)", err), err)


# ---- validate ------------------------------------------------------------------

def validate(args, want_rc, stdin=None):
    rc, out, err = run(["validate"] + args, stdin=stdin)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {out}{err}")
    return out, err


def vjson(args, want_rc):
    out, err = validate(["-o", "json"] + args, want_rc)
    doc = json.loads(out)
    expect(list(doc) == ["errors"], f"top-level keys: {list(doc)}")
    return doc["errors"]


@check("validate: the tutorial is valid (exit 0); the Service is ignored")
def _():
    out, err = validate([NGINX], 0)
    expect(out == "StatefulSet default/web: valid\n", repr(out))
    expect(vjson([NGINX], 0) == [], "no errors in JSON")


@check("validate: one error prints on one line, exactly as kubectl shows a 422")
def _():
    f = write("neg.yaml", sts().replace("replicas: 3", "replicas: -1"))
    out, _ = validate([f], 1)
    expect(out == 'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: '
                  f"{NONNEG}\n", repr(out))


@check("validate: several errors: a line break, then `* error` per line (nil selector, S70)")
def _():
    f = write("nosel.yaml", sts(selector=None))
    out, _ = validate([f], 1)
    want = ('The StatefulSet "web" is invalid: \n'
            "* spec.selector: Required value\n"
            '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: '
            f"{MISMATCH}\n")
    expect(out == want, f"\n{out!r}\n{want!r}")


@check("validate: S70 create cases: type, field and detail of every error")
def _():
    base = sts()
    cases = [
        (base.replace("name: web", "name: abc.123"),
         [("Invalid value", "metadata.name", '"abc.123"', None)]),
        (base.replace("name: web", "name: " + "a" * 64),
         [("Invalid value", "metadata.name", '"' + "a" * 64 + '"',
           "must be no more than 63 characters")]),
        (sts(selector="app: other"),
         [("Invalid value", "spec.template.metadata.labels", 'map[string]string{"app":"nginx"}',
           MISMATCH)]),
        (sts("  podManagementPolicy: foo\n"),
         [("Invalid value", "spec.podManagementPolicy", '"foo"',
           "must be 'OrderedReady' or 'Parallel'")]),
        (sts("  updateStrategy:\n    type: foo\n"),
         [("Invalid value", "spec.updateStrategy", None, "must be 'RollingUpdate' or 'OnDelete'")]),
        (sts("  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 1\n"),
         [("Invalid value", "spec.updateStrategy.rollingUpdate", None,
           "only allowed for updateStrategy 'RollingUpdate'")]),
        (sts("  updateStrategy:\n    rollingUpdate:\n      partition: -1\n"),
         [("Invalid value", "spec.updateStrategy.rollingUpdate.partition", "-1", NONNEG)]),
        (sts("  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: invalid policy\n"
             "    whenScaled: invalid policy\n"),
         [("Unsupported value", "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
           '"invalid policy"', 'supported values: "Retain", "Delete"'),
          ("Unsupported value", "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
           '"invalid policy"', 'supported values: "Retain", "Delete"')]),
        (sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n"),
         [("Invalid value", "spec.updateStrategy.rollingUpdate.maxUnavailable", None,
           "cannot be 0")]),
        (sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0%\n"),
         [("Invalid value", "spec.updateStrategy.rollingUpdate.maxUnavailable", None,
           "cannot be 0")]),
        (sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 101%\n"),
         [("Invalid value", "spec.updateStrategy.rollingUpdate.maxUnavailable", None,
           "must not be greater than 100%")]),
        (sts("  ordinals:\n    start: -2\n"),
         [("Invalid value", "spec.ordinals.start", "-2", NONNEG)]),
        (sts("  minReadySeconds: -1\n"),
         [("Invalid value", "spec.minReadySeconds", "-1", NONNEG)]),
        (sts(pod="      restartPolicy: OnFailure\n"),
         [("Unsupported value", "spec.template.spec.restartPolicy", '"OnFailure"',
           'supported values: "Always"')]),
        (sts(pod="      restartPolicy: Never\n"),
         [("Unsupported value", "spec.template.spec.restartPolicy", '"Never"',
           'supported values: "Always"')]),
        (sts(pod="      activeDeadlineSeconds: 10\n"),
         [("Forbidden", "spec.template.spec.activeDeadlineSeconds", None,
           "activeDeadlineSeconds in StatefulSet is not Supported")]),
    ]
    for i, (text, want) in enumerate(cases):
        f = write(f"s70-{i}.yaml", text)
        errs = vjson([f], 1)
        got = [(e["type"], e["field"]) for e in errs]
        expect(got == [(t, p) for t, p, _, _ in want], f"case {i}: {got}\n{text}")
        for e, (t, p, value, detail) in zip(errs, want):
            if value is not None:
                expect(e["value"] == value, f"case {i}: value {e['value']!r} (want {value!r})")
            if detail is not None:
                expect(detail in (e["detail"] or ""), f"case {i}: detail {e['detail']!r}")
            if t in ("Forbidden", "Required value"):
                expect(e["value"] is None, f"case {i}: {t} carries no value")
            rendered = f"{p}: {t}" + (f": {e['value']}" if e["value"] is not None else "") + \
                (f": {e['detail']}" if e["detail"] else "")
            expect(e["message"] == rendered, f"case {i}: {e['message']!r} != {rendered!r}")


@check("validate: S69 valid variants (Parallel, OnDelete, partition, 0 replicas, ordinals, "
       "maxUnavailable 1/1%/100%, retention)")
def _():
    valid = [
        sts("  podManagementPolicy: Parallel\n"),
        sts("  updateStrategy:\n    type: OnDelete\n"),
        sts("  updateStrategy:\n    rollingUpdate:\n      partition: 2\n"),
        sts().replace("replicas: 3", "replicas: 0"),
        sts("  minReadySeconds: 0\n"), sts("  minReadySeconds: 2147483647\n"),
        sts("  ordinals:\n    start: 2\n"),
        sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n"),
        sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1%\n"),
        sts("  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n"),
        sts("  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n"
            "    whenScaled: Retain\n"),
        sts(name="abc-123"),
    ]
    files = [write(f"s69-{i}.yaml", t) for i, t in enumerate(valid)]
    out, err = validate(files, 0)
    expect(out.count(": valid\n") == len(valid), out)


@check("validate: -o json: type, field, value, detail, message, object, file, line, column")
def _():
    f = write("json.yaml", sts().replace("replicas: 3", "replicas: -1"))
    errs = vjson([f], 1)
    expect(errs == [{
        "type": "Invalid value", "field": "spec.replicas", "value": "-1", "detail": NONNEG,
        "message": f"spec.replicas: Invalid value: -1: {NONNEG}",
        "object": {"kind": "StatefulSet", "namespace": "default", "name": "web"},
        "file": f, "line": 6, "column": 13}], json.dumps(errs, indent=1))
    # a field the input does not have (the selector) has no position
    errs = vjson([write("nosel2.yaml", sts(selector=None))], 1)
    expect(errs[0]["field"] == "spec.selector" and errs[0]["line"] is None, errs)
    rc, out, err = run(["validate", "-o", "yaml", f])
    expect(rc == 1 and reread(out)[0]["errors"][0]["field"] == "spec.replicas", out)


@check("validate: several files and sets: each invalid set its own block; exit 1")
def _():
    good = write("good.yaml", sts())
    bad = write("bad-ns.yaml", sts(name="db", meta="  namespace: prod\n")
                .replace("replicas: 3", "replicas: -1"))
    out, _ = validate([good, bad], 1)
    expect(out == "StatefulSet default/web: valid\n"
                  'The StatefulSet "db" is invalid: spec.replicas: Invalid value: -1: '
                  f"{NONNEG}\n", repr(out))
    errs = vjson([good, bad], 1)
    expect([e["object"] for e in errs] ==
           [{"kind": "StatefulSet", "namespace": "prod", "name": "db"}], errs)


@check("validate --old: template, replicas, strategy, retention changes are a valid update (S72)")
def _():
    old = write("old.yaml", sts(meta="  namespace: default\n"))
    for i, new in enumerate([
            sts(meta="  namespace: default\n").replace("replicas: 3", "replicas: 5"),
            sts(meta="  namespace: default\n", image="nginx:1.27"),
            sts("  updateStrategy:\n    type: OnDelete\n", meta="  namespace: default\n"),
            sts("  minReadySeconds: 5\n  ordinals:\n    start: 3\n", meta="  namespace: default\n"),
            sts("  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n",
                meta="  namespace: default\n"),
            sts(meta="  namespace: default\n  labels:\n    tier: db\n")]):
        out, err = validate(["--old", old, write(f"upd-{i}.yaml", new)], 0)
        expect(out == "StatefulSet default/web: valid update\n", f"case {i}: {out!r}")


@check("validate --old: selector, serviceName, podManagementPolicy, claim template changes "
       "are forbidden, with the message of the release (S72, spec §7.3)")
def _():
    old = write("old2.yaml", sts("  volumeClaimTemplates:\n  - metadata:\n      name: www\n"
                                 "    spec:\n      accessModes: [ReadWriteOnce]\n"
                                 "      resources:\n        requests:\n          storage: 1Gi\n"))
    news = {
        "selector": sts("  volumeClaimTemplates:\n  - metadata:\n      name: www\n"
                        "    spec:\n      accessModes: [ReadWriteOnce]\n"
                        "      resources:\n        requests:\n          storage: 1Gi\n",
                        labels="app: nginx\n        tier: web", selector="tier: web"),
        "storage": open(old).read().replace("storage: 1Gi", "storage: 2Gi"),
        "serviceName": open(old).read().replace("serviceName: nginx", "serviceName: other"),
        "podManagementPolicy": open(old).read().replace(
            "  serviceName: nginx\n", "  serviceName: nginx\n  podManagementPolicy: Parallel\n"),
    }
    for what, text in news.items():
        new = write(f"forbid-{what}.yaml", text)
        for version, msg in [("1.35", FORBIDDEN_133), ("1.34", FORBIDDEN_133),
                             ("1.33", FORBIDDEN_133), ("1.32", FORBIDDEN_132),
                             ("1.31", FORBIDDEN_132)]:
            out, _ = validate(["--kube-version", version, "--old", old, new], 1)
            expect(out == f'The StatefulSet "web" is invalid: {msg}\n',
                   f"{what} on {version}:\n{out!r}")
    errs = vjson(["--old", old, write("f.yaml", news["storage"])], 1)
    expect([(e["type"], e["field"], e["value"]) for e in errs] == [("Forbidden", "spec", None)], errs)


@check("validate --old: revisionHistoryLimit is mutable from 1.33 on, forbidden before")
def _():
    old = write("rhl-old.yaml", sts())
    new = write("rhl-new.yaml", sts("  revisionHistoryLimit: 3\n"))
    validate(["--kube-version", "1.33", "--old", old, new], 0)
    validate(["--old", old, new], 0)
    out, _ = validate(["--kube-version", "1.32", "--old", old, new], 1)
    expect(out == f'The StatefulSet "web" is invalid: {FORBIDDEN_132}\n', out)


@check("validate --old: a set not in OLD is validated as a create, with a note")
def _():
    old = write("other-old.yaml", sts(name="db"))
    new = write("other-new.yaml", sts())
    out, err = validate(["--old", old, new], 0)
    expect(out == "StatefulSet default/web: valid\n", out)
    expect(f"{new}: note: no StatefulSet default/web in {old}: validated as a create" in err, err)


@check("validate --status: counters (S73) and collisionCount never decremented")
def _():
    status = "status:\n  replicas: 3\n  readyReplicas: {r}\n  currentReplicas: 2\n" \
             "  updatedReplicas: 1\n  availableReplicas: {a}\n  observedGeneration: 3\n" \
             "  collisionCount: {c}\n"
    ok = write("st-ok.yaml", sts() + status.format(r=3, a=3, c=0))
    out, _ = validate(["--status", ok], 0)
    expect(out == "StatefulSet default/web: valid status update\n", out)
    errs = vjson(["--status", write("st-ready.yaml", sts() + status.format(r=4, a=3, c=0))], 1)
    expect([(e["type"], e["field"], e["value"], e["detail"]) for e in errs] ==
           [("Invalid value", "status.readyReplicas", "4", "cannot be greater than status.replicas")],
           errs)
    errs = vjson(["--status", write("st-avail.yaml", sts() + status.format(r=2, a=3, c=0))], 1)
    expect([(e["field"], e["detail"]) for e in errs] ==
           [("status.availableReplicas", "cannot be greater than status.readyReplicas")], errs)
    errs = vjson(["--status", write("st-neg.yaml", sts() + status.format(r=3, a=3, c=-1))], 1)
    expect([(e["field"], e["value"], e["detail"]) for e in errs] ==
           [("status.collisionCount", "-1", NONNEG)], errs)
    old = write("st-old.yaml", sts() + status.format(r=3, a=3, c=5))
    new = write("st-new.yaml", sts() + status.format(r=3, a=3, c=4))
    out, _ = validate(["--status", "--old", old, new], 1)
    expect(out == 'The StatefulSet "web" is invalid: status.collisionCount: Invalid value: 4: '
                  "cannot be decremented\n", out)
    validate(["--status", "--old", new, old], 0)


@check("validate: type errors are FILE:LINE:COL on stderr (exit 1); usage errors exit 2")
def _():
    f = write("vtype.yaml", sts().replace("replicas: 3", "replicas: three"))
    out, err = validate([f], 1)
    expect(out == "" and re.match(rf"{re.escape(f)}:6:13: .*\(spec\.replicas\)", err), err)
    out, err = validate(["--kube-version", "2.0", NGINX], 2)
    expect("invalid Kubernetes version" in err, err)
    out, err = validate(["-o", "nosuch", NGINX], 2)
    out, err = validate([], 2)
    svc = write("vsvc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n")
    out, err = validate([svc], 1)
    expect("no StatefulSet" in err, err)
    out, err = validate(["-"], 0, stdin=open(NGINX, "rb").read())
    expect(out == "StatefulSet default/web: valid\n", out)


# ---- lint ----------------------------------------------------------------------

def lint(args, want_rc):
    rc, out, err = run(["lint"] + args)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {out}{err}")
    return out, err


def lint_json(args, want_rc):
    out, err = lint(["-o", "json"] + args, want_rc)
    doc = json.loads(out)
    expect(list(doc) == ["findings"], f"top-level keys: {list(doc)}")
    return doc["findings"]


FINDING_KEYS = {"rule", "severity", "message", "hint", "path", "file", "line", "column"}


@check("lint: the tutorial gets advice (STS115 info, STS112 warning, STS116 info): exit 1")
def _():
    fs = lint_json([NGINX], 1)
    expect([(f["rule"], f["severity"]) for f in fs] ==
           [("STS115", "info"), ("STS112", "warning"), ("STS116", "info")], fs)
    for f in fs:
        expect(set(f) == FINDING_KEYS, f)
        expect(f["file"] == NGINX and f["line"] and f["column"] and f["hint"], f)
    # STS115 is about the Service (document 1), the others about the set's pod spec
    expect(fs[0]["line"] < 18 < fs[1]["line"], fs)


@check("lint: text is FILE:LINE:COL: SEVERITY RULE message (path) plus the hint")
def _():
    out, _ = lint([NGINX], 1)
    fs = lint_json([NGINX], 1)
    lines = out.splitlines()
    expect(len(lines) == 2 * len(fs), out)
    for f, line, hint in zip(fs, lines[::2], lines[1::2]):
        expect(line == f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} "
                       f"{f['message']} ({f['path']})", line)
        expect(hint == f"    hint: {f['hint']}", hint)


@check("lint: only info findings exit 0; --disable skips rules (repeatable, comma lists)")
def _():
    fs = lint_json(["--disable", "STS112", NGINX], 0)
    expect([f["rule"] for f in fs] == ["STS115", "STS116"], fs)
    fs = lint_json(["--disable", "STS112,STS115", "--disable", "STS116", NGINX], 0)
    expect(fs == [], fs)
    out, _ = lint(["--disable", "STS112,STS115,STS116", NGINX], 0)
    expect(out == "", out)
    out, err = lint(["--disable", "STS999", NGINX], 2)
    expect("unknown rule 'STS999'" in err, err)


@check("lint: a clean input has no findings and exits 0")
def _():
    out, err = lint([os.path.join(DATA, "quiet.yaml")], 0)
    expect(out == "" and err == "", out + err)


@check("lint: wrong types are findings (STS100, STS111 for YAML 1.1), not load errors")
def _():
    f = write("ltype.yaml", sts(labels="app: nginx\n        enabled: on")
              .replace("replicas: 3", "replicas: three"))
    fs = lint_json(["--disable", "STS101,STS112", f], 1)
    got = [(x["rule"], x["severity"], x["path"], x["line"], x["column"]) for x in fs]
    expect(got == [("STS100", "error", "spec.replicas", 6, 13),
                   ("STS111", "error", "spec.template.metadata.labels.enabled", 15, 18)], got)
    expect("on" in fs[1]["message"], fs[1])


@check("lint: Service problems are located in the Service's file (STS102, STS103)")
def _():
    svc = write("lsvc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n"
                "  ports:\n  - port: 80\n    name: web\n  clusterIP: 10.0.0.1\n"
                "  selector:\n    app: other\n")
    f = write("lsts.yaml", sts())
    fs = lint_json(["--disable", "STS112,STS116", f, svc], 1)
    got = [(x["rule"], x["file"], x["line"], x["column"], x["path"]) for x in fs]
    expect(got == [("STS102", svc, 9, 14, "spec.clusterIP"),
                   ("STS103", svc, 11, 5, "spec.selector")], got)


@check("lint: two copies of one set: each finding names its own file")
def _():
    a = write("copy-a.yaml", sts())
    b = write("copy-b.yaml", sts())
    fs = lint_json([a, b], 1)
    one = lint_json([a], 1)
    expect([x["rule"] for x in one] == ["STS101", "STS112", "STS116"], one)
    expect([x["file"] for x in fs] == [a] * len(one) + [b] * len(one), fs)
    expect([(x["rule"], x["line"], x["column"]) for x in fs] ==
           [(x["rule"], x["line"], x["column"]) for x in one] * 2, fs)


@check("lint: a Service finding points at the Service the set resolves to (the last of that name)")
def _():
    a = write("svc-a.yaml", open(NGINX).read())
    b = write("svc-b.yaml", open(NGINX).read())
    fs = lint_json([a, b], 1)
    got = [(x["rule"], x["file"]) for x in fs]
    expect(got == [("STS115", b), ("STS112", a), ("STS116", a),
                   ("STS115", b), ("STS112", b), ("STS116", b)], got)


@check("lint: STS101 without the Service; STS113 partition >= replicas; STS114 per release")
def _():
    f = write("lmu.yaml", sts("  updateStrategy:\n    rollingUpdate:\n      partition: 3\n"
                              "      maxUnavailable: 2\n"))
    fs = lint_json(["--kube-version", "1.34", f], 1)
    rules = [x["rule"] for x in fs]
    for r in ("STS101", "STS113", "STS114"):
        expect(r in rules, f"{r} missing: {rules}")
    mu = [x for x in fs if x["rule"] == "STS114"][0]
    expect((mu["line"], mu["column"]) == (14, 23), mu)
    fs = lint_json([f], 1)
    expect("STS114" not in [x["rule"] for x in fs], "1.35: the gate is on")


@check("lint: claim name collision between two sets (STS107)")
def _():
    a = sts("  volumeClaimTemplates:\n  - metadata:\n      name: data-web\n    spec:\n"
            "      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n"
            "          storage: 1Gi\n", name="x")
    b = sts("  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n"
            "      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n"
            "          storage: 1Gi\n", name="web-x")
    f = write("collide.yaml", a + "---\n" + b)
    fs = lint_json(["--disable", "STS101,STS108,STS112,STS116", f], 1)
    expect([x["rule"] for x in fs] == ["STS107"], fs)
    expect("data-web-x-0" in fs[0]["message"], fs[0])


@check("lint --rules: STS100..STS118 with severities; -o json")
def _():
    out, _ = lint(["--rules"], 0)
    lines = out.splitlines()
    expect(lines[0].split() == ["ID", "SEVERITY", "SUMMARY"], lines[0])
    ids = [l.split()[0] for l in lines[1:]]
    expect(ids == [f"STS{n}" for n in range(100, 119)], ids)
    rc, out, err = run(["lint", "--rules", "-o", "json"])
    rules = json.loads(out)["rules"]
    expect(len(rules) == 19 and set(rules[0]) == {"id", "severity", "summary"}, rules[0])
    sev = {r["id"]: r["severity"] for r in rules}
    expect(sev["STS100"] == "error" and sev["STS112"] == "warning" and sev["STS115"] == "info", sev)
    lint(["--rules", NGINX], 2)


# ---- revision ------------------------------------------------------------------

def rev(args, want_rc=0):
    rc, out, err = run(["revision"] + args)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {out}{err}")
    return out, err


def rev_json(args, want_rc=0):
    out, err = rev(["-o", "json"] + args, want_rc)
    doc = json.loads(out)
    expect(list(doc) == ["revisions"], list(doc))
    return doc["revisions"]


def update_revision(path):
    text = open(path).read()
    if path.endswith(".json"):
        return json.loads(text)["status"]["updateRevision"]
    return re.search(r"^  updateRevision: (\S+)$", text, re.M).group(1)


@check("revision: live dumps give their status.updateRevision (S13/S14 fixture names)")
def _():
    files = [os.path.join(REV, n) for n in ("live-1.33.yaml", "live-1.34.yaml", "live-1.34.json")]
    out, err = rev(files)
    want = [f"default/test {update_revision(f)}" for f in files]
    expect(want == ["default/test test-c77f6d978", "default/test test-776999688b",
                    "default/test test-776999688b"], f"fixtures changed: {want}")
    expect(out.splitlines() == want and err == "", out + err)


@check("revision: the authored manifest is test-c77f6d978 on 1.33, test-776999688b on 1.34/1.35")
def _():
    f = os.path.join(REV, "authored.yaml")
    for version, want in [("1.33", "test-c77f6d978"), ("1.31", "test-c77f6d978"),
                          ("1.34", "test-776999688b"), ("1.35", "test-776999688b")]:
        out, _ = rev(["--kube-version", version, f])
        expect(out == f"default/test {want}\n", f"{version}: {out}")
    out, _ = rev([f])
    expect(out == "default/test test-776999688b\n", f"default release 1.35: {out}")


@check("revision -o json: namespace, name, revision, hash, collisionCount, mode, kubeVersion")
def _():
    r = rev_json(["--kube-version", "v1.33.4", os.path.join(REV, "authored.yaml"),
                  os.path.join(REV, "live-1.34.yaml")])
    expect(r == [
        {"namespace": "default", "name": "test", "revision": "test-c77f6d978", "hash": "c77f6d978",
         "collisionCount": 0, "mode": "authored", "kubeVersion": "1.33"},
        {"namespace": "default", "name": "test", "revision": "test-776999688b",
         "hash": "776999688b", "collisionCount": 0, "mode": "live", "kubeVersion": "1.33"},
    ], json.dumps(r, indent=1))


@check("revision --show-bytes: the canonical bytes are spec 4.4 V1 (1.33) and V2 (1.34)")
def _():
    f = os.path.join(REV, "authored.yaml")
    out, _ = rev(["--show-bytes", "--kube-version", "1.33", f])
    expect(out == f"default/test test-c77f6d978\n{V1}\n", out)
    r = rev_json(["--show-bytes", "--kube-version", "1.34", f])
    expect(r[0]["bytes"] == V2 and r[0]["revision"] == "test-776999688b", r)
    r = rev_json(["--show-bytes", os.path.join(REV, "live-1.33.yaml")])
    expect(r[0]["bytes"] == V1 and r[0]["mode"] == "live", r)


@check("revision: a minimal manifest gives the S15 vectors (V3 on 1.34+, V4 on 1.33)")
def _():
    f = os.path.join(DATA, "minimal-nginx.yaml")
    for args, name, data in [([], "web-6cdf689c4c", V3),
                             (["--kube-version", "1.34"], "web-6cdf689c4c", V3),
                             (["--kube-version", "1.33"], "web-59b8f57", V4)]:
        r = rev_json(["--show-bytes"] + args + [f])
        expect(r[0]["revision"] == name and r[0]["bytes"] == data, f"{args}: {r}")
    for cc, v3, v4 in [("1", "6cdf689c4b", "59b8f56"), ("2", "6cdf689c49", "59b8f59"),
                       ("10", "768c76c7c8", "7b66684fb")]:
        out, _ = rev(["--collision-count", cc, f])
        expect(out == f"default/web web-{v3}\n", f"cc {cc}: {out}")
        out, _ = rev(["--collision-count", cc, "--kube-version", "1.33", f])
        expect(out == f"default/web web-{v4}\n", f"cc {cc} on 1.33: {out}")


@check("revision --collision-count overrides status.collisionCount (S13/S14 cc=1)")
def _():
    r = rev_json(["--collision-count", "1", os.path.join(REV, "live-1.33.yaml"),
                  os.path.join(REV, "live-1.34.yaml")])
    expect([(x["revision"], x["collisionCount"]) for x in r] ==
           [("test-c77f6d979", 1), ("test-776999688c", 1)], r)
    live = open(os.path.join(REV, "live-1.33.yaml")).read()
    f = write("cc2.yaml", live.replace("  collisionCount: 0\n", "  collisionCount: 1\n"))
    r = rev_json([f])
    expect((r[0]["revision"], r[0]["collisionCount"]) == ("test-c77f6d979", 1), r)


@check("revision --live / --authored force the reading; auto is reported as resolved")
def _():
    f = os.path.join(REV, "authored.yaml")
    r = rev_json(["--live", "--kube-version", "1.33", f])
    # as written, the template has no creationTimestamp: the V2 bytes
    expect((r[0]["mode"], r[0]["revision"]) == ("live", "test-776999688b"), r)
    r = rev_json(["--authored", "--kube-version", "1.33", os.path.join(REV, "live-1.34.yaml")])
    expect((r[0]["mode"], r[0]["revision"]) == ("authored", "test-c77f6d978"), r)
    rev(["--live", "--authored", f], 2)


@check("revision: a live object whose updateRevision differs gets a note on stderr")
def _():
    live = open(os.path.join(REV, "live-1.34.yaml")).read()
    f = write("edited.yaml", live.replace("image: test", "image: test:2"))
    out, err = rev([f])
    expect(out.startswith("default/test test-") and "test-776999688b" not in out, out)
    expect("note: StatefulSet default/test has status.updateRevision test-776999688b" in err, err)


@check("revision: errors: no template (1), bad collision count / version (2), no set (1)")
def _():
    f = write("notmpl.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\n"
              "spec:\n  replicas: 1\n")
    out, err = rev([f], 1)
    expect(out == "" and f in err and "spec.template" in err, err)
    rev(["--collision-count", "-1", f], 2)
    rev(["--collision-count", "x", f], 2)
    rev(["--kube-version", "1.36", f], 2)
    svc = write("rsvc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n")
    out, err = rev([svc], 1)
    expect("no StatefulSet" in err, err)


# ---- help ----------------------------------------------------------------------

@check("help: the new commands are listed and each has --help")
def _():
    rc, out, err = run(["--help"])
    for c in ("default", "validate", "lint", "revision", "diff", "upgrade-check"):
        expect(re.search(rf"^  {c} ", out, re.M), f"{c} not listed:\n{out}")
        rc, h, err = run([c, "--help"])
        expect(rc == 0 and h.startswith(f"Usage: stsctl {c} "), h)
        rc, h2, err = run(["help", c])
        expect(rc == 0 and h2 == h, "help COMMAND")
        expect(max(len(l) for l in h.splitlines()) <= 100, f"{c}: help lines too long")


finish()
