#!/usr/bin/env bash
# Runs every test: installs what is missing, starts throw-away PostgreSQL, Redis and Azurite servers,
# builds the solution (warnings are errors) and runs all test projects against them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/setup.sh
dotnet build RlGameTester.sln -c Debug -nologo -clp:ErrorsOnly
# The private-field naming rule (.editorconfig, IDE1006) is checked here, not by the build: EnforceCodeStyleInBuild would
# turn every style suggestion into an error.
dotnet format style RlGameTester.sln --diagnostics IDE1006 --severity warn --verify-no-changes --no-restore

# shellcheck source=scripts/test-servers.sh
source scripts/test-servers.sh
trap stop_test_servers EXIT
start_test_servers "$repo"

log=$(mktemp /tmp/rlgt-test-output.XXXXXX)
set +e
dotnet test --solution RlGameTester.sln --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# CI keeps only the tail of the output: repeat each failure (its name and the first lines of its message) there.
awk '/^failed /{n=20; if (!shown++) print "\nFailed tests:"} n>0 {print; n--; next}' "$log"

# One closing line with the totals of every test project.
awk '/^ *total: /{t+=$2} /^ *failed: /{f+=$2} /^ *succeeded: /{p+=$2} /^ *skipped: /{s+=$2}
     END { if (t > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
