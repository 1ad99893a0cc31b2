import { DAY_MS, type FactDescription, HOUR_MS, type Incident } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';
import { coverageGaps } from '../../oncall/coverage';
import { COVERAGE_DAYS } from '../../oncall/describeAnswer';
import { escalationFacts, MIN_INCIDENTS_FOR_MEAN, responseTimes } from '../../oncall/responseTimes';
import type { OnCallService } from '../../oncall/OnCallService';
import type { OwnershipService } from '../../ownership/OwnershipService';
import { oldestOf, type SourceFreshness } from './sourceFreshness';

/** Response times and incident counts are taken over this many days. */
const INCIDENT_DAYS = 90;

export const ONCALL_FACTS: FactDescription[] = [
  { id: 'oncall.mapped', pillar: 'oncall', title: 'On-call mapped', type: 'boolean', description: 'The entity names an on-call service (PagerDuty, Opsgenie).' },
  { id: 'oncall.escalationLevels', pillar: 'oncall', title: 'Escalation levels', type: 'number', description: 'Levels of the escalation policy (the most of any on-call source).' },
  { id: 'oncall.emptyLevels', pillar: 'oncall', title: 'Escalation levels with nobody on call', type: 'number', description: 'Levels nobody is on call at, as last read.' },
  { id: 'oncall.scheduleGapHours', pillar: 'oncall', title: `Schedule gaps in the next ${COVERAGE_DAYS} days`, type: 'hours', description: `Hours without anyone on call in the schedules behind the levels over the ${COVERAGE_DAYS} days after the last read.` },
  { id: 'oncall.rotaMatchesOwner', pillar: 'oncall', title: 'Rota matches the owning team', type: 'boolean', description: 'Everyone on the rota belongs to the owning team.' },
  { id: 'oncall.mttaHours', pillar: 'oncall', title: 'MTTA', type: 'hours', description: `Mean time to acknowledge over the incidents of the last ${INCIDENT_DAYS} days, from ${MIN_INCIDENTS_FOR_MEAN} acknowledged incidents; fewer incidents than that: nothing to judge.` },
  { id: 'oncall.mttrHours', pillar: 'oncall', title: 'MTTR', type: 'hours', description: `Mean time to resolve over the incidents of the last ${INCIDENT_DAYS} days, from ${MIN_INCIDENTS_FOR_MEAN} resolved incidents; fewer incidents than that: nothing to judge.` },
  { id: 'oncall.openIncidents', pillar: 'oncall', title: 'Open incidents', type: 'number', description: 'Incidents triggered or acknowledged and not resolved.' },
  { id: 'oncall.incidents90d', pillar: 'oncall', title: `Incidents in ${INCIDENT_DAYS} days`, type: 'number', description: `Incidents created in the last ${INCIDENT_DAYS} days.` },
];

const round = (n: number) => Math.round(n * 100) / 100;

/** Open at an instant: created by then and not resolved by then. */
const openAt = (i: Incident, at: number) => Date.parse(i.createdAt) <= at && (i.resolvedAt === undefined ? i.status !== 'resolved' : Date.parse(i.resolvedAt) > at);

