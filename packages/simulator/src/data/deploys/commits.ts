import type { Rng } from '../../random';

// Commit messages: a verb, a thing, sometimes a ticket — enough variety for a demo.

const VERBS = ['Fix', 'Add', 'Update', 'Refactor', 'Remove', 'Speed up', 'Harden', 'Log', 'Tidy', 'Bump'];
const THINGS = [
  'retry handling',
  'request validation',
  'database migration',
  'health check',
  'error messages',
  'metrics labels',
  'feature flag',
  'timeout settings',
  'cache invalidation',
  'pagination',
  'dependency versions',
  'integration tests',
  'rate limiting',
  'config loading',
  'audit logging',
];

export function commitMessage(rng: Rng, kind: 'change' | 'fix'): string {
  const ticket = `OPS-${rng.int(100, 4999)}`;
  if (kind === 'fix') return `Fix failed deploy: ${rng.pick(THINGS)} (${ticket})`;
  const title = `${rng.pick(VERBS)} ${rng.pick(THINGS)}`;
  return rng.chance(0.6) ? `${title} (${ticket})` : title;
}
