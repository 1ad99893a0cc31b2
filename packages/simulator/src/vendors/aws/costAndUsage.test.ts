import { describe, expect, it } from 'vitest';
import { costModel, dayString, jumpDay, parseDay } from '../../data/cost';
import { createSimulator } from '../../server';
import { costScenario } from '../../testing/costScenario';
import { utcDayIndex } from '../../time';
import { allPages, ce, GROUPED } from './testHelpers';

const NOW = new Date('2026-04-12T10:30:00Z');
const TODAY = utcDayIndex(NOW);
const scenario = costScenario();
const app = () => createSimulator({ scenario, now: () => NOW });
const model = costModel({ scenario, now: () => NOW });
const period = (Start: string, End: string) => ({ TimePeriod: { Start, End } });
const modelTotal = (from: string, to: string) => {
  let total = 0;
  for (let d = parseDay(from)!; d < parseDay(to)!; d++) for (const l of model.linesOn(d)) total += l.amount;
  return total;
};

describe('Cost Explorer GetCostAndUsage', () => {
  it('answers in the JSON 1.1 shape: groups keyed <tag>$<value> and service, amounts as strings', async () => {
    const res = await ce(app(), { ...GROUPED, ...period('2026-04-05', '2026-04-06') }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-amz-json-1.1/);
    expect(res.headers['x-amzn-requestid']).toBeDefined();
    const body = JSON.parse(res.text);
    expect(body.GroupDefinitions).toEqual(GROUPED.GroupBy);
    expect(body.DimensionValueAttributes).toEqual([]);
    const [result] = body.ResultsByTime;
    expect(result).toMatchObject({ TimePeriod: { Start: '2026-04-05', End: '2026-04-06' }, Total: {}, Estimated: true });
    expect(result.Groups[0]).toEqual({
      Keys: ['service$', 'AWS Data Transfer'],
      Metrics: { AmortizedCost: { Amount: expect.stringMatching(/^\d+\.\d+$/), Unit: 'EUR' } },
    });
    expect(body.NextPageToken).toEqual(expect.any(String)); // 7 groups a page; the day has more
  });

  it('pages: the sum over all pages is the model total, and a day splits across pages', async () => {
    const pages = await allPages(app(), { ...GROUPED, ...period('2026-03-20', '2026-04-13') });
    let total = 0;
    let groups = 0;
    for (const page of pages) {
      for (const r of page.ResultsByTime) {
        for (const g of r.Groups) total += Number(g.Metrics.AmortizedCost!.Amount);
        groups += r.Groups.length;
      }
    }
    expect(total).toBeCloseTo(modelTotal('2026-03-20', '2026-04-13'), 4);
    expect(pages).toHaveLength(Math.ceil(groups / 7));
    expect(pages.every((p) => p.ResultsByTime.reduce((n, r) => n + r.Groups.length, 0) <= 7)).toBe(true);
    const splits = pages.slice(1).filter((p, i) => p.ResultsByTime[0]!.TimePeriod.Start === pages[i]!.ResultsByTime.at(-1)!.TimePeriod.Start);
    expect(splits.length).toBeGreaterThan(0);
    // No group repeats across the split: (day, keys) are unique over all pages.
    const seen = pages.flatMap((p) => p.ResultsByTime.flatMap((r) => r.Groups.map((g) => `${r.TimePeriod.Start}|${g.Keys.join('|')}`)));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('cuts every page of one listing from the data of its first page, even as Cost Explorer refreshes', async () => {
    let clock = new Date('2026-04-12T07:59:00Z');
    const simulator = createSimulator({ scenario, now: () => clock });
    const body = { ...GROUPED, ...period('2026-04-11', '2026-04-13') };
    const first = JSON.parse((await ce(simulator, body).expect(200)).text);
    clock = new Date('2026-04-12T08:01:00Z'); // today's figure grows from a quarter to a half
    const rest = await allPages(simulator, { ...body, NextPageToken: first.NextPageToken });
    const sumOf = (pages: typeof rest) =>
      pages.flatMap((p) => p.ResultsByTime.flatMap((r) => r.Groups)).reduce((s, g) => s + Number(g.Metrics.AmortizedCost!.Amount), 0);
    const before = costModel({ scenario, now: () => new Date('2026-04-12T07:59:00Z') });
    const expected = [TODAY - 1, TODAY].flatMap((d) => before.linesOn(d)).reduce((s, l) => s + l.amount, 0);
    expect(sumOf([first, ...rest])).toBeCloseTo(expected, 6);
    expect(sumOf(await allPages(simulator, body))).toBeGreaterThan(expected);
  });

  it('treats End as exclusive and reports nothing after today', async () => {
    const two = await allPages(app(), { ...GROUPED, ...period('2026-04-01', '2026-04-03') });
    expect([...new Set(two.flatMap((p) => p.ResultsByTime.map((r) => r.TimePeriod.Start)))]).toEqual(['2026-04-01', '2026-04-02']);
    const ahead = await allPages(app(), { ...GROUPED, ...period('2026-04-11', '2026-04-20') });
    expect([...new Set(ahead.flatMap((p) => p.ResultsByTime.map((r) => r.TimePeriod.Start)))]).toEqual(['2026-04-11', '2026-04-12']);
  });

  it('marks the current month and the two days before today Estimated', async () => {
    const pages = await allPages(app(), { ...GROUPED, ...period('2026-03-28', '2026-04-13') });
    const estimated = new Map(pages.flatMap((p) => p.ResultsByTime.map((r) => [r.TimePeriod.Start, r.Estimated])));
    expect(estimated.get('2026-03-31')).toBe(false);
    expect(estimated.get('2026-04-01')).toBe(true);
    expect(estimated.get('2026-04-12')).toBe(true);
    const early = createSimulator({ scenario, now: () => new Date('2026-04-01T12:00:00Z') });
    const atStart = await allPages(early, { ...GROUPED, ...period('2026-03-28', '2026-04-02') });
    const flags = new Map(atStart.flatMap((p) => p.ResultsByTime.map((r) => [r.TimePeriod.Start, r.Estimated])));
    expect([...flags]).toEqual([
      ['2026-03-28', false],
      ['2026-03-29', false],
      ['2026-03-30', true],
      ['2026-03-31', true],
      ['2026-04-01', true],
    ]);
  });

  it('puts untagged spend and spend tagged with another key in <key>$', async () => {
    const d = dayString(TODAY - 3);
    const byService = await allPages(app(), { ...GROUPED, ...period(d, dayString(TODAY - 2)) });
    const tags = new Set(byService.flatMap((p) => p.ResultsByTime.flatMap((r) => r.Groups.map((g) => g.Keys[0]))));
    expect([...tags].sort()).toEqual(['service$', 'service$payments-api', 'service$search-service']);
    const untagged = byService
      .flatMap((p) => p.ResultsByTime.flatMap((r) => r.Groups))
      .filter((g) => g.Keys[0] === 'service$')
      .reduce((s, g) => s + Number(g.Metrics.AmortizedCost!.Amount), 0);
    const expected = model.linesOn(TODAY - 3).filter((l) => l.tag?.key !== 'service').reduce((s, l) => s + l.amount, 0);
    expect(untagged).toBeCloseTo(expected, 6);

    const byTeam = await allPages(app(), { ...GROUPED, GroupBy: [{ Type: 'TAG', Key: 'team' }], ...period(d, dayString(TODAY - 2)) });
    expect(byTeam[0]!.ResultsByTime[0]!.Groups.map((g) => g.Keys)).toEqual([['team$'], ['team$billing']]);
  });

  it('shows the jump after the deploy in the grouped figures', async () => {
    const jump = jumpDay({ scenario, now: () => NOW }, 'search-service')!;
    const es = async (d: number) => {
      const pages = await allPages(app(), { ...GROUPED, ...period(dayString(d), dayString(d + 1)) });
      const g = pages.flatMap((p) => p.ResultsByTime.flatMap((r) => r.Groups));
      return Number(g.find((x) => x.Keys[0] === 'service$search-service' && x.Keys[1] === 'Amazon OpenSearch Service')!.Metrics.AmortizedCost!.Amount);
    };
    // Same weekday a week apart around the jump: the level after is ~1.6 times the level before.
    const ratio = (await es(jump)) / (await es(jump - 7));
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(1.8);
  });

  it('keys metrics by the requested names, with their factors; Total without GroupBy', async () => {
    const body = { Granularity: 'DAILY', Metrics: ['UnblendedCost', 'AmortizedCost', 'UsageQuantity'], ...period('2026-04-05', '2026-04-07') };
    const [page] = await allPages(app(), body);
    expect(page!.GroupDefinitions).toBeUndefined();
    const [first] = page!.ResultsByTime;
    expect(first!.Groups).toEqual([]);
    const amortized = Number(first!.Total.AmortizedCost!.Amount);
    expect(amortized).toBeCloseTo(modelTotal('2026-04-05', '2026-04-06'), 6);
    expect(Number(first!.Total.UnblendedCost!.Amount)).toBeCloseTo(amortized * 0.98, 6);
    expect(first!.Total.UsageQuantity!.Unit).toBe('N/A');
  });

  it('sums months with MONTHLY, cut to the request', async () => {
    const [page] = await allPages(app(), { Granularity: 'MONTHLY', Metrics: ['AmortizedCost'], ...period('2026-03-15', '2026-05-01') });
    expect(page!.ResultsByTime.map((r) => [r.TimePeriod, r.Estimated])).toEqual([
      [{ Start: '2026-03-15', End: '2026-04-01' }, false],
      [{ Start: '2026-04-01', End: '2026-05-01' }, true],
    ]);
    expect(Number(page!.ResultsByTime[1]!.Total.AmortizedCost!.Amount)).toBeCloseTo(modelTotal('2026-04-01', '2026-04-13'), 6);
  });

  it('filters: Not RECORD_TYPE keeps everything, Tags ABSENT keeps the untagged, SERVICE picks a service', async () => {
    const base = { Granularity: 'DAILY', Metrics: ['AmortizedCost'], ...period('2026-04-05', '2026-04-06') };
    const amount = async (Filter: unknown) =>
      Number((await allPages(app(), { ...base, Filter }))[0]!.ResultsByTime[0]!.Total.AmortizedCost!.Amount);
    const lines = model.linesOn(parseDay('2026-04-05')!);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    expect(await amount({ Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund', 'Tax'] } } })).toBeCloseTo(total, 6);
    const untagged = lines.filter((l) => l.tag?.key !== 'service').reduce((s, l) => s + l.amount, 0);
    expect(await amount({ Tags: { Key: 'service', MatchOptions: ['ABSENT'] } })).toBeCloseTo(untagged, 6);
    const lambda = lines.filter((l) => l.serviceCode === 'AWSLambda').reduce((s, l) => s + l.amount, 0);
    expect(await amount({ And: [{ Dimensions: { Key: 'SERVICE', Values: ['AWS Lambda'] } }, { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['210987654321'] } }] })).toBeCloseTo(lambda, 6);
  });

  it('groups by LINKED_ACCOUNT with the account name in DimensionValueAttributes', async () => {
    const body = { Granularity: 'DAILY', Metrics: ['AmortizedCost'], GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }], ...period('2026-04-05', '2026-04-06') };
    const [page] = await allPages(app(), body);
    expect(page!.ResultsByTime[0]!.Groups.map((g) => g.Keys)).toEqual([['210987654321']]);
    expect(page!.DimensionValueAttributes).toEqual([{ Value: '210987654321', Attributes: { description: 'acme-test' } }]);
  });
});
