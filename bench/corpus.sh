#!/usr/bin/env bash
# The static checks and the explorer on the community level corpus (bench/corpus/README.md): per level a row (source,
# file, level, format, lines, player 1 start, exit, finished, critical findings, the explorer's exit finding, what
# stopped it, time), then per split the aggregates, deathmatch levels in their own block. Release build, Parallel over
# levels on every core; each level's explorer is cancelled after --timeout seconds (60) and counted.
# The held-out split prints aggregates only unless --unblind is given: never unblind it while tuning the explorer.
# Usage: bench/corpus.sh [--split tuning|heldout|all] [--source NAME] [--level NAME] [--json FILE] [--timeout S] [--unblind]
# Fetch the corpus first: scripts/corpus.sh (CORPUS_MIRROR=/work/.mirror scripts/corpus.sh without GitHub access).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
if [ ! -f .corpus/levels.tsv ]; then
  echo "bench/corpus.sh: .corpus/levels.tsv is missing; run scripts/corpus.sh first" >&2
  exit 2
fi
if [ ! -f /usr/share/games/doom/freedoom2.wad ]; then
  bash scripts/setup.sh
fi
dotnet build bench/RlGameTester.Bench.Corpus -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RlGameTester.Bench.Corpus/bin/Release/net10.0/RlGameTester.Bench.Corpus.dll "$@"
