#!/usr/bin/env bash
# Runs the whole system: installs what is missing, then starts the AppHost (dashboard + every service).
# Ctrl+C stops everything it started. Extra arguments go to the AppHost.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project RlGameTester.AppHost --launch-profile http -- "$@"
