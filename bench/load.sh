#!/usr/bin/env bash
# The running stack under load from loopback (issue 13): starts the AppHost (local mode, its own data folder and
# dashboard ports, so it can run beside scripts/run.sh), waits for the Api, then runs many clients uploading levels and
# starting runs past their quotas, and one sending hostile WADs, against a baseline of GET /alive
# (bench/RlGameTester.Bench.Load); stops everything.
# Exit 1 when any answer was a 5xx, a transport error or a 429 without Retry-After.
# Usage: bench/load.sh [--clients 16] [--seconds 60]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build RlGameTester.AppHost -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/RlGameTester.Bench.Load -c Release -nologo -v quiet -clp:ErrorsOnly

work="$(mktemp -d /tmp/rlgt-load-XXXXXX)"
# mktemp makes it private; the postgres user runs the database in it.
chmod 755 "$work"
log="$work/apphost.log"
ASPNETCORE_URLS=http://localhost:15180 ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19180 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20180 \
ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
  dotnet run --no-build --no-launch-profile --project RlGameTester.AppHost -- --Infrastructure:Local:DataDirectory="$work/data" >"$log" 2>&1 &
apphost=$!
# SIGTERM stops every resource through DCP (a background job ignores SIGINT).
trap 'kill -TERM $apphost 2>/dev/null; wait $apphost 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 300); do
  grep -q "API key" "$log" && break
  if ! kill -0 $apphost 2>/dev/null; then cat "$log"; echo "the AppHost stopped before the Api was ready" >&2; exit 1; fi
  sleep 1
done
api="$(grep -o 'API: http://[^ ]*' "$log" | head -1 | cut -d' ' -f2)"
[ -n "$api" ] || { cat "$log"; echo "the Api did not become ready in 300 s" >&2; exit 1; }
dotnet bench/RlGameTester.Bench.Load/bin/Release/net10.0/RlGameTester.Bench.Load.dll --api "$api" --key "$(cat "$work/data/api-key")" "$@"
