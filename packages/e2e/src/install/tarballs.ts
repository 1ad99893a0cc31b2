import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths';
import { run } from './run';

export interface Tarball {
  name: string;
  file: string;
  bytes: number;
  entries: string[];
  manifest: Record<string, any>;
}

/** The workspaces under plugins/ that are published (not private). */
function publishableWorkspaces(): string[] {
  return readdirSync(join(REPO_ROOT, 'plugins'))
    .filter(dir => {
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'plugins', dir, 'package.json'), 'utf8'));
      return !pkg.private;
    })
    .map(dir => `plugins/${dir}`);
}

/** Names and contents of a .tgz (ustar, as npm writes it). */
function readTarball(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const field = (start: number, length: number) =>
      tar.subarray(offset + start, offset + start + length).toString('utf8').replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (!name) break;
    const prefix = field(345, 155);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    files.set(prefix ? `${prefix}/${name}` : name, tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Builds every package (declarations, then dist) and packs each publishable one with npm, as `npm publish` would. */
export async function buildAndPack(destination: string): Promise<Tarball[]> {
  mkdirSync(destination, { recursive: true });
  await run('npm', ['run', 'build'], { cwd: REPO_ROOT, log: 'build.log' });
  const workspaces = publishableWorkspaces();
  await run('npm', ['pack', ...workspaces.flatMap(w => ['--workspace', w]), '--pack-destination', destination], {
    cwd: REPO_ROOT,
    log: 'pack.log',
  });
  return readdirSync(destination)
    .filter(file => file.endsWith('.tgz'))
    .map(file => {
      const path = join(destination, file);
      const contents = readTarball(path);
      const manifest = JSON.parse(contents.get('package/package.json')!.toString('utf8'));
      return {
        name: manifest.name,
        file: path,
        bytes: statSync(path).size,
        entries: [...contents.keys()].map(entry => entry.replace(/^package\//, '')),
        manifest,
      };
    });
}

/** Every file the packed package.json points at (main, module, types, exports, configSchema), as paths. */
export function manifestTargets(manifest: Record<string, any>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.module, manifest.types, manifest.configSchema, manifest.exports, manifest.typesVersions]);
  return targets
    .filter(target => target.startsWith('./') || /^[\w-]+\//.test(target) || /\.\w+$/.test(target))
    .filter(target => !target.startsWith('@'))
    .map(target => target.replace(/^\.\//, ''));
}
