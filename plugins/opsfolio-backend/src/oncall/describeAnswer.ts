import { DAY_MS, type OnCallSourceAnswer } from '@opsfolio/backstage-plugin-common';
import { coverageGaps } from './coverage';
import type { OnCallAnswer } from './liveOnCall';
import { escalationFacts } from './responseTimes';

/** How far ahead schedules are checked for gaps. */
export const COVERAGE_DAYS = 14;

/** One source's live answer with its escalation facts and schedule gaps, as the entity and team routes serve it. */
export function describeAnswer(answer: OnCallAnswer): OnCallSourceAnswer {
  const onCall = answer.onCall;
  return {
    ...answer,
    escalation: onCall ? escalationFacts(onCall) : undefined,
    // From the read, not from now: the entries were fetched for the fortnight after the read.
    coverage: onCall?.schedules?.map(schedule => {
      const from = new Date(onCall.readAt);
      return {
        scheduleName: schedule.name,
        ...coverageGaps(schedule.entries, { from, to: new Date(from.getTime() + COVERAGE_DAYS * DAY_MS) }),
      };
    }),
  };
}
