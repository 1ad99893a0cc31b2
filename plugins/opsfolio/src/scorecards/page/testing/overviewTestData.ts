import type { CheckState, Scorecard, ScorecardOverviewEntity, ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';

// Hand-made overview responses for the readiness page tests.
const fix = { text: 'See the runbook' };

const production: Scorecard = {
  id: 'production',
  title: 'Production readiness',
  description: 'What a service needs before it takes traffic.',
  filter: { kind: ['component'] },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  checks: [
    { id: 'has-owner', title: 'Has an owning team', fact: 'ownership.ownerIsGroup', operator: '=', threshold: true, level: 'bronze', description: '', fix },
    { id: 'oncall', title: 'On-call rota', fact: 'oncall.escalationLevels', operator: '>=', threshold: 2, level: 'silver', description: '', fix },
    { id: 'dora', title: 'Deploys weekly', fact: 'deploys.perWeek', operator: '>=', threshold: 1, level: 'gold', description: '', fix },
  ],
};

const counts = (c: Partial<Record<CheckState, number>>): Record<CheckState, number> => ({
  pass: 0,
  fail: 0,
  exempt: 0,
  'not-applicable': 0,
  'not-reported': 0,
  stale: 0,
  ...c,
});

const entity = (name: string, over: Partial<ScorecardOverviewEntity> = {}): ScorecardOverviewEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  type: 'service',
  lifecycle: 'production',
  tier: '1',
  ownerRef: 'group:default/payments',
  system: 'system:default/storefront',
  level: 'gold',
  passing: 3,
  total: 3,
  failing: [],
  evaluatedAt: '2026-06-15T06:00:00Z',
  ...over,
});

export const overview: ScorecardOverviewResponse = {
  scorecard: production,
  scorecards: [
    { id: 'production', title: 'Production readiness' },
    { id: 'security', title: 'Security' },
  ],
  filters: {},
  entities: [
    entity('payments-api'),
    entity('refunds', { level: 'bronze', passing: 1, failing: ['oncall', 'dora'], tier: '2' }),
    entity('search-api', { ownerRef: 'group:default/search', system: 'system:default/discovery', level: null, passing: 0, failing: ['has-owner', 'oncall', 'dora'], type: 'website' }),
  ],
  byTeam: [
    { ownerRef: 'group:default/payments', title: 'Payments', total: 2, levels: { none: 0, bronze: 1, silver: 0, gold: 1 } },
    { ownerRef: 'group:default/search', title: 'Search', total: 1, levels: { none: 1 } },
  ],
  checks: [
    { checkId: 'has-owner', title: 'Has an owning team', level: 'bronze', counts: counts({ pass: 2, fail: 1 }), passRate: 2 / 3 },
    { checkId: 'oncall', title: 'On-call rota', level: 'silver', counts: counts({ pass: 1, fail: 1, 'not-reported': 1, exempt: 1 }), passRate: 0.5 },
    { checkId: 'dora', title: 'Deploys weekly', level: 'gold', counts: counts({ 'not-applicable': 3 }), passRate: null },
  ],
  trend: [
    { day: '2026-06-14', levels: { none: 2, bronze: 1 } },
    { day: '2026-06-15', levels: { none: 1, bronze: 1, gold: 1 } },
  ],
  evaluatedAt: '2026-06-15T06:00:00Z',
};

/** The overview with `n` entities, for the windowing test. */
export const manyEntities = (n: number): ScorecardOverviewResponse => ({
  ...overview,
  entities: Array.from({ length: n }, (_, i) => entity(`svc-${String(i).padStart(5, '0')}`)),
});
