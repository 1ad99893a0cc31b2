import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
/** Logs and screenshots of the install test, kept after the run. */
export const RESULTS = join(REPO_ROOT, 'packages/e2e/test-results/install');

/** A fresh folder outside the repository for the tarballs, the stock apps and the deployed backend. */
export function makeWorkDir(): string {
  mkdirSync(RESULTS, { recursive: true });
  return mkdtempSync(join(tmpdir(), 'opsfolio-install-'));
}
