#!/usr/bin/python3
"""Command-line tests of stsctl and the examples, run by meson (tests/cli/meson.build).

Expected values come from Kubernetes: tests/data/cli/nginx.kubectl.json is what
`kubectl label --local -f examples/nginx.yaml x=y -o json` printed (the added
label removed), and error lines are checked for the file, line and column where
kubectl (go-yaml) reports the same problem. Round trips are checked with
sts-same (sts_node_equal) and, where PyYAML is installed, independently of the
library with Python's own parsers.

Prints one line per check and closes with "N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from clitest import STSCTL, check, expect, finish, results, run  # noqa: F401

STS_SAME = os.environ["STS_SAME"]
FLAT = os.environ["STS_FLAT_PLUGIN"]
BUILD_STS = os.environ["BUILD_STATEFULSET"]
SUMMARIZE = os.environ["SUMMARIZE"]
SRC = os.environ["STS_SOURCE_ROOT"]
NGINX = os.path.join(SRC, "examples", "nginx.yaml")
KUBECTL_JSON = os.path.join(SRC, "tests", "data", "cli", "nginx.kubectl.json")
TMP = tempfile.mkdtemp(prefix="stsctl-test-")

try:
    import yaml  # optional: an oracle independent of the library
except ImportError:  # pragma: no cover
    yaml = None


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def json_docs(text):
    """Every JSON value of the output; a `kind: List` counts as its items."""
    dec, i, docs = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        v, i = dec.raw_decode(text, i)
        if isinstance(v, dict) and v.get("kind") == "List" and isinstance(v.get("items"), list):
            docs.extend(v["items"])
        else:
            docs.append(v)
    return docs


def same(a, b, kind=None, plugin=None):
    env = dict(os.environ)
    if plugin:
        env["STS_SAME_PLUGIN"] = plugin
    args = (["--kind", kind] if kind else []) + [a, b]
    return run(args, exe=STS_SAME, env=env)


with open(KUBECTL_JSON, encoding="utf-8") as f:
    KUBECTL = json.load(f)


# ---- convert ---------------------------------------------------------------

@check("convert -o json matches kubectl's reading of nginx.yaml")
def _():
    rc, out, err = run(["convert", "-o", "json", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    expect(json_docs(out) == KUBECTL, f"documents differ from kubectl:\n{out}")


@check("convert yaml -> json -> yaml round trip")
def _():
    rc, out, err = run(["convert", "-o", "json", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    js = write("nginx.json", out)
    rc, out, err = run(["convert", "-o", "yaml", js])
    expect(rc == 0, f"exit {rc}: {err}")
    back = write("nginx-back.yaml", out)
    rc, _o, err = same(NGINX, back)
    expect(rc == 0, f"sts-same: {err}")
    if yaml:
        expect(list(yaml.safe_load_all(out)) == KUBECTL, "PyYAML reads something else:\n" + out)


@check("convert json -> yaml -> json is stable")
def _():
    # as kubectl prints several objects: one JSON object after the other
    js = write("kubectl.json", "\n".join(json.dumps(d, indent=4) for d in KUBECTL) + "\n")
    rc, y, err = run(["convert", js])  # yaml is the default
    expect(rc == 0, f"exit {rc}: {err}")
    rc, out, err = run(["convert", "-o", "json", "-"], stdin=y.encode())
    expect(rc == 0, f"exit {rc}: {err}")
    expect(json_docs(out) == KUBECTL, out)


@check("convert --style kubectl sorts keys like kubectl")
def _():
    rc, out, err = run(["convert", "-o", "json", "--style", "kubectl", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    orders = []

    def hook(pairs):
        orders.append([k for k, _ in pairs])
        return dict(pairs)
    dec, i = json.JSONDecoder(object_pairs_hook=hook), 0
    while i < len(out.rstrip()):
        while out[i].isspace():
            i += 1
        _v, i = dec.raw_decode(out, i)
    expect(orders and all(o == sorted(o) for o in orders), f"unsorted keys: {orders}")
    # and in the default style the source order stays
    rc, out, err = run(["convert", "-o", "json", NGINX])
    first = json.JSONDecoder(object_pairs_hook=lambda p: [k for k, _ in p]).raw_decode(
        out.lstrip())[0]
    expect(first == ["apiVersion", "kind", "metadata", "spec"], f"order changed: {first}")


@check("convert --compact prints JSON without whitespace")
def _():
    rc, out, err = run(["convert", "-o", "json", "--compact", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    body = out.replace("\n", "")
    expect(" " not in body.replace("nginx-slim", ""), f"whitespace in {out!r}")
    expect(json_docs(out) == KUBECTL, out)


@check("convert reads standard input as '-', errors name <stdin>")
def _():
    with open(NGINX, "rb") as f:
        data = f.read()
    rc, out, err = run(["convert", "-o", "json", "-"], stdin=data)
    expect(rc == 0, f"exit {rc}: {err}")
    expect(json_docs(out) == KUBECTL, out)
    rc, out, err = run(["convert", "-"], stdin=b"spec:\n  replicas: [1\n")
    expect(rc == 1, f"exit {rc}")
    expect(re.match(r"^<stdin>:\d+:\d+: ", err), f"stderr: {err!r}")


@check("convert expands kind: List and reads several files")
def _():
    lst = write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n"
                "- {apiVersion: v1, kind: Service, metadata: {name: a}}\n"
                "- {apiVersion: v1, kind: Service, metadata: {name: b}}\n")
    rc, out, err = run(["convert", "-o", "json", NGINX, lst])
    expect(rc == 0, f"exit {rc}: {err}")
    names = [d["metadata"]["name"] for d in json_docs(out)]
    expect(names == ["nginx", "web", "a", "b"], f"names {names}")


@check("convert --list wraps the documents in a kind: List")
def _():
    rc, out, err = run(["convert", "-o", "json", "--list", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    v = json.loads(out)
    expect(v.get("kind") == "List" and v.get("items") == KUBECTL, out)


# ---- get -------------------------------------------------------------------

@check("get prints strings raw, numbers as text")
def _():
    rc, out, err = run(["get", NGINX, "spec.template.spec.containers[0].image"])
    expect((rc, out) == (0, "registry.k8s.io/nginx-slim:0.24\n"), f"{rc} {out!r} {err}")
    rc, out, err = run(["get", NGINX, "spec.replicas"])
    expect((rc, out) == (0, "3\n"), f"{rc} {out!r} {err}")
    rc, out, err = run(["get", NGINX, "metadata.name"])
    expect((rc, out) == (0, "nginx\nweb\n"), f"{rc} {out!r} {err}")
    rc, out, err = run(["get", NGINX, "spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
    expect((rc, out) == (0, "1Gi\n"), f"{rc} {out!r} {err}")


@check("get prints booleans and quoted-key paths; null is absent")
def _():
    f = write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"
              "  labels:\n    app.kubernetes.io/name: db\n  annotations: {a: null}\n"
              "spec:\n  publishNotReadyAddresses: yes\n")
    rc, out, err = run(["get", f, "spec.publishNotReadyAddresses"])
    expect((rc, out) == (0, "true\n"), f"{rc} {out!r} {err}")  # kubectl reads yes as true
    rc, out, err = run(["get", f, 'metadata.labels["app.kubernetes.io/name"]'])
    expect((rc, out) == (0, "db\n"), f"{rc} {out!r} {err}")
    # Kubernetes reads `a: null` as a field that is not set
    rc, out, err = run(["get", f, "metadata.annotations.a"])
    expect((rc, out) == (1, ""), f"{rc} {out!r} {err}")


@check("get prints maps and lists as YAML, or -o json")
def _():
    rc, out, err = run(["get", NGINX, "spec.template.spec.containers[0].ports"])
    expect(rc == 0, f"exit {rc}: {err}")
    expect(out.startswith("- "), f"not a YAML list: {out!r}")
    if yaml:
        expect(yaml.safe_load(out) == [{"containerPort": 80, "name": "web"}], out)
    rc, out, err = run(["get", "-o", "json", NGINX, "spec.selector"])
    expect(rc == 0, f"exit {rc}: {err}")
    expect(json_docs(out) == [{"app": "nginx"}, {"matchLabels": {"app": "nginx"}}], out)
    rc, out, err = run(["get", NGINX, "spec.selector"])
    expect(rc == 0 and "---" in out, f"YAML values not separated: {out!r}")
    if yaml:
        expect(list(yaml.safe_load_all(out)) == [{"app": "nginx"}, {"matchLabels": {"app": "nginx"}}],
               out)


@check("get: exit 1 when no document has the path, 2 for a malformed path")
def _():
    rc, out, err = run(["get", NGINX, "spec.nothing"])
    expect(rc == 1 and out == "", f"{rc} {out!r}")
    expect("no document has spec.nothing" in err, err)
    rc, out, err = run(["get", NGINX, "metadata.name.deeper"])
    expect(rc == 1, f"crossing a scalar: exit {rc}")
    rc, out, err = run(["get", NGINX, "spec[x"])
    expect(rc == 2 and "malformed field path" in err, f"{rc} {err}")
    rc, out, err = run(["get", NGINX])
    expect(rc == 2, f"missing PATH: exit {rc}")


# ---- exit codes and error lines ---------------------------------------------

@check("usage errors exit 2, help and version exit 0")
def _():
    for args in ([], ["frobnicate"], ["--bogus"], ["convert"], ["convert", "--bogus", NGINX],
                 ["convert", "-o"], ["convert", "-o", "toml", NGINX], ["convert", "--style", "x", NGINX],
                 ["--plugin"], ["formats", "extra"]):
        rc, out, err = run(args)
        expect(rc == 2, f"{args}: exit {rc}")
        expect(err.strip(), f"{args}: nothing on stderr")
    rc, out, err = run(["--help"])
    expect(rc == 0 and out.startswith("Usage: stsctl") and "convert" in out and "get" in out, out)
    for cmd in ("convert", "get", "formats"):
        rc, out, err = run([cmd, "--help"])
        expect(rc == 0 and out.startswith("Usage: stsctl"), f"{cmd} --help: {rc} {out!r}")
        rc2, out2, _e = run(["help", cmd])
        expect(rc2 == 0 and out2 == out, f"help {cmd}")
    rc, out, err = run(["--version"])
    expect(rc == 0 and re.match(r"^stsctl \d+\.\d+\.\d+ \(libstatefulset \d+\.\d+\.\d+\)\n$", out), out)


@check("an unreadable file is an I/O error: exit 2")
def _():
    rc, out, err = run(["convert", os.path.join(TMP, "missing.yaml")])
    expect(rc == 2 and "cannot read" in err and "missing.yaml" in err, f"{rc} {err}")
    rc, out, err = run(["convert", TMP])  # a directory
    expect(rc == 2 and "cannot read" in err, f"{rc} {err}")


@check("a type error prints FILE:LINE:COLUMN: message (field path), exit 1")
def _():
    f = write("three.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
              "spec:\n  serviceName: nginx\n  replicas: \"three\"\n")
    rc, out, err = run(["convert", "-o", "json", f])
    expect(rc == 1 and out == "", f"exit {rc}, out {out!r}")
    lines = err.splitlines()
    expect(len(lines) == 1, f"stderr: {err!r}")
    expect(re.match(re.escape(f) + r":7:13: .+ \(spec\.replicas\)$", lines[0]), f"stderr: {err!r}")


@check("every error of a chain is printed")
def _():
    f = write("two.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
              "spec:\n  replicas: \"three\"\n  minReadySeconds: \"ten\"\n")
    rc, out, err = run(["get", f, "metadata.name"])
    expect(rc == 1, f"exit {rc}")
    lines = err.splitlines()
    expect(len(lines) == 2, f"stderr: {err!r}")
    expect(re.match(re.escape(f) + r":6:\d+: .+ \(spec\.replicas\)$", lines[0]), lines[0])
    expect(re.match(re.escape(f) + r":7:\d+: .+ \(spec\.minReadySeconds\)$", lines[1]), lines[1])


@check("a YAML syntax error prints FILE:LINE:COLUMN, the line kubectl names, exit 1")
def _():
    # kubectl: "yaml: line 7: mapping values are not allowed in this context"
    f = write("syntax.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
              "spec:\n  replicas: 3\n   serviceName: nginx\n")
    rc, out, err = run(["convert", f])
    expect(rc == 1 and out == "", f"exit {rc}")
    expect(re.match(re.escape(f) + r":7:\d+: .*mapping values are not allowed", err), f"stderr: {err!r}")
    # kubectl: "yaml: line 6: did not find expected ',' or '}'"
    f = write("flow.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
              "spec:\n  selector: {matchLabels: {app: web}\n")
    rc, out, err = run(["convert", f])
    expect(rc == 1, f"exit {rc}")
    expect(re.match(re.escape(f) + r":\d+:\d+: .*did not find expected ',' or '}'", err), f"stderr: {err!r}")


@check("errors in several files are all reported")
def _():
    a = write("bad-a.yaml", "a: [1\n")
    b = write("bad-b.yaml", "b: {\n")
    rc, out, err = run(["convert", a, NGINX, b])
    expect(rc == 1 and out == "", f"exit {rc}")
    expect(err.count("bad-a.yaml:") == 1 and err.count("bad-b.yaml:") == 1, err)


# ---- plugins ---------------------------------------------------------------

@check("--plugin loads flat: convert -o flat, and back")
def _():
    rc, out, err = run(["--plugin", FLAT, "convert", "-o", "flat", NGINX])
    expect(rc == 0, f"exit {rc}: {err}")
    lines = out.splitlines()
    for want in ('kind = "Service"', 'spec.clusterIP = "None"', "spec.ports[0].port = 80", "---",
                 "spec.replicas = 3",
                 'spec.template.spec.containers[0].image = "registry.k8s.io/nginx-slim:0.24"',
                 'spec.volumeClaimTemplates[0].spec.accessModes[0] = "ReadWriteOnce"'):
        expect(want in lines, f"missing line {want!r}:\n{out}")
    flat = write("nginx.flat", out)
    rc, y, err = run([f"--plugin={FLAT}", "convert", flat])  # format from the .flat extension
    expect(rc == 0, f"exit {rc}: {err}")
    back = write("nginx-from-flat.yaml", y)
    rc, _o, err = same(NGINX, back)
    expect(rc == 0, f"sts-same: {err}")
    rc, out, err = run(["--plugin", FLAT, "get", "--from", "flat", "-", "spec.serviceName"],
                       stdin=open(flat, "rb").read())
    expect((rc, out) == (0, "nginx\n"), f"{rc} {out!r} {err}")


@check("--plugin: formats lists flat; flat errors carry line and column")
def _():
    rc, out, err = run(["--plugin", FLAT, "formats"])
    expect(rc == 0 and re.search(r"^flat\s+decode,encode\s+flat\s", out, re.M), out)
    rc, out, err = run(["formats"])
    expect(rc == 0 and "yaml" in out and "json" in out and "flat" not in out, out)
    rc, out, err = run(["convert", "-o", "flat", NGINX])
    expect(rc == 2 and "unknown format 'flat'" in err, f"{rc} {err}")
    f = write("bad.flat", 'kind = "Service"\nspec.ports[1].port = 80\n')
    rc, out, err = run(["--plugin", FLAT, "convert", f])
    expect(rc == 1, f"exit {rc}")
    expect(err == f"{f}:2:11: list index 1 skips ahead: the list has 0 items so far (spec.ports[1].port)\n",
           f"stderr: {err!r}")


@check("--plugin errors: missing file, not a plugin: exit 2")
def _():
    rc, out, err = run(["--plugin", os.path.join(TMP, "nope.so"), "formats"])
    expect(rc == 2 and "nope.so" in err, f"{rc} {err}")
    noentry = os.path.join(os.path.dirname(STS_SAME), "sts-test-no-entry.so")
    rc, out, err = run(["--plugin", noentry, "formats"])
    expect(rc == 2 and "sts_plugin_register_v1" in err, f"{rc} {err}")
    rc, out, err = run(["--plugin", FLAT, "--plugin", FLAT, "formats"])
    expect(rc == 2 and "already registered" in err, f"{rc} {err}")


# ---- the examples ----------------------------------------------------------

@check("build-statefulset prints the StatefulSet of nginx.yaml")
def _():
    rc, out, err = run([], exe=BUILD_STS)
    expect(rc == 0, f"exit {rc}: {err}")
    built = write("built.yaml", out)
    rc, _o, err = same(built, NGINX, kind="StatefulSet")
    expect(rc == 0, f"sts-same: {err}\n{out}")
    if yaml:
        expect(yaml.safe_load(out) == KUBECTL[1], out)


@check("summarize prints one line per object")
def _():
    rc, out, err = run([NGINX], exe=SUMMARIZE)
    expect(rc == 0, f"exit {rc}: {err}")
    expect(out.splitlines() == [
        "Service nginx: headless, selector app=nginx, ports web/80",
        "StatefulSet web: replicas 3, serviceName nginx, podManagementPolicy OrderedReady "
        "(default), updateStrategy RollingUpdate (default), claims www",
    ], out)
    f = write("ns.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: prod}\n"
              "spec:\n  podManagementPolicy: Parallel\n  updateStrategy: {type: OnDelete}\n")
    rc, out, err = run([f], exe=SUMMARIZE)
    expect(out == "StatefulSet prod/db: replicas 1 (default), no serviceName, podManagementPolicy "
           "Parallel, updateStrategy OnDelete, no claims\n", out)


finish()
