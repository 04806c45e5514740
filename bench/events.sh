#!/usr/bin/env bash
# Bulk event ingestion benchmark: the project's binary COPY path against psql \copy, same rows, same
# table, same throw-away PostgreSQL server, in one run. Prints both rates and their ratio.
# Usage: bench/events.sh [events=1000000] [rounds=3]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
dotnet build bench/RlGameTester.Bench.Events -c Release -nologo -v quiet -clp:ErrorsOnly
# shellcheck source=../scripts/test-servers.sh
source scripts/test-servers.sh
trap stop_test_servers EXIT
start_test_servers "$repo" >/dev/null
# Both paths write to the same server (fsync off, as for tests): the ratio compares the two client paths.
PGPASSWORD=$(echo "$RLGT_TEST_POSTGRES" | sed -E 's/.*Password=([^;]*).*/\1/') psql \
  -h 127.0.0.1 -p "$(echo "$RLGT_TEST_POSTGRES" | sed -E 's/.*Port=([0-9]+).*/\1/')" -U postgres -d postgres -qc "CREATE DATABASE rlgt_bench" >/dev/null
dotnet bench/RlGameTester.Bench.Events/bin/Release/net10.0/RlGameTester.Bench.Events.dll "$RLGT_TEST_POSTGRES;Database=rlgt_bench" "${1:-1000000}" "${2:-3}"
