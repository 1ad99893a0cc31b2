import { OverviewDataLoader } from './overviewData';
import { PRODUCTION_READINESS } from './productionReadiness';
import type { ScorecardStore, StoredEvaluation } from './ScorecardStore';

const evaluation = (entityRef: string, level: string | null): StoredEvaluation => ({
  entityRef,
  level,
  passing: 1,
  total: 1,
  info: { entityRef, kind: 'component' },
  results: [],
  exemptionProblems: [],
  evaluatedAt: '2026-11-22T10:00:00.000Z',
});

/** A store whose reads the test releases one at a time, to see what callers get while a reload is under way. */
function slowStore() {
  const pending: Array<() => void> = [];
  const store = {
    version: 0,
    rows: [evaluation('component:default/a', 'bronze')],
    async entities() {
      const rows = [...store.rows];
      await new Promise<void>(resolve => pending.push(resolve));
      return new Map(rows.map(r => [r.entityRef, r]));
    },
    async daily() {
      return [{ entityRef: 'component:default/a', day: '2026-11-22', level: 'bronze', passing: 1, total: 1 }];
    },
  };
  return { store, release: () => pending.splice(0).forEach(r => r()) };
}

const ownership = { ownerTitles: async () => new Map<string, string | undefined>() };
const NOW = new Date('2026-11-22T12:00:00Z');
const tick = () => new Promise(resolve => setImmediate(resolve));

describe('OverviewDataLoader', () => {
  it('answers with the data read before while a newer write is being read, then with the new data', async () => {
    const { store, release } = slowStore();
    const loader = new OverviewDataLoader({ store: store as unknown as ScorecardStore, ownership, generation: async () => store.version, now: () => NOW });

    const first = loader.get(PRODUCTION_READINESS);
    await tick();
    release();
    expect((await first).evaluations.map(e => e.level)).toEqual(['bronze']);
    expect((await first).trendLevels[0].at(-1)).toBe(0);

    // An evaluation stored a new level (the generation moved): the next request does not wait for the reload.
    store.rows = [evaluation('component:default/a', 'gold')];
    store.version += 1;
    const during = await loader.get(PRODUCTION_READINESS);
    expect(during.evaluations.map(e => e.level)).toEqual(['bronze']);
    expect(await loader.get(PRODUCTION_READINESS)).toBe(during);

    release();
    await new Promise(resolve => setImmediate(resolve));
    expect((await loader.get(PRODUCTION_READINESS)).evaluations.map(e => e.level)).toEqual(['gold']);
  });

  it('keeps the data it has when a reload fails, and tries again on the next request', async () => {
    const { store, release } = slowStore();
    const loader = new OverviewDataLoader({ store: store as unknown as ScorecardStore, ownership, generation: async () => store.version, now: () => NOW });
    const first = loader.get(PRODUCTION_READINESS);
    await tick();
    release();
    await first;

    store.version += 1;
    const failing = store.entities;
    store.entities = async () => {
      throw new Error('database went away');
    };
    expect((await loader.get(PRODUCTION_READINESS)).evaluations).toHaveLength(1);
    await new Promise(resolve => setImmediate(resolve));

    store.entities = failing;
    store.rows = [evaluation('component:default/a', 'silver')];
    expect((await loader.get(PRODUCTION_READINESS)).evaluations.map(e => e.level)).toEqual(['bronze']);
    release();
    await new Promise(resolve => setImmediate(resolve));
    expect((await loader.get(PRODUCTION_READINESS)).evaluations.map(e => e.level)).toEqual(['silver']);
  });
});
