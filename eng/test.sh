#!/usr/bin/env bash
# The one test command: installs what the tests need, builds everything, runs every test project
# and every fuzz target for a short budget, and ends with one line "N passed, N failed, N skipped".
# Exits non-zero on any failure.
#
#   eng/test.sh                 everything
#   eng/test.sh --filter EXPR   only tests matching a dotnet test filter (fuzz targets skipped)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

filter=""
if [[ ${1-} == --filter ]]; then filter=$2; shift 2; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Nerdbank.GitVersioning cannot compute versions in a shallow clone; degrade rather than fail.
if [[ $(git rev-parse --is-shallow-repository 2>/dev/null) == true ]]; then export NBGV_GitEngine=Disabled; fi

eng/install-deps.sh

before=$(cat Flywheel.slnx 2>/dev/null)
eng/sync-solution.sh
if [[ "$before" != "$(cat Flywheel.slnx)" ]]; then
  echo "test: Flywheel.slnx was missing projects; eng/sync-solution.sh updated it (commit the change)." >&2
fi

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

started=$SECONDS
stamp() { echo "   ($((SECONDS - started)) s so far)"; }
echo "== build"
if ! dotnet build Flywheel.slnx -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi
stamp

passed=0; failed=0; skipped=0
count_trx() {
  local trx=$1 line
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  local p f n
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
}

mapfile -t projects < <(grep -o 'Path="[^"]*\.Tests\.csproj"' Flywheel.slnx | sed 's/Path="\(.*\)"/\1/')
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  args=(test "$project" -c Release --no-build --nologo --results-directory "$results"
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal"
        --blame-hang-timeout 15m)
  [[ -n $filter ]] && args+=(--filter "$filter")
  dotnet "${args[@]}"
  status=$?
  stamp
  if [[ -f "$results/$name.trx" ]]; then
    count_trx "$results/$name.trx"
    # A crashed test host can leave a TRX with no failures recorded.
    if [[ $status -ne 0 ]] && ! grep -q 'outcome="Failed"' "$results/$name.trx"; then
      grep -q 'failed="0"' "$results/$name.trx" && failed=$((failed + 1))
    fi
  elif [[ $status -ne 0 ]]; then
    echo "test: $name produced no results (exit $status)" >&2
    failed=$((failed + 1))
  fi
done

if [[ -z $filter && -x fuzz/run ]]; then
  echo "== fuzz (short budget)"
  while read -r target; do
    [[ -z $target ]] && continue
    if FUZZ_NO_BUILD=1 fuzz/run "$target" --seconds "${FLYWHEEL_FUZZ_SECONDS:-20}"; then passed=$((passed + 1))
    else failed=$((failed + 1)); echo "fuzz: $target FAILED" >&2; fi
  done < <(fuzz/run --list)
  stamp
fi

if [[ -z $filter && -x eng/bench/run.sh ]]; then
  echo "== benchmarks (quick mode: every benchmark once at a tiny size in every engine, results checked)"
  if eng/bench/run.sh --quick --no-build --out "$root/artifacts/bench-quick"; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "bench: quick mode FAILED" >&2; fi
  stamp
fi

if [[ $skipped -gt 0 ]]; then echo "$passed passed, $failed failed, $skipped skipped"
else echo "$passed passed, $failed failed"; fi
[[ $failed -eq 0 ]]
