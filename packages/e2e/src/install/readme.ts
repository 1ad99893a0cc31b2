import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * The install section of the README as the test runs it: every fenced block after an
 * `<!-- install-test: <step> -->` marker. A step the README lacks fails the test, so the README and what the
 * install test does cannot drift apart.
 */
export function readmeSteps(): Map<string, string> {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const steps = new Map<string, string>();
  for (const match of readme.matchAll(/<!-- install-test: ([\w-]+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    steps.set(match[1], match[2]);
  }
  return steps;
}

export function step(steps: Map<string, string>, name: string): string {
  const text = steps.get(name);
  if (text === undefined) throw new Error(`README.md has no block marked <!-- install-test: ${name} -->`);
  return text;
}

/** The commands of a shell block: one per line, comments and blank lines left out, split on spaces. */
export function commands(block: string): string[][] {
  return block
    .split('\n')
    .map(line => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map(line => line.split(/\s+/));
}
