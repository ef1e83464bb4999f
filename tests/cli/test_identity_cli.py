#!/usr/bin/python3
"""Command-line tests of `stsctl pods`, `stsctl render`, `stsctl dns` and the
`zone` output format, run by meson (tests/cli/meson.build).

Expected values come from the Kubernetes rules, never from what stsctl printed:
names, labels, owner references, volumes and claims from
/work/shared/k8s/statefulset-spec.md §2 and test-scenarios S01-S12 (the
upstream controller unit tests), DNS records from §3 and S74-S77 (the DNS
specification and the EndpointSlice rules). Fixtures live in
tests/data/cli/identity/ and name the scenario they encode.

Rendered output is read back twice: with the library (`stsctl convert -o json`)
and, where PyYAML is installed, with Python's own YAML parser, so a field is
checked as a consumer of the output sees it.

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
DATA = os.path.join(os.environ["STS_TEST_DATA"], "cli", "identity")
NGINX = os.path.join(SRC, "examples", "nginx.yaml")
TMP = tempfile.mkdtemp(prefix="stsctl-identity-")

try:
    import yaml  # optional: an oracle independent of the library
except ImportError:  # pragma: no cover
    yaml = None


POD_NAME = "statefulset.kubernetes.io/pod-name"
POD_INDEX = "apps.kubernetes.io/pod-index"
REVISION = "controller-revision-hash"


def data(name):
    return os.path.join(DATA, name)


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sts(name, body="", meta=""):
    """A minimal StatefulSet document; @body is indented spec text."""
    return (f"apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {name}\n{meta}"
            f"spec:\n{body}")


def pods_json(args, stdin=None, want_rc=0):
    rc, out, err = run(["pods", "-o", "json"] + args, stdin=stdin)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {err}")
    doc = json.loads(out)
    expect(list(doc) == ["pods"], f"top-level keys: {list(doc)}")
    return doc["pods"], err


def reread(text):
    """Documents of a YAML stream, read by the library (and PyYAML, which must agree)."""
    path = write("reread.yaml", text)
    rc, out, err = run(["convert", "-o", "json", "--list", path])
    expect(rc == 0, f"stsctl cannot read its own output: {err}\n{text}")
    docs = json.loads(out)["items"]
    if yaml:
        py = [d for d in yaml.safe_load_all(text) if d is not None]
        expect(py == docs, f"PyYAML reads something else:\n{py}\n{docs}")
    return docs


def render(args, stdin=None, want_rc=0):
    rc, out, err = run(["render"] + args, stdin=stdin)
    expect(rc == want_rc, f"exit {rc} (want {want_rc}): {err}")
    return reread(out), err


def by_kind(docs, kind):
    return [d for d in docs if d.get("kind") == kind]


def zone_records(text):
    """(name, type, data) of the record lines of a zone; comments skipped."""
    recs = []
    for line in text.splitlines():
        if not line or line[0] in ";$":
            continue
        f = line.split(None, 4)
        expect(len(f) == 5 and f[2] == "IN", f"not a record line: {line!r}")
        recs.append((f[0], f[3], f[4]))
    return recs


# ---- pods --------------------------------------------------------------------

@check("pods -o json: the tutorial's web-0..2 with hostnames, FQDNs, claims, labels")
def _():
    pods, err = pods_json([NGINX])
    expect(err == "", f"unexpected warnings: {err}")
    want = []
    for n in range(3):
        want.append({
            "statefulSet": "web", "namespace": "default", "ordinal": n,
            "name": f"web-{n}", "hostname": f"web-{n}", "subdomain": "nginx",
            "fqdn": f"web-{n}.nginx.default.svc.cluster.local",
            "claims": [f"www-web-{n}"],
            "labels": {POD_NAME: f"web-{n}", POD_INDEX: str(n)},
        })
    expect(pods == want, json.dumps(pods, indent=1))


@check("pods -o yaml prints the same object")
def _():
    rc, out, err = run(["pods", "-o", "yaml", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    (doc,) = reread(out)
    want, _ = pods_json([NGINX])
    expect(doc == {"pods": want}, out)


@check("pods table: kubectl-style columns, aligned with three spaces")
def _():
    rc, out, err = run(["pods", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    lines = out.splitlines()
    expect(lines[0].split() == ["NAMESPACE", "STATEFULSET", "ORDINAL", "POD", "FQDN", "CLAIMS"],
           lines[0])
    rows = [l.split() for l in lines[1:]]
    expect(rows == [["default", "web", str(n), f"web-{n}",
                     f"web-{n}.nginx.default.svc.cluster.local", f"www-web-{n}"]
                    for n in range(3)], out)
    # every column starts where its header starts (Go's tabwriter, padding 3)
    starts = [m.start() for m in re.finditer(r"\S+", lines[0])]
    for l in lines[1:]:
        expect([m.start() for m in re.finditer(r"\S+", l)] == starts, f"misaligned:\n{out}")
    expect(starts[1] == len("NAMESPACE") + 3, f"padding: {starts}")
    expect(not any(l.endswith(" ") for l in lines), "trailing blanks")


@check("pods: spec.ordinals.start 5 gives web-5, web-6 (pod-index 5, 6)")
def _():
    f = write("start5.yaml", sts("web", "  replicas: 2\n  serviceName: nginx\n"
                                 "  ordinals:\n    start: 5\n"
                                 "  volumeClaimTemplates:\n  - metadata: {name: www}\n"))
    pods, _ = pods_json([f])
    expect([p["ordinal"] for p in pods] == [5, 6], pods)
    expect([p["name"] for p in pods] == ["web-5", "web-6"], pods)
    expect([p["labels"][POD_INDEX] for p in pods] == ["5", "6"], pods)
    expect([p["claims"] for p in pods] == [["www-web-5"], ["www-web-6"]], pods)
    expect(pods[1]["fqdn"] == "web-6.nginx.default.svc.cluster.local", pods)


@check("pods: replicas 0 is an empty list (exit 0), absent replicas means 1")
def _():
    f = write("zero.yaml", sts("web", "  replicas: 0\n  serviceName: nginx\n"))
    pods, _ = pods_json([f])
    expect(pods == [], pods)
    rc, out, err = run(["pods", f])
    expect(rc == 0 and out == "", f"exit {rc}: table output {out!r}")
    f = write("one.yaml", sts("web", "  serviceName: nginx\n"))
    pods, _ = pods_json([f])
    expect([p["name"] for p in pods] == ["web-0"], pods)


@check("pods: --namespace and --cluster-domain; the object's namespace is the default")
def _():
    pods, _ = pods_json(["--namespace", "prod", "--cluster-domain", "example.org", NGINX])
    expect([p["namespace"] for p in pods] == ["prod"] * 3, pods)
    expect(pods[2]["fqdn"] == "web-2.nginx.prod.svc.example.org", pods)
    f = write("ns.yaml", sts("db", "  replicas: 1\n  serviceName: pg\n", "  namespace: data\n"))
    pods, _ = pods_json([f])
    expect(pods[0]["namespace"] == "data" and
           pods[0]["fqdn"] == "db-0.pg.data.svc.cluster.local", pods)
    pods, _ = pods_json(["-n", "other", f])
    expect(pods[0]["fqdn"] == "db-0.pg.other.svc.cluster.local", pods)


@check("pods: without serviceName there is no subdomain and no FQDN")
def _():
    f = write("nosvc.yaml", sts("web", "  replicas: 1\n"))
    pods, _ = pods_json([f])
    expect(pods[0]["subdomain"] is None and pods[0]["fqdn"] is None, pods)
    expect(pods[0]["hostname"] == "web-0", pods)
    rc, out, err = run(["pods", f])
    expect(rc == 0 and out.splitlines()[1].split()[4] == "<none>", out)
    expect(out.splitlines()[1].split()[5] == "<none>", out)  # no claims either


@check("pods: claims follow the claim-template order, across several files and stdin")
def _():
    f = write("two-claims.yaml", sts("db", "  replicas: 2\n  serviceName: db\n"
                                     "  volumeClaimTemplates:\n"
                                     "  - metadata: {name: wal}\n  - metadata: {name: data}\n"))
    pods, _ = pods_json([f, "-"], stdin=read(NGINX).encode())
    expect([p["claims"] for p in pods[:2]] == [["wal-db-0", "data-db-0"],
                                                ["wal-db-1", "data-db-1"]], pods)
    expect([p["name"] for p in pods] == ["db-0", "db-1", "web-0", "web-1", "web-2"], pods)


@check("pods: names over the limits are warnings with file:line:column, exit 1 (S12)")
def _():
    # <61 chars>-10 is 64 characters: that pod cannot be created
    src = data("long-61.yaml")
    pods, err = pods_json([src], want_rc=1)
    expect(len(pods) == 11, "the pods are still listed")
    name_line = read(src).splitlines().index("  name: " + "a" * 61) + 1
    warnings = [l for l in err.splitlines() if l.startswith(f"{src}:{name_line}:9: warning: ")]
    expect(len(warnings) == len(err.splitlines()) == 2, err)
    expect(any(f"{'a' * 61}-10" in w and "63" in w for w in warnings), err)
    # 61 characters is also over 52: <set>-<10-character hash> exceeds 63
    expect(any("controller-revision-hash" in w for w in warnings), err)
    # <61>-9 is 63 characters: only the revision label remains a risk
    _p, err = pods_json([data("long-61-ok.yaml")], want_rc=1)
    expect(len(err.splitlines()) == 1 and "controller-revision-hash" in err, err)
    _p, err = pods_json([data("long-53.yaml")], want_rc=1)
    expect(len(err.splitlines()) == 1 and "controller-revision-hash" in err, err)
    # 52 characters: always safe
    _p, err = pods_json([data("long-52.yaml")])
    expect(err == "", err)


@check("pods: two sets deriving the same PVC name are a warning, exit 1 (S11)")
def _():
    pods, err = pods_json([data("collision.yaml")], want_rc=1)
    expect(pods[0]["claims"] == ["data-x-y-0"] and pods[1]["claims"] == ["data-x-y-0"], pods)
    expect("warning:" in err and "data-x-y-0" in err, err)
    # in different namespaces they do not share anything
    text = read(data("collision.yaml")).replace('metadata: {name: "y"}',
                                                'metadata: {name: "y", namespace: other}')
    _p, err = pods_json([write("no-collision.yaml", text)])
    expect(err == "", err)


@check("pods: input errors exit 1 with FILE:LINE:COLUMN, usage errors exit 2")
def _():
    bad = write("bad-type.yaml", sts("web", "  replicas: three\n"))
    rc, out, err = run(["pods", bad])
    expect(rc == 1 and out == "" and re.search(rf"^{re.escape(bad)}:6:13: ", err, re.M),
           f"exit {rc}: {err}")
    syntax = write("syntax.yaml", "kind: StatefulSet\nmetadata: {name: web\n")
    rc, _o, err = run(["pods", syntax])
    expect(rc == 1 and err.startswith(syntax + ":"), f"exit {rc}: {err}")
    neg = write("negative.yaml", sts("web", "  replicas: -1\n"))
    rc, _o, err = run(["pods", neg])
    expect(rc == 1 and "negative" in err and neg in err, f"exit {rc}: {err}")
    noname = write("noname.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {}\n")
    rc, _o, err = run(["pods", noname])
    expect(rc == 1 and "metadata.name" in err, f"exit {rc}: {err}")
    svc = write("svc-only.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\n")
    rc, _o, err = run(["pods", svc])
    expect(rc == 1 and "no StatefulSet" in err, f"exit {rc}: {err}")
    rc, _o, err = run(["pods", os.path.join(TMP, "missing.yaml")])
    expect(rc == 2 and "cannot read" in err, f"exit {rc}: {err}")
    for args in (["pods"], ["pods", "-o", "nope", NGINX], ["pods", "--bogus", NGINX],
                 ["pods", "--namespace"], ["pods", "--namespace", "", NGINX]):
        rc, _o, err = run(args)
        expect(rc == 2 and "--help" in err, f"{args}: exit {rc}: {err}")


@check("pods/dns: output is escaped by the serializers; --from json reads JSON input")
def _():
    ns = 'we"ird\\ns\u00e9'
    pods, _ = pods_json(["--namespace", ns, NGINX])
    expect(pods[0]["namespace"] == ns and pods[0]["fqdn"] == f"web-0.nginx.{ns}.svc.cluster.local",
           pods)
    rc, out, err = run(["pods", "-o", "yaml", "--namespace", ns, NGINX])
    expect(rc == 0 and reread(out)[0]["pods"][1]["namespace"] == ns, out)
    rc, js, err = run(["convert", "-o", "json", NGINX])
    pods, _ = pods_json(["--from", "json", "-"], stdin=js.encode())
    expect([p["name"] for p in pods] == ["web-0", "web-1", "web-2"], pods)
    rc, out, err = run(["dns", "-o", "yaml", "--from", "json", "-"], stdin=js.encode())
    expect(rc == 0 and reread(out)[0]["serviceFqdn"] == "nginx.default.svc.cluster.local", out)


@check("pods: hostile replicas are refused, not expanded for hours")
def _():
    f = write("huge.yaml", sts("web", "  replicas: 2147483647\n"))
    rc, out, err = run(["pods", "-o", "json", f])
    expect(rc == 1 and "100000" in err, f"exit {rc}: {err}")
    f = write("overflow.yaml", sts("web", "  replicas: 10\n  ordinals: {start: 2147483647}\n"))
    rc, out, err = run(["pods", f])
    expect(rc == 1 and "int32" in err, f"exit {rc}: {err}")


# ---- render ------------------------------------------------------------------

@check("render: the Pod of newStatefulSet(3), ordinal 0, field by field (S07)")
def _():
    docs, err = render(["--ordinal", "0", data("foo.yaml")])
    expect(err == "", err)
    expect([d["kind"] for d in docs] == ["PersistentVolumeClaim", "Pod"], docs)
    pod = docs[1]
    expect(pod["apiVersion"] == "v1", pod)
    m = pod["metadata"]
    expect(m["name"] == "foo-0" and m["namespace"] == "default", m)
    expect(m["ownerReferences"] == [{"apiVersion": "apps/v1", "kind": "StatefulSet",
                                     "name": "foo", "uid": "test", "controller": True,
                                     "blockOwnerDeletion": True}], m)
    # template labels copied, pod-name overwritten, pod-index added; no revision label
    expect(m["labels"] == {"foo": "bar", POD_NAME: "foo-0", POD_INDEX: "0"}, m)
    expect(m["annotations"] == {"note": "copied"}, m)
    s = pod["spec"]
    expect(s["hostname"] == "foo-0" and s["subdomain"] == "governingsvc", s)
    # the claim volume first, then the template's other volumes; the template's
    # own `datadir` volume is replaced by the claim
    expect(s["volumes"] == [
        {"name": "datadir", "persistentVolumeClaim": {"claimName": "datadir-foo-0",
                                                      "readOnly": False}},
        {"name": "home", "hostPath": {"path": "/tmp/home"}},
    ], s["volumes"])
    expect(s["containers"][0]["volumeMounts"][0] == {"name": "datadir",
                                                    "mountPath": "/tmp/zookeeper"}, s)


@check("render: the PVC of ordinal 0: name, namespace, selector labels, spec (S08)")
def _():
    docs, _ = render(["--ordinal", "0", data("foo.yaml")])
    pvc = docs[0]
    expect(pvc["apiVersion"] == "v1" and pvc["kind"] == "PersistentVolumeClaim", pvc)
    expect(pvc["metadata"] == {"name": "datadir-foo-0", "namespace": "default",
                               "labels": {"foo": "bar"}}, pvc["metadata"])
    expect(pvc["spec"] == {"resources": {"requests": {"storage": 1}}}, pvc["spec"])


@check("render: PVC labels merge selector.matchLabels over the template's (S08 table)")
def _():
    docs, _ = render([data("claim-labels.yaml")])
    labels = {d["metadata"]["name"]: d["metadata"].get("labels")
              for d in by_kind(docs, "PersistentVolumeClaim")}
    expect(labels == {
        "datadir-none-0": None,
        "datadir-sel-0": {"test": "test"},
        "datadir-both-0": {"test": "test", "name": "foo"},
        "datadir-wins-0": {"test": "foo"},
    }, labels)


@check("render: every ordinal, claims before each pod, json is one kubectl List")
def _():
    rc, out, err = run(["render", "-o", "json", data("foo.yaml")])
    expect(rc == 0, f"exit {rc}: {err}")
    doc = json.loads(out)
    expect(doc["kind"] == "List" and doc["apiVersion"] == "v1", doc.keys())
    names = [(d["kind"], d["metadata"]["name"]) for d in doc["items"]]
    expect(names == [("PersistentVolumeClaim", "datadir-foo-0"), ("Pod", "foo-0"),
                     ("PersistentVolumeClaim", "datadir-foo-1"), ("Pod", "foo-1"),
                     ("PersistentVolumeClaim", "datadir-foo-2"), ("Pod", "foo-2")], names)
    expect([d["metadata"]["labels"][POD_INDEX] for d in by_kind(doc["items"], "Pod")] ==
           ["0", "1", "2"], "pod-index labels")
    # the yaml stream holds the same objects
    docs, _ = render([data("foo.yaml")])
    expect(docs == doc["items"], "yaml and json renderings differ")


@check("render: --revision adds controller-revision-hash (the full revision name)")
def _():
    docs, _ = render(["--ordinal", "1", "--revision", "foo-6cdf689c4c", data("foo.yaml")])
    pod = by_kind(docs, "Pod")[0]
    expect(pod["metadata"]["labels"] == {"foo": "bar", POD_NAME: "foo-1", POD_INDEX: "1",
                                         REVISION: "foo-6cdf689c4c"}, pod["metadata"])
    # a revision name over 63 characters cannot be a label value: warning, exit 1
    long_rev = "foo-" + "9" * 60
    _docs, err = render(["--ordinal", "1", "--revision", long_rev, data("foo.yaml")],
                        want_rc=1)
    expect("warning:" in err and "63" in err, err)


@check("render: --namespace moves pods and claims; start ordinal 5; replicas 0")
def _():
    docs, _ = render(["--namespace", "prod", data("foo.yaml")])
    expect({d["metadata"]["namespace"] for d in docs} == {"prod"}, docs)
    f = write("render-start.yaml", sts("web", "  replicas: 2\n  serviceName: nginx\n"
                                       "  ordinals: {start: 5}\n"
                                       "  volumeClaimTemplates:\n  - metadata: {name: www}\n"))
    docs, _ = render([f])
    expect([d["metadata"]["name"] for d in docs] == ["www-web-5", "web-5", "www-web-6", "web-6"],
           docs)
    pod = docs[1]
    expect(pod["spec"]["hostname"] == "web-5" and pod["spec"]["subdomain"] == "nginx", pod)
    expect("ownerReferences" in pod["metadata"] and
           "uid" not in pod["metadata"]["ownerReferences"][0], "no uid when the set has none")
    f = write("render-zero.yaml", sts("web", "  replicas: 0\n"))
    rc, out, err = run(["render", f])
    expect(rc == 0 and out == "", f"exit {rc}: {out!r} {err}")
    rc, out, err = run(["render", "-o", "json", f])
    expect(rc == 0 and json.loads(out)["items"] == [], f"exit {rc}: {out}")


@check("render: no serviceName means no subdomain; --ordinal outside the replicas is noted")
def _():
    f = write("render-nosvc.yaml", sts("web", "  replicas: 1\n"))
    docs, _ = render([f])
    expect("subdomain" not in docs[0]["spec"] and docs[0]["spec"]["hostname"] == "web-0", docs)
    docs, err = render(["--ordinal", "7", data("foo.yaml")])
    expect([d["metadata"]["name"] for d in docs] == ["datadir-foo-7", "foo-7"], docs)
    expect("note:" in err and "7" in err, err)


@check("render: errors and usage")
def _():
    for args in (["render", "--ordinal", "-1", NGINX], ["render", "--ordinal", "x", NGINX],
                 ["render", "--ordinal", "2147483648", NGINX], ["render"],
                 ["render", "-o", "nope", NGINX]):
        rc, _o, err = run(args)
        expect(rc == 2 and "--help" in err, f"{args}: exit {rc}: {err}")
    bad = write("render-bad.yaml", sts("web", "  ordinals: {start: x}\n"))
    rc, out, err = run(["render", bad])
    expect(rc == 1 and out == "" and bad + ":" in err, f"exit {rc}: {err}")
    rc, out, err = run(["render", "-"], stdin=b"kind: [\n")
    expect(rc == 1 and err.startswith("<stdin>:"), f"exit {rc}: {err}")


# ---- dns ---------------------------------------------------------------------

S74 = data("dns-s74.yaml")
FQDN = "nginx.default.svc.cluster.local."


def dns_variant(name, *edits):
    text = read(S74)
    for old, new in edits:
        expect(old in text, f"fixture has no {old!r}")
        text = text.replace(old, new)
    return write(name, text)


UNREADY_1 = ('status: "True"  # web-1 ready', 'status: "False"')


@check("dns: S74 records of a ready StatefulSet (zone), exit 0")
def _():
    rc, out, err = run(["dns", S74])
    expect(rc == 0, f"exit {rc}: {err}{out}")
    recs = zone_records(out)
    expect(sorted(r for r in recs if r[0] == FQDN) ==
           [(FQDN, "A", "10.0.0.10"), (FQDN, "A", "10.0.0.11")], recs)
    expect(("web-0." + FQDN, "A", "10.0.0.10") in recs, recs)
    expect(("web-1." + FQDN, "A", "10.0.0.11") in recs, recs)
    srv = sorted(r for r in recs if r[1] == "SRV")
    expect(srv == [("_web._tcp." + FQDN, "SRV", f"0 50 80 web-{n}.{FQDN}") for n in (0, 1)],
           srv)
    ptr = sorted(r for r in recs if r[1] == "PTR")
    expect(ptr == [("10.0.0.10.in-addr.arpa.", "PTR", "web-0." + FQDN),
                   ("11.0.0.10.in-addr.arpa.", "PTR", "web-1." + FQDN)], ptr)
    expect(len(recs) == 8, recs)
    expect("$ORIGIN " + FQDN in out.splitlines(), out)


@check("dns -o json: records, problems, serviceFqdn")
def _():
    rc, out, err = run(["dns", "-o", "json", S74])
    expect(rc == 0, f"exit {rc}: {err}")
    doc = json.loads(out)
    expect(doc["serviceFqdn"] == "nginx.default.svc.cluster.local", doc["serviceFqdn"])
    expect(doc["problems"] == [], doc["problems"])
    expect(doc["statefulSet"] == "web" and doc["namespace"] == "default", doc)
    for r in doc["records"]:
        expect(sorted(r) == ["data", "name", "pod", "ttl", "type"], r)
        expect(r["ttl"] == 5, r)  # CoreDNS default
    a = [r for r in doc["records"] if r["name"] == "web-1." + FQDN]
    expect(a == [{"name": "web-1." + FQDN, "type": "A", "ttl": 5, "data": "10.0.0.11",
                  "pod": "web-1"}], a)


@check("dns: S75 an unready pod is not published; publishNotReadyAddresses publishes it")
def _():
    f = dns_variant("dns-unready.yaml", UNREADY_1)
    rc, out, err = run(["dns", "-o", "json", f])
    expect(rc == 1, f"exit {rc}: an unready pod is a reason records are missing")
    doc = json.loads(out)
    recs = [(r["name"], r["type"], r["data"]) for r in doc["records"]]
    expect([r for r in recs if r[0] == FQDN] == [(FQDN, "A", "10.0.0.10")], recs)
    expect(not any(r[0].startswith("web-1.") for r in recs), recs)
    srv = [r for r in recs if r[1] == "SRV"]
    expect(srv == [("_web._tcp." + FQDN, "SRV", "0 100 80 web-0." + FQDN)], srv)
    expect(any("web-1" in p["message"] for p in doc["problems"]), doc["problems"])
    f = dns_variant("dns-publish.yaml", UNREADY_1, ("publishNotReadyAddresses: false",
                                                     "publishNotReadyAddresses: true"))
    rc, out, err = run(["dns", f])
    expect(rc == 0, f"exit {rc}: {out}")
    recs = zone_records(out)
    expect(("web-1." + FQDN, "A", "10.0.0.11") in recs and len(recs) == 8, recs)


@check("dns: S75 no ready pod: the service name is NXDOMAIN, noted; table format")
def _():
    f = dns_variant("dns-none-ready.yaml", UNREADY_1,
                    ('    status: "True"\n---', '    status: "False"\n---'))
    rc, out, err = run(["dns", "-o", "table", f])
    expect(rc == 1, f"exit {rc}: {out}")
    lines = out.splitlines()
    expect(lines and all(l.startswith("note: ") for l in lines), out)
    expect(any("NXDOMAIN" in l for l in lines), out)


@check("dns -o table: aligned columns, then notes")
def _():
    f = dns_variant("dns-unready-table.yaml", UNREADY_1)
    rc, out, err = run(["dns", "-o", "table", f])
    expect(rc == 1, f"exit {rc}")
    lines = out.splitlines()
    expect(lines[0].split() == ["NAME", "TYPE", "TTL", "DATA", "POD"], lines[0])
    table = [l for l in lines if not l.startswith("note: ")]
    notes = [l for l in lines if l.startswith("note: ")]
    expect(lines == table + notes and notes, "notes come after the table")
    starts = [m.start() for m in re.finditer(r"\S+", lines[0])]
    rows = [l for l in table[1:] if l.split()[1] in ("A", "PTR")]
    for l in rows:
        expect([m.start() for m in re.finditer(r"\S+", l)] == starts, f"misaligned:\n{out}")
    expect(["web-0." + FQDN, "A", "5", "10.0.0.10", "web-0"] in [l.split() for l in rows], out)
    expect(any("web-1" in n for n in notes), notes)


@check("dns: S76 a pod whose subdomain is not the Service gets no hostname record")
def _():
    f = dns_variant("dns-subdomain.yaml", ("  hostname: web-0\n  subdomain: nginx",
                                           "  hostname: web-0\n  subdomain: other"))
    rc, out, err = run(["dns", f])
    recs = zone_records(out)
    expect(not any(r[0] == "web-0." + FQDN for r in recs), recs)
    expect(("10-0-0-10." + FQDN, "A", "10.0.0.10") in recs, recs)
    expect(("web-1." + FQDN, "A", "10.0.0.11") in recs, recs)
    expect(rc == 1, f"exit {rc}: the mismatch is reported")


@check("dns: S77 an unnamed port gets no SRV; no Service; not headless")
def _():
    f = dns_variant("dns-unnamed.yaml", ("  - name: web\n    port: 80", "  - port: 80"))
    rc, out, err = run(["dns", "-o", "json", f])
    doc = json.loads(out)
    expect(rc == 1 and not [r for r in doc["records"] if r["type"] == "SRV"], out)
    expect(any(p["path"] == "spec.ports[0].name" for p in doc["problems"]), doc["problems"])
    expect(any(r["name"] == "web-0." + FQDN for r in doc["records"]), "A records stay")
    f = write("dns-nosvc.yaml", read(S74).split("---\n", 1)[1])
    rc, out, err = run(["dns", "-o", "json", f])
    doc = json.loads(out)
    expect(rc == 1 and doc["records"] == [], out)
    expect(doc["problems"][0]["path"] == "spec.serviceName", doc["problems"])
    f = dns_variant("dns-clusterip.yaml", ("clusterIP: None", "clusterIP: 10.96.0.10"))
    rc, out, err = run(["dns", f])
    recs = zone_records(out)
    expect(rc == 1 and (FQDN, "A", "10.96.0.10") in recs, f"exit {rc}: {out}")
    expect(not any(r[0].startswith("web-") for r in recs), recs)


@check("dns: predicted records of the tutorial (no pods), --cluster-domain")
def _():
    rc, out, err = run(["dns", "-o", "json", NGINX])
    expect(rc == 0, f"exit {rc}: {out}")
    doc = json.loads(out)
    srv = [r for r in doc["records"] if r["type"] == "SRV"]
    # CoreDNS weight: floor(100 / 3 records)
    expect([(r["name"], r["data"]) for r in srv] ==
           [("_web._tcp." + FQDN, f"0 33 80 web-{n}.{FQDN}") for n in range(3)], srv)
    a = [r for r in doc["records"] if r["type"] == "A" and r["name"].startswith("web-")]
    expect([(r["name"], r["data"], r["pod"]) for r in a] ==
           [(f"web-{n}.{FQDN}", "", f"web-{n}") for n in range(3)], a)
    rc, out, err = run(["dns", "--cluster-domain", "example.org", "-o", "table", NGINX])
    expect(rc == 0 and "web-2.nginx.default.svc.example.org." in out, out)
    expect("<pending>" in out, out)


@check("dns: errors and usage")
def _():
    svc = write("dns-svc-only.yaml", read(S74).split("---\n", 1)[0])
    rc, _o, err = run(["dns", svc])
    expect(rc == 1 and "no StatefulSet" in err, f"exit {rc}: {err}")
    bad = write("dns-bad.yaml", sts("web", "  serviceName: [nginx]\n"))
    rc, out, err = run(["dns", bad])
    expect(rc == 1 and out == "" and bad + ":6:" in err, f"exit {rc}: {err}")
    for args in (["dns"], ["dns", "-o", "nope", NGINX], ["dns", "--cluster-domain", "", NGINX]):
        rc, _o, err = run(args)
        expect(rc == 2 and "--help" in err, f"{args}: exit {rc}: {err}")


# ---- zone as a format, help ----------------------------------------------------

@check("convert -o zone prints the zone; formats lists zone as encode-only")
def _():
    rc, out, err = run(["convert", "-o", "zone", S74])
    expect(rc == 0, f"exit {rc}: {err}")
    recs = zone_records(out)
    expect(("web-0." + FQDN, "A", "10.0.0.10") in recs and len(recs) == 8, recs)
    rc, out, err = run(["dns", S74])
    expect(zone_records(out) == recs, "dns and convert -o zone agree")
    rc, out, err = run(["formats"])
    row = [l.split() for l in out.splitlines() if l.split()[:1] == ["zone"]]
    expect(row and row[0][1] == "encode", out)
    rc, out, err = run(["convert", "--from", "zone", NGINX])
    expect(rc == 2 and "cannot decode" in err, f"exit {rc}: {err}")


@check("help: the commands are listed and each has --help")
def _():
    rc, out, err = run(["--help"])
    for c in ("pods", "render", "dns"):
        expect(re.search(rf"^  {c} ", out, re.M), out)
        rc, h, err = run([c, "--help"])
        expect(rc == 0 and h.startswith(f"Usage: stsctl {c} "), h)
        rc, h2, err = run(["help", c])
        expect(rc == 0 and h2 == h, "help COMMAND")


finish()
