#!/usr/bin/env bash
# `npm test` from a fresh clone on Debian: installs what the machine lacks, then runs every test.
#   1. Debian's `chromium` (browser tests) and `postgresql` (the suite on a real server), when missing,
#      with sudo when not root; the package's default cluster is not created (the tests make their own).
#   2. The npm dependencies (`npm ci`) when node_modules is missing or older than the lockfile; this
#      brings the pinned Node 24, which npm's PATH then puts first for the next step.
#   3. scripts/test.ts: checks, Vitest on PGlite, the same on PostgreSQL, Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "This machine lacks ${missing[*]} and has no apt-get: install them by hand (see the README)." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root or sudo." >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "Setting up the test machine: installing Debian's ${missing[*]} (apt-get${sudo:+ with sudo})."
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" |
    "${sudo[@]}" tee /etc/postgresql-common/createcluster.d/astana-no-main-cluster.conf >/dev/null
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q "${missing[@]}"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the npm dependencies from the lockfile (npm ci)."
  npm ci --no-audit --no-fund
fi

# npm put ./node_modules/.bin first on PATH, so this is the pinned Node 24.
exec node scripts/test.ts "$@"
