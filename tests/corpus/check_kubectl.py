#!/usr/bin/env python3
"""Prove that gen.py/kubeyaml.py print exactly what kubectl prints.

`kubectl label --local -f FILE k=v -o yaml|json` decodes the file and
prints every object with kubectl's own printers, offline. We add a label
no generated object has, take it out of kubectl's output again, and
compare bytes. kubectl prints several objects back to back without `---`
separators, so documents are compared without them.

Exit 77 (meson: skipped) when kubectl is not installed.
usage: check_kubectl.py [COUNT]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import kubeyaml  # noqa: E402

LABEL = "zzz-corpus-check"

# strings whose YAML form depends on go-yaml's resolver and emitter rules
TRICKY = gen.TRICKY + [
    "y", "o", "08", "0o17", "2024-02-30", "8080:80", "1:20:30", "2024-1-5",
    "2024-01-05 10:00:00", "True", "NaN", ".nan", "Infinity", "1e400", "+.5", "0.", "0b101",
    "9223372036854775808", "18446744073709551616", "-9223372036854775808", ":x", "x:", "x,y",
    "|x", ">x", '"x', "'x", "a\n b", "a\n\nb\n", "\nlead", "end\n\n", "...x", "---x",
    "line1 \nline2", "  indented\nmore\n", "emoji \U0001F600 here", "nbsp\u00a0x",
    "bom\ufeffx", "ctrl\x01", "ls\u2028x", "cr\rx", "a" * 90, "w " * 60,
    "word " * 30 + ": x", "it's " * 30, "tab\t" + "z " * 50, "x  " * 40, "k8s.io/x",
    "p: " + "long " * 30, '{"a":"' + "b " * 50 + '"}\n',
]


def kubectl(path, fmt):
    out = subprocess.run(["kubectl", "label", "--local", "-f", path, LABEL + "=zz", "-o", fmt],
                         check=True, capture_output=True, text=True, encoding="utf-8").stdout
    if fmt == "yaml":
        return re.sub(r"(?m)^ *%s: zz\n" % LABEL, "", out)
    return re.sub(r',\n\s*"%s": "zz"' % LABEL, "", out)


def compare(what, want, got):
    if want == got:
        print("%s: identical (%d bytes)" % (what, len(got)))
        return True
    a, b = want.splitlines(True), got.splitlines(True)
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print("%s: DIFFERS at line %d\n  kubectl: %r\n  ours:    %r" % (what, i + 1, x, y))
            return False
    print("%s: DIFFERS in length (%d vs %d lines)" % (what, len(a), len(b)))
    return False


def main():
    if not shutil.which("kubectl"):
        print("kubectl not installed: skipping the comparison with kubectl")
        return 77
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    g = gen.Gen(7)
    docs = []
    for i in range(count):
        docs.extend(g.pair(i))
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "tricky", "labels": {"a10": "1", "a9": "x", "FOO_BAR": "x",
                                                    "FOOB": "x", "B": "x", "b": "x"},
                       "annotations": {"k%03d" % i: v for i, v in enumerate(TRICKY)}},
          "data": {k: "v" for k in ["x09", "x010", "x1", "x_1", "x-1", "X1", "z0", "z00",
                                    "z01", "z1", "a.b", "a-b", "a_b", "ab", "a1b", "a01b"]}}
    docs.append(cm)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.json")
        with open(src, "w", encoding="utf-8") as f:
            f.write("".join(kubeyaml.to_json(d, 0) + "\n" for d in docs))
        ok &= compare("yaml (%d objects)" % len(docs),
                      kubectl(src, "yaml"), "".join(kubeyaml.to_yaml(d) for d in docs))
        ok &= compare("json (%d objects)" % len(docs),
                      kubectl(src, "json"), "".join(kubeyaml.to_json(d) + "\n" for d in docs))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
