import type { CheckState } from '@opsfolio/backstage-plugin-common';

// Exempt and not-applicable checks count toward a level, as the backend counts them.
const PASSING: ReadonlySet<CheckState> = new Set(['pass', 'exempt', 'not-applicable']);

/** True when the check does not hold the entity back from its level. */
export const countsAsPassing = (state: CheckState) => PASSING.has(state);

/** What a state is called on a chip. */
export const STATE_LABEL: Record<CheckState, string> = {
  pass: 'pass',
  fail: 'fail',
  exempt: 'exempt',
  'not-applicable': 'not applicable',
  'not-reported': 'not reported',
  stale: 'stale',
};

/** "failing since 3 days ago": how a state reads with the time it started. */
export const STATE_SINCE: Record<CheckState, string> = {
  pass: 'passing',
  fail: 'failing',
  exempt: 'exempt',
  'not-applicable': 'not applicable',
  'not-reported': 'not reported',
  stale: 'stale',
};

// On the card, the checks to act on first: a failure is a known problem, stale and missing data come after.
const URGENCY: Record<CheckState, number> = { fail: 0, stale: 1, 'not-reported': 2, exempt: 3, 'not-applicable': 4, pass: 5 };

export const byUrgency = (a: CheckState, b: CheckState) => URGENCY[a] - URGENCY[b];
