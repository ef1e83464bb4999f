#!/bin/sh
# Regenerate lib/libstatefulset.sym from the STS_API declarations of the
# public headers (one version node while the ABI is 0.x).
cd "$(dirname "$0")/.." || exit 2
{
  echo 'LIBSTATEFULSET_0.1 {'
  echo '  global:'
  sh tests/gen-symbols.sh include | sed 's/.*/    &;/'
  echo '  local:'
  echo '    *;'
  echo '};'
} > lib/libstatefulset.sym
