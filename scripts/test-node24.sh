#!/usr/bin/env bash
# Typecheck and unit tests on Node 24 as well as on the machine's Node: Node 24 from the npm registry
# (scripts/ensure-node24.sh), and better-sqlite3's native addon built for it once, beside node_modules.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
node24="$(bash scripts/ensure-node24.sh)"
version="$(node -p "require('better-sqlite3/package.json').version")"
addon_dir="$root/.node24/better-sqlite3-$version"
addon="$addon_dir/build/Release/better_sqlite3.node"
loads() { [ -f "$addon" ] && "$node24/bin/node" -e "process.dlopen({ exports: {} }, process.argv[1])" "$addon" 2>/dev/null; }
if ! loads; then
  echo "Building better-sqlite3 $version for Node 24" >&2
  rm -rf "$addon_dir" && mkdir -p "$addon_dir"
  cp -r node_modules/better-sqlite3/{binding.gyp,deps,src,package.json} "$addon_dir/"
  # node-gyp lets npm_config_* variables (npm run sets npm_config_nodedir from the user's .npmrc) override its
  # command line: name Node 24's headers in the variable itself.
  (cd "$addon_dir" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    "$node24/bin/node" "$root/node_modules/node-gyp/bin/node-gyp.js" rebuild --release >/dev/null)
  loads || { echo "better-sqlite3 built in $addon_dir does not load on Node 24" >&2; exit 1; }
fi
export PATH="$node24/bin:$PATH"
echo "Node $(node --version): typecheck" >&2
npx tsc --noEmit --incremental false
echo "Node $(node --version): unit tests" >&2
OPSFOLIO_BETTER_SQLITE3_BINDING="$addon" NODE_OPTIONS="--require $root/scripts/node24/better-sqlite3-binding.cjs ${NODE_OPTIONS:-}" \
  npx vitest run
