#!/usr/bin/env bash
# Benchmark: kalc-iac against jq on a large generated scenario, and a small plan end to end.
# Usage: bench/run.sh [--resources N] [--nodes N] [--instances N] [--roles N] [--repeat N] [--skip-build]
# Needs: dotnet (SDK from global.json), jq, GNU time at /usr/bin/time.
# Writes bench/data (large scenario), bench/data-small (200 resources), bench/out (binaries), bench/results.
# --repeat N: measures the large pair N times, each kalc-iac run right after its jq run, and prints each pair's
# ratio and their median (on a shared machine whose speed drifts, a ratio of paired runs is what compares).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
resources=100000 nodes=2000 instances=10000 roles=5000 build=1 repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --resources) resources="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --instances) instances="$2"; shift 2 ;;
    --roles) roles="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in dotnet jq /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is required" >&2; exit 2; }
done

out="$here/out" data="$here/data" small="$here/data-small" results="$here/results"
generator="$out/generator/kalc-bench-generator"
kalc="$out/kalc-iac/kalc-iac"
mkdir -p "$out" "$results"

step() { printf '\n== %s\n' "$*" >&2; }

if [ "$build" = 1 ]; then
  step "build the generator"
  dotnet publish "$here/Generator/Generator.csproj" -c Release -o "$out/generator" --nologo -v quiet \
    || { echo "run.sh: the generator does not build" >&2; exit 1; }
  step "publish kalc-iac (the release build: Native AOT)"
  rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
  rm -rf "$out/kalc-iac"
  if ! dotnet publish "$root/src/Cli/Cli.csproj" -c Release -r "${rid:-linux-x64}" -p:PublishAot=true -o "$out/kalc-iac" --nologo -v quiet; then
    echo "run.sh: kalc-iac does not publish; only jq will be measured" >&2
  fi
fi

step "generate $resources resources, $nodes nodes, $roles roles into $data"
rm -rf "$data" "$small"
"$generator" --resources "$resources" --nodes "$nodes" --instances "$instances" --roles "$roles" --out "$data" || exit 1
"$generator" --resources 200 --nodes 20 --instances 100 --roles 100 --policies 50 --out "$small" || exit 1

# measure NAME OUTFILE CMD...: runs CMD under GNU time, keeps stdout in OUTFILE, appends "name|wall|rss|exit" to rows.
rows=()
measure() {
  local name="$1" outfile="$2"; shift 2
  local timing="$results/$name.time"
  step "$name: $*"
  /usr/bin/time -v -o "$timing" "$@" >"$outfile" 2>"$results/$name.stderr"
  local code=$?
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing")"
  # GNU time writes "Command exited with non-zero status N" first when the command fails.
  rows+=("$name|${wall:-?}|$(( ${rss:-0} / 1024 ))|$code")
  if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
    echo "  exit $code; stderr (first lines):" >&2
    head -5 "$results/$name.stderr" | sed 's/^/    /' >&2
  fi
}

jq_filter='[.resource_changes[] | select(.change.actions | index("delete")) | .address]'
# seconds RUN: the wall time of a measured run, from its "m:ss.cc" or "h:mm:ss".
seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$results/$1.time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
ratios=()
for ((pass = 1; pass <= repeat; pass++)); do
  suffix=""; [ "$repeat" -gt 1 ] && suffix="-$pass"
  measure "jq-deletes-large$suffix" "$results/jq-large.json" jq "$jq_filter" "$data/plan.json"
  if [ -x "$kalc" ]; then
    # exit 1 means "findings at or above --fail-on": expected here, the scenario breaks the cluster.
    measure "kalc-iac-large$suffix" "$results/kalc-large.json" "$kalc" "$data/plan.json" --aws-state "$data/aws" --k8s-state "$data/k8s" --format json
    ratios+=("$(awk -v k="$(seconds "kalc-iac-large$suffix")" -v j="$(seconds "jq-deletes-large$suffix")" 'BEGIN { printf "%.3f", k / j }')")
  else
    rows+=("kalc-iac-large$suffix|-|-|not built")
  fi
done
measure "jq-deletes-small" "$results/jq-small.json" jq "$jq_filter" "$small/plan.json"
if [ -x "$kalc" ]; then
  measure "kalc-iac-small" "$results/kalc-small.json" "$kalc" "$small/plan.json" --aws-state "$small/aws" --k8s-state "$small/k8s" --format json
else
  rows+=("kalc-iac-small|-|-|not built")
fi

plan_mb="$(du -m "$data/plan.json" | cut -f1)"
printf '\nplan: %s resources, %s MB; state: %s instances, %s nodes, %s roles\n\n' "$resources" "$plan_mb" "$instances" "$nodes" "$roles"
printf '%-18s %12s %12s %10s\n' "run" "wall" "max RSS MB" "exit"
printf '%-18s %12s %12s %10s\n' "---" "----" "----------" "----"
for row in "${rows[@]}"; do
  IFS='|' read -r name wall rss code <<<"$row"
  printf '%-18s %12s %12s %10s\n' "$name" "$wall" "$rss" "$code"
done

if [ "${#ratios[@]}" -gt 0 ]; then
  median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
  printf '\nkalc-iac / jq on the large plan, paired runs: %s; median %s\n' "${ratios[*]}" "$median"
fi

# Does kalc-iac find what the generator planted? (scenario.json lists the breaking addresses.)
if [ -s "$results/kalc-large.json" ]; then
  expected="$(jq -r '.breaking[].address' "$data/scenario.json" | sort)"
  found="$(jq -r '.findings[]?.change.address // empty' "$results/kalc-large.json" 2>/dev/null | sort -u)"
  missing="$(comm -23 <(echo "$expected") <(echo "$found"))"
  if [ -z "$missing" ]; then echo; echo "kalc-iac reported every planted breaking change."
  else echo; echo "kalc-iac did not report:"; echo "$missing" | sed 's/^/  /'; fi
  total="$(jq '.totalChanges' "$data/scenario.json")"
  counted="$(jq '.changes.total // empty' "$results/kalc-large.json" 2>/dev/null)"
  [ -n "$counted" ] && echo "changes.total: $counted (generated: $total)"
fi
