#!/usr/bin/env bash
# `npm test`: installs what the tests need on a fresh Debian machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for Playwright (never a downloaded browser), the CNCF registry for OCI tests.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm dependencies from the lock file, when this clone has none yet. `npm install` rather than `npm ci`:
# the lock cannot list other platforms' optional binaries that this registry does not serve, which
# `npm ci` would refuse.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint .
echo "== CLI build (as npm install runs it; the tests spawn it)"; node scripts/build-cli.mjs
echo "== unit and integration tests (Node)"; npx vitest run
echo "== browser tests (Chromium)"; npx playwright test
