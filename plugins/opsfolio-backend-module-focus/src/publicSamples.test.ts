import { createReadStream } from 'node:fs';
import { parseFocus } from './parseFocus';

const testdata = new URL('../testdata/', import.meta.url).pathname;
const open = (name: string) => createReadStream(`${testdata}${name}`);

const sumBy = <T>(items: T[], key: (t: T) => string, amount: (t: T) => number) => {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + amount(item));
  return sums;
};

/**
 * The FinOps Foundation's public FOCUS 1.0 sample: 1,000 real rows, 289 of them with `Tags` = NULL (the
 * spec's null), among them the file's only credit. Expected figures were worked out with Python's csv and
 * decimal modules over the same file, not with this parser.
 */
describe('the FinOps Foundation FOCUS 1.0 sample', () => {
  const options = { tagKey: 'application', now: new Date('2024-10-15T00:00:00Z') };

  it('imports every row: a NULL Tags cell is a row without tags, not a malformed one', async () => {
    const result = await parseFocus(open('focus-1.0-sample.csv.gz'), options);
    expect(result).toMatchObject({ rows: 1000, imported: 1000, skipped: 0, problems: [] });
    expect(result.days).toEqual({ from: '2024-09-01', to: '2024-10-01' });
    const byTag = sumBy(result.records, r => r.tagValue, r => r.amount);
    expect([...byTag.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(14.97651418586, 9);
    expect(byTag.get('')).toBeCloseTo(-1.02348581414, 9); // untagged, with the -3.00 credit
    expect(byTag.get('BrightPathMatrix')).toBeCloseTo(16, 9);
    expect(byTag.size).toBe(338); // 337 applications and the untagged bucket
    expect(new Set(result.records.map(r => r.currency))).toEqual(new Set(['USD']));
  });

  it('keeps its only credit, on its day and service, untagged', async () => {
    const credits = await parseFocus(open('focus-1.0-sample.csv.gz'), { ...options, chargeCategories: ['Credit'] });
    expect(credits).toMatchObject({ imported: 1, filtered: 999, skipped: 0 });
    expect(credits.records).toEqual([
      { day: '2024-09-24', tagValue: '', cloudService: 'Amazon Elastic Compute Cloud', currency: 'USD', amount: -3, estimated: false },
    ]);
  });

  it('sums BilledCost to the invoice figure', async () => {
    const billed = await parseFocus(open('focus-1.0-sample.csv.gz'), { ...options, costColumn: 'BilledCost' });
    const byTag = sumBy(billed.records, r => r.tagValue, r => r.amount);
    expect([...byTag.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(20.52022672899, 9);
    expect(byTag.get('')).toBeCloseTo(0.27416448666, 9);
    expect(byTag.get('BrightPathMatrix')).toBeCloseTo(15.9580993182, 9);
  });

  it('marks only the row of a billing period still open as estimated', async () => {
    // One Oracle row belongs to the period ending 2024-11-01; the other 999 to the one ending 2024-10-01.
    const result = await parseFocus(open('focus-1.0-sample.csv.gz'), options);
    const estimated = result.records.filter(r => r.estimated);
    expect(estimated.map(r => r.day)).toEqual(['2024-09-30']);
  });
});

/**
 * A FOCUS 1.2 sample (57 columns, quoted strings, `NULL` for every missing value, `Z` timestamps): 214 rows
 * with NULL Tags, NULL in numeric columns the importer does not read. Expected figures from Python's csv and
 * decimal modules over the same file.
 */
describe('the FOCUS 1.2 sample', () => {
  const options = { tagKey: 'application', now: new Date('2024-10-15T00:00:00Z') };

  it('imports every row and reproduces the totals per application and per day', async () => {
    const result = await parseFocus(open('focus-1.2-sample.csv.gz'), options);
    expect(result).toMatchObject({ rows: 1000, imported: 1000, skipped: 0, days: { from: '2024-09-01', to: '2024-10-01' } });
    const byTag = sumBy(result.records, r => r.tagValue, r => r.amount);
    expect([...byTag.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(371573.9250302, 6);
    expect(byTag.get('')).toBeCloseTo(285236.77249754, 6); // 214 NULL Tags and rows without the key
    expect(byTag.get('AtlasPortal')).toBeCloseTo(20793.65686704, 6);
    expect(byTag.get('BrightLensMatrix')).toBeCloseTo(18351.89260849, 6);
    expect(byTag.get('BrightSourceCore')).toBeCloseTo(24242.9657543, 6);
    expect(byTag.get('NimbusAPI')).toBeCloseTo(22948.63730283, 6);
    const byDay = sumBy(result.records, r => r.day, r => r.amount);
    expect(byDay.get('2024-09-01')).toBeCloseTo(12199.13668796, 6);
    expect(byDay.get('2024-09-02')).toBeCloseTo(11269.97457136, 6);
    expect(byDay.get('2024-09-03')).toBeCloseTo(10665.28809885, 6);
  });

  it('filters by charge category: tax alone', async () => {
    const tax = await parseFocus(open('focus-1.2-sample.csv.gz'), { ...options, chargeCategories: ['Tax'] });
    expect(tax).toMatchObject({ imported: 49, filtered: 951, skipped: 0 });
    expect(tax.records.reduce((a, r) => a + r.amount, 0)).toBeCloseTo(21541.65140953, 6);
  });
});
