import type { IncidentStarts } from '../deployments/DeploymentsService';
import type { OnCallService } from './OnCallService';

/** The on-call pillar's answer to what DORA's change failure rate reads: when each stored incident began. */
export function incidentStartsOf(onCall: Pick<OnCallService, 'incidentsSince' | 'allIncidentsSince'>): IncidentStarts {
  return {
    async ofEntity(entityRef, from) {
      return (await onCall.incidentsSince(entityRef, from))
        .filter(i => Date.parse(i.createdAt) >= from.getTime())
        .map(i => ({ startedAt: i.createdAt }));
    },
    async all(from) {
      const byEntity = await onCall.allIncidentsSince(from);
      return new Map([...byEntity].map(([ref, incidents]) => [ref, incidents.map(i => ({ startedAt: i.createdAt }))]));
    },
  };
}
