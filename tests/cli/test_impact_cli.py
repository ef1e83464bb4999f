#!/usr/bin/python3
"""Command-line tests of `stsctl diff` and `stsctl upgrade-check`, run by meson
(tests/cli/meson.build).

Expected values come from Kubernetes, never from what stsctl printed:
- which fields an update may change and the Forbidden message per release:
  /work/shared/k8s/statefulset-spec.md §7.3 and scenario S72;
- which pods a rollout replaces and in what order: §5.12 (RollingUpdate
  replaces from the highest ordinal down to the partition), S39-S41 (OnDelete
  replaces nothing by itself; partition keeps lower ordinals), scaling §5.4
  (new ordinals at the top of the range);
- the revision names: spec §4.4 vectors (through the live dumps of
  tests/data/revision, whose status.updateRevision is the published name);
- the 1.33 -> 1.34 upgrade: S19 (with StatefulSetSemanticRevisionComparison
  on, no new revision and no pod writes; without it every set rolls, issue
  #134773).

Prints one line per check and closes with "N passed, N failed".
"""
import json
import os
import subprocess
import sys
import tempfile

from clitest import STSCTL, check, expect, finish, results, run  # noqa: F401

TESTDATA = os.environ["STS_TEST_DATA"]
WEB = os.path.join(TESTDATA, "impact", "web.yaml")
REV = os.path.join(TESTDATA, "revision")
TMP = tempfile.mkdtemp(prefix="stsctl-impact-")


