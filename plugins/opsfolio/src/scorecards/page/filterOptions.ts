import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useEffect, useState } from 'react';
import type { QueryKey } from './useOverviewQuery';

/** Entity fields the select filters offer; level and scorecard come from the scorecard itself. */
export const ENTITY_FILTERS = [
  { key: 'owner', label: 'readinessPage.filters.owner', field: 'ownerRef' },
  { key: 'system', label: 'readinessPage.filters.system', field: 'system' },
  { key: 'kind', label: 'readinessPage.filters.kind', field: 'kind' },
  { key: 'type', label: 'readinessPage.filters.type', field: 'type' },
  { key: 'lifecycle', label: 'readinessPage.filters.lifecycle', field: 'lifecycle' },
  { key: 'tier', label: 'readinessPage.filters.tier', field: 'tier' },
] as const satisfies ReadonlyArray<{
  key: QueryKey;
  /** The message key of the select's label. */
  label: `readinessPage.filters.${string}`;
  field: keyof ScorecardOverviewResponse['entities'][number];
}>;

type EntityFilterKey = (typeof ENTITY_FILTERS)[number]['key'];

export interface FilterOptions {
  scorecardId?: string;
  values: Record<EntityFilterKey, string[]>;
  /** Owner refs to team titles, from `byTeam`. */
  ownerTitles: Record<string, string>;
}

const noValues = (): FilterOptions['values'] => ({
  owner: [],
  system: [],
  kind: [],
  type: [],
  lifecycle: [],
  tier: [],
});

/** Adds the values of one response to those seen before (of the same scorecard). */
function mergeOptions(previous: FilterOptions, overview: ScorecardOverviewResponse): FilterOptions {
  const same = previous.scorecardId === overview.scorecard.id;
  const values = same ? previous.values : noValues();
  const merged = noValues();
  for (const { key, field } of ENTITY_FILTERS) {
    const set = new Set(values[key]);
    for (const entity of overview.entities) {
      const value = entity[field];
      if (value) set.add(value);
    }
    merged[key] = [...set].sort((a, b) => a.localeCompare(b));
  }
  const ownerTitles = { ...(same ? previous.ownerTitles : {}) };
  for (const team of overview.byTeam) if (team.ownerRef && team.title) ownerTitles[team.ownerRef] = team.title;
  return { scorecardId: overview.scorecard.id, values: merged, ownerTitles };
}

/**
 * The choices of each select: every value seen in this scorecard's responses so far. The first, unfiltered load
 * has them all; a shared filtered link starts with fewer and gains the rest as filters are cleared (the response
 * lists no facets of its own).
 */
export function useFilterOptions(overview: ScorecardOverviewResponse | undefined): FilterOptions {
  const [options, setOptions] = useState<FilterOptions>({ values: noValues(), ownerTitles: {} });
  useEffect(() => {
    if (overview) setOptions(previous => mergeOptions(previous, overview));
  }, [overview]);
  return options;
}
