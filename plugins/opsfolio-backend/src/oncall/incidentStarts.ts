import type { IncidentStarts } from '../deployments/DeploymentsService';
import type { OnCallStore } from './store';

/** The on-call pillar's answer to what DORA's change failure rate reads: when each stored incident began. */
export function incidentStartsOf(store: OnCallStore): IncidentStarts {
  return {
    async ofEntity(entityRef, from) {
      return (await store.forResponseTimes(entityRef, from))
        .filter(i => Date.parse(i.createdAt) >= from.getTime())
        .map(i => ({ startedAt: i.createdAt }));
    },
    async all(from) {
      const byEntity = await store.allForResponseTimes(from);
      return new Map([...byEntity].map(([ref, incidents]) => [ref, incidents.map(i => ({ startedAt: i.createdAt }))]));
    },
  };
}
