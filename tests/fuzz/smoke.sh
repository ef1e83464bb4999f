#!/bin/bash
# Short libFuzzer run of every target (CI smoke; real campaigns run longer).
# Seeds are copied to a scratch corpus so the source tree stays clean; a
# crash, leak, timeout or UBSan report fails the run and keeps the input
# in $FUZZ_ARTIFACTS (default: BUILD_DIR/fuzz-artifacts).
# usage: smoke.sh FUZZ_BUILD_DIR [SECONDS_PER_TARGET]   (build: -Dfuzz=true, clang)
set -euo pipefail
build=$1
secs=${2:-45}
here=$(cd "$(dirname "$0")" && pwd)
artifacts=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
mkdir -p "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
fail=0
for fmt in yaml json; do
  exe=$build/tests/fuzz/fuzz-$fmt
  [ -x "$exe" ] || { echo "missing $exe (configure with CC=clang -Dfuzz=true)"; exit 2; }
  corpus=$(mktemp -d "${TMPDIR:-/tmp}/sts-fuzz-$fmt.XXXXXX")
  cp "$here/seeds/$fmt/"* "$corpus/"
  echo "== fuzz-$fmt: ${secs}s, $(ls "$corpus" | wc -l) seeds"
  if "$exe" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -dict="$here/$fmt.dict" -seed=1 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$fmt-" "$corpus" >"$artifacts/$fmt.log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::new_units_added|^stat::peak_rss_mb' \
      "$artifacts/$fmt.log" | sed 's/^/   /'
    grep -E '#[0-9]+.*DONE' "$artifacts/$fmt.log" | tail -n1 | sed 's/^/   /' || true
    echo "== fuzz-$fmt: ok"
  else
    fail=1
    echo "== fuzz-$fmt: FAILED (log: $artifacts/$fmt.log)"
    grep -E 'ERROR|SUMMARY|FUZZ INVARIANT|runtime error|Test unit written' "$artifacts/$fmt.log" |
      head -n 20 | sed 's/^/   /'
  fi
  rm -rf "$corpus"
done
exit $fail
