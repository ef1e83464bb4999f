#!/bin/bash
# The whole test run, as CI runs it (the README's test command):
#   1. gcc build with -Werror, every test (`meson test`)
#   2. the C suites again under valgrind (`--setup valgrind`)
#   3. an ASan+UBSan build and its tests (`--setup sanitize`; the Python and
#      Lua suites are left out: their interpreters have no ASan runtime)
#   4. a clang libFuzzer build and a short fuzz run of every decoder
# A failing build stops the run; failing tests are recorded and the other
# steps still run, then the script exits non-zero listing what failed. Build directories: $STS_BUILD (default
# build-ci) plus -asan and -fuzz next to it; they are reused when present.
# Environment: STS_JOBS (2), STS_FUZZ_SECONDS per target (30),
# STS_SKIP="valgrind asan fuzz" to leave steps out (local use only).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
build=${STS_BUILD:-$src/build-ci}
jobs=${STS_JOBS:-2}
fuzz_secs=${STS_FUZZ_SECONDS:-$([ "${CI:-}" = true ] && echo 20 || echo 30)}
skip=" ${STS_SKIP:-} "
t_start=$(date +%s)
step_name=
timings=()
failed=()

step() {
  t_step=$(date +%s)
  step_name=$1
  echo
  echo "=================== $1"
}
done_step() {
  local d=$(($(date +%s) - t_step))
  timings+=("$(printf '%-34s %4ds' "$step_name" "$d")")
  echo "---- $step_name: ${d}s"
  step_name=
}
report() { # on exit, also after a failure: what ran and how long it took
  local rc=$?
  echo
  if [ -n "$step_name" ]; then
    echo "=================== FAILED in step: $step_name (exit status $rc)"
  fi
  if [ ${#failed[@]} != 0 ]; then
    echo "=================== FAILED: $(printf '[%s] ' "${failed[@]}")"
  elif [ $rc = 0 ]; then
    echo "=================== all steps passed"
  fi
  [ ${#timings[@]} = 0 ] || printf '  %s\n' "${timings[@]}"
  printf '  %-34s %4ds\n' "total" "$(($(date +%s) - t_start))"
}
trap report EXIT
setup() { # DIR ARGS...: configure once, reconfigure with the same options later
  local dir=$1
  shift
  mkdir -p "$dir"
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >"$dir/run-all-setup.log" 2>&1 ||
      { cat "$dir/run-all-setup.log"; return 1; }
  else
    meson setup "$dir" "$@" >"$dir/run-all-setup.log" 2>&1 ||
      { cat "$dir/run-all-setup.log"; return 1; }
  fi
  grep -E 'Run-time dependency|Program .* found|Message|WARNING' "$dir/run-all-setup.log" |
    sed 's/^/  /' || true
}
mtest() { # meson test: full logs of failures, the summary; a failure is recorded
  meson test --num-processes "$jobs" --print-errorlogs "$@" || failed+=("$step_name")
}

step "gcc build (-Werror)"
setup "$build" -Dwerror=true -Dbuildtype=debugoptimized
ninja -C "$build" -j"$jobs"
done_step

step "meson test"
mtest -C "$build"
done_step

if [[ $skip != *" valgrind "* ]]; then
  step "valgrind: C suites"
  command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 1; }
  mtest -C "$build" --no-rebuild --setup valgrind --suite unit --suite examples
  done_step
fi

if [[ $skip != *" asan "* ]]; then
  step "ASan+UBSan build"
  setup "$build-asan" -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dlua=disabled -Dbuildtype=debug
  ninja -C "$build-asan" -j"$jobs"
  done_step
  step "ASan+UBSan: meson test"
  mtest -C "$build-asan" --no-rebuild --setup sanitize
  done_step
fi

if [[ $skip != *" fuzz "* ]]; then
  step "libFuzzer build (clang)"
  CC=clang setup "$build-fuzz" -Dfuzz=true -Dlua=disabled -Dbuildtype=debugoptimized
  ninja -C "$build-fuzz" -j"$jobs" tests/fuzz/fuzz-yaml tests/fuzz/fuzz-json
  done_step
  step "fuzz smoke (${fuzz_secs}s per target)"
  bash tests/fuzz/smoke.sh "$build-fuzz" "$fuzz_secs" || failed+=("$step_name")
  done_step
fi

[ ${#failed[@]} = 0 ] || exit 1
