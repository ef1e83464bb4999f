#!/bin/bash
# Install what building and testing libstatefulset needs on Debian 12
# (only the packages that are missing; root, or sudo when available).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(meson ninja-build pkg-config gcc g++ libyaml-dev libjson-c-dev check
          lua5.4 liblua5.4-dev python3 python3-pytest python3-setuptools python3-pip
          valgrind clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "all build and test packages present"
  exit 0
fi
echo "installing: ${missing[*]}"
as_root=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "not root and no sudo: install ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
