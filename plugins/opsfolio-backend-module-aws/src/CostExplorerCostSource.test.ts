import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import { costModel, loadScenario, parseDay, startSimulator, type RunningSimulator } from 'simulator';
import { CostExplorerCostSource } from './CostExplorerCostSource';
import { addDays } from './days';
import { memoryCostContext } from './testing/memoryCostContext';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const PAGE_SIZE = scenario.vendors.aws.pageSize;
let clock = new Date('2026-04-12T10:30:00Z');
const now = () => clock;
const keyOf = (day: string, tagValue: string, service: string) => JSON.stringify([day, tagValue, service]);

/** What Cost Explorer should report over [from, to), straight from the simulator's model: (day, tag value, service) → amount. */
function expected(from: string, to: string, tagKey = 'service') {
  const model = costModel({ scenario, now });
  const amounts = new Map<string, number>();
  let entries = 0;
  let splitDays = 0;
  for (let day = from; day < to; day = addDays(day, 1)) {
    const groups = new Set<string>();
    for (const line of model.linesOn(parseDay(day)!)) {
      const key = keyOf(day, line.tag?.key === tagKey ? line.tag.value : '', line.service);
      amounts.set(key, (amounts.get(key) ?? 0) + line.amount);
      groups.add(key);
    }
    const size = Math.max(1, groups.size); // a day without groups still comes back, as an empty result
    // A page boundary falls inside this day's groups.
    if (Math.floor(entries / PAGE_SIZE) !== Math.floor((entries + size - 1) / PAGE_SIZE)) splitDays++;
    entries += size;
  }
  return { amounts, pages: Math.ceil(entries / PAGE_SIZE), splitDays };
}

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
  const source = (maxAttempts?: number) => new CostExplorerCostSource({ client: client(maxAttempts), now });
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

  it('backfills six months on the first run: every page, days split across pages, figures as the model says', async () => {
    const ctx = memoryCostContext();
    const result = await source().sync(ctx);
    expect(ctx.replaceCalls).toEqual([{ from: '2025-10-01', to: '2026-04-13' }]);
    const { amounts, pages, splitDays } = expected('2025-10-01', '2026-04-13');
    expect(result.items).toBe(amounts.size);
    expectStored(ctx.records(), amounts);
    // About 63 groups a day on pages of 40: most pages end inside a day, and the merge joins the halves.
    expect(pages).toBeGreaterThan(250);
    expect(splitDays).toBeGreaterThan(100);
    expect(await requests()).toHaveLength(pages);
    expect((await requests()).every(r => r.status === 200 && r.auth.scheme === 'AWS4-HMAC-SHA256')).toBe(true);
    // Spot check by hand: the untagged bucket is reporting-service (tagged: false) plus the untaggedCost pool.
    const untagged = ctx.records().filter(r => r.tagValue === '' && r.day === '2026-04-05');
    expect(untagged.map(r => r.cloudService).sort()).toEqual([
      'AWS Data Transfer',
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
      `Cost Explorer AmortizedCost by tag service and SERVICE, 2025-10-01 to 2026-04-13 (exclusive): ${pages} request(s), ${amounts.size} records`,
    );
    expect(ctx.logs.join('\n')).not.toMatch(/test-secret|test-key-id/);
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
    expect(many.replaceCalls[1]).toEqual({ from: '2026-04-01', to: '2026-04-13' });
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

    clock = new Date('2026-04-04T10:30:00Z');
    await src.sync(ctx);
    expect(ctx.replaceCalls[1]).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect([ctx.days.get('2026-03-30'), ctx.days.get('2026-03-31'), ctx.days.get('2026-04-01')]).toEqual([false, false, true]);
    expect(march31(ctx.records()) / before).toBeCloseTo(1 / 0.9, 6);
    const stillOpen = ctx.records().filter(r => r.day >= '2026-03-30');
    expectStored(stillOpen, expected('2026-03-30', '2026-04-05').amounts);

    await src.sync(ctx);
    expect(ctx.replaceCalls[2]).toEqual({ from: '2026-04-01', to: '2026-04-05' });
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
    await expect(source(2).sync(ctx)).rejects.toThrow(/GetCostAndUsage page 3 failed: LimitExceededException: Rate exceeded/);
    expect(ctx.replaceCalls).toHaveLength(1);
    expect(JSON.stringify([ctx.records(), [...ctx.days]])).toBe(snapshot);

    // DataUnavailableException is not retried.
    await simulator.clearFaults();
    await simulator.clearRequests();
    await simulator.addFault({ vendor: 'aws', path: '/', status: 400, errorType: 'DataUnavailableException' });
    await expect(source().sync(ctx)).rejects.toThrow(/page 1 failed: DataUnavailableException/);
    expect(await requests()).toHaveLength(1);
  });

  it('reads afresh when the tag key changes; resources without that key are the untagged bucket', async () => {
    const ctx = memoryCostContext();
    await source().sync(ctx);
    const byTeam = { ...ctx, tagKey: 'team' };
    await source().sync(byTeam);
    expect(ctx.replaceCalls[1]).toEqual({ from: '2025-10-01', to: '2026-04-13' });
    expect(new Set(ctx.records().map(r => r.tagValue))).toEqual(new Set(['']));
    expectStored(ctx.records(), expected('2025-10-01', '2026-04-13', 'team').amounts);
  });
});
