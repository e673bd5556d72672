#!/usr/bin/env bash
# Engine-comparison benchmark runner: times every benchmark in eng/bench/js under every engine
# configuration that is available, and writes a Markdown table and a JSON file to
# eng/bench/results/ (a timestamped pair and latest.md / latest.json).
#
#   eng/bench/run.sh                  full mode: warm-up + several timed runs per cell, default sizes
#   eng/bench/run.sh --quick          CI smoke: every benchmark once at its quick size; exit 1 on any failure
#
# Options
#   --runs N            timed runs per cell (default 5; --quick: 1)
#   --warmup N          untimed warm-up runs per cell (default 1; --quick: 0)
#   --engines LIST      comma-separated engine names to run (default: all available), e.g. node,jint
#   --engine NAME=CMD   add an engine of your own (repeatable), e.g. --engine old=/tmp/flywheel-old
#   --reference NAME    engine whose times are the denominator of the ratios (default: node-jitless,
#                       falling back to the first engine that ran)
#   --filter REGEX      only benchmarks whose name matches
#   --size N            override the size of every benchmark (mainly for experiments)
#   --timeout SECS      per-run time limit (default 600; --quick: 120)
#   --slow SECS         a run slower than this ends the cell after it: one timed sample is enough
#                       (default 60; keeps Jint and interpreter tiers affordable in full mode)
#   --flywheel CMD      the flywheel command (default: $FLYWHEEL, else the repo's ./flywheel, republished
#                       when stale; with --no-build `flywheel` on PATH or the built CLI)
#   --no-jint           skip Jint (its full-size runs are slow)
#   --no-build          build nothing (neither the Jint host nor the flywheel command; use what is built)
#   --out DIR           results directory (default eng/bench/results); latest-<mode>.md/json are
#                       replaced only by runs without --filter and --size
#   --list              print the engine table (name, availability, command) and exit
#
# Engines (each is "name: command"; the benchmark file is appended as the last argument)
#   flywheel-interp     flywheel --tier=interp       (V8 analogue: Ignition)
#   flywheel-baseline   flywheel --tier=baseline     (Sparkplug)
#   flywheel-opt        flywheel --tier=opt          (TurboFan/Maglev)
#   flywheel            flywheel                     (default tiering)
#   node-jitless        node --jitless               (V8's interpreter only)
#   node-sparkplug      node --no-opt --no-maglev    (V8's baseline compiler, no optimizing tiers)
#   node                node                         (full V8)
#   jint                dotnet flywheel-bench-jint.dll (the Jint interpreter, eng/bench/Flywheel.Bench.Jint)
# A Flywheel tier that is not built yet (the command fails on a trivial script) is skipped with a
# note, as is any peer that is not installed. A cell that fails (non-zero exit, timeout, or a
# missing "<name>: ok" line, or a result line that differs from the first engine's) is marked
# FAIL and the run continues.
#
# Each benchmark reads globalThis.BENCH_SIZE; the runner prepends `globalThis.BENCH_SIZE = N;` to
# a copy of the script in results/tmp/, so every engine runs a plain file. Sizes come from the
# `// quick: N` and `// default: N` header lines of each benchmark.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

quick=0 runs="" warmup="" slow_s=60 engines_wanted="" reference="" filter="" size_override="" timeout_s=""
extra_engines=() flywheel_cmd=${FLYWHEEL-} use_jint=1 build=1 out="$here/results" list_only=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --engines) engines_wanted=$2; shift ;;
    --engine) [[ $2 == *=* ]] || { echo "run.sh: --engine wants NAME=COMMAND" >&2; exit 2; }; extra_engines+=("$2"); shift ;;
    --reference) reference=$2; shift ;;
    --filter) filter=$2; shift ;;
    --size) size_override=$2; shift ;;
    --timeout) timeout_s=$2; shift ;;
    --slow) slow_s=$2; shift ;;
    --flywheel) flywheel_cmd=$2; shift ;;
    --no-jint) use_jint=0 ;;
    --no-build) build=0 ;;
    --out) out=$2; shift ;;
    --list) list_only=1 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ $quick -eq 1 ]]; then runs=${runs:-1}; warmup=${warmup:-0}; timeout_s=${timeout_s:-120}
else runs=${runs:-5}; warmup=${warmup:-1}; timeout_s=${timeout_s:-600}; fi

