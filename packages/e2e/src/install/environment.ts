import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** The folder of Node 24 from the registry (bin/node, include/), installed by scripts/ensure-node24.sh. */
export function node24Dir(): string {
  return execFileSync('bash', [join(REPO_ROOT, 'scripts/ensure-node24.sh')], { encoding: 'utf8' }).trim();
}

/**
 * The environment the stock app's commands run in, as an adopter's shell on Node 24: npm and node from
 * Node 24, native addons built against its headers, the @opsfolio scope from the local registry, and none of
 * the npm_* variables or NODE_ENV=test that the surrounding `npm test` and vitest set.
 */
export function stockAppEnv(options: { nodeDir: string; registry: string; yarnShimDir: string }): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_ENV' && !key.startsWith('VITEST'),
    ),
  );
  return {
    ...env,
    PATH: `${options.yarnShimDir}:${join(options.nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: options.nodeDir,
    'npm_config_@opsfolio:registry': options.registry,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/**
 * backstage-cli's backend build packs the dist workspace with `yarn pack`, whatever installed the app; create-app
 * ships that yarn in the app's .yarn/releases, and `corepack enable` would put it on the PATH. The test puts a
 * `yarn` there that runs the app's own release.
 */
export function yarnShim(workDir: string, appDir: string): string {
  const dir = join(workDir, 'bin');
  mkdirSync(dir, { recursive: true });
  const yarnPath = /^yarnPath:\s*(\S+)/m.exec(readFileSync(join(appDir, '.yarnrc.yml'), 'utf8'))?.[1];
  if (!yarnPath) throw new Error(`${appDir}/.yarnrc.yml names no yarnPath`);
  const shim = join(dir, 'yarn');
  writeFileSync(shim, `#!/bin/sh\nexec node "${join(appDir, yarnPath)}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}
