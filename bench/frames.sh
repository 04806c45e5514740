#!/usr/bin/env bash
# Frame-check throughput: the Analysis frame engine against a plain OpenCvSharp loop doing the same pixel work, on the
# same frames (composed from freedoom2's textures, flats and status bar), single-threaded, at 320x240 and 640x480.
# Prints frames/s for each (wall and CPU time) and their ratio. Targets: >= 1000 frames/s per core at 320x240, and
# the engine at >= 0.7 of the plain loop.
# Usage: bench/frames.sh [seconds per pass=3] [passes=3]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
dotnet build bench/RlGameTester.Bench.Frames -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RlGameTester.Bench.Frames/bin/Release/net10.0/RlGameTester.Bench.Frames.dll /usr/share/games/doom/freedoom2.wad "${1:-3}" "${2:-3}"
