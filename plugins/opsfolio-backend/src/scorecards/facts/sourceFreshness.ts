import type { SyncRunner } from '../../platform/sync/syncRunner';
import type { SyncRunStore } from '../../platform/sync/SyncRunStore';

export interface SourceFreshness {
  /** The last successful run's end: how old the source's data is. */
  observedAt?: string;
  maxAgeMs?: number;
}

/** Each source's last success and how old its data may get, for the facts read from what it stored. */
export async function sourceFreshness(deps: { runs: SyncRunStore; runner: SyncRunner }, sourceIds: string[]): Promise<Map<string, SourceFreshness>> {
  const runs = await deps.runs.freshness(sourceIds);
  return new Map(sourceIds.map(id => [id, { observedAt: runs.get(id)?.lastSuccessAt, maxAgeMs: deps.runner.maxAgeMs(id) }]));
}

/** The oldest data among the sources serving an entity: one stale source makes the pillar's facts stale. */
export function oldestOf(all: Map<string, SourceFreshness>, sourceIds: string[]): SourceFreshness | undefined {
  let oldest: SourceFreshness | undefined;
  for (const id of sourceIds) {
    const f = all.get(id);
    if (!f?.observedAt) return undefined;
    if (!oldest || Date.parse(f.observedAt) < Date.parse(oldest.observedAt!)) oldest = f;
  }
  return oldest;
}
