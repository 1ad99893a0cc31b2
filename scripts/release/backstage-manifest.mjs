#!/usr/bin/env node
// Writes the release manifest of the Backstage release in backstage.json, in versions.backstage.io's format:
// every @backstage package this repository or create-app's templates use, at the version our package.json
// files were bumped to, else its newest version on the registry. scripts/release/bump-backstage.sh runs it
// after a bump; the install test renders create-app's templates with it, and
// `BACKSTAGE_MANIFEST_FILE=<it> backstage-cli versions:bump` reads it.
//   node scripts/release/backstage-manifest.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const releaseVersion = JSON.parse(readFileSync(join(root, 'backstage.json'), 'utf8')).version;
const names = new Set();
const bumped = new Map();
const manifests = ['package.json', ...['packages', 'plugins'].flatMap(dir =>
  readdirSync(join(root, dir)).map(name => join(dir, name, 'package.json')))];
for (const file of manifests.filter(f => existsSync(join(root, f)))) {
  const pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies]) {
    for (const [name, range] of Object.entries(deps ?? {})) {
      if (!name.startsWith('@backstage/')) continue;
      names.add(name);
      const exact = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
      if (exact) bumped.set(name, exact);
    }
  }
}
// The packages create-app's templates name (its own map of versions, minus its 'root' entry).
const require = createRequire(join(root, 'package.json'));
const { packageVersions } = require('@backstage/create-app/dist/lib/versions.cjs.js');
for (const name of Object.keys(packageVersions)) if (name.startsWith('@backstage/')) names.add(name);

const packages = [...names].sort().map(name => {
  const version = bumped.get(name) ?? execFileSync('npm', ['view', name, 'version'], { encoding: 'utf8' }).trim();
  return { name, version };
});
const out = join(root, 'scripts/release/manifest.json');
writeFileSync(out, `${JSON.stringify({ releaseVersion, packages }, null, 2)}\n`);
console.log(`${out}: ${packages.length} packages of Backstage ${releaseVersion}`);
