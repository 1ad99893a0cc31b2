#!/usr/bin/env bash
# package-lock.json is complete: npm, resolving the manifests again from scratch in a copy of the repository's
# package.json files, writes exactly the committed lockfile (every platform's optional packages included),
# so `npm install` and `npm ci` on a fresh clone change nothing, on Linux, macOS or Windows alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json package-lock.json .npmrc "$tmp/"
for manifest in packages/*/package.json plugins/*/package.json; do
  mkdir -p "$tmp/$(dirname "$manifest")"
  cp "$manifest" "$tmp/$manifest"
done
(cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
if ! cmp -s package-lock.json "$tmp/package-lock.json"; then
  echo "package-lock.json is not what npm install writes for these package.json files:" >&2
  diff -u package-lock.json "$tmp/package-lock.json" | head -40 >&2
  echo "Run npm install and commit package-lock.json." >&2
  exit 1
fi
echo "package-lock.json: complete and unchanged by npm install"
