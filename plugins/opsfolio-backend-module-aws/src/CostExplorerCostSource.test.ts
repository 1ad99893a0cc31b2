import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import { costModel, loadScenario, parseDay, startSimulator, type CostLine, type RunningSimulator } from 'simulator';
import { CostExplorerCostSource } from './CostExplorerCostSource';
import { monthChunks } from './syncRange';
import { memoryCostContext } from './testing/memoryCostContext';
import { addDays } from '@opsfolio/backstage-plugin-common';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const PAGE_SIZE = scenario.vendors.aws.pageSize;
let clock = new Date('2026-04-12T10:30:00Z');
const now = () => clock;
const keyOf = (day: string, tagValue: string, service: string) => JSON.stringify([day, tagValue, service]);

/**
 * What Cost Explorer should report over [from, to), straight from the simulator's model: (day, tag value,
 * service) → amount, and the pages it takes when read a calendar month at a time (one page series a month).
 */
function expected(from: string, to: string, tagKey: string | ((line: CostLine) => string) = 'service') {
  const valueOf = typeof tagKey === 'function' ? tagKey : (line: CostLine) => (line.tag?.key === tagKey ? line.tag.value : '');
  const model = costModel({ scenario, now });
  const amounts = new Map<string, number>();
  let pages = 0;
  let splitDays = 0;
  for (const month of monthChunks({ from, to })) {
    let entries = 0;
    for (let day = month.from; day < month.to; day = addDays(day, 1)) {
      const groups = new Set<string>();
      for (const line of model.linesOn(parseDay(day)!)) {
        const key = keyOf(day, valueOf(line), line.service);
        amounts.set(key, (amounts.get(key) ?? 0) + line.amount);
        groups.add(key);
      }
      const size = Math.max(1, groups.size); // a day without groups still comes back, as an empty result
      // A page boundary falls inside this day's groups.
      if (Math.floor(entries / PAGE_SIZE) !== Math.floor((entries + size - 1) / PAGE_SIZE)) splitDays++;
      entries += size;
    }
    pages += Math.ceil(entries / PAGE_SIZE);
  }
  return { amounts, pages, splitDays };
}

/** The six-month backfill at 2026-04-12: one replaceDays a calendar month, oldest first, this month partial. */
const BACKFILL_MONTHS = [
  { from: '2025-10-01', to: '2025-11-01' },
  { from: '2025-11-01', to: '2025-12-01' },
  { from: '2025-12-01', to: '2026-01-01' },
  { from: '2026-01-01', to: '2026-02-01' },
  { from: '2026-02-01', to: '2026-03-01' },
  { from: '2026-03-01', to: '2026-04-01' },
  { from: '2026-04-01', to: '2026-04-13' },
];

function expectStored(records: CostRecord[], amounts: Map<string, number>) {
  const stored = new Map(records.map(r => [keyOf(r.day, r.tagValue, r.cloudService), r.amount]));
  expect([...stored.keys()].sort()).toEqual([...amounts.keys()].sort());
  for (const [key, amount] of amounts) expect(stored.get(key), key).toBeCloseTo(amount, 6);
  expect(new Set(records.map(r => r.currency))).toEqual(new Set(['USD']));
}

