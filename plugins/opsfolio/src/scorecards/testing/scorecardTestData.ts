import { DAY_MS, type EntityScorecardResult, type Scorecard, type ScorecardHistoryResponse } from '@opsfolio/backstage-plugin-common';

// Hand-made responses for the scorecard tests. Times are relative to now so ages read the same on any day.
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

const levels = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

export const productionReadiness: Scorecard = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: 'What every production service needs before it is paged at night.',
  filter: { kind: ['Component'], type: ['service'] },
  levels,
  targets: { '1': 'gold' },
  checks: [
    {
      id: 'has-owner',
      title: 'Has an owner',
      fact: 'ownership.ownerExists',
      operator: '=',
      threshold: true,
      level: 'bronze',
      description: 'spec.owner names a group in the catalog.',
      fix: { text: 'Set spec.owner to a group.' },
    },
    {
      id: 'runbook',
      title: 'Runbook',
      fact: 'links.runbook',
      operator: 'exists',
      level: 'bronze',
      description: 'A metadata link of type runbook.',
      fix: { text: 'Add a runbook link.', url: 'https://docs.acme.example/runbooks' },
    },
    {
      id: 'escalation-levels',
      title: 'Escalation levels',
      fact: 'oncall.escalationLevels',
      operator: '>=',
      threshold: 2,
      level: 'silver',
      description: 'The escalation policy pages someone else when the first responder does not answer.',
      fix: { text: 'Add a second level to the escalation policy.', url: 'https://docs.acme.example/escalation' },
    },
    {
      id: 'dora-band',
      title: 'Deployment frequency band',
      fact: 'deployments.frequencyBand',
      operator: 'in',
      threshold: ['elite', 'high'],
      level: 'silver',
      description: 'Ships at least weekly.',
      fix: { text: 'Connect the deploy pipeline to Opsfolio.', url: 'https://docs.acme.example/deploys' },
    },
    {
      id: 'cost-tagged',
      title: 'Cost is tagged',
      fact: 'cost.taggedShare',
      operator: '>=',
      threshold: 0.9,
      level: 'silver',
      description: 'Most of its spend carries the cost allocation tag.',
      fix: { text: 'Tag its cloud resources.' },
    },
    {
      id: 'mtta',
      title: 'Acknowledged quickly',
      fact: 'oncall.mttaMinutes',
      operator: '<=',
      threshold: 15,
      level: 'gold',
      description: 'Median time to acknowledge over 30 days.',
      fix: { text: 'Review the paging path.' },
    },
  ],
};

/** Bronze, aiming at Gold: one failure, one source not set up, one stale fact keep it from Silver. */
export const paymentsReadiness: EntityScorecardResult = {
  scorecard: productionReadiness,
  entityRef: 'component:default/payments-api',
  applicable: true,
  level: levels[0],
  target: levels[2],
  next: { level: levels[1], passing: 2, total: 5 },
  results: [
    { checkId: 'has-owner', state: 'pass', value: true, reason: 'Owned by group:default/team-payments', since: daysAgo(40) },
    {
      checkId: 'runbook',
      state: 'exempt',
      reason: 'No runbook link (exempt until 2099-01-31)',
      since: daysAgo(10),
      exemption: { check: 'runbook', reason: 'Runbook moves to the new wiki', until: '2099-01-31', approvedBy: 'ada.okafor', expired: false },
    },
    {
      checkId: 'escalation-levels',
      state: 'fail',
      value: 1,
      reason: '1 escalation level (needs >= 2)',
      observedAt: daysAgo(0.1),
      since: daysAgo(3),
    },
    { checkId: 'dora-band', state: 'not-reported', reason: 'No deployment source reports this entity', since: daysAgo(20) },
    { checkId: 'cost-tagged', state: 'stale', value: 0.9234, reason: '92% of spend tagged (needs >= 0.9)', observedAt: daysAgo(5), since: daysAgo(2) },
    { checkId: 'mtta', state: 'fail', value: 22.456, reason: 'Median acknowledge in 22 minutes (needs <= 15)', observedAt: daysAgo(0.1), since: daysAgo(30) },
  ],
  exemptionProblems: ['The exemption for cost-tagged expired on 2026-01-31.'],
  evaluatedAt: daysAgo(0.01),
};

/** The same scorecard on a library: the filter leaves it out. */
export const notApplicable: EntityScorecardResult = {
  ...paymentsReadiness,
  entityRef: 'component:default/utils',
  applicable: false,
  level: null,
  target: undefined,
  next: undefined,
  results: [],
  exemptionProblems: [],
};

/** Silver from 12 Nov to 15 Nov, then Bronze when the escalation policy lost its second level. */
export const paymentsHistory: ScorecardHistoryResponse = {
  entityRef: 'component:default/payments-api',
  scorecardId: 'production-readiness',
  days: [
    { day: '2025-11-11', level: 'bronze', passing: 4, total: 5 },
    { day: '2025-11-12', level: 'silver', passing: 5, total: 5 },
    { day: '2025-11-15', level: 'bronze', passing: 4, total: 5 },
  ],
  transitions: [],
  levelChanges: [
    {
      at: '2025-11-12T06:00:00Z',
      from: 'bronze',
      to: 'silver',
      because: [{ at: '2025-11-12T06:00:00Z', checkId: 'cost-tagged', from: 'fail', to: 'pass', value: 0.93, reason: '93% of spend tagged (needs >= 0.9)' }],
    },
    {
      at: '2025-11-15T06:00:00Z',
      from: 'silver',
      to: 'bronze',
      because: [
        { at: '2025-11-15T06:00:00Z', checkId: 'escalation-levels', from: 'pass', to: 'fail', value: 1, reason: '1 escalation level, needs >= 2' },
      ],
    },
  ],
};