FORBIDDEN_133 = ("spec: Forbidden: updates to statefulset spec for fields other than "
                 "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                 "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
FORBIDDEN_132 = FORBIDDEN_133.replace("'revisionHistoryLimit', ", "")


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


BASE = open(WEB, encoding="utf-8").read()


def variant(name, *edits):
    """web.yaml with (old, new) text replacements, each of which must apply."""
    text = BASE
    for old, new in edits:
        expect(old in text, f"fixture changed: {old!r}")
        text = text.replace(old, new, 1)
    return write(name, text)


IMAGE = ("nginx-slim:0.24", "nginx-slim:0.25")


def strategy(block):
    return ("  serviceName: nginx\n", "  serviceName: nginx\n" + block)


def revision_of(path, *args):
    rc, out, err = run(["revision"] + list(args) + [path])
    expect(rc == 0, err)
    return out.split()[1]


def diff(old, new, want_rc, *args):
    rc, out, err = run(["diff", "-o", "json"] + list(args) + [old, new])
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {err}")
    doc = json.loads(out)
    expect(list(doc) == ["impacts"], list(doc))
    return doc["impacts"], err


def names(imp, group):
    return [p["name"] for p in imp["pods"][group]]


@check("diff: an image change replaces web-2, web-1, web-0 in that order (exit 1)")
def _():
    new = variant("image.yaml", IMAGE)
    (imp,), err = diff(WEB, new, 1)
    expect(imp["allowed"] is True and imp["errors"] == [], imp)
    expect(names(imp, "replaced") == ["web-2", "web-1", "web-0"], imp["pods"])
    expect([c["path"] for c in imp["changes"]] == ["spec.template.spec.containers[0].image"],
           imp["changes"])
    expect(imp["changes"][0]["effect"] == "rolls-pods", imp["changes"])
    old_rev, new_rev = revision_of(WEB), revision_of(new)
    expect(old_rev != new_rev, "the template changed")
    expect((imp["revision"]["old"], imp["revision"]["new"]) == (old_rev, new_rev), imp["revision"])
    expect(all((p["from"], p["to"]) == (old_rev, new_rev) for p in imp["pods"]["replaced"]),
           imp["pods"]["replaced"])


@check("diff text: the summary, then `verdict: rolls pods`")
def _():
    new = variant("image2.yaml", IMAGE)
    rc, out, err = run(["diff", WEB, new])
    expect(rc == 1, f"exit {rc}: {err}")
    expect(out.startswith("StatefulSet default/web (Kubernetes 1.35)\n"), out)
    expect(out.endswith("verdict: rolls pods\n"), out)
    pos = [out.find(f" web-{n} ") for n in (2, 1, 0)]
    expect(-1 not in pos and pos == sorted(pos), f"replaced pods in order:\n{out}")


@check("diff: scaling 3 -> 5 creates web-3, web-4 and rolls nothing (exit 0)")
def _():
    new = variant("scale.yaml", ("replicas: 3", "replicas: 5"))
    (imp,), _ = diff(WEB, new, 0)
    expect(names(imp, "created") == ["web-3", "web-4"], imp["pods"])
    expect(names(imp, "replaced") == [], imp["pods"])
    expect(imp["revision"]["old"] == imp["revision"]["new"] == revision_of(WEB), imp["revision"])
    rc, out, err = run(["diff", WEB, new])
    expect(rc == 0 and out.endswith("verdict: no pods roll\n"), out)


@check("diff: scaling 3 -> 1 deletes web-2, then web-1 (exit 0)")
def _():
    (imp,), _ = diff(WEB, variant("down.yaml", ("replicas: 3", "replicas: 1")), 0)
    expect(names(imp, "deleted") == ["web-2", "web-1"], imp["pods"])


@check("diff: partition 1 replaces web-2, web-1 and keeps web-0 (S41)")
def _():
    old = variant("p-old.yaml", strategy("  updateStrategy:\n    rollingUpdate:\n      partition: 1\n"))
    new = variant("p-new.yaml", strategy("  updateStrategy:\n    rollingUpdate:\n      partition: 1\n"),
                  IMAGE)
    (imp,), _ = diff(old, new, 1)
    expect(names(imp, "replaced") == ["web-2", "web-1"], imp["pods"])
    expect(names(imp, "kept") == ["web-0"], imp["pods"])


@check("diff: partition >= replicas or OnDelete: a new revision but no pod replaced (exit 0)")
def _():
    for i, block in enumerate(["  updateStrategy:\n    rollingUpdate:\n      partition: 3\n",
                               "  updateStrategy:\n    type: OnDelete\n"]):
        old = variant(f"hold-old-{i}.yaml", strategy(block))
        new = variant(f"hold-new-{i}.yaml", strategy(block), IMAGE)
        (imp,), _ = diff(old, new, 0)
        expect(names(imp, "replaced") == [], imp["pods"])
        expect(sorted(names(imp, "kept")) == ["web-0", "web-1", "web-2"], imp["pods"])
        expect(imp["revision"]["created"] is True, imp["revision"])


@check("diff: changing the claim size is forbidden with the server's message (exit 1)")
def _():
    new = variant("size.yaml", ("storage: 1Gi", "storage: 2Gi"))
    (imp,), _ = diff(WEB, new, 1)
    expect(imp["allowed"] is False, imp)
    msgs = [e if isinstance(e, str) else e.get("message") for e in imp["errors"]]
    expect(msgs == [FORBIDDEN_133], msgs)
    expect(names(imp, "replaced") == [], "a refused update replaces nothing")
    (imp,), _ = diff(WEB, new, 1, "--kube-version", "1.32")
    msgs = [e if isinstance(e, str) else e.get("message") for e in imp["errors"]]
    expect(msgs == [FORBIDDEN_132], msgs)
    rc, out, err = run(["diff", WEB, new])
    expect(rc == 1 and out.endswith("verdict: forbidden\n") and FORBIDDEN_133 in out, out)


@check("diff: serviceName, selector and podManagementPolicy changes are forbidden")
def _():
    for i, edits in enumerate([[("serviceName: nginx", "serviceName: other")],
                               [strategy("  podManagementPolicy: Parallel\n")],
                               [("      app: nginx\n  serviceName", "      app: web\n  serviceName"),
                                ("        app: nginx\n    spec:", "        app: web\n    spec:")]]):
        (imp,), _ = diff(WEB, variant(f"forbid-{i}.yaml", *edits), 1)
        expect(imp["allowed"] is False, f"case {i}: {imp['errors']}")


@check("diff: identical input and fields without effect on pods roll nothing (exit 0)")
def _():
    (imp,), _ = diff(WEB, WEB, 0)
    expect(imp["changes"] == [] and names(imp, "replaced") == [], imp)
    (imp,), _ = diff(WEB, variant("mrs.yaml", strategy("  minReadySeconds: 30\n")), 0)
    expect([c["path"] for c in imp["changes"]] == ["spec.minReadySeconds"], imp["changes"])
    expect(imp["changes"][0]["rollsPods"] is False, imp["changes"])


@check("diff: defaults the server fills in are not changes")
def _():
    rc, out, err = run(["default", WEB])
    expect(rc == 0, err)
    (imp,), _ = diff(WEB, write("defaulted.yaml", out), 0)
    expect(imp["changes"] == [], imp["changes"])


@check("diff: a set only in NEW is a create (note on stderr), all pods created")
def _():
    other = variant("db.yaml", ("name: web", "name: db"))
    (imp,), err = diff(WEB, other, 0)
    expect("note: no StatefulSet default/db" in err, err)
    expect(names(imp, "created") == ["db-0", "db-1", "db-2"], imp["pods"])


@check("diff: errors exit 2 (one file, no StatefulSet in NEW, bad version, type error)")
def _():
    for args in (["diff", WEB], ["diff", WEB, WEB, WEB], ["diff", "--kube-version", "9", WEB, WEB],
                 ["diff", WEB, write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n"
                                                 "  name: nginx\n")],
                 ["diff", WEB, variant("type.yaml", ("replicas: 3", "replicas: three"))],
                 ["diff", WEB, os.path.join(TMP, "missing.yaml")]):
        rc, out, err = run(args)
        expect(rc == 2 and err, f"{args}: exit {rc}: {err}")


