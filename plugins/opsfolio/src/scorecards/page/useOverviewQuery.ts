import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ScorecardOverviewQuery } from '../../api/OpsfolioApi';

/** Every filter the overview takes, in the order the URL and the controls list them. */
const QUERY_KEYS = ['scorecard', 'owner', 'system', 'kind', 'type', 'lifecycle', 'tier', 'level'] as const satisfies ReadonlyArray<
  keyof ScorecardOverviewQuery
>;

export type QueryKey = (typeof QUERY_KEYS)[number];

/**
 * The overview's filters live in the query string, so a filtered view is a link to share; only the keys set are
 * in the query, so the API sees exactly what the URL says.
 */
export function useOverviewQuery() {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();
  // The params object is new on every render; memoising on its text keeps the query (and the fetch) stable.
  const query = useMemo(() => {
    const current = new URLSearchParams(serialized);
    const q: ScorecardOverviewQuery = {};
    for (const key of QUERY_KEYS) {
      const value = current.get(key);
      if (value) q[key] = value;
    }
    return q;
  }, [serialized]);

  /** Sets (or, with an empty value, clears) several filters in one history entry. */
  const setFilters = (changes: Partial<Record<QueryKey, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Level ids belong to one scorecard: another scorecard starts without the level filter.
    if (changes.scorecard !== undefined && changes.scorecard !== query.scorecard && !('level' in changes)) next.delete('level');
    setParams(next, { replace: true });
  };

  const clearFilters = () => setFilters(Object.fromEntries(QUERY_KEYS.filter(k => k !== 'scorecard').map(k => [k, undefined])));

  return { query, setFilters, clearFilters };
}
