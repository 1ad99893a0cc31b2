import { type EscalationFacts, HOUR_MS, type Incident, type MeanDuration, type OnCallNow, type ResponseTimes } from '@opsfolio/backstage-plugin-common';
import { distinctPeople } from './drift';

/**
 * The fewest incidents a mean is worked out from, everywhere (cards, tab, scorecard facts): one slow incident is
 * an anecdote, not a response time.
 */
export const MIN_INCIDENTS_FOR_MEAN = 3;

const mean = (hours: number[], minSampleSize: number): MeanDuration => ({
  hours: hours.length && hours.length >= minSampleSize ? hours.reduce((sum, h) => sum + h, 0) / hours.length : null,
  sampleSize: hours.length,
});

/**
 * Mean time to acknowledge and to resolve the incidents of one entity created in a window. Pure.
 *
 * - Only incidents created in the window count (`from` inclusive, `to` exclusive, compared as instants),
 *   however late they were acknowledged or resolved: a 30-day figure is about the last 30 days' incidents.
 * - MTTA: mean hours from creation to the first acknowledgement, over incidents with an acknowledgement.
 *   An incident resolved without one is left out (and counted in `resolvedWithoutAck`) rather than taking
 *   its resolution as the acknowledgement: most such incidents are alerts that cleared by themselves or
 *   were closed by a tool, and their resolution time says nothing about how fast a person answered the
 *   page. Taken as acknowledgements, minutes-long auto-resolves would flatter MTTA and hours-long
 *   unanswered ones would inflate it. MTTA measures people responding, so it keeps to pages somebody took;
 *   MTTR still counts every resolved incident.
 * - MTTR: mean hours from creation to resolution, over resolved incidents with a resolution time,
 *   acknowledged or not.
 * - A duration below zero (an acknowledgement or resolution stamped before the creation: clock skew or a
 *   bad push) is left out of its mean; zero counts.
 * - Each figure is `null` below `minSampleSize` incidents; `sampleSize` says how many there were.
 * - `open`: incidents triggered or acknowledged now, whenever they were created.
 */
export function responseTimes(
  incidents: readonly Incident[],
  window: { from: Date; to: Date },
  minSampleSize = MIN_INCIDENTS_FOR_MEAN,
): ResponseTimes {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new TypeError('responseTimes: the window needs valid dates');

  const toAck: number[] = [];
  const toResolve: number[] = [];
  let resolvedWithoutAck = 0;
  for (const incident of incidents) {
    const created = Date.parse(incident.createdAt);
    if (!(created >= from && created < to)) continue;
    const hoursTo = (at: string) => (Date.parse(at) - created) / HOUR_MS;
    if (incident.acknowledgedAt !== undefined) {
      const hours = hoursTo(incident.acknowledgedAt);
      if (hours >= 0) toAck.push(hours);
    } else if (incident.status === 'resolved') {
      resolvedWithoutAck += 1;
    }
    if (incident.status === 'resolved' && incident.resolvedAt !== undefined) {
      const hours = hoursTo(incident.resolvedAt);
      if (hours >= 0) toResolve.push(hours);
    }
  }

  return {
    mtta: { ...mean(toAck, minSampleSize), resolvedWithoutAck },
    mttr: mean(toResolve, minSampleSize),
    open: incidents.filter(i => i.status === 'triggered' || i.status === 'acknowledged').length,
  };
}

/**
 * The escalation of a service as it stands at `onCall.readAt`. Pure.
 *
 * Only shifts running at that instant count (`start` ≤ readAt < `end`; no start or no end is open on that
 * side, so a direct target always counts). People are counted once per level however many schedules put
 * them there ({@link distinctPeople}: email, else vendor id, else normalised name). `levels` is the policy's
 * number of levels, or the highest level with a shift when that is higher (or there is no policy); every
 * level from 1 to `levels` appears in `respondersPerLevel`, with 0 when nobody is on call at it.
 */
export function escalationFacts(onCall: OnCallNow): EscalationFacts {
  const at = Date.parse(onCall.readAt);
  if (Number.isNaN(at)) throw new TypeError('escalationFacts: readAt must be a valid instant');
  const running = onCall.shifts.filter(
    s => (s.start === undefined || Date.parse(s.start) <= at) && (s.end === undefined || at < Date.parse(s.end)),
  );
  const shiftLevels = onCall.shifts.map(s => s.level).filter(Number.isInteger);
  const levels = Math.max(onCall.escalationPolicy?.levels ?? 0, ...shiftLevels, 0);

  const respondersPerLevel: Record<number, number> = {};
  const emptyLevels: number[] = [];
  for (let level = 1; level <= levels; level++) {
    const people = distinctPeople(running.filter(s => s.level === level).map(s => s.person));
    respondersPerLevel[level] = people.length;
    if (people.length === 0) emptyLevels.push(level);
  }
  return { levels, respondersPerLevel, emptyLevels };
}
