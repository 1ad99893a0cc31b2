#!/usr/bin/env bash
# Moves the repository to another Backstage release, the way create-app apps do it:
#   npm run versions:bump                      # the newest release (from versions.backstage.io)
#   npm run versions:bump -- --release 1.58.0  # a given one
# backstage-cli versions:bump rewrites every @backstage range and backstage.json (BACKSTAGE_MANIFEST_FILE points
# it at a release manifest file instead of versions.backstage.io); then npm installs, and
# scripts/release/manifest.json is written anew for the release the install test renders create-app with.
set -euo pipefail
cd "$(dirname "$0")/../.."
# versions:bump reads yarn's lockfile to warn about breaking updates; with npm an empty one will do.
created=""
if [ ! -e yarn.lock ]; then : > yarn.lock; created=1; fi
trap '[ -n "$created" ] && rm -f yarn.lock' EXIT
npx backstage-cli versions:bump --skip-install "$@"
rm -f yarn.lock && created=""
npm install --no-audit --no-fund
node scripts/release/backstage-manifest.mjs
node scripts/release/check-backstage-versions.mjs
