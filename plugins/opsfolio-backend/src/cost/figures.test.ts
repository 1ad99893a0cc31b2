import { eachDay } from '@opsfolio/backstage-plugin-common';
import { costRecord } from '../testing/costRecords';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DatabaseCostStore } from './DatabaseCostStore';
import { figuresByTag } from './figures';

const daily = (from: string, to: string, tag: string, amount: number) => eachDay(from, to).map(day => costRecord(day, tag, amount));

/**
 * Today is 16 June (30 days). Cost Explorer has a partial 16th; the FOCUS export is a day behind, through
 * the 14th; an old export stopped at the end of May.
 */
describe('the month-end forecast with sources that end on different days', () => {
  let db: TestDatabase;
  let store: DatabaseCostStore;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    store = new DatabaseCostStore(db.knex);
    await store.replaceDays('aws', { from: '2026-05-20', to: '2026-06-17' }, [
      ...daily('2026-05-20', '2026-06-16', 'payments', 10),
      costRecord('2026-06-16', 'payments', 4, { estimated: true }), // today, partial
    ]);
    await store.replaceDays('focus', { from: '2026-05-20', to: '2026-06-15' }, [
      ...daily('2026-05-20', '2026-06-15', 'fraud-scoring', 20),
      ...daily('2026-05-20', '2026-06-15', 'payments', 2),
    ]);
    await store.replaceDays('focus-old', { from: '2026-05-01', to: '2026-06-01' }, daily('2026-05-01', '2026-06-01', 'legacy', 5));
  });
  afterEach(async () => db.destroy());

  it("forecasts each source from its own last day: a lagging export's missing day is unknown, not zero", async () => {
    const figures = await figuresByTag(store, '2026-06-16');
    // FOCUS only: known 1st-14th = 14 × 20 = 280; run rate over 8th-14th = 140 / 7 = 20; 16 days left (15th-30th).
    // 280 + 16 × 20 = 600. Cut off at Cost Explorer's day instead, the 15th counted as a zero-spend known day:
    // 280 + 15 × (120 / 7) = 537.14, 10.5 % short.
    expect(figures.get('fraud-scoring')!.forecast.USD).toBeCloseTo(600, 9);
    expect(figures.get('fraud-scoring')!.monthToDate).toEqual({ USD: 280 });
    // Both sources: Cost Explorer known 1st-15th = 150, rate 10, 15 days left → 300; FOCUS 28 + 16 × 2 = 60.
    expect(figures.get('payments')!.forecast.USD).toBeCloseTo(360, 9);
    expect(figures.get('payments')!.monthToDate).toEqual({ USD: 150 + 4 + 28 }); // today's partial 4 included
  });

  it('forecasts nothing more for a source that stopped reporting more than 7 days ago', async () => {
    const legacy = (await figuresByTag(store, '2026-06-16')).get('legacy')!;
    // May: 31 × 5 = 155. June: no day known, and none forecast (not 30 × 5 = 150 from May's rate).
    expect(legacy.lastMonth).toEqual({ USD: 155 });
    expect(legacy.forecast).toEqual({});
  });

  it('reads the same figures for the tag values asked for as for all of them', async () => {
    const some = await figuresByTag(store, '2026-06-16', ['payments']);
    expect([...some.keys()]).toEqual(['payments']);
    expect(some.get('payments')!.forecast.USD).toBeCloseTo(360, 9);
  });
});