tmp="$out/tmp"
mkdir -p "$tmp"
# per-invocation scratch files, so two runners sharing a results folder cannot mix outputs
work=$(mktemp -d "$tmp/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
note() { echo "run.sh: $*" >&2; }

# ---- engines -------------------------------------------------------------------------------
engine_names=() engine_cmds=() engine_state=()
add_engine() { engine_names+=("$1"); engine_cmds+=("$2"); engine_state+=("$3"); }

probe_script="$work/probe.js"
echo 'console.log("probe: ok " + (1 + 2));' >"$probe_script"
probe() { # command → 0 when it runs the probe script
  local outp
  outp=$(timeout 60 bash -c "$1 \"\$0\"" "$probe_script" 2>/dev/null) && [[ $outp == *"probe: ok 3"* ]]
}

if [[ -z $flywheel_cmd && $build == 1 && -x $root/flywheel ]]; then
  # The repo's own command republishes itself (ReadyToRun) whenever the sources changed, so a
  # benchmark never times a stale build left in some bin/ folder.
  if "$root/flywheel" -e 0 >/dev/null; then flywheel_cmd=$root/artifacts/flywheel/flywheel; fi
fi
if [[ -z $flywheel_cmd ]]; then
  for candidate in "$(command -v flywheel 2>/dev/null)" \
      "$root/packages/Flywheel.Cli/src/bin/Release/net10.0/flywheel" \
      "$root/artifacts/bin/Flywheel.Cli/release/flywheel"; do
    if [[ -n $candidate && -x $candidate ]]; then flywheel_cmd=$candidate; break; fi
  done
  if [[ -z $flywheel_cmd && -f $root/packages/Flywheel.Cli/src/bin/Release/net10.0/flywheel.dll ]]; then
    flywheel_cmd="dotnet $root/packages/Flywheel.Cli/src/bin/Release/net10.0/flywheel.dll"
  fi
fi
for tier in interp baseline opt auto; do
  name=flywheel-$tier; cmd="$flywheel_cmd --tier=$tier"
  [[ $tier == auto ]] && { name=flywheel; cmd=$flywheel_cmd; }
  if [[ -z $flywheel_cmd ]]; then add_engine "$name" "flywheel${cmd#"$flywheel_cmd"}" "not built (set FLYWHEEL or --flywheel)"
  elif probe "$cmd"; then add_engine "$name" "$cmd" ok
  else add_engine "$name" "$cmd" "unavailable (fails on a trivial script)"; fi
done

if command -v node >/dev/null 2>&1; then
  add_engine node-jitless "node --jitless" ok
  add_engine node-sparkplug "node --no-opt --no-maglev" ok
  add_engine node "node" ok
else
  for n in node-jitless node-sparkplug node; do add_engine "$n" "node" "node not installed"; done
fi

jint_dll="$here/Flywheel.Bench.Jint/bin/Release/net10.0/flywheel-bench-jint.dll"
if [[ $use_jint -eq 0 ]]; then add_engine jint "dotnet $jint_dll" "skipped (--no-jint)"
elif ! command -v dotnet >/dev/null 2>&1; then add_engine jint "dotnet $jint_dll" "dotnet not installed"
else
  if [[ $build -eq 1 && $list_only -eq 0 ]]; then
    note "building the Jint host"
    dotnet build "$here/Flywheel.Bench.Jint/Flywheel.Bench.Jint.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >"$tmp/jint-build.log" 2>&1 \
      || note "Jint host build failed (see $tmp/jint-build.log)"
  fi
  if [[ -f $jint_dll ]]; then add_engine jint "dotnet $jint_dll" ok
  else add_engine jint "dotnet $jint_dll" "not built"; fi
fi

for spec in "${extra_engines[@]}"; do
  if probe "${spec#*=}"; then add_engine "${spec%%=*}" "${spec#*=}" ok
  else add_engine "${spec%%=*}" "${spec#*=}" "unavailable (fails on a trivial script)"; fi
done

# keep only the requested engines, in the order given
if [[ -n $engines_wanted ]]; then
  IFS=, read -r -a wanted <<<"$engines_wanted"
  n2=() c2=() s2=()
  for w in "${wanted[@]}"; do
    found=0
    for i in "${!engine_names[@]}"; do
      if [[ ${engine_names[$i]} == "$w" ]]; then n2+=("$w"); c2+=("${engine_cmds[$i]}"); s2+=("${engine_state[$i]}"); found=1; fi
    done
    [[ $found -eq 1 ]] || { echo "run.sh: unknown engine '$w' (see --list)" >&2; exit 2; }
  done
  engine_names=("${n2[@]}") engine_cmds=("${c2[@]}") engine_state=("${s2[@]}")
fi

if [[ $list_only -eq 1 ]]; then
  for i in "${!engine_names[@]}"; do printf '%-18s %-45s %s\n' "${engine_names[$i]}" "${engine_state[$i]}" "${engine_cmds[$i]}"; done
  exit 0
fi

active=()
for i in "${!engine_names[@]}"; do
  if [[ ${engine_state[$i]} == ok ]]; then active+=("$i"); else note "skipping ${engine_names[$i]}: ${engine_state[$i]}"; fi
done
[[ ${#active[@]} -gt 0 ]] || { note "no engine available"; exit 1; }

# ---- benchmarks ----------------------------------------------------------------------------
mapfile -t bench_files < <(ls "$here"/js/*.js | LC_ALL=C sort)
benches=()
for f in "${bench_files[@]}"; do
  b=$(basename "$f" .js)
  [[ -n $filter && ! $b =~ $filter ]] && continue
  benches+=("$b")
done
[[ ${#benches[@]} -gt 0 ]] || { note "no benchmark matches '$filter'"; exit 1; }

size_of() { # bench → size for this mode
  [[ -n $size_override ]] && { echo "$size_override"; return; }
  local key=default; [[ $quick -eq 1 ]] && key=quick
  sed -n "s|^// $key: *\([0-9][0-9]*\).*|\1|p" "$here/js/$1.js" | head -1
}

have_time=0; [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true 2>/dev/null && have_time=1

# run_once CMD FILE NAME → sets run_ms, run_kb, run_err (empty when the run succeeded)
run_once() {
  local cmd=$1 file=$2 name=$3 t0 t1 status outp
  : >"$work/stdout"; : >"$work/stderr"; : >"$work/mem"
  t0=$(date +%s%N)
  if [[ $have_time -eq 1 ]]; then
    timeout "$timeout_s" /usr/bin/time -f %M -o "$work/mem" bash -c "exec $cmd \"\$0\"" "$file" >"$work/stdout" 2>"$work/stderr"
  else
    timeout "$timeout_s" bash -c "exec $cmd \"\$0\"" "$file" >"$work/stdout" 2>"$work/stderr"
  fi
  status=$?
  t1=$(date +%s%N)
  run_ms=$(( (t1 - t0) / 1000000 ))
  run_kb=$(tail -1 "$work/mem" 2>/dev/null | grep -E '^[0-9]+$' || true)
  run_err=""
  if [[ $status -eq 124 ]]; then run_err="timeout after ${timeout_s}s"
  elif [[ $status -ne 0 ]]; then
    run_err="exit $status: $(grep -v '^Command exited' "$work/stderr" | grep -m1 -E 'Error|Uncaught|error' || head -c 200 "$work/stderr")"
  else
    outp=$(grep -E "^$name: ok( |$)" "$work/stdout" | tail -1)
    [[ -n $outp ]] || run_err="no '$name: ok' line; stdout: $(head -c 120 "$work/stdout")"
    run_line=$outp
  fi
  run_err=$(printf '%s' "$run_err" | tr '\n\t' '  ' | head -c 300)
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }

declare -A cell_ms cell_kb cell_err cell_line cell_runs
failures=0
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
mode=$([[ $quick -eq 1 ]] && echo quick || echo full)
note "$mode mode: ${#benches[@]} benchmarks x ${#active[@]} engines, $warmup warm-up + $runs timed run(s) per cell"
for b in "${benches[@]}"; do
  size=$(size_of "$b")
  [[ -n $size ]] || { note "$b has no size header"; size=1; }
  file="$work/$b.$size.js"
  { echo "globalThis.BENCH_SIZE = $size;"; cat "$here/js/$b.js"; } >"$file"
  first_line="" first_engine=""
  for i in "${active[@]}"; do
    e=${engine_names[$i]} cmd=${engine_cmds[$i]}
    key="$b|$e"
    err="" times=() mems=() slow=0
    for ((w = 0; w < warmup; w++)); do
      run_once "$cmd" "$file" "$b"
      [[ -n $run_err ]] && { err=$run_err; break; }
      if [[ $run_ms -gt $((slow_s * 1000)) ]]; then # too slow to repeat: the warm-up is the sample
        slow=1; times+=("$run_ms"); [[ -n $run_kb ]] && mems+=("$run_kb"); cell_line[$key]=$run_line; break
      fi
    done
    if [[ -z $err && $slow -eq 0 ]]; then
      for ((r = 0; r < runs; r++)); do
        run_once "$cmd" "$file" "$b"
        [[ -n $run_err ]] && { err=$run_err; break; }
        times+=("$run_ms"); [[ -n $run_kb ]] && mems+=("$run_kb")
        cell_line[$key]=$run_line
        [[ $run_ms -gt $((slow_s * 1000)) ]] && break
      done
    fi
    # every engine must print the same result line (the checksums are engine-independent)
    if [[ -z $err ]]; then
      if [[ -z $first_line ]]; then first_line=${cell_line[$key]}; first_engine=$e
      elif [[ ${cell_line[$key]} != "$first_line" ]]; then err="result '${cell_line[$key]}' differs from $first_engine's '$first_line'"; fi
    fi
    if [[ -n $err ]]; then
      cell_err[$key]=$err; failures=$((failures + 1))
      printf '  %-14s %-16s FAIL  %s\n' "$b" "$e" "$err" >&2
    else
      cell_ms[$key]=$(printf '%s\n' "${times[@]}" | median)
      [[ ${#mems[@]} -gt 0 ]] && cell_kb[$key]=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
      cell_runs[$key]=$(IFS=,; echo "${times[*]}")
      printf '  %-14s %-16s %8s ms  %8s KB  %s\n' "$b" "$e" "${cell_ms[$key]}" "${cell_kb[$key]:--}" "${cell_line[$key]#"$b: "}" >&2
    fi
  done
done

# ---- reference, ratios, geometric means --------------------------------------------------------
ref=""
if [[ -n $reference ]]; then ref=$reference
else
  for i in "${active[@]}"; do [[ ${engine_names[$i]} == node-jitless ]] && ref=node-jitless; done
  [[ -n $ref ]] || ref=${engine_names[${active[0]}]}
fi
ratio() { # ms refms → ratio with 2 decimals
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "" }'
}
geomean() { # decimals → geometric mean of the positive numbers on stdin
  awk -v d="$1" '{ if ($1 > 0) { s += log($1); n++ } } END { if (n) printf "%." d "f", exp(s / n); }'
}

machine="$(uname -srm), $(nproc 2>/dev/null || echo '?') cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo 'unknown CPU')"
versions="node $(node --version 2>/dev/null || echo '-'), dotnet $(dotnet --version 2>/dev/null || echo '-'), Jint $(sed -n 's/.*Include="Jint" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
if [[ -n $flywheel_cmd ]]; then
  fv=$(timeout 20 bash -c "$flywheel_cmd --version" 2>/dev/null | head -1)
  versions+=", flywheel ${fv:-(no --version; repo at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))}"
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '-')

stamp=$(date -u +%Y%m%d-%H%M%S)
md="$out/$stamp-$mode.md" json="$out/$stamp-$mode.json"
{
  echo "## JavaScript engine comparison ($mode mode)"
  echo
  echo "$started, commit $commit; $machine; $versions."
  echo "Median wall time of $runs run(s) after $warmup warm-up (a single run when one takes over ${slow_s}s), in ms (ratio to $ref: lower is faster); peak RSS in MB."
  echo
  printf '| benchmark | size |'; for i in "${active[@]}"; do printf ' %s |' "${engine_names[$i]}"; done; echo
  printf '|---|---:|'; for i in "${active[@]}"; do printf -- '---:|'; done; echo
  for b in "${benches[@]}"; do
    printf '| %s | %s |' "$b" "$(size_of "$b")"
    for i in "${active[@]}"; do
      e=${engine_names[$i]} key="$b|${engine_names[$i]}"
      if [[ -n ${cell_err[$key]-} ]]; then printf ' FAIL |'; continue; fi
      ms=${cell_ms[$key]} r=""
      [[ -n ${cell_ms["$b|$ref"]-} ]] && r=$(ratio "$ms" "${cell_ms["$b|$ref"]}")
      mb=""; [[ -n ${cell_kb[$key]-} ]] && mb=" · $(awk -v k="${cell_kb[$key]}" 'BEGIN { printf "%.0f", k / 1024 }')MB"
      printf ' %s%s%s |' "$ms" "${r:+ (${r}x)}" "$mb"
    done
    echo
  done
  printf '| **geomean** | |'
  for i in "${active[@]}"; do
    e=${engine_names[$i]}
    g=$(for b in "${benches[@]}"; do [[ -n ${cell_ms["$b|$e"]-} ]] && echo "${cell_ms["$b|$e"]}"; done | geomean 0)
    gr=$(for b in "${benches[@]}"; do [[ -n ${cell_ms["$b|$e"]-} && -n ${cell_ms["$b|$ref"]-} ]] && ratio "${cell_ms["$b|$e"]}" "${cell_ms["$b|$ref"]}" && echo; done | geomean 2)
    printf ' %s%s |' "${g:--}" "${gr:+ (${gr}x)}"
  done
  echo
  skipped=()
  for i in "${!engine_names[@]}"; do [[ ${engine_state[$i]} != ok ]] && skipped+=("${engine_names[$i]} (${engine_state[$i]})"); done
  if [[ ${#skipped[@]} -gt 0 ]]; then echo; echo "Not run: $(IFS=';'; echo "${skipped[*]}" | sed 's/;/; /g')."; fi
  fails=()
  for b in "${benches[@]}"; do for i in "${active[@]}"; do
    key="$b|${engine_names[$i]}"; [[ -n ${cell_err[$key]-} ]] && fails+=("- $b on ${engine_names[$i]}: ${cell_err[$key]}")
  done; done
  if [[ ${#fails[@]} -gt 0 ]]; then echo; echo "Failures:"; printf '%s\n' "${fails[@]}"; fi
} >"$md"

jstr() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g' | tr -d '\000-\037')"; }
{
  echo "{"
  echo "  \"mode\": $(jstr "$mode"), \"started\": $(jstr "$started"), \"commit\": $(jstr "$commit"),"
  echo "  \"machine\": $(jstr "$machine"), \"versions\": $(jstr "$versions"),"
  echo "  \"runs\": $runs, \"warmup\": $warmup, \"reference\": $(jstr "$ref"),"
  printf '  "engines": ['
  sep=""; for i in "${!engine_names[@]}"; do
    printf '%s\n    { "name": %s, "command": %s, "status": %s }' "$sep" "$(jstr "${engine_names[$i]}")" "$(jstr "${engine_cmds[$i]}")" "$(jstr "${engine_state[$i]}")"; sep=","
  done
  echo " ],"
  printf '  "results": ['
  sep=""
  for b in "${benches[@]}"; do for i in "${active[@]}"; do
    e=${engine_names[$i]} key="$b|${engine_names[$i]}"
    printf '%s\n    { "benchmark": %s, "size": %s, "engine": %s, ' "$sep" "$(jstr "$b")" "$(size_of "$b")" "$(jstr "$e")"; sep=","
    if [[ -n ${cell_err[$key]-} ]]; then printf '"ok": false, "error": %s }' "$(jstr "${cell_err[$key]}")"
    else
      r=""; [[ -n ${cell_ms["$b|$ref"]-} ]] && r=$(ratio "${cell_ms[$key]}" "${cell_ms["$b|$ref"]}")
      printf '"ok": true, "median_ms": %s, "runs_ms": [%s], "ratio": %s, "peak_rss_kb": %s, "result": %s }' \
        "${cell_ms[$key]}" "${cell_runs[$key]}" "${r:-null}" "${cell_kb[$key]:-null}" "$(jstr "${cell_line[$key]}")"
    fi
  done; done
  echo " ]"
  echo "}"
} >"$json"
# a partial run (--filter, --size) must not replace the last complete table
if [[ -z $filter && -z $size_override ]]; then cp "$md" "$out/latest-$mode.md"; cp "$json" "$out/latest-$mode.json"; fi
cat "$md"
note "wrote $md and $json"
if [[ $failures -gt 0 ]]; then note "$failures cell(s) failed"; exit 1; fi
exit 0
