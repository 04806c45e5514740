#!/usr/bin/env bash
# The explorer agent on every level of freedoom2.wad (or the WAD given): per level, the median time of reading the
# level, building its geometry and exploring it, beside the baseline of reading and geometry alone (same process,
# same passes), their ratio, and the median and total over all levels against the targets (median < 1 s per level,
# total < 60 s). Single-threaded, Release build, after one warm-up pass.
# Usage: bench/explorer.sh [wad] [--repeat N] [--skill S] [--seed N] [--findings] [--events] [--level NAME]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rlgt-explorer-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [ ! -f /usr/share/games/doom/freedoom2.wad ]; then
  bash "$REPO/scripts/setup.sh"
fi

dotnet build "$REPO/bench/RlGameTester.Bench.Explorer" -c Release -nologo -v quiet > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; exit 1; }
dotnet "$REPO/bench/RlGameTester.Bench.Explorer/bin/Release/net10.0/RlGameTester.Bench.Explorer.dll" "$@"
