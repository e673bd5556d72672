#!/usr/bin/env bash
# Regenerates the expected output (name.out) of every conformance test (name.js) by running node,
# the reference for JavaScript semantics.
#
#   regenerate.sh            rewrite every .out from node's stdout
#   regenerate.sh --check    compare instead of writing; list differences, exit 1 if any
#   regenerate.sh [--check] FILE.js...   only the given tests
#   regenerate.sh --check --engine "CMD"  run CMD file.js instead of node (e.g. a flywheel build)
#                                         and compare its stdout with the expectations
#
# Each test runs as a classic script (see node-script-runner.cjs), not as a CommonJS module.
# Tests must be deterministic and write only to stdout; a test that exits non-zero or writes to
# stderr under node is reported as broken (its .out is left alone).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node=${NODE:-node}

check=0 engine=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --check) check=1; shift ;;
    --engine) engine=$2; shift 2 ;;
    *) break ;;
  esac
done
if [[ -n $engine && $check -eq 0 ]]; then echo "regenerate: --engine needs --check (expectations come from node only)" >&2; exit 2; fi

if [[ -z $engine ]] && ! command -v "$node" >/dev/null 2>&1; then
  echo "regenerate: node not found; nothing to do." >&2
  exit 0
fi

if [[ $# -gt 0 ]]; then files=("$@")
else mapfile -t files < <(cd "$here" && find . -name '*.js' -not -path './node_modules/*' | sed 's|^\./||' | LC_ALL=C sort); fi

ok=0; changed=0; broken=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "${files[@]}"; do
  [[ $f == /* ]] || f="$here/${f#./}"
  out="${f%.js}.out"
  rel=${f#"$here"/}
  # Run from the test's folder so relative paths in messages do not depend on the caller.
  if [[ -n $engine ]]; then run=(bash -c "$engine \"\$0\"")
  else run=("$node" "$here/node-script-runner.cjs"); fi
  if ! (cd "$(dirname "$f")" && timeout "${TEST_TIMEOUT:-60}" "${run[@]}" "$(basename "$f")") >"$tmp/stdout" 2>"$tmp/stderr" || [[ -s $tmp/stderr ]]; then
    echo "BROKEN  $rel" >&2; sed 's/^/    /' "$tmp/stderr" | head -5 >&2
    broken=$((broken + 1)); continue
  fi
  if [[ -f $out ]] && cmp -s "$tmp/stdout" "$out"; then ok=$((ok + 1)); continue; fi
  if [[ $check -eq 1 ]]; then
    echo "DIFFERS $rel" >&2
    diff -u "$out" "$tmp/stdout" 2>/dev/null | head -20 >&2 || true
  else
    cp "$tmp/stdout" "$out"; echo "wrote   ${rel%.js}.out"
  fi
  changed=$((changed + 1))
done

if [[ $check -eq 1 ]]; then
  echo "regenerate --check: $ok match, $changed differ, $broken broken"
  [[ $changed -eq 0 && $broken -eq 0 ]]
else
  echo "regenerate: $ok unchanged, $changed written, $broken broken"
  [[ $broken -eq 0 ]]
fi
