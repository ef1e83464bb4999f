#!/bin/bash
# Every public header must compile on its own (first and only include of a
# translation unit, twice to check the include guard) as strict C99 and as
# C++11, in the layout `meson install` produces, and must not pull in
# libyaml or json-c.
# usage: check-headers.sh SOURCE_DIR GENERATED_VERSION_H [CC [CXX]]
set -euo pipefail
src=$1
version_h=$2
cc=${3:-cc}
cxx=${4:-c++}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sts-hdr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/include/statefulset"
cp "$src"/include/statefulset/*.h "$version_h" "$tmp/include/statefulset/"

fail=0
n=0
for h in "$tmp"/include/statefulset/*.h; do
  name=$(basename "$h")
  n=$((n + 1))
  printf '#include <statefulset/%s>\n#include <statefulset/%s>\nint sts_header_check_%s;\n' \
    "$name" "$name" "${name%.h}" >"$tmp/tu.c"
  if ! "$cc" -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only -I"$tmp/include" \
      "$tmp/tu.c" 2>"$tmp/err"; then
    echo "FAIL: $name as C99"; sed 's/^/  /' "$tmp/err"; fail=1
  fi
  if command -v "$cxx" >/dev/null 2>&1; then
    if ! "$cxx" -x c++ -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only \
        -I"$tmp/include" "$tmp/tu.c" 2>"$tmp/err"; then
      echo "FAIL: $name as C++11"; sed 's/^/  /' "$tmp/err"; fail=1
    fi
  fi
  # private dependencies stay private
  if "$cc" -std=c99 -E -I"$tmp/include" "$tmp/tu.c" | grep -E '^# [0-9]+ "[^"]*(yaml|json)[^"]*\.h"' >/dev/null; then
    echo "FAIL: $name includes a libyaml/json-c header"; fail=1
  fi
done
# every declaration in C++ must have C linkage: a symbol compiled from C++
# must link against the C library, so check extern "C" wraps the API.
for h in "$tmp"/include/statefulset/*.h; do
  if grep -q '^STS_API' "$h" && ! grep -q 'STS_BEGIN_DECLS' "$h"; then
    echo "FAIL: $(basename "$h") declares STS_API functions outside STS_BEGIN_DECLS"; fail=1
  fi
done
[ $fail = 0 ] && echo "headers: ok ($n headers, C99 and C++11, each alone)"
exit $fail
