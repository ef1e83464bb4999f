#!/usr/bin/env python3
"""Expected revision bytes and names for oracle/*.json, from Go's encoder.

Needs the reference program /work/shared/oracle/revhash built somewhere
(REVHASH=/path/to/revhash). The machine's Go is 1.19, whose encoding/json
writes \\b and \\f as \\u0008 and \\u000c; every Kubernetes release this
library covers (1.31+) is built with Go >= 1.22, which writes the short
forms. That one documented change (Go 1.22 release notes) is applied to the
oracle's bytes here, and the hash is then recomputed with an independent
FNV-1 written from the spec (it is checked against the oracle's own names
whenever no bytes changed).

Output per input NAME: oracle/NAME.bytes (the data bytes, exactly) and
oracle/NAME.names (lines "<collisionCount> <revision name>"; "status" means
the count from status.collisionCount, absent = 0)."""
import os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "oracle")
REVHASH = os.environ.get("REVHASH", "/tmp/rev/revhash/revhash")
SAFE = "bcdfghjklmnpqrstvwxz2456789"


def go122(b):
    out, i = bytearray(), 0
    while i < len(b):
        if b[i] == 0x5C:  # backslash: an escape is always two or six bytes
            if b[i + 1:i + 6] == b"u0008":
                out += b"\\b"; i += 6; continue
            if b[i + 1:i + 6] == b"u000c":
                out += b"\\f"; i += 6; continue
            out += b[i:i + 2]; i += 2; continue
        out.append(b[i]); i += 1
    return bytes(out)


def fnv1(b):
    h = 2166136261
    for c in b:
        h = (h * 16777619) & 0xFFFFFFFF
        h ^= c
    return h


def name(setname, data, cc):
    h = "".join(SAFE[ord(ch) % 27] for ch in str(fnv1(data + str(cc).encode())))
    return setname.encode()[:223].decode() + "-" + h


def run(path, cc):
    env = dict(os.environ, REVHASH_DUMP="1")
    env.pop("REVHASH_COLLISION", None)
    if cc is not None:
        env["REVHASH_COLLISION"] = str(cc)
    with open(path, "rb") as f:
        p = subprocess.run([REVHASH], stdin=f, capture_output=True, env=env, check=True)
    setname, rev = p.stdout.decode().rstrip("\n").split("\t")
    assert p.stderr.endswith(b"\n")
    return setname, rev, p.stderr[:-1]


for n in open(os.path.join(OUT, "LIST")).read().split():
    src = os.path.join(OUT, n + ".json")
    lines = []
    for cc in (None, 0, 1, 2, 10):
        setname, rev, data = run(src, cc)
        fixed = go122(data)
        eff = cc
        if cc is None:
            import json
            eff = json.loads(open(src, "rb").read().decode("utf-8", "replace")).get("status", {}).get("collisionCount", 0)
        mine = name(setname, fixed, eff)
        if fixed == data and mine != rev:
            sys.exit("FNV mismatch for %s cc=%s: %s vs %s" % (n, cc, mine, rev))
        lines.append("%s %s\n" % ("status" if cc is None else cc, mine))
    with open(os.path.join(OUT, n + ".bytes"), "wb") as f:
        f.write(fixed)
    with open(os.path.join(OUT, n + ".names"), "w") as f:
        f.writelines(lines)
    print(n, "fixed" if fixed != data else "", lines[0].strip())
