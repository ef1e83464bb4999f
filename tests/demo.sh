#!/bin/bash
# Build the library and stsctl, then show stsctl on examples/nginx.yaml.
# usage: tests/demo.sh [BUILD_DIR]     (default build-demo; no tests built)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-demo}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" -Dtests=false >/dev/null
fi
ninja -C "$build" -j2 examples/stsctl >/dev/null
stsctl=$build/examples/stsctl
example=$src/examples/nginx.yaml
cd "$src"

run() {
  echo
  echo "\$ stsctl $*"
  "$stsctl" "$@"
}
has() { "$stsctl" --help 2>&1 | grep -qE "^  $1 "; }

run --version
run formats
run get examples/nginx.yaml spec.replicas
run get examples/nginx.yaml 'spec.volumeClaimTemplates[0].spec'
run convert --style kubectl examples/nginx.yaml
run convert -o json --compact examples/nginx.yaml
run pods examples/nginx.yaml
run render --ordinal 0 examples/nginx.yaml
run dns examples/nginx.yaml || echo "(exit status $?: the notes say why records are missing)"
run default examples/nginx.yaml
run validate examples/nginx.yaml
run lint examples/nginx.yaml || echo "(exit status $?: findings of severity warning or error)"
run revision examples/nginx.yaml
run revision --kube-version 1.33 examples/nginx.yaml
echo
echo "stsctl --help lists every command; $example is the input used here."