@check("diff / upgrade-check: a hostile replica count is refused at once (exit 2)")
def _():
    huge = variant("huge.yaml", ("replicas: 3", "replicas: 2147483647"))
    rc, out, err = run(["diff", WEB, huge])
    expect(rc == 2 and f"{huge}:10:13: error: StatefulSet web has 2147483647 replicas" in err, err)
    rc, out, err = run(["upgrade-check", "--from", "1.33", "--to", "1.34", huge])
    expect(rc == 2 and "2147483647 replicas" in err, err)


# ---- upgrade-check ---------------------------------------------------------------

def upgrade(args, want_rc):
    rc, out, err = run(["upgrade-check", "-o", "json"] + args)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {err}")
    return json.loads(out)


@check("upgrade-check 1.33 -> 1.34: the semantic comparison gate keeps test-c77f6d978 (S19)")
def _():
    d = upgrade(["--from", "1.33", "--to", "1.34", os.path.join(REV, "live-1.33.yaml")], 0)
    expect((d["from"], d["to"], d["affected"]) == ("1.33", "1.34", 0), d)
    (s,) = d["statefulsets"]
    expect(s["rollsPods"] is False and s["pods"]["replaced"] == [], s)
    expect(s["currentRevision"] == "test-c77f6d978", s)
    expect(s["targetRevision"] == "test-776999688b", "1.34 serializes without creationTimestamp")


@check("upgrade-check 1.33 -> 1.34 without the gate: test-0 is replaced (issue #134773), exit 1")
def _():
    d = upgrade(["--from", "1.33", "--to", "1.34", "--feature-gates",
                 "StatefulSetSemanticRevisionComparison=false",
                 os.path.join(REV, "live-1.33.yaml")], 1)
    (s,) = d["statefulsets"]
    expect(d["affected"] == 1 and s["rollsPods"] is True, d)
    expect([(p["name"], p["from"], p["to"]) for p in s["pods"]["replaced"]] ==
           [("test-0", "test-c77f6d978", "test-776999688b")], s["pods"])
    rc, out, err = run(["upgrade-check", "--from", "1.33", "--to", "1.34", "--feature-gates",
                        "StatefulSetSemanticRevisionComparison=false",
                        os.path.join(REV, "live-1.33.yaml")])
    expect(rc == 1 and "test-776999688b" in out, out)


@check("upgrade-check 1.34 -> 1.35 and 1.33 -> 1.33 change nothing (exit 0)")
def _():
    upgrade(["--from", "1.34", "--to", "1.35", os.path.join(REV, "live-1.34.yaml")], 0)
    upgrade(["--from", "1.33", "--to", "1.33", os.path.join(REV, "live-1.33.yaml")], 0)


@check("upgrade-check: usage and input errors exit 2")
def _():
    live = os.path.join(REV, "live-1.33.yaml")
    for args in (["--to", "1.34", live], ["--from", "1.33", live], ["--from", "1.33", "--to", "1.34"],
                 ["--from", "1.3", "--to", "1.34", live],
                 ["--from", "1.33", "--to", "1.34",
                  write("u-svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n")]):
        rc, out, err = run(["upgrade-check"] + args)
        expect(rc == 2 and err, f"{args}: exit {rc}: {err}")


finish()
