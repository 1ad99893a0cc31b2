import type { CheckState } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText, OpsfolioT } from '../translation/format';

// Exempt and not-applicable checks count toward a level, as the backend counts them.
const PASSING: ReadonlySet<CheckState> = new Set(['pass', 'exempt', 'not-applicable']);

/** True when the check does not hold the entity back from its level. */
export const countsAsPassing = (state: CheckState) => PASSING.has(state);

// The message key of each state: keys are camelCase, states are not.
const STATE_KEY = {
  pass: 'pass',
  fail: 'fail',
  exempt: 'exempt',
  'not-applicable': 'notApplicable',
  'not-reported': 'notReported',
  stale: 'stale',
} as const satisfies Record<CheckState, string>;

/** What a state is called on a chip: "pass", "not reported". */
export const stateLabel = (t: OpsfolioT, state: CheckState) => t(`scorecards.state.label.${STATE_KEY[state]}`);

/** "failing since 3 days ago": how a state reads with the time it started. */
export const stateSince = (text: OpsfolioText, state: CheckState, since: string) =>
  text.t(`scorecards.state.since.${STATE_KEY[state]}`, { age: text.format.age(since) });

// On the card, the checks to act on first: a failure is a known problem, stale and missing data come after.
const URGENCY: Record<CheckState, number> = {
  fail: 0,
  stale: 1,
  'not-reported': 2,
  exempt: 3,
  'not-applicable': 4,
  pass: 5,
};

export const byUrgency = (a: CheckState, b: CheckState) => URGENCY[a] - URGENCY[b];
