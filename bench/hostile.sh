#!/usr/bin/env bash
# Hostile uploads: the reading work the Api's upload does (directory, level limits, levels, geometry, metadata) on WADs
# built to cost much for their size (thousands of markers over one level's lumps, a directory-only file, levels of long
# crossing lines), against freedoom2.wad read the same way: milliseconds per MiB, and the ratio to the baseline's.
# Target (issue 13): a hostile file answered 400 or 413, or read, in well under a second of work per MiB.
# Usage: bench/hostile.sh [wad] [--repeat N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
dotnet build bench/RlGameTester.Bench.Hostile -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RlGameTester.Bench.Hostile/bin/Release/net10.0/RlGameTester.Bench.Hostile.dll "$@"
