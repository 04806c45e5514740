#!/usr/bin/env bash
# Software renderer throughput: 320x200 views of freedoom2's median level (by line count) from every thing's place in
# 8 directions, one thread, against a plain loop that only writes as many pixels. Prints views/s (wall and CPU time)
# and the ratio, then per level the most of each vanilla renderer limit its views reached and how many passed one.
# Target: >= 1000 views/s on one core.
# Usage: bench/render.sh [seconds per pass=3] [passes=3]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
dotnet build bench/RlGameTester.Bench.Render -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RlGameTester.Bench.Render/bin/Release/net10.0/RlGameTester.Bench.Render.dll /usr/share/games/doom/freedoom2.wad "${1:-3}" "${2:-3}"
