#!/usr/bin/env bash
# Throughput of the Worker's Arnold log parser against the seed's Python parser, on the same file.
# Builds a log of at least SIZE_MB (default 200) MB by concatenating the fixture logs into a temporary folder,
# runs the Release build of bench/RlGameTester.Bench.Parser and bench/baseline/seed_parser.py on it, and prints
# both throughputs and their ratio, over PAIRS back-to-back pairs (default 3).
# Usage: bench/parser.sh   (SIZE_MB=500 bench/parser.sh for a bigger file, PAIRS=5 for more pairs)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$REPO/tests/fixtures/arnold"
SEED="$REPO/bench/baseline/seed_parser.py"
SIZE_MB="${SIZE_MB:-200}"
RUNS="${RUNS:-3}"
PAIRS="${PAIRS:-3}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rlgt-parser-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# The fixtures once, then doubled until the file is big enough.
LOG="$WORK/arnold.log"
cat "$FIXTURES"/*.log > "$LOG"
while [ "$(stat -c %s "$LOG")" -lt $((SIZE_MB * 1000 * 1000)) ]; do
  cat "$LOG" "$LOG" > "$WORK/next.log"
  mv "$WORK/next.log" "$LOG"
done
echo "log: $(( $(stat -c %s "$LOG") / 1000000 )) MB, $(wc -l < "$LOG") lines (fixtures of $FIXTURES)"

dotnet build "$REPO/bench/RlGameTester.Bench.Parser" -c Release -nologo -v quiet > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; exit 1; }
BENCH="$REPO/bench/RlGameTester.Bench.Parser/bin/Release/net10.0/RlGameTester.Bench.Parser.dll"

# Warm the page cache so neither side pays for the disk.
cat "$LOG" > /dev/null

field() { sed -n "s|.* $1=\([0-9.]*\).*|\1|p" <<< " $2"; }
MB="$(awk -v bytes="$(stat -c %s "$LOG")" 'BEGIN { print bytes / 1e6 }')"
PYTHON_VERSION="$(python3 -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')"
TIMEFORMAT='%U %S'

# PAIRS rounds, each the project (median of RUNS passes after a warm-up) then the seed (one pass), back to back, so
# both sides of a pair meet the same load on a shared machine; the ratio reported is the median of the pairs' ratios.
: > "$WORK/ratios.txt"
for pair in $(seq 1 "$PAIRS"); do
  OURS="$(dotnet "$BENCH" "$LOG" "$RUNS")"
  # The seed runs as it is; the shell takes its CPU time (user + system), for the same comparison as ours.
  { time python3 "$SEED" "$LOG" > "$WORK/seed.txt"; } 2> "$WORK/seed-time.txt"
  SEED_OUT="$(cat "$WORK/seed.txt")"
  SEED_CPU="$(awk '{ print $1 + $2 }' "$WORK/seed-time.txt")"
  echo "pair $pair:"
  echo "  project (C#, median of $RUNS passes after a warm-up): $OURS"
  echo "  seed (python3 $PYTHON_VERSION, one pass): $SEED_OUT cpu_secs=$SEED_CPU (whole process)"
  awk -v ours="$(field 'MB/s' "$OURS")" -v seed="$(field 'MB/s' "$SEED_OUT")" \
      -v ours_cpu="$(field 'cpu_MB/s' "$OURS")" -v seed_cpu="$(awk -v mb="$MB" -v s="$SEED_CPU" 'BEGIN { print mb / s }')" 'BEGIN {
    printf "  wall: project %.1f MB/s, seed %.1f MB/s, ratio %.2fx; cpu: project %.1f MB/s, seed %.1f MB/s, ratio %.2fx\n", ours, seed, ours / seed, ours_cpu, seed_cpu, ours_cpu / seed_cpu
    printf "%f %f\n", ours / seed, ours_cpu / seed_cpu >> "/dev/stderr"
  }' 2>> "$WORK/ratios.txt"
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
WALL="$(awk '{ print $1 }' "$WORK/ratios.txt" | median)"
CPU="$(awk '{ print $2 }' "$WORK/ratios.txt" | median)"
RANGE="$(awk '{ print $2 }' "$WORK/ratios.txt" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f-%.1f", lo, hi }')"
printf "ratio over %d pairs (median): wall %.1fx, cpu %.1fx (cpu range %sx; cpu is steadier on a shared machine); target 10x\n" "$PAIRS" "$WALL" "$CPU" "$RANGE"
