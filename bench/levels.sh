#!/usr/bin/env bash
# Levels: what the services do with an uploaded WAD, for every level of freedoom2.wad (or the WAD given): read, build the
# geometry, describe and check each level (the baseline), and the same again plus drawing each level's top-down image and
# encoding it as PNG, as the Analysis service stores it. Both run in alternating passes of one process, so they share the
# machine's load; prints per-level times, both totals (medians), their ratio and the per-phase split.
# Target: all 32 levels of freedoom2.wad read, checked and rendered in under 2 s.
# Usage: bench/levels.sh [wad] [--repeat N] [--size px] [--out dir] [--iwad path] [--findings | --check name]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
dotnet build bench/RlGameTester.Bench.Levels -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RlGameTester.Bench.Levels/bin/Release/net10.0/RlGameTester.Bench.Levels.dll "$@"
