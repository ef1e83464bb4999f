#!/bin/bash
# Build and run the decode benchmark, print its summary.
# usage: tests/bench/run.sh [BUILD_DIR [ROUNDS]]
#   BUILD_DIR defaults to build-bench (configured here with -Dbuildtype=release).
#   STS_BENCH_CORPUS_DIR=DIR uses DIR/corpus.yaml and DIR/corpus.json instead
#   of the generated corpus (e.g. the output of shared/bench/gen_corpus.py).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-bench}
rounds=${2:-11}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" -Dbuildtype=release >/dev/null
fi
ninja -C "$build" -j2 tests/bench/bench-decode tests/corpus/corpus.yaml >/dev/null
dir=${STS_BENCH_CORPUS_DIR:-$build/tests/corpus}
"$build/tests/bench/bench-decode" -n "$rounds" "$dir/corpus.yaml" "$dir/corpus.json"
