#!/bin/bash
# The ABI check must be able to fail: run it on deliberately broken
# copies of the version script and headers and expect a failure each time.
# usage: check-abi-fails.sh SOURCE_DIR LIBRARY.so MAJOR
set -euo pipefail
src=$1
lib=$2
major=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sts-abi-neg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

expect_failure() { # MAJOR DESCRIPTION EXPECTED-LINE
  if bash "$here/check-abi.sh" "$tmp" "$lib" "$1" >"$tmp/out" 2>&1; then
    echo "FAIL: the ABI check passed on a broken tree: $2"; exit 1
  fi
  if ! grep -qF -- "$3" "$tmp/out"; then
    cat "$tmp/out"; echo "FAIL: no '$3' in the report: $2"; exit 1
  fi
  echo "ok: fails when $2"
}
fresh() {
  rm -rf "$tmp/lib" "$tmp/include" "$tmp/tests"
  mkdir -p "$tmp/lib" "$tmp/tests"
  cp "$src/lib/libstatefulset.sym" "$tmp/lib/"
  cp -r "$src/include" "$tmp/include"
  cp "$src/tests/gen-symbols.sh" "$tmp/tests/"
}

fresh
sed -i 's/^\([[:space:]]*local:\)/    sts_zz_not_in_library;\n\1/' "$tmp/lib/libstatefulset.sym"
expect_failure "$major" "the version script lists a symbol nobody exports" \
  "only in libstatefulset.sym: sts_zz_not_in_library"

fresh
printf '#include "common.h"\nSTS_API int sts_zz_declared_only(void);\n' \
  >"$tmp/include/statefulset/zz.h"
expect_failure "$major" "a header declares a function the script does not list" \
  "only in headers(STS_API): sts_zz_declared_only"

fresh
expect_failure "$((major + 1))" "the SONAME does not match the major version" \
  "FAIL: SONAME is 'libstatefulset.so.$major', expected libstatefulset.so.$((major + 1))"
