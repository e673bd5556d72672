#!/usr/bin/env bash
# Baseline JIT compile speed (issue 5): runs every benchmark program at size 1 with
# `--tier=baseline --trace-tiering`, so every function that runs is compiled once, and summarises
# the trace's "compiled F: B bytecode bytes -> C code bytes in U us" lines.
#
# The first compile in each process pays for .NET JIT-compiling the baseline compiler itself
# (cold); the rest (warm) is the compiler's own speed. Both are reported, with code bytes per
# bytecode byte.
#
#   eng/bench/baseline-compile.sh [--flywheel CMD]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
flywheel="$root/flywheel"
[[ ${1:-} == --flywheel ]] && flywheel=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for program in "$root"/eng/bench/js/*.js; do
  name=$(basename "$program" .js)
  { echo "globalThis.BENCH_SIZE = 1;"; cat "$program"; } >"$tmp/$name.js"
  $flywheel --tier=baseline --trace-tiering "$tmp/$name.js" 2>&1 >/dev/null |
    grep '^baseline: compiled' | awk -v name="$name" '{ print name, NR, $0 }' >>"$tmp/trace.txt" || true
done
awk '
  {
    for (i = 1; i <= NF; i++) {
      if ($i == "bytecode") bytes = $(i - 1)
      if ($i == "code") code = $(i - 1)
      if ($i == "us") us = $(i - 1)
    }
    if ($2 == 1) { cold_n++; cold_us += us }
    else { n++; total_bytes += bytes; total_code += code; total_us += us; print us > "'"$tmp"'/warm.txt" }
  }
  END {
    if (n == 0) { print "no functions compiled"; exit 1 }
    printf "cold: %d first compiles (one per process), %.1f ms each\n", cold_n, cold_us / cold_n / 1000
    printf "warm: %d functions, %d bytecode bytes -> %d code bytes (%.1f code bytes per bytecode byte)\n", n, total_bytes, total_code, total_code / total_bytes
    printf "warm: %.0f bytecode KB/s, %.0f us per function (mean)\n", total_bytes / total_us * 1e6 / 1024, total_us / n
  }' "$tmp/trace.txt"
sort -n "$tmp/warm.txt" | awk '{ a[NR] = $1 } END { printf "warm: %d us median, %d us p90 per function\n", a[int((NR + 1) / 2)], a[int(NR * 0.9)] }'
