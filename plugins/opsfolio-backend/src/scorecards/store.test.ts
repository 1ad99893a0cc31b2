import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import { ScorecardStore } from './store';

const info = { entityRef: 'component:default/a', kind: 'component' };
const results = [{ checkId: 'runbook', state: 'fail' as const, reason: 'Runbook link: no (needs yes).', since: '2026-01-01T00:00:00.000Z', value: false }];

describe.each(TEST_DATABASES)('scorecard store on %s', kind => {
  let db: TestDatabase;
  let store: ScorecardStore;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    store = new ScorecardStore(db.knex);
  });
  afterAll(async () => db.destroy());

  it('keeps the latest evaluation per entity and drops entities the scorecard no longer covers', async () => {
    const evaluation = { entityRef: 'component:default/a', level: null, passing: 0, total: 1, info, results, exemptionProblems: ['x'], evaluatedAt: '2026-11-22T10:00:00.000Z' };
    await store.write('ready', { upserts: [evaluation, { ...evaluation, entityRef: 'component:default/b' }], deletes: [], transitions: [], levelChanges: [], daily: [] });
    await store.write('ready', { upserts: [{ ...evaluation, level: 'bronze', passing: 1 }], deletes: ['component:default/b'], transitions: [], levelChanges: [], daily: [] });
    const all = await store.entities('ready');
    expect([...all.keys()]).toEqual(['component:default/a']);
    expect(all.get('component:default/a')).toEqual({ ...evaluation, level: 'bronze', passing: 1 });
    expect(await store.entity('ready', 'Component:default/A')).toMatchObject({ level: 'bronze' });
    expect(store.version).toBe(2);
  });

  it('prunes snapshots, transitions and level changes older than the retention, keeping the rest', async () => {
    const daily = (day: string) => ({ entityRef: 'component:default/a', day, level: 'bronze', passing: 1, total: 1 });
    const transition = (at: string) => ({ entityRef: 'component:default/a', at, checkId: 'runbook', from: 'fail' as const, to: 'pass' as const, value: true, reason: 'r' });
    await store.write('ready', {
      upserts: [],
      deletes: [],
      daily: [daily('2025-11-21'), daily('2025-11-22'), daily('2026-11-22')],
      transitions: [transition('2025-11-21T23:59:59.000Z'), transition('2025-11-22T00:00:00.000Z')],
      levelChanges: [{ entityRef: 'component:default/a', at: '2025-11-21T12:00:00.000Z', from: null, to: 'bronze', because: [] }],
    });
    await store.prune('2025-11-22');
    expect((await store.daily('ready', '2000-01-01')).map(d => d.day)).toEqual(['2025-11-22', '2026-11-22']);
    const history = await store.history('ready', 'component:default/a', '2000-01-01');
    expect(history.transitions.map(t => t.at)).toEqual(['2025-11-22T00:00:00.000Z']);
    expect(history.transitions[0]).toMatchObject({ checkId: 'runbook', from: 'fail', to: 'pass', value: true });
    expect(history.levelChanges).toEqual([]);
    expect(await store.daysWithSnapshots('ready', '2026-01-01')).toEqual(new Set(['2026-11-22']));
  });
});
