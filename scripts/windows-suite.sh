#!/usr/bin/env bash
# The whole test suite under Wine's node.exe (about 20 minutes; not part of CI): run scripts/windows-smoke.sh first,
# which installs Wine, mingw-w64 and node.exe. Extra arguments go to vitest (e.g. tests/windows --project UTC).
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${TTHC_WINDOWS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tthc-windows-smoke}"
node_exe="$cache/node-v$(node -p process.versions.node)/node.exe"
[ -s "$node_exe" ] || { echo "no $node_exe: run scripts/windows-smoke.sh first"; exit 2; }
export WINEPREFIX="$cache/prefix" WINEDEBUG=-all LANG=C.UTF-8 LC_ALL=C.UTF-8

# esbuild.exe and vitest's bundler (Rust) need bcryptprimitives.dll, which Wine 8 lacks.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" scripts/bcryptprimitives.c \
  -Wl,--export-all-symbols -ladvapi32

# The committed sources with their Windows packages, installed from Linux; dist/ built here.
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
[ -f dist/tthc.js ] || npm run build >/dev/null
cp -r dist "$copy/"
(cd "$copy" && npm ci --os=win32 --cpu=x64 --ignore-scripts --no-audit --no-fund >/dev/null)

# node.exe's output goes to files: under Wine it cannot write to a Unix pipe.
status=0
(cd "$copy" && wine "$node_exe" node_modules/vitest/vitest.mjs run "$@" >"$cache/suite.out" 2>"$cache/suite.err") || status=$?
wineserver -k >/dev/null 2>&1 || true
grep -aE 'FAIL|Test Files| Tests ' "$cache/suite.out" "$cache/suite.err" | sed 's/\x1b\[[0-9;]*m//g' || true
echo "vitest under Wine exited $status; its output: $cache/suite.out and suite.err"
exit "$status"
