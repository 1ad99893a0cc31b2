import type { PillarId, SourceHealth } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';
import { runningLine, sourceLabel } from './syncProgress';

/** Why a pillar has nothing to show, as `/health` (or an entity's summary) tells it. */
export type PillarWaiting =
  | { kind: 'no-source' }
  /** `lines`: one per source, "First sync of GitHub in progress: 12 of 40 repositories" when it runs. */
  | { kind: 'first-sync'; sources: string[]; lines: string[]; since?: string }
  /** `lastGood`: the age of the source's last good data, when it has synced before. */
  | { kind: 'failed'; source: string; error: string; failedAgo: string; lastGood?: string }
  | { kind: 'nothing-found'; sources: string[]; syncedAgo: string }
  | { kind: 'unknown' };

/**
 * Tells apart "no module installed", "the first sync is still running", "the last sync failed" and "synced,
 * found nothing" for a pillar, from its sources' last runs. Pure. `undefined` health (not readable): unknown.
 */
export function pillarWaiting(
  { t, format }: OpsfolioText,
  pillar: PillarId,
  health: SourceHealth[] | undefined,
  now = new Date()
): PillarWaiting {
  if (!health) return { kind: 'unknown' };
  const sources = health.filter(s => s.pillar === pillar);
  if (sources.length === 0) return { kind: 'no-source' };
  const synced = sources.filter(s => s.lastSuccessAt);
  // Nothing to show and a source's last run failed: that failure is the likeliest reason, first sync or not.
  const failed =
    sources.find(s => s.lastRun?.status === 'failed' && !s.lastSuccessAt) ??
    sources.find(s => s.lastRun?.status === 'failed');
  if (failed) {
    return {
      kind: 'failed',
      source: sourceLabel(failed),
      error: failed.lastRun?.error ?? t('common.waiting.noReason'),
      failedAgo: format.age(failed.lastRun?.finishedAt ?? failed.lastRun?.startedAt, now),
      lastGood: failed.lastSuccessAt ? format.age(failed.lastSuccessAt, now) : undefined,
    };
  }
  if (synced.length === 0) {
    const started = sources
      .map(s => s.lastRun?.startedAt)
      .filter((t): t is string => Boolean(t))
      .sort()[0];
    return {
      kind: 'first-sync',
      sources: sources.map(sourceLabel),
      lines: sources.map(s => runningLine(t, s) ?? t('common.sync.waitingFor', { source: sourceLabel(s) })),
      since: started ? format.age(started, now) : undefined,
    };
  }
  const newest = synced
    .map(s => s.lastSuccessAt!)
    .sort()
    .pop();
  return { kind: 'nothing-found', sources: synced.map(sourceLabel), syncedAgo: format.age(newest, now) };
}
