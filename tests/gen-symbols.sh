#!/bin/sh
# Print every function the public headers declare with STS_API, sorted.
# usage: gen-symbols.sh INCLUDE_DIR
grep -h -A3 '^STS_API' "$1"/statefulset/*.h | tr '\n' ' ' | sed 's/STS_API/\n/g' |
  sed -n 's/^[^(]*[ *]\(sts_[a-z0-9_]*\) *(.*/\1/p' | sort -u
