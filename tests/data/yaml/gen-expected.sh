#!/bin/sh
# Regenerate the kubectl answers the YAML suites compare against.
# Run by hand where kubectl is installed; the outputs are committed.
#   *.yaml (inputs)  ->  *.kubectl.json (kubectl label --local ... -o json)
#                    ->  *.kubectl.yaml (kubectl label --local ... -o yaml)
# and resolve.yaml -> resolve.tsv (section, key, JSON type, JSON value text).
# The label x=y that kubectl needs to produce output is removed again.
set -e
cd "$(dirname "$0")"
for f in resolve.yaml emit-strings.yaml merge.yaml; do
    b=${f%.yaml}
    kubectl label --local -f "$f" x=y -o json | python3 -c '
import json, sys
d = json.load(sys.stdin)
del d["metadata"]["labels"]
json.dump(d, sys.stdout, indent=4, sort_keys=True, ensure_ascii=False)
print()' > "$b.kubectl.json"
    kubectl label --local -f "$f" x=y -o yaml | grep -v '^  labels:$' | grep -v '^    x: "y"$' > "$b.kubectl.yaml"
done
python3 - <<'PY'
import json
d = json.load(open("resolve.kubectl.json"))
with open("resolve.tsv", "w") as out:
    for section in ("other", "keys"):
        for k, v in d[section].items():
            if v is None: t, s = "null", ""
            elif v is True or v is False: t, s = "bool", "true" if v else "false"
            elif isinstance(v, (int, float)): t, s = "number", json.dumps(v)
            elif isinstance(v, str): t, s = "string", v.replace("\\", "\\\\").replace("\n", "\\n")
            elif isinstance(v, dict): t, s = "map", str(len(v))
            else: t, s = "seq", str(len(v))
            assert "\t" not in k + s and "\n" not in k + s, k
            out.write(f"{section}\t{k}\t{t}\t{s}\n")
PY
# corpus-small.yaml: python3 shared/bench/gen_corpus.py --docs 12 --seed 7
# (the generator's output is byte-identical to kubectl -o yaml per document).
