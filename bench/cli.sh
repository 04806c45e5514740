#!/usr/bin/env bash
# rlgt check on all of freedoom2.wad with --explore (issue 14: under 10 s on this machine, using every core), against
# the same command on one core (--jobs 1) as the baseline, alternating, median of --repeat passes (3) each.
# Usage: bench/cli.sh [--repeat N] [wad]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
repeat=3
wad=/usr/share/games/doom/freedoom2.wad
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="$2"; shift 2 ;;
    *) wad="$1"; shift ;;
  esac
done
bash scripts/setup.sh
dotnet build RlGameTester.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
rlgt=(dotnet RlGameTester.Cli/bin/Release/net10.0/RlGameTester.Cli.dll check "$wad" --explore --format json --output /dev/null)

# Exit 1 (findings at the gate) is a result, not a failure.
seconds() { local start end; start=$(date +%s.%N); "$@" 2>/dev/null || [ $? -le 1 ]; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

all=() one=()
for _ in $(seq 1 "$repeat"); do
  all+=("$(seconds "${rlgt[@]}")")
  one+=("$(seconds "${rlgt[@]}" --jobs 1)")
done
all_median=$(printf '%s\n' "${all[@]}" | median)
one_median=$(printf '%s\n' "${one[@]}" | median)
echo "rlgt check $(basename "$wad") --explore, $(nproc) cores, median of $repeat"
echo "  every core: ${all_median} s   (passes: ${all[*]})"
echo "  one core:   ${one_median} s   (passes: ${one[*]})"
echo "  speed-up:   $(awk -v a="$one_median" -v b="$all_median" 'BEGIN { printf "%.2f", a / b }')x; target: under 10 s on every core"
