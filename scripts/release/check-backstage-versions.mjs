#!/usr/bin/env node
// Every @backstage dependency in the repository is on the release in backstage.json: `^<version>` of
// scripts/release/manifest.json. With --fix, rewrites the ranges (what `backstage-cli versions:bump`
// does, for npm); then run `npm install`.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const fix = process.argv.includes('--fix');
const manifest = JSON.parse(readFileSync(join(root, 'scripts/release/manifest.json'), 'utf8'));
const release = JSON.parse(readFileSync(join(root, 'backstage.json'), 'utf8')).version;
if (manifest.releaseVersion !== release) {
  console.error(`scripts/release/manifest.json is for ${manifest.releaseVersion}, backstage.json says ${release}`);
  process.exit(1);
}
const target = new Map(manifest.packages.map(p => [p.name, `^${p.version}`]));
const files = ['package.json', ...['packages', 'plugins'].flatMap(dir =>
  readdirSync(join(root, dir)).map(name => join(dir, name, 'package.json')))].filter(f => existsSync(join(root, f)));

const problems = [];
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  const pkg = JSON.parse(text);
  let changed = false;
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (!name.startsWith('@backstage/')) continue;
      const want = target.get(name);
      if (!want) problems.push(`${file}: ${name} is not in the manifest (run scripts/release/backstage-manifest.mjs)`);
      else if (range !== want) {
        if (fix) { pkg[field][name] = want; changed = true; }
        else problems.push(`${file}: ${name} ${range}, the ${release} release has ${want}`);
      }
    }
  }
  if (changed) writeFileSync(join(root, file), `${JSON.stringify(pkg, null, 2)}\n`);
}
if (problems.length) {
  console.error(`Not on Backstage ${release}:\n  ${problems.join('\n  ')}\nFix with: node scripts/release/check-backstage-versions.mjs --fix && npm install`);
  process.exit(1);
}
console.log(`Every @backstage dependency is on Backstage ${release}${fix ? ' (fixed)' : ''}`);
