#!/usr/bin/env bash
# Regenerates the benchmark table in the top README: runs the full engine comparison
# (eng/bench/run.sh with any options given) and splices eng/bench/results/latest-full.md between
# the README's "bench:begin" and "bench:end" markers.
#   eng/bench/update-readme.sh                 run everything, then update the README
#   eng/bench/update-readme.sh --no-run        only splice the latest committed full results
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [[ ${1-} == --no-run ]]; then shift; else eng/bench/run.sh "$@"; fi
table=eng/bench/results/latest-full.md
[[ -f $table ]] || { echo "update-readme: $table is missing; run eng/bench/run.sh first" >&2; exit 1; }
awk -v table="$table" '
  /<!-- bench:begin -->/ { print; while ((getline line < table) > 0) { if (line ~ /^## /) continue; print line }; skipping = 1; next }
  /<!-- bench:end -->/ { skipping = 0 }
  !skipping { print }
' README.md > README.md.tmp
mv README.md.tmp README.md
echo "update-readme: README.md now shows $table" >&2
