#!/bin/bash
# The ABI has three descriptions that must agree exactly:
#   1. lib/libstatefulset.sym        (what we promise to export)
#   2. STS_API declarations in include/statefulset/*.h (what users can call)
#   3. `nm -D --defined-only` of the built library (what is really exported)
# Also: SONAME is libstatefulset.so.<major>, every export carries the
# version node, and nothing without the sts_ prefix leaks.
# usage: check-abi.sh SOURCE_DIR LIBRARY.so MAJOR
set -euo pipefail
export LC_ALL=C
src=$1
lib=$2
major=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sts-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. the version script: names between "global:" and "local:"
sed -n '/global:/,/local:/p' "$src/lib/libstatefulset.sym" |
  sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' >"$tmp/sym.raw"
sort -u "$tmp/sym.raw" >"$tmp/sym"
if ! sort -c "$tmp/sym.raw" 2>/dev/null || [ "$(wc -l <"$tmp/sym.raw")" != "$(wc -l <"$tmp/sym")" ]; then
  echo "FAIL: lib/libstatefulset.sym is not a sorted list without duplicates"; fail=1
fi
if sed -n '/global:/,/local:/p' "$src/lib/libstatefulset.sym" | grep -q '[*?]'; then
  echo "FAIL: wildcard in a global section of lib/libstatefulset.sym"; fail=1
fi

# 2. the headers
sh "$src/tests/gen-symbols.sh" "$src/include" >"$tmp/hdr"

# 3. the library (ignore the version-node marker symbol itself)
nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' >"$tmp/nm.raw"
sed 's/@.*//' "$tmp/nm.raw" | sort -u >"$tmp/nm"

compare() { # name-a file-a name-b file-b
  if ! diff -q "$2" "$4" >/dev/null; then
    fail=1
    echo "FAIL: $1 and $3 differ"
    comm -23 "$2" "$4" | sed "s/^/  only in $1: /"
    comm -13 "$2" "$4" | sed "s/^/  only in $3: /"
  fi
}
compare "libstatefulset.sym" "$tmp/sym" "headers(STS_API)" "$tmp/hdr"
compare "libstatefulset.sym" "$tmp/sym" "nm -D" "$tmp/nm"

if grep -v '^sts_' "$tmp/nm" | grep . >/dev/null; then
  echo "FAIL: exported symbols without the sts_ prefix:"; grep -v '^sts_' "$tmp/nm" | sed 's/^/  /'; fail=1
fi
if grep -v '@@\?LIBSTATEFULSET_' "$tmp/nm.raw" | grep . >/dev/null; then
  echo "FAIL: exports outside a LIBSTATEFULSET_* version node:"
  grep -v '@@\?LIBSTATEFULSET_' "$tmp/nm.raw" | sed 's/^/  /'; fail=1
fi
if grep '^sts__' "$tmp/nm" >/dev/null; then
  echo "FAIL: internal sts__ symbols exported"; fail=1
fi

soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ "$soname" != "libstatefulset.so.$major" ]; then
  echo "FAIL: SONAME is '$soname', expected libstatefulset.so.$major"; fail=1
fi
# position-independent code only
if readelf -d "$lib" | grep -q TEXTREL; then
  echo "FAIL: text relocations in $lib"; fail=1
fi

n=$(wc -l <"$tmp/sym")
[ $fail = 0 ] && echo "ABI: ok ($n symbols; sym = headers = exports; SONAME $soname)"
exit $fail
