import { DataGenerations } from '../platform/dataGenerations';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import type { ScorecardStore, EvaluationWrite, StoredEvaluation } from './ScorecardStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

const info = { entityRef: 'component:default/a', kind: 'component' };
const results = [{ checkId: 'runbook', state: 'fail' as const, reason: 'Runbook link: no (needs yes).', since: '2026-01-01T00:00:00.000Z', value: false }];
const evaluation = (over: Partial<StoredEvaluation> = {}): StoredEvaluation => ({
  entityRef: 'component:default/a',
  level: null,
  passing: 0,
  total: 1,
  info,
  results,
  exemptionProblems: ['x'],
  evaluatedAt: '2026-11-22T10:00:00.000Z',
  ...over,
});
const nothing = (): EvaluationWrite => ({ upserts: [], deletes: [], transitions: [], levelChanges: [], daily: [] });
const transition = (at: string) => ({ entityRef: 'component:default/a', at, checkId: 'runbook', from: 'fail' as const, to: 'pass' as const, value: true, reason: 'r' });

describe.each(TEST_DATABASES)('scorecard store on %s', kind => {
  let db: TestDatabase;
  let store: ScorecardStore;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    store = new DatabaseScorecardStore(db.knex);
  });
  afterEach(async () => db.destroy());

  it('keeps the latest evaluation per entity and drops entities the scorecard no longer covers', async () => {
    await store.writeEvaluation('ready', 'all', '2026-11-22T10:00:00.000Z', () => ({
      ...nothing(),
      upserts: [evaluation(), evaluation({ entityRef: 'component:default/b' })],
    }));
    const seen: string[][] = [];
    await store.writeEvaluation('ready', 'all', '2026-11-22T10:30:00.000Z', previous => {
      seen.push([...previous.keys()]);
      return { ...nothing(), upserts: [evaluation({ level: 'bronze', passing: 1, evaluatedAt: '2026-11-22T10:30:00.000Z' })], deletes: ['component:default/b'] };
    });
    // The second write compared with what the first stored, read inside its transaction.
    expect(seen).toEqual([['component:default/a', 'component:default/b']]);
    const all = await store.entities('ready');
    expect([...all.keys()]).toEqual(['component:default/a']);
    expect(all.get('component:default/a')).toEqual(evaluation({ level: 'bronze', passing: 1, evaluatedAt: '2026-11-22T10:30:00.000Z' }));
    expect(await store.entity('ready', 'Component:default/A')).toMatchObject({ level: 'bronze' });
    // Each write moved the scorecards' data generation, which every replica's caches compare with.
    expect(await new DataGenerations(db.knex).current('scorecards')).toBe(2);
  });

  it('never lets an older evaluation overwrite a newer one', async () => {
    await store.writeEvaluation('ready', { entityRefs: ['component:default/a'] }, '2026-11-22T10:30:00.000Z', () => ({
      ...nothing(),
      upserts: [evaluation({ level: 'silver', evaluatedAt: '2026-11-22T10:30:00.000Z' })],
    }));
    // A scheduled run that read its facts at 10:00 finishes after the 10:30 refresh stored.
    const written = await store.writeEvaluation('ready', 'all', '2026-11-22T10:00:00.000Z', () => ({
      ...nothing(),
      upserts: [evaluation({ level: 'bronze' })],
      transitions: [transition('2026-11-22T10:00:00.000Z')],
    }));
    expect(written.upserts).toEqual([]);
    expect(written.transitions).toEqual([]);
    expect((await store.entity('ready', 'component:default/a'))?.level).toBe('silver');
    expect((await store.history('ready', 'component:default/a', '2000-01-01')).transitions).toEqual([]);
  });

  it('records a transition and a level change once, however often they are written', async () => {
    const write = () => ({
      ...nothing(),
      transitions: [transition('2026-11-22T10:00:00.000Z')],
      levelChanges: [{ entityRef: 'component:default/a', at: '2026-11-22T10:00:00.000Z', from: null, to: 'bronze', because: [] }],
    });
    await store.writeEvaluation('ready', { entityRefs: ['component:default/a'] }, '2026-11-22T10:00:00.000Z', write);
    await store.writeEvaluation('ready', { entityRefs: ['component:default/a'] }, '2026-11-22T10:00:00.000Z', write);
    const history = await store.history('ready', 'component:default/a', '2000-01-01');
    expect([history.transitions.length, history.levelChanges.length]).toEqual([1, 1]);
  });

  it('serialises concurrent evaluations of a scorecard, each comparing with the one before', async () => {
    // Ten writers, each recording the level it saw stored plus one: lost updates would repeat a level.
    const bump = (at: string) =>
      store.writeEvaluation('ready', { entityRefs: ['component:default/a'] }, at, previous => {
        const before = Number(previous.get('component:default/a')?.passing ?? 0);
        return { ...nothing(), upserts: [evaluation({ passing: before + 1, evaluatedAt: at })] };
      });
    await Promise.all(Array.from({ length: 10 }, () => bump('2026-11-22T10:00:00.000Z')));
    expect((await store.entity('ready', 'component:default/a'))?.passing).toBe(10);
  });

  it('prunes snapshots, transitions and level changes older than the retention, keeping the rest', async () => {
    const daily = (day: string) => ({ entityRef: 'component:default/a', day, level: 'bronze', passing: 1, total: 1 });
    await store.writeDaily('ready', [daily('2025-11-21'), daily('2025-11-22'), daily('2026-11-22')]);
    await store.writeEvaluation('ready', { entityRefs: ['component:default/a'] }, '2026-11-22T10:00:00.000Z', () => ({
      ...nothing(),
      transitions: [transition('2025-11-21T23:59:59.000Z'), transition('2025-11-22T00:00:00.000Z')],
      levelChanges: [{ entityRef: 'component:default/a', at: '2025-11-21T12:00:00.000Z', from: null, to: 'bronze', because: [] }],
    }));
    await store.prune('2025-11-22');
    expect((await store.daily('ready', '2000-01-01')).map(d => d.day)).toEqual(['2025-11-22', '2026-11-22']);
    const history = await store.history('ready', 'component:default/a', '2000-01-01');
    expect(history.transitions.map(t => t.at)).toEqual(['2025-11-22T00:00:00.000Z']);
    expect(history.transitions[0]).toMatchObject({ checkId: 'runbook', from: 'fail', to: 'pass', value: true });
    expect(history.levelChanges).toEqual([]);
    expect(await store.daysWithSnapshots('ready', '2026-01-01')).toEqual(new Set(['2026-11-22']));
  });
});
