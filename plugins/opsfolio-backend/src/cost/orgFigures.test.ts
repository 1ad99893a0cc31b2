import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { OrgCostFigures } from './orgFigures';
import { DatabaseCostStore } from './DatabaseCostStore';
import { addDays, dayOf } from '@opsfolio/backstage-plugin-common';

describe('organisation cost figures cache', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => db.destroy());

  it('serves one computation to every reader, and recomputes after this replica stores new cost', async () => {
    const store = new DatabaseCostStore(db.knex);
    const today = dayOf(new Date());
    const spend = (amount: number) => [{ day: today, tagValue: 'a', cloudService: 'S3', currency: 'USD', amount, estimated: true }];
    await store.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(10));
    const org = new OrgCostFigures(store);
    const first = org.get(today);
    expect(org.get(today)).toBe(first);
    expect((await first).get('a')!.monthToDate).toEqual({ USD: 10 });
    await store.replaceDays('aws', { from: today, to: addDays(today, 1) }, spend(25));
    expect((await org.get(today)).get('a')!.monthToDate).toEqual({ USD: 25 });
  });

  it('recomputes when the day turns or the time to live runs out', async () => {
    const store = new DatabaseCostStore(db.knex);
    const org = new OrgCostFigures(store, 0);
    const today = dayOf(new Date());
    expect(org.get(today)).not.toBe(org.get(today));
    const daily = new OrgCostFigures(store);
    expect(daily.get(today)).not.toBe(daily.get(addDays(today, 1)));
  });
});
