#!/bin/sh
# Run one Lua test under valgrind: definite/indirect leaks and memory errors fail.
# Usage: valgrind.sh <builddir> <test.lua>   (LUA_PATH/LUA_CPATH from the caller)
# LD_PRELOAD keeps the library and the module mapped after lua_close unloads
# the module, so valgrind can still name the frames of late finalizers.
set -e
build=$1
shift
LD_PRELOAD="$build/lib/libstatefulset.so.0:$build/bindings/lua/statefulset/core.so"
export LD_PRELOAD
exec valgrind --quiet --leak-check=full --error-exitcode=9 \
  --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
  lua5.4 "$@"