/** On-call facts from the stored reads and incidents: two queries for every entity. */
export function onCallFactProvider(deps: {
  onCall: OnCallService;
  ownership: Pick<OwnershipService, 'all'>;
  freshness: (sourceIds: string[]) => Promise<Map<string, SourceFreshness>>;
}): FactProvider {
  return {
    id: 'oncall',
    facts: ONCALL_FACTS,
    async collect(subjects, { asOf, historical }) {
      const result = new Map<string, Record<string, FactAnswer>>();
      if (deps.onCall.sources.length === 0) {
        for (const { entityRef } of subjects) result.set(entityRef, Object.fromEntries(ONCALL_FACTS.map(f => [f.id, { notReported: 'no on-call source is installed' }])));
        return result;
      }
      const at = asOf.getTime();
      const live = !historical;
      const snapshots = await deps.onCall.allLastReads();
      const incidents = await deps.onCall.allIncidentsSince(new Date(at - INCIDENT_DAYS * DAY_MS));
      const ownership = await deps.ownership.all();
      const freshness = live ? await deps.freshness(deps.onCall.sources.map(s => s.id)) : new Map<string, SourceFreshness>();
      for (const { entityRef, entity } of subjects) {
        const annotations = entity.metadata.annotations ?? {};
        const serving = deps.onCall.sources.filter(s => s.annotations.some(a => annotations[a]));
        const facts: Record<string, FactAnswer> = { 'oncall.mapped': { value: serving.length > 0 } };
        result.set(entityRef, facts);
        if (serving.length === 0) {
          const why = `not mapped to an on-call service (${[...new Set(deps.onCall.sources.flatMap(s => s.annotations))].join(' or ')})`;
          for (const f of ONCALL_FACTS.slice(1)) facts[f.id] = { notReported: why };
          continue;
        }
        const reads = (snapshots.get(entityRef) ?? []).filter(r => serving.some(s => s.id === r.source));
        const staleness = (readAt: string, source: string) => (live ? { observedAt: readAt, maxAgeMs: freshness.get(source)?.maxAgeMs } : {});
        if (reads.length === 0) {
          for (const id of ['oncall.escalationLevels', 'oncall.emptyLevels', 'oncall.scheduleGapHours', 'oncall.rotaMatchesOwner']) {
            facts[id] = { notReported: 'its on-call source has not read it yet' };
          }
        } else {
          const escalations = reads.map(r => ({ read: r, facts: escalationFacts(r) }));
          const best = escalations.reduce((a, b) => (b.facts.levels > a.facts.levels ? b : a));
          const oldest = reads.reduce((a, b) => (Date.parse(b.readAt) < Date.parse(a.readAt) ? b : a));
          facts['oncall.escalationLevels'] = { value: best.facts.levels, ...staleness(best.read.readAt, best.read.source) };
          facts['oncall.emptyLevels'] = { value: best.facts.emptyLevels.length, ...staleness(best.read.readAt, best.read.source) };
          const schedules = reads.flatMap(r => (r.schedules ?? []).map(s => ({ s, from: new Date(r.readAt) })));
          facts['oncall.scheduleGapHours'] = schedules.length
            ? {
                value: round(
                  schedules
                    .flatMap(({ s, from }) => coverageGaps(s.entries, { from, to: new Date(from.getTime() + COVERAGE_DAYS * DAY_MS) }).gaps)
                    .reduce((sum, g) => sum + (Date.parse(g.end) - Date.parse(g.start)) / HOUR_MS, 0),
                ),
                ...staleness(oldest.readAt, oldest.source),
              }
            : { notReported: 'no schedule behind its escalation levels (people paged directly)' };
          const owned = ownership.get(entityRef)?.facts;
          facts['oncall.rotaMatchesOwner'] = owned?.ownerRef
            ? { value: !owned.problems.some(p => p.kind === 'oncall-drift'), ...staleness(oldest.readAt, oldest.source) }
            : { notReported: 'the entity has no owner to compare the rota with' };
        }
        const synced = live ? oldestOf(freshness, serving.map(s => s.id)) : undefined;
        if (live && !synced && !incidents.has(entityRef)) {
          for (const id of ['oncall.mttaHours', 'oncall.mttrHours', 'oncall.openIncidents', 'oncall.incidents90d']) {
            facts[id] = { notReported: 'its incidents have not been synced yet' };
          }
          continue;
        }
        const synchronised = synced ? { observedAt: synced.observedAt, maxAgeMs: synced.maxAgeMs } : {};
        const mine = incidents.get(entityRef) ?? [];
        const times = responseTimes(mine, { from: new Date(at - INCIDENT_DAYS * DAY_MS), to: asOf });
        // No incident in the window: response times have nothing to judge. Incidents still open: not known yet.
        const quiet = { notApplicable: `no incidents in ${INCIDENT_DAYS} days` };
        const incidentsInWindow = mine.filter(i => Date.parse(i.createdAt) >= at - INCIDENT_DAYS * DAY_MS && Date.parse(i.createdAt) < at).length;
        // Below the minimum there is no mean. With fewer incidents than that in the window there is nothing to judge
        // (a well-run service has few); with enough incidents but too few resolved yet, the answer is still to come.
        const tooFew = (n: number, what: string): FactAnswer =>
          incidentsInWindow < MIN_INCIDENTS_FOR_MEAN
            ? { notApplicable: `${incidentsInWindow} incident${incidentsInWindow === 1 ? '' : 's'} in ${INCIDENT_DAYS} days: too few for a mean (${MIN_INCIDENTS_FOR_MEAN} needed)` }
            : { notReported: `${n} of ${incidentsInWindow} incidents in ${INCIDENT_DAYS} days ${what} so far: a mean needs ${MIN_INCIDENTS_FOR_MEAN}` };
        facts['oncall.mttaHours'] =
          times.mtta.hours !== null ? { value: round(times.mtta.hours), ...synchronised } : incidentsInWindow === 0 ? quiet : tooFew(times.mtta.sampleSize, 'acknowledged');
        facts['oncall.mttrHours'] =
          times.mttr.hours !== null ? { value: round(times.mttr.hours), ...synchronised } : incidentsInWindow === 0 ? quiet : tooFew(times.mttr.sampleSize, 'resolved');
        facts['oncall.openIncidents'] = { value: mine.filter(i => openAt(i, at)).length, ...synchronised };
        facts['oncall.incidents90d'] = { value: incidentsInWindow, ...synchronised };
      }
      return result;
    },
  };
}
