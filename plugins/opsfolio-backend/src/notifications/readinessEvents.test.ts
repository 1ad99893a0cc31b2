import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import type { StoredEvaluation } from '../scorecards/ScorecardStore';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import { readinessEvents } from './readinessEvents';

const check = (id: string, title: string, level: string) => ({
  id,
  title,
  fact: 'f',
  operator: '=' as const,
  threshold: true,
  level,
  description: 'd',
  fix: { text: `Fix ${id}.` },
});
const SCORECARD: Scorecard = {
  id: 'pr',
  title: 'Production readiness',
  filter: {},
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  checks: [
    check('runbook', 'Runbook linked', 'bronze'),
    check('dashboard', 'Dashboard linked', 'silver'),
    check('drills', 'Rollback drilled', 'gold'),
  ],
};

const evaluation = (name: string, owner: string | undefined, level: string | null, at: string): StoredEvaluation => ({
  entityRef: `component:default/${name}`,
  level,
  passing: 0,
  total: 3,
  info: {
    entityRef: `component:default/${name}`,
    kind: 'component',
    ...(name === 'svc-a' ? { title: 'Service A' } : {}),
    ...(owner ? { ownerRef: owner } : {}),
  },
  results: [],
  exemptionProblems: [],
  evaluatedAt: at,
});

describe.each(TEST_DATABASES)('readinessEvents on %s', kind => {
  let db: TestDatabase;
  afterEach(async () => db.destroy());

  it('tells owners of checks that passed and now fail, and of levels that went down, and nothing else', async () => {
    db = await createTestDatabase(kind);
    const store = new DatabaseScorecardStore(db.knex);
    const old = '2026-12-04T09:00:00.000Z';
    const at = '2026-12-06T09:00:00.000Z';
    const ref = (n: string) => `component:default/${n}`;
    await store.writeEvaluation('pr', 'all', old, () => ({
      upserts: [],
      deletes: [],
      // Two days old: before the window.
      transitions: [{ entityRef: ref('svc-a'), at: old, checkId: 'runbook', from: 'pass', to: 'fail', reason: 'r' }],
      levelChanges: [],
      daily: [],
    }));
    await store.writeEvaluation('pr', 'all', at, () => ({
      upserts: [
        evaluation('svc-a', 'group:default/team-a', 'silver', at),
        evaluation('svc-b', 'group:default/team-b', null, at),
        evaluation('svc-c', undefined, 'bronze', at),
      ],
      deletes: [],
      transitions: [
        { entityRef: ref('svc-a'), at, checkId: 'drills', from: 'pass', to: 'fail', reason: 'r' },
        // Exempt counts as passing: the exemption ended.
        { entityRef: ref('svc-b'), at, checkId: 'runbook', from: 'exempt', to: 'fail', reason: 'r' },
        // Late data, not a worse service.
        { entityRef: ref('svc-b'), at, checkId: 'dashboard', from: 'pass', to: 'stale', reason: 'r' },
        // Never passed.
        { entityRef: ref('svc-a'), at, checkId: 'dashboard', from: 'not-reported', to: 'fail', reason: 'r' },
        // Nobody owns svc-c.
        { entityRef: ref('svc-c'), at, checkId: 'runbook', from: 'pass', to: 'fail', reason: 'r' },
      ],
      levelChanges: [
        { entityRef: ref('svc-a'), at, from: 'gold', to: 'silver', because: [] },
        { entityRef: ref('svc-b'), at, from: 'bronze', to: null, because: [] },
        // Up is good news: not sent.
        { entityRef: ref('svc-c'), at, from: null, to: 'bronze', because: [] },
      ],
      daily: [],
    }));
    const events = await readinessEvents({ store, scorecards: [SCORECARD] }, '2026-12-05T10:00:00.000Z');
    expect(events).toEqual([
      {
        key: `check-failing|pr|${ref('svc-a')}|drills|${at}`,
        topic: 'readiness-check-failing',
        ownerRefs: ['group:default/team-a'],
        item: {
          kind: 'check-failing',
          entityRef: ref('svc-a'),
          entityTitle: 'Service A',
          scorecardTitle: 'Production readiness',
          checkTitle: 'Rollback drilled',
          fix: { text: 'Fix drills.' },
        },
      },
      {
        key: `check-failing|pr|${ref('svc-b')}|runbook|${at}`,
        topic: 'readiness-check-failing',
        ownerRefs: ['group:default/team-b'],
        item: {
          kind: 'check-failing',
          entityRef: ref('svc-b'),
          scorecardTitle: 'Production readiness',
          checkTitle: 'Runbook linked',
          fix: { text: 'Fix runbook.' },
        },
      },
      {
        key: `level-drop|pr|${ref('svc-a')}|${at}`,
        topic: 'readiness-level-drop',
        ownerRefs: ['group:default/team-a'],
        item: {
          kind: 'level-drop',
          entityRef: ref('svc-a'),
          entityTitle: 'Service A',
          scorecardTitle: 'Production readiness',
          from: 'Gold',
          to: 'Silver',
        },
      },
      {
        key: `level-drop|pr|${ref('svc-b')}|${at}`,
        topic: 'readiness-level-drop',
        ownerRefs: ['group:default/team-b'],
        item: {
          kind: 'level-drop',
          entityRef: ref('svc-b'),
          scorecardTitle: 'Production readiness',
          from: 'Bronze',
          to: null,
        },
      },
    ]);
  });
});
