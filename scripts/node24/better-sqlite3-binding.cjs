// Preloaded (NODE_OPTIONS=--require) when the tests run on Node 24: node_modules holds better-sqlite3's addon
// built for the machine's Node, so its load is pointed at the copy scripts/test-node24.sh built for Node 24.
const Module = require('node:module');

const replacement = process.env.OPSFOLIO_BETTER_SQLITE3_BINDING;
const loadAddon = Module._extensions['.node'];
Module._extensions['.node'] = (module, filename) =>
  loadAddon(module, replacement && filename.endsWith('/better-sqlite3/build/Release/better_sqlite3.node') ? replacement : filename);
