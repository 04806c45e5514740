#!/usr/bin/env bash
# Installs what RlGameTester needs on a Debian/Ubuntu machine, and nothing that is already there.
# Idempotent and non-interactive: safe to run before every start and every test run.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# PostgreSQL server, Redis, GTK 3 (OpenCvSharp's native runtime links it), Node.js + npm for Azurite,
# freedoom for real sample levels, freedm (FreeDM's deathmatch levels: the frame evaluation's second held-out split),
# Chromium for the web app's browser tests.
for pkg in postgresql redis-server libgtk-3-0 freedoom freedm chromium; do
  have_pkg "$pkg" || missing+=("$pkg")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged servers on install; RlGameTester runs its own, so leave theirs alone
  # (they use the default ports, ours are allocated per run).
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); it is not in Debian's archive." >&2
  exit 1
fi

# Azurite, the Azure Blob API emulator, from npm into the repository's own .tools folder.
azurite_version=3.37.0
if [ ! -x "$repo/.tools/node_modules/.bin/azurite-blob" ] \
   || ! grep -q "\"version\": \"$azurite_version\"" "$repo/.tools/node_modules/azurite/package.json" 2>/dev/null; then
  echo "setup: installing azurite $azurite_version"
  mkdir -p "$repo/.tools"
  npm install --silent --no-audit --no-fund --prefix "$repo/.tools" "azurite@$azurite_version" >/dev/null
fi
