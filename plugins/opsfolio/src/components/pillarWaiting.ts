import type { PillarId, SourceHealth } from '@opsfolio/backstage-plugin-common';
import { formatAge } from './age';

/** Why a pillar's org-wide page has nothing to show, as `/health` tells it. */
export type PillarWaiting =
  | { kind: 'no-source' }
  | { kind: 'first-sync'; sources: string[]; since: string }
  | { kind: 'failed'; source: string; error: string; lastGood?: string }
  | { kind: 'nothing-found'; sources: string[] }
  | { kind: 'unknown' };

/**
 * Tells apart "no module installed", "the first sync is still running", "it failed" and "synced, found
 * nothing" for a pillar, from its sources' last runs. Pure. `undefined` health (not readable): unknown.
 */
export function pillarWaiting(pillar: PillarId, health: SourceHealth[] | undefined, now = new Date()): PillarWaiting {
  if (!health) return { kind: 'unknown' };
  const sources = health.filter(s => s.pillar === pillar);
  if (sources.length === 0) return { kind: 'no-source' };
  const synced = sources.filter(s => s.lastSuccessAt);
  const failed = sources.find(s => s.lastRun?.status === 'failed' && !s.lastSuccessAt);
  if (synced.length === 0 && failed) {
    return { kind: 'failed', source: failed.id, error: failed.lastRun?.error ?? 'no reason given' };
  }
  if (synced.length === 0) {
    const started = sources.map(s => s.lastRun?.startedAt).filter((t): t is string => Boolean(t)).sort()[0];
    return { kind: 'first-sync', sources: sources.map(s => s.id), since: started ? formatAge(started, now) : 'not started yet' };
  }
  return { kind: 'nothing-found', sources: synced.map(s => s.id) };
}
