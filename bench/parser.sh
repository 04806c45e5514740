#!/usr/bin/env bash
# Throughput of the Worker's Arnold log parser against the seed's Python parser, on the same file.
# Builds a log of at least SIZE_MB (default 200) MB by concatenating the fixture logs into a temporary folder,
# runs the Release build of bench/RlGameTester.Bench.Parser and ../shared/bench/seed_parser.py on it, and prints
# both throughputs and their ratio. Usage: bench/parser.sh   (SIZE_MB=500 bench/parser.sh for a bigger file)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$REPO/../shared/fixtures/arnold"
SEED="$REPO/../shared/bench/seed_parser.py"
SIZE_MB="${SIZE_MB:-200}"
RUNS="${RUNS:-3}"

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

echo "project (C#, median of $RUNS passes after a warm-up):"
OURS="$(dotnet "$BENCH" "$LOG" "$RUNS")"
echo "  $OURS"
echo "seed (python3 $(python3 -c 'import sys; print(".".join(map(str, sys.version_info[:3])))'), one pass):"
# The seed runs as it is; the shell also takes its CPU time (user + system), for the same comparison as ours.
TIMEFORMAT='%U %S'
{ time python3 "$SEED" "$LOG" > "$WORK/seed.txt"; } 2> "$WORK/seed-time.txt"
SEED_OUT="$(cat "$WORK/seed.txt")"
SEED_CPU="$(awk '{ print $1 + $2 }' "$WORK/seed-time.txt")"
echo "  $SEED_OUT cpu_secs=$SEED_CPU (whole process)"

field() { sed -n "s|.* $1=\([0-9.]*\).*|\1|p" <<< " $2"; }
MB="$(awk -v bytes="$(stat -c %s "$LOG")" 'BEGIN { print bytes / 1e6 }')"
awk -v ours="$(field 'MB/s' "$OURS")" -v seed="$(field 'MB/s' "$SEED_OUT")" \
    -v ours_cpu="$(field 'cpu_MB/s' "$OURS")" -v seed_cpu="$(awk -v mb="$MB" -v s="$SEED_CPU" 'BEGIN { print mb / s }')" 'BEGIN {
  printf "throughput (wall): project %.1f MB/s, seed %.1f MB/s, ratio %.1fx (target 10x)\n", ours, seed, ours / seed
  printf "throughput (cpu):  project %.1f MB/s, seed %.1f MB/s, ratio %.1fx (steadier on a shared machine)\n", ours_cpu, seed_cpu, ours_cpu / seed_cpu
}'
