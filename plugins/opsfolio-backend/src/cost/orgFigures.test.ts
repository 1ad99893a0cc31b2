import { addDays, dayOf } from '@opsfolio/backstage-plugin-common';
import { DataGenerations } from '../platform/dataGenerations';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DatabaseCostStore } from './DatabaseCostStore';
import { OrgCostFigures } from './orgFigures';

describe('organisation cost figures cache', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => db.destroy());

  const today = dayOf(new Date());
  const spend = (amount: number) => [{ day: today, tagValue: 'a', cloudService: 'S3', currency: 'USD', amount, estimated: true }];

  it('serves one computation to every reader, and recomputes after this replica stores new cost', async () => {
    const generations = new DataGenerations(db.knex);
    const store = new DatabaseCostStore(db.knex, generations);
    await store.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(10));
    const org = new OrgCostFigures(store, () => generations.current('cost'));
    const first = await org.get(today);
    expect(await org.get(today)).toBe(first);
    expect(first.get('a')!.monthToDate).toEqual({ USD: 10 });
    await store.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(25));
    expect((await org.get(today)).get('a')!.monthToDate).toEqual({ USD: 25 });
  });

  it("recomputes after another replica's write once this one next checks the generation", async () => {
    let clock = 0;
    // Two replicas: each has its own store and generations over the one database.
    const mine = new DataGenerations(db.knex, { checkEveryMs: 5_000, now: () => clock });
    const other = new DatabaseCostStore(db.knex, new DataGenerations(db.knex));
    await other.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(10));
    const org = new OrgCostFigures(new DatabaseCostStore(db.knex, mine), () => mine.current('cost'));
    expect((await org.get(today)).get('a')!.monthToDate).toEqual({ USD: 10 });

    await other.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(25));
    clock = 4_999;
    expect((await org.get(today)).get('a')!.monthToDate).toEqual({ USD: 10 });
    clock = 5_000;
    expect((await org.get(today)).get('a')!.monthToDate).toEqual({ USD: 25 });
  });

  it('recomputes when the day turns or the time to live runs out', async () => {
    const generations = new DataGenerations(db.knex);
    const store = new DatabaseCostStore(db.knex, generations);
    await store.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(10));
    const org = new OrgCostFigures(store, () => generations.current('cost'), 0);
    expect(await org.get(today)).not.toBe(await org.get(today));
    const daily = new OrgCostFigures(store, () => generations.current('cost'));
    expect(await daily.get(today)).not.toBe(await daily.get(addDays(today, 1)));
  });
});
