#!/usr/bin/python3
"""Runs stsctl default / validate / lint / revision / diff / upgrade-check under
valgrind (memcheck, every leak kind an error) on valid inputs, invalid inputs,
type errors and usage errors: each path that prints, fails or exits early
must free what it allocated. Exit 77 (skipped) without valgrind.

Prints one line per run and closes with "N passed, N failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile

STSCTL = os.environ["STSCTL"]
SRC = os.environ["STS_SOURCE_ROOT"]
DATA = os.environ["STS_TEST_DATA"]
VALGRIND = shutil.which("valgrind")
if not VALGRIND:
    print("valgrind not installed: skipped")
    sys.exit(77)

TMP = tempfile.mkdtemp(prefix="stsctl-valgrind-")
NGINX = os.path.join(SRC, "examples", "nginx.yaml")
WEB = os.path.join(DATA, "impact", "web.yaml")
LIVE33 = os.path.join(DATA, "revision", "live-1.33.yaml")
LIVE34 = os.path.join(DATA, "revision", "live-1.34.json")
AUTHORED = os.path.join(DATA, "revision", "authored.yaml")


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


web = open(WEB, encoding="utf-8").read()
IMAGE = write("image.yaml", web.replace("nginx-slim:0.24", "nginx-slim:0.25"))
SIZE = write("size.yaml", web.replace("storage: 1Gi", "storage: 2Gi"))
SCALE = write("scale.yaml", web.replace("replicas: 3", "replicas: 5"))
TYPES = write("types.yaml", web.replace("replicas: 3", "replicas: three")
              .replace("app: nginx\n    spec", "app: nginx\n        on: yes\n    spec"))
INVALID = write("invalid.yaml", web.replace("replicas: 3", "replicas: -1")
                .replace("  selector:\n    matchLabels:\n      app: nginx\n", ""))
SVC = write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n"
            "  selector:\n    app: other\n")
NOTMPL = write("notmpl.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\n")

RUNS = [
    ["default", NGINX],
    ["default", "-o", "json", "--style", "original", "-n", "x", NGINX, WEB],
    ["default", "--kube-version", "1.34", TYPES],
    ["default", "--feature-gates", "Bad=true", NGINX],
    ["validate", NGINX],
    ["validate", INVALID],
    ["validate", "-o", "json", INVALID, WEB],
    ["validate", "--old", WEB, SIZE],
    ["validate", "--kube-version", "1.32", "--old", WEB, SIZE],
    ["validate", "--status", "--old", LIVE33, LIVE34],
    ["validate", TYPES],
    ["lint", NGINX],
    ["lint", "-o", "json", SVC, TYPES, NGINX],
    ["lint", "--disable", "STS112,STS115", "--disable", "STS116", NGINX],
    ["lint", "--disable", "NOPE", NGINX],
    ["lint", "--rules"],
    ["lint", "--rules", "-o", "yaml"],
    ["revision", LIVE33, LIVE34, AUTHORED],
    ["revision", "-o", "json", "--show-bytes", "--collision-count", "2", "--kube-version", "1.33",
     AUTHORED],
    ["revision", NOTMPL],
    ["revision", "--live", "--authored", AUTHORED],
    ["diff", WEB, IMAGE],
    ["diff", "-o", "json", WEB, SIZE],
    ["diff", "-o", "yaml", WEB, SCALE],
    ["diff", WEB, TYPES],
    ["upgrade-check", "--from", "1.33", "--to", "1.34", LIVE33],
    ["upgrade-check", "--from", "1.33", "--to", "1.34", "-o", "json", "--feature-gates",
     "StatefulSetSemanticRevisionComparison=false", LIVE33],
    ["upgrade-check", "--from", "1.33", "--to", "1.34", NOTMPL],
]

failed = 0
for args in RUNS:
    cmd = [VALGRIND, "-q", "--leak-check=full", "--show-leak-kinds=all",
           "--errors-for-leak-kinds=all", "--error-exitcode=99", STSCTL] + args
    p = subprocess.run(cmd, capture_output=True, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    # valgrind's own lines start with ==PID==
    bad = p.returncode == 99 or any(l.startswith("==") for l in err.splitlines())
    failed += bad
    print(f"{'FAIL' if bad else 'ok  '} exit {p.returncode}: stsctl {' '.join(args)}")
    if bad:
        print(err)
print(f"{len(RUNS) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
