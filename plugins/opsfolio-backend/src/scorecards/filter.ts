import type { ScorecardFilter, ScorecardOverviewEntity } from '@opsfolio/backstage-plugin-common';

/** What scorecard filters and the overview's filters read about an entity: the overview row's description of it. */
export type EntityInfo = Pick<ScorecardOverviewEntity, 'entityRef' | 'title' | 'kind' | 'type' | 'lifecycle' | 'tier' | 'ownerRef' | 'system'>;

const lower = (s: string) => s.toLowerCase();

/** A filter turned into a test, its lists lower-cased once: it runs for every entity of a bulk evaluation. */
export function compileFilter(filter: ScorecardFilter | undefined): (info: EntityInfo) => boolean {
  const sets = (['kind', 'type', 'lifecycle', 'tier'] as const)
    .filter(key => filter?.[key]?.length)
    .map(key => ({ key, values: new Set(filter![key]!.map(v => lower(String(v)))) }));
  if (sets.length === 0) return () => true;
  return info => sets.every(({ key, values }) => info[key] !== undefined && values.has(lower(info[key]!)));
}

/** Every list given must contain the entity's value (case-insensitive); an empty filter matches all. Pure. */
export function matchesFilter(info: EntityInfo, filter: ScorecardFilter | undefined): boolean {
  return compileFilter(filter)(info);
}
