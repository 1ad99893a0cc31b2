import type { CampaignState } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Every state a campaign can be in, in the order of its life: the state filter's choices. */
export const CAMPAIGN_STATES: readonly CampaignState[] = [
  'active',
  'overdue',
  'scheduled',
  'ended',
  'draft',
  'archived',
];

export interface CampaignsQuery {
  state?: CampaignState;
  owner?: string;
}

const isState = (value: string | null): value is CampaignState => CAMPAIGN_STATES.includes(value as CampaignState);

/**
 * The list's filters live in the query string, as the readiness page's do, so a filtered list is a link to share;
 * only the filters set are in the query, so the API sees exactly what the URL says.
 */
export function useCampaignsQuery() {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();
  // The params object is new on every render; memoising on its text keeps the query (and the fetch) stable.
  const query = useMemo(() => {
    const current = new URLSearchParams(serialized);
    const q: CampaignsQuery = {};
    const state = current.get('state');
    if (isState(state)) q.state = state;
    const owner = current.get('owner');
    if (owner) q.owner = owner;
    return q;
  }, [serialized]);

  /** Sets (or, with an empty value, clears) one filter. */
  const setFilter = (key: keyof CampaignsQuery, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return { query, setFilter };
}
