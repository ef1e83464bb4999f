#!/bin/bash
# Install into a scratch DESTDIR, then build and run a program with nothing
# but the installed files and `pkg-config --cflags --libs libstatefulset`,
# exactly as a user would. Also checks --static (Requires.private).
# usage: check-install.sh BUILD_DIR SOURCE_DIR [CC]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cc=${3:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sts-pc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; echo "FAIL: meson install"; exit 1; }

pc=$(find "$dest" -name libstatefulset.pc | head -n1)
[ -n "$pc" ] || { echo "FAIL: libstatefulset.pc not installed"; exit 1; }
echo "installed: ${pc#"$dest"}"

export PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH:$(pkg-config --variable pc_path pkg-config)
pkg-config --validate libstatefulset
[ "$(pkg-config --modversion libstatefulset)" = "$(meson introspect --projectinfo "$build" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')" ] ||
  { echo "FAIL: pkg-config version differs from the project version"; exit 1; }
cflags=$(pkg-config --cflags libstatefulset)
libs=$(pkg-config --libs libstatefulset)
echo "cflags: $cflags"
echo "libs:   $libs"
case " $libs " in *" -lstatefulset "*) ;; *) echo "FAIL: no -lstatefulset"; exit 1;; esac
# our own Cflags are only the include dir: public headers need neither
# libyaml nor json-c (pkg-config itself adds Requires.private's Cflags)
grep -qx 'Cflags: -I${includedir}' "$pc" || { grep Cflags "$pc"; echo "FAIL: Cflags"; exit 1; }
grep -qx 'Requires.private: yaml-0.1, json-c' "$pc" || { echo "FAIL: Requires.private"; exit 1; }

libdir=$(dirname "$(find "$dest" -name 'libstatefulset.so.0' | head -n1)")
# shellcheck disable=SC2086
"$cc" -std=c99 -pedantic -Wall -Wextra -Werror $cflags "$src/tests/pkgconfig/consumer.c" \
  -o "$tmp/consumer" $libs
# the program must pick up the installed library, not the build tree's
LD_LIBRARY_PATH=$libdir ldd "$tmp/consumer" | grep -F "$libdir/libstatefulset.so.0" >/dev/null ||
  { LD_LIBRARY_PATH=$libdir ldd "$tmp/consumer"; echo "FAIL: wrong libstatefulset resolved"; exit 1; }
LD_LIBRARY_PATH=$libdir "$tmp/consumer"

# static linking needs Requires.private / Libs.private to be complete
if [ -f "$libdir/libstatefulset.a" ]; then
  slibs=$(pkg-config --static --libs libstatefulset)
  # shellcheck disable=SC2086
  "$cc" -std=c99 $cflags "$src/tests/pkgconfig/consumer.c" -o "$tmp/consumer-static" \
    -Wl,-Bstatic -lstatefulset -Wl,-Bdynamic $(echo " $slibs " | sed 's/ -lstatefulset / /')
  if ldd "$tmp/consumer-static" | grep -q libstatefulset; then
    echo "FAIL: static consumer still needs the shared library"; exit 1
  fi
  "$tmp/consumer-static" >/dev/null
  echo "static link: ok ($slibs)"
fi
echo "pkg-config consumer: ok"
