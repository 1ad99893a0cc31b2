import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import { costRecord } from '../testing/costRecords';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import type { CostStore } from './CostStore';
import { DatabaseCostStore } from './DatabaseCostStore';

const record = (day: string, tagValue: string, cloudService: string, amount: number, over: Partial<CostRecord> = {}) =>
  costRecord(day, tagValue, amount, { cloudService, ...over });

describe.each(TEST_DATABASES)('CostStore on %s', kind => {
  let db: TestDatabase;
  let store: CostStore;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    store = new DatabaseCostStore(db.knex);
  });
  afterEach(async () => db.destroy());

  it("keeps an entity's own tag key apart from the organisation's spend, and replaces it with the days", async () => {
    await store.replaceDays('aws', { from: '2026-10-31', to: '2026-11-03' }, [
      record('2026-10-31', 'payments-api', 'Amazon RDS', 10),
      record('2026-11-01', '', 'Amazon RDS', 7),
      // The same money by the team's own key `app`: ledger's, and app's untagged bucket (dropped).
      record('2026-10-31', 'ledger', 'Amazon RDS', 4, { tagKey: 'app' }),
      record('2026-11-01', 'ledger', 'Amazon RDS', 3, { tagKey: 'app', estimated: true }),
      record('2026-11-01', 'ledger', 'Amazon RDS', 2, { tagKey: 'app' }),
      record('2026-11-01', '', 'Amazon RDS', 7, { tagKey: 'app' }),
      // A value the organisation's key also has: apart all the same.
      record('2026-11-02', 'payments-api', 'Amazon EC2', 100, { tagKey: 'app' }),
    ]);
    const range = { from: '2026-10-01', to: '2026-12-01' };
    // The organisation's figures see only its own rows: 10 + 7, the 2nd known to cost nothing.
    expect((await store.dailyByTag(range)).map(r => [r.period, r.tagValue, r.amount])).toEqual(
      expect.arrayContaining([['2026-10-31', 'payments-api', 10], ['2026-11-01', '', 7]]),
    );
    expect(await store.dailyByTag(range)).toHaveLength(2);
    expect((await store.monthlyByTag(['2026-10', '2026-11'])).map(r => [r.period, r.tagValue, r.amount]).sort()).toEqual([
      ['2026-10', 'payments-api', 10],
      ['2026-11', '', 7],
    ]);
    expect(await store.storedDays('aws')).toEqual({ first: '2026-10-31', last: '2026-11-02', firstEstimated: undefined });
    // By the own key: 4 on 10-31, 3 + 2 = 5 on 11-01 (estimated), per month and per day.
    const own = await store.daily(['ledger', ''], range, { tagKey: 'app' });
    expect(own.map(r => [r.period, r.tagValue, r.amount, r.estimated])).toEqual(
      expect.arrayContaining([['2026-10-31', 'ledger', 4, false], ['2026-11-01', 'ledger', 5, true]]),
    );
    expect(own).toHaveLength(2);
    expect((await store.monthlyByTag(['2026-10', '2026-11'], ['ledger'], { tagKey: 'app', bySource: true })).map(r => [r.period, r.amount, r.source]).sort()).toEqual([
      ['2026-10', 4, 'aws'],
      ['2026-11', 5, 'aws'],
    ]);
    expect(await store.daily(['payments-api'], range, { tagKey: 'app' })).toMatchObject([{ period: '2026-11-02', amount: 100 }]);
    expect([await store.hasCost(['ledger'], 'app'), await store.hasCost(['ledger']), await store.hasCost(['ledger'], 'team')]).toEqual([true, false, false]);

    // A rerun of the 1st replaces its own-key rows too; other days keep theirs.
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-01', 'ledger', 'Amazon RDS', 6, { tagKey: 'app' })]);
    expect((await store.daily(['ledger'], range, { tagKey: 'app' })).map(r => [r.period, r.amount]).sort()).toEqual([
      ['2026-10-31', 4],
      ['2026-11-01', 6],
    ]);
  });

  it('adds up records with the same keys, and a rerun replaces only the days it re-fetched', async () => {
    await store.replaceDays('aws', { from: '2026-10-30', to: '2026-11-03' }, [
      record('2026-10-30', 'payments-api', 'Amazon RDS', 10),
      record('2026-10-31', 'payments-api', 'Amazon RDS', 11),
      // A page boundary split this day's group in two: the halves add up.
      record('2026-11-01', 'payments-api', 'Amazon RDS', 5.25),
      record('2026-11-01', 'payments-api', 'Amazon RDS', 6.75),
      record('2026-11-01', '', 'AWS Data Transfer', 3),
      record('2026-11-02', 'payments-api', 'Amazon RDS', 12, { estimated: true }),
      record('2026-11-02', 'payments-api', 'Amazon RDS', 9, { currency: 'EUR', estimated: true }),
    ]);
    expect(await store.storedDays('aws')).toEqual({ first: '2026-10-30', last: '2026-11-02', firstEstimated: '2026-11-02' });

    // The estimated day comes back final with another figure; the 1st is re-read unchanged.
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-03' }, [
      record('2026-11-01', 'payments-api', 'Amazon RDS', 12),
      record('2026-11-01', '', 'AWS Data Transfer', 3),
      record('2026-11-02', 'payments-api', 'Amazon RDS', 13),
    ]);
    expect(await store.storedDays('aws')).toEqual({ first: '2026-10-30', last: '2026-11-02', firstEstimated: undefined });
    const days = await store.daily(['payments-api', ''], { from: '2026-10-01', to: '2026-12-01' }, { byCloudService: true });
    const final = { estimated: false };
    expect(days.sort((a, b) => (a.period + a.tagValue).localeCompare(b.period + b.tagValue))).toEqual([
      { period: '2026-10-30', tagValue: 'payments-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 10, ...final },
      { period: '2026-10-31', tagValue: 'payments-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 11, ...final },
      { period: '2026-11-01', tagValue: '', cloudService: 'AWS Data Transfer', currency: 'USD', amount: 3, ...final },
      { period: '2026-11-01', tagValue: 'payments-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 12, ...final },
      // The EUR row of the 2nd is gone: the final read of that day had none.
      { period: '2026-11-02', tagValue: 'payments-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 13, ...final },
    ]);
    // October 10 + 11 = 21; November 12 + 13 = 25 for the service, 3 untagged.
    const months = await store.monthlyByTag(['2026-10', '2026-11']);
    expect(months.sort((a, b) => (a.period + a.tagValue).localeCompare(b.period + b.tagValue))).toEqual([
      { period: '2026-10', tagValue: 'payments-api', currency: 'USD', amount: 21 },
      { period: '2026-11', tagValue: '', currency: 'USD', amount: 3 },
      { period: '2026-11', tagValue: 'payments-api', currency: 'USD', amount: 25 },
    ]);
  });

  it('keeps sources apart and sums them in queries', async () => {
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-01', 'search', 'Amazon OpenSearch', 40)]);
    await store.replaceDays('focus', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-01', 'search', 'Azure AI Search', 2)]);
    await store.replaceDays('focus', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-01', 'search', 'Azure AI Search', 5)]);
    expect(await store.monthlyByTag(['2026-11'], ['search'])).toEqual([{ period: '2026-11', tagValue: 'search', currency: 'USD', amount: 45 }]);
    const bySource = await store.monthlyByTag(['2026-11'], ['search'], { bySource: true });
    expect(bySource.sort((a, b) => a.source!.localeCompare(b.source!))).toEqual([
      { period: '2026-11', tagValue: 'search', source: 'aws', currency: 'USD', amount: 40 },
      { period: '2026-11', tagValue: 'search', source: 'focus', currency: 'USD', amount: 5 },
    ]);
    expect(await store.sourceDays()).toEqual(
      new Map([
        ['aws', { first: '2026-11-01', last: '2026-11-01' }],
        ['focus', { first: '2026-11-01', last: '2026-11-01' }],
      ]),
    );
    expect(await store.hasCost(['search'])).toBe(true);
    expect(await store.hasCost(['nothing'])).toBe(false);
  });

  it("marks estimated per source and tag value: one service's estimated day does not mark another's", async () => {
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-03' }, [
      record('2026-11-01', 'search', 'Amazon OpenSearch', 4, { estimated: true }),
      record('2026-11-01', 'search', 'Amazon S3', 1),
      record('2026-11-02', 'payments', 'Amazon RDS', 8),
    ]);
    await store.replaceDays('focus', { from: '2026-11-02', to: '2026-11-03' }, [record('2026-11-02', 'search', 'Azure AI Search', 2, { estimated: true })]);
    const rows = await store.daily(['search', 'payments'], { from: '2026-11-01', to: '2026-11-03' });
    expect(rows.map(r => `${r.period} ${r.tagValue} ${r.amount} ${r.estimated}`).sort()).toEqual([
      '2026-11-01 search 5 true', // one of its two rows is estimated
      '2026-11-02 payments 8 false', // FOCUS's estimated 2nd is search's, not payments'
      '2026-11-02 search 2 true',
    ]);
  });

  it('refuses a record outside the days being replaced, and keeps what was stored', async () => {
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-01', 'a', 'S3', 1)]);
    await expect(
      store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-02' }, [record('2026-11-02', 'a', 'S3', 1)]),
    ).rejects.toThrow('aws reported cost for 2026-11-02, outside the days it replaces [2026-11-01, 2026-11-02)');
    expect(await store.monthlyByTag(['2026-11'])).toEqual([{ period: '2026-11', tagValue: 'a', currency: 'USD', amount: 1 }]);
  });

  it('marks days without records as covered, so they count as zero rather than unknown', async () => {
    await store.replaceDays('aws', { from: '2026-11-01', to: '2026-11-04' }, [record('2026-11-01', 'a', 'S3', 1)]);
    expect(await store.coveredDays()).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-03' });
  });
});
