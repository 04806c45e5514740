#!/usr/bin/env bash
# Web app: time to first render of the level page for freedoom2.wad's largest level (issue 15). Starts the AppHost (local
# mode, its own data folder and dashboard ports, so it can run beside scripts/run.sh), uploads the WAD through the Api,
# then in headless Chromium loads the level's page several times, alternating with two baselines: the same HTML and
# stylesheet as a static page from loopback, and the Api's geometry call alone (bench/RlGameTester.Bench.Web); stops
# everything. Target: the level map drawn in under 1 s.
# Usage: bench/web.sh [--loads 9] [--wad path]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Release, as a deployment runs it: a Debug web app and Api measure the JIT's and the debug build's costs too.
dotnet build RlGameTester.AppHost -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/RlGameTester.Bench.Web -c Release -nologo -v quiet -clp:ErrorsOnly

work="$(mktemp -d /tmp/rlgt-web-XXXXXX)"
# mktemp makes it private; the postgres user runs the database in it.
chmod 755 "$work"
log="$work/apphost.log"
ASPNETCORE_URLS=http://localhost:15181 ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19181 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20181 \
ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
  dotnet run -c Release --no-build --no-launch-profile --project RlGameTester.AppHost -- --Infrastructure:Local:DataDirectory="$work/data" >"$log" 2>&1 &
apphost=$!
# SIGTERM stops every resource through DCP (a background job ignores SIGINT).
trap 'kill -TERM $apphost 2>/dev/null; wait $apphost 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 300); do
  grep -q "Web app: http" "$log" && break
  if ! kill -0 $apphost 2>/dev/null; then cat "$log"; echo "the AppHost stopped before the web app was ready" >&2; exit 1; fi
  sleep 1
done
api="$(grep -o 'API: http://[^ ]*' "$log" | head -1 | cut -d' ' -f2)"
webapp="$(grep -o 'Web app: http://[^ ]*' "$log" | head -1 | cut -d' ' -f3)"
[ -n "$api" ] && [ -n "$webapp" ] || { cat "$log"; echo "the Api or the web app did not become ready in 300 s" >&2; exit 1; }
dotnet bench/RlGameTester.Bench.Web/bin/Release/net10.0/RlGameTester.Bench.Web.dll --api "$api" --web "$webapp" --key "$(cat "$work/data/api-key")" "$@"