describe('Cost Explorer cost source against the simulator', () => {
  let simulator: RunningSimulator;
  const client = (maxAttempts = 3) =>
    new CostExplorerClient({
      region: 'us-east-1',
      endpoint: `${simulator.url}/aws`,
      credentials: { accessKeyId: 'test-key-id', secretAccessKey: 'test-secret' },
      maxAttempts,
    });
  const source = (maxAttempts?: number, maxPagesPerMonth?: number) =>
    new CostExplorerCostSource({ client: client(maxAttempts), now, maxPagesPerMonth });
  const requests = async () => (await simulator.requests('aws')).filter(r => r.headers['x-amz-target'] === 'AWSInsightsIndexService.GetCostAndUsage');

  beforeAll(async () => {
    simulator = await startSimulator({ scenario, now });
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    clock = new Date('2026-04-12T10:30:00Z');
    await simulator.clearFaults();
    await simulator.clearRequests();
  });

  it('backfills six months on the first run, a month at a time: every page, days split across pages, figures as the model says', async () => {
    const ctx = memoryCostContext();
    const result = await source().sync(ctx);
    expect(ctx.replaceCalls).toEqual(BACKFILL_MONTHS);
    const { amounts, pages, splitDays } = expected('2025-10-01', '2026-04-13');
    expect(result.items).toBe(amounts.size);
    expectStored(ctx.records(), amounts);
    // About 63 groups a day on pages of 40: most pages end inside a day, and the merge joins the halves.
    expect(pages).toBeGreaterThan(250);
    expect(splitDays).toBeGreaterThan(100);
    expect(await requests()).toHaveLength(pages);
    expect((await requests()).every(r => r.status === 200 && r.auth.scheme === 'AWS4-HMAC-SHA256')).toBe(true);
    // Spot check by hand: the untagged bucket is reporting-service (tagged: false), the untaggedCost pool and
    // feature-flags (tagged app=, not service=).
    const untagged = ctx.records().filter(r => r.tagValue === '' && r.day === '2026-04-05');
    expect(untagged.map(r => r.cloudService).sort()).toEqual([
      'AWS Data Transfer',
      'Amazon DynamoDB',
      'Amazon Elastic Compute Cloud - Compute',
      'Amazon Relational Database Service',
      'Amazon Simple Storage Service',
      'Amazon Virtual Private Cloud',
      'AmazonCloudWatch',
    ]);
    expect(ctx.records().some(r => r.tagValue === 'reporting-service')).toBe(false);
    expect(ctx.records().some(r => r.tagValue === 'payments-api')).toBe(true);
    // Estimated: this month and the two days before today; the days before October's 14th cost nothing.
    expect(ctx.days.get('2026-03-31')).toBe(false);
    expect(ctx.days.get('2026-04-01')).toBe(true);
    expect(ctx.days.get('2025-10-01')).toBe(false);
    expect(ctx.records().some(r => r.day === '2025-10-01')).toBe(false);
    expect(ctx.logs.at(-1)).toBe(
      `Cost Explorer AmortizedCost by tag service and SERVICE, 2025-10-01 to 2026-04-13 (exclusive): ${pages} request(s) in 7 month(s), ${amounts.size} records`,
    );
    expect(ctx.logs.join('\n')).not.toMatch(/test-secret|test-key-id/);
    // Progress as the cards show it: "3 of 7 months", one report as each month starts.
    expect(ctx.progressReports).toEqual(Array.from({ length: 7 }, (_, done) => ({ unit: 'months', done, total: 7 })));
  });

  it('spends requests on pages, never on entities; later runs read only the open days', async () => {
    const entity = (i: number) => ({ entityRef: `component:default/c${i}`, annotations: { 'opsfolio.io/cost-tag': `service=c${i}` } });
    const few = memoryCostContext({ entities: Array.from({ length: 10 }, (_, i) => entity(i)) });
    const many = memoryCostContext({ entities: Array.from({ length: 2000 }, (_, i) => entity(i)) });
    await source().sync(few);
    const forFew = (await requests()).length;
    await simulator.clearRequests();
    await source().sync(many);
    expect((await requests()).length).toBe(forFew);

    // Next run: from the first estimated day (the 1st of the month) through today only.
    await simulator.clearRequests();
    await source().sync(many);
    expect(many.replaceCalls.slice(BACKFILL_MONTHS.length)).toEqual([{ from: '2026-04-01', to: '2026-04-13' }]);
    expect(await requests()).toHaveLength(expected('2026-04-01', '2026-04-13').pages);
  });

  it('re-reads estimated days until they are final, replacing their figures', async () => {
    clock = new Date('2026-04-01T10:30:00Z');
    const ctx = memoryCostContext();
    const src = source();
    await src.sync(ctx);
    expect([ctx.days.get('2026-03-29'), ctx.days.get('2026-03-30'), ctx.days.get('2026-03-31')]).toEqual([false, true, true]);
    const march31 = (records: CostRecord[]) =>
      records.filter(r => r.day === '2026-03-31').reduce((sum, r) => sum + r.amount, 0);
    const before = march31(ctx.records()); // yesterday: 90 % reported

    expect(ctx.replaceCalls.at(-1)).toEqual({ from: '2026-04-01', to: '2026-04-02' });
    const firstRun = ctx.replaceCalls.length;

    clock = new Date('2026-04-04T10:30:00Z');
    await src.sync(ctx);
    // From the first estimated day, cut at the month start.
    expect(ctx.replaceCalls.slice(firstRun)).toEqual([
      { from: '2026-03-30', to: '2026-04-01' },
      { from: '2026-04-01', to: '2026-04-05' },
    ]);
    expect([ctx.days.get('2026-03-30'), ctx.days.get('2026-03-31'), ctx.days.get('2026-04-01')]).toEqual([false, false, true]);
    expect(march31(ctx.records()) / before).toBeCloseTo(1 / 0.9, 6);
    const stillOpen = ctx.records().filter(r => r.day >= '2026-03-30');
    expectStored(stillOpen, expected('2026-03-30', '2026-04-05').amounts);

    await src.sync(ctx);
    expect(ctx.replaceCalls.slice(firstRun + 2)).toEqual([{ from: '2026-04-01', to: '2026-04-05' }]);
  });

  it('retries a throttled page (HTTP 400 LimitExceededException) and completes', async () => {
    const ctx = memoryCostContext();
    await source().sync(ctx);
    await simulator.clearRequests();
    await simulator.addFault({ vendor: 'aws', path: '/', status: 429, onNth: 2 });
    await source().sync(ctx);
    const log = await requests();
    expect(log.map(r => r.status).filter(s => s !== 200)).toEqual([400]);
    expect(log).toHaveLength(expected('2026-04-01', '2026-04-13').pages + 1);
    expectStored(ctx.records().filter(r => r.day >= '2026-04-01'), expected('2026-04-01', '2026-04-13').amounts);
  });

  it('fails cleanly when throttling lasts: nothing replaced, the stored days intact', async () => {
    const ctx = memoryCostContext();
    await source().sync(ctx);
    const snapshot = JSON.stringify([ctx.records(), [...ctx.days]]);
    await simulator.addFault({ vendor: 'aws', path: '/', status: 429, onNth: 3, times: 1000 });
    await expect(source(2).sync(ctx)).rejects.toThrow(
      /GetCostAndUsage page 3 of 2026-04 \(2026-04-01 to 2026-04-13\) failed: LimitExceededException: Rate exceeded$/,
    );
    expect(ctx.replaceCalls).toHaveLength(BACKFILL_MONTHS.length);
    expect(JSON.stringify([ctx.records(), [...ctx.days]])).toBe(snapshot);

    // DataUnavailableException is not retried.
    await simulator.clearFaults();
    await simulator.clearRequests();
    await simulator.addFault({ vendor: 'aws', path: '/', status: 400, errorType: 'DataUnavailableException' });
    await expect(source().sync(ctx)).rejects.toThrow(/page 1 of 2026-04 \(2026-04-01 to 2026-04-13\) failed: DataUnavailableException/);
    expect(await requests()).toHaveLength(1);
  });

  it('reads afresh when the tag key changes; resources without that key are the untagged bucket', async () => {
    const ctx = memoryCostContext();
    await source().sync(ctx);
    const byTeam = { ...ctx, tagKey: 'team' };
    await source().sync(byTeam);
    expect(ctx.replaceCalls.slice(BACKFILL_MONTHS.length)).toEqual(BACKFILL_MONTHS);
    expect(new Set(ctx.records().map(r => r.tagValue))).toEqual(new Set(['']));
    expectStored(ctx.records(), expected('2025-10-01', '2026-04-13', 'team').amounts);
  });

  it('allocates by a Cost Category and reads an entity tag key apart, one page series a month each', async () => {
    const ctx = memoryCostContext({ allocation: 'costCategory', tagKey: 'Team', entityTagKeys: ['app'] });
    await source().sync(ctx);
    expect(ctx.replaceCalls).toEqual(BACKFILL_MONTHS);
    // By the Cost Category: payments-api and payments-ledger are Team=payments, feature-flags Team=devex, the rest
    // uncategorised (Team$, the untagged bucket).
    const byTeam = expected('2025-10-01', '2026-04-13', line => (line.costCategory?.key === 'Team' ? line.costCategory.value : ''));
    const organisation = ctx.records().filter(r => !r.tagKey);
    expectStored(organisation, byTeam.amounts);
    expect(new Set(organisation.map(r => r.tagValue))).toEqual(new Set(['', 'payments', 'devex']));
    // By app, apart: only feature-flags carries it; the app$ bucket is left out (the organisation's rows hold it).
    const byApp = expected('2025-10-01', '2026-04-13', line => (line.tag?.key === 'app' ? line.tag.value : ''));
    const own = ctx.records().filter(r => r.tagKey === 'app');
    expectStored(own, new Map([...byApp.amounts].filter(([key]) => JSON.parse(key)[1] !== '')));
    expect(new Set(own.map(r => r.tagValue))).toEqual(new Set(['feature-flags']));
    expect(await requests()).toHaveLength(byTeam.pages + byApp.pages);
    // Payments' spend in the Cost Category is the sum of its two services' tags, to the cent, on a day.
    const day = '2026-04-05';
    const sum = (records: CostRecord[]) => records.reduce((total, r) => total + r.amount, 0);
    const byService = memoryCostContext();
    await source().sync(byService);
    const payments = sum(byService.records().filter(r => r.day === day && ['payments-api', 'payments-ledger'].includes(r.tagValue)));
    expect(sum(organisation.filter(r => r.day === day && r.tagValue === 'payments'))).toBeCloseTo(payments, 6);

    // Another set of entity keys is another query: read afresh.
    await source().sync({ ...ctx, entityTagKeys: async () => [] });
    expect(ctx.replaceCalls.slice(BACKFILL_MONTHS.length)).toEqual(BACKFILL_MONTHS);
    expect(ctx.records().some(r => r.tagKey)).toBe(false);
  });

  it('keeps the months stored before a month whose throttling lasts, none of that month, and the next run goes on from it', async () => {
    const ctx = memoryCostContext();
    const firstThree = expected('2025-10-01', '2026-01-01').pages;
    // Page 2 of January (month 4) and every request after it: throttled past the client's 2 attempts.
    await simulator.addFault({ vendor: 'aws', path: '/', status: 429, onNth: firstThree + 2, times: 1000 });
    await expect(source(2).sync(ctx)).rejects.toThrow(
      /page 2 of 2026-01 \(2026-01-01 to 2026-02-01\) failed: LimitExceededException: Rate exceeded \(3 earlier month\(s\) of this run are stored/,
    );
    expect(ctx.replaceCalls).toEqual(BACKFILL_MONTHS.slice(0, 3));
    expect(await requests()).toHaveLength(firstThree + 1 + 2);
    // January's first page was read, but nothing of January is stored: no half month.
    expect([...ctx.days.keys()].filter(d => d >= '2026-01-01')).toEqual([]);
    expect(ctx.records().filter(r => r.day >= '2026-01-01')).toEqual([]);
    expectStored(ctx.records(), expected('2025-10-01', '2026-01-01').amounts);
    expect(await ctx.storedDays()).toEqual({ first: '2025-10-01', last: '2025-12-31', firstEstimated: undefined });

    // The next run: from the last two stored days (a partial first chunk), then January onwards.
    await simulator.clearFaults();
    await simulator.clearRequests();
    await source().sync(ctx);
    expect(ctx.replaceCalls.slice(3)).toEqual([{ from: '2025-12-30', to: '2026-01-01' }, ...BACKFILL_MONTHS.slice(3)]);
    expect(await requests()).toHaveLength(expected('2025-12-30', '2026-04-13').pages);
    expectStored(ctx.records(), expected('2025-10-01', '2026-04-13').amounts);
    expect(ctx.days.get('2026-04-01')).toBe(true);

    // And the one after that reads only the open days again.
    await source().sync(ctx);
    expect(ctx.replaceCalls.at(-1)).toEqual({ from: '2026-04-01', to: '2026-04-13' });
    expect(ctx.replaceCalls).toHaveLength(3 + 5 + 1);
  });

  it('guards pages per month: a month over maxPagesPerMonth fails the run, naming it, the months before it stored', async () => {
    const october = expected('2025-10-01', '2025-11-01').pages;
    expect(expected('2025-11-01', '2025-12-01').pages).toBeGreaterThan(october);
    const ctx = memoryCostContext();
    await expect(source(undefined, october).sync(ctx)).rejects.toThrow(
      `Cost Explorer returned more than ${october} pages for 2025-11 (2025-11-01 to 2025-12-01); giving up (1 earlier month(s) of this run are stored`,
    );
    expect(ctx.replaceCalls).toEqual(BACKFILL_MONTHS.slice(0, 1));
    expect(await requests()).toHaveLength(2 * october);
    expect([...ctx.days.keys()].every(d => d < '2025-11-01')).toBe(true);
  });

  it('goes on with a backfill for a changed tag key that failed midway, from its first month not stored', async () => {
    const ctx = memoryCostContext();
    await source().sync(ctx);
    const byTeam = { ...ctx, tagKey: 'team' };
    const firstTwo = expected('2025-10-01', '2025-12-01', 'team').pages;
    await simulator.clearRequests();
    await simulator.addFault({ vendor: 'aws', path: '/', status: 429, onNth: firstTwo + 1, times: 1000 });
    await expect(source(2).sync(byTeam)).rejects.toThrow(/page 1 of 2025-12 .* failed: LimitExceededException/);
    expect(ctx.replaceCalls.slice(7)).toEqual(BACKFILL_MONTHS.slice(0, 2));

    // Not a backfill from October again: December on, where the figures are still by the old tag key.
    await simulator.clearFaults();
    await simulator.clearRequests();
    await source().sync(byTeam);
    expect(ctx.replaceCalls.slice(9)).toEqual(BACKFILL_MONTHS.slice(2));
    expect(await requests()).toHaveLength(expected('2025-12-01', '2026-04-13', 'team').pages);
    expectStored(ctx.records(), expected('2025-10-01', '2026-04-13', 'team').amounts);

    // Done: the next run is an ordinary one, and the old tag key would read afresh again.
    await source().sync(byTeam);
    expect(ctx.replaceCalls.at(-1)).toEqual({ from: '2026-04-01', to: '2026-04-13' });
    await source().sync(ctx);
    expect(ctx.replaceCalls.slice(-7)).toEqual(BACKFILL_MONTHS);
  });
});
