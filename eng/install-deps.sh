#!/usr/bin/env bash
# Installs the Debian packages that the tests use, when they are missing. Safe to run repeatedly.
# Without root or apt-get it says what is missing and carries on: tests that need a tool skip
# themselves with a clear message instead of failing.
set -uo pipefail

# command-or-file  debian-package
wanted=(
  "as:binutils"
  "objdump:binutils"
  "aarch64-linux-gnu-as:binutils-aarch64-linux-gnu"
  "aarch64-linux-gnu-objdump:binutils-aarch64-linux-gnu"
  "/usr/lib/x86_64-linux-gnu/libunicorn.so.2:libunicorn2"
  "qemu-aarch64-static:qemu-user-static"
  "/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1:libc6-arm64-cross"
  "/usr/aarch64-linux-gnu/lib/libstdc++.so.6:libstdc++6-arm64-cross"
  "chromium:chromium"
)

missing=()
for entry in "${wanted[@]}"; do
  probe=${entry%%:*}; package=${entry#*:}
  if [[ $probe == /* ]]; then [[ -e $probe ]] && continue
  else command -v "$probe" >/dev/null 2>&1 && continue; fi
  [[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: missing ${missing[*]}; not root or no apt-get, so tests that need them will skip." >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y "${missing[@]}" >/dev/null 2>&1; then
  apt-get update >/dev/null 2>&1 || true
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 \
    || echo "install-deps: could not install ${missing[*]}; tests that need them will skip." >&2
fi
exit 0
