import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parseFocus, type FocusParseOptions } from './parseFocus';

const HEADER = 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BillingPeriodEnd,ChargeCategory,ServiceName,BillingCurrency,BilledCost,EffectiveCost,Tags';
const row = (start: string, category: string, service: string, currency: string, billed: string, effective: string, tags: string) =>
  ['acme', start, '', '2026-11-01T00:00:00Z', category, service, currency, billed, effective, tags ? `"${tags.replaceAll('"', '""')}"` : ''].join(',');
const CHECKOUT = '{"service":"checkout"}';

// Hourly rows over two days, tax, a negative credit, a purchase, two currencies, untagged rows.
const SMALL = [
  HEADER,
  row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '1.20', CHECKOUT),
  row('2026-10-01T01:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '1.20', CHECKOUT),
  row('2026-10-01T23:00:00Z', 'Usage', 'Compute', 'USD', '2.00', '1.60', CHECKOUT),
  row('2026-10-02T00:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '1.20', CHECKOUT),
  row('2026-10-02T05:00:00Z', 'Usage', 'Storage', 'USD', '0.25', '0.25', '{"service":"checkout","env":"prod"}'),
  row('2026-10-02T00:00:00Z', 'Tax', 'Compute', 'USD', '0.40', '0.40', CHECKOUT),
  row('2026-10-02T00:00:00Z', 'Credit', 'Compute', 'USD', '-0.50', '-0.50', CHECKOUT),
  row('2026-10-01T10:00:00Z', 'Usage', 'Compute', 'EUR', '3.00', '2.50', CHECKOUT),
  row('2026-10-01T10:00:00Z', 'Usage', 'Network', 'USD', '0.30', '0.30', ''),
  row('2026-10-01T11:00:00Z', 'Usage', 'Network', 'USD', '0.20', '0.20', '{"env":"prod"}'),
  row('2026-10-02T03:00:00Z', 'Usage', 'Compute', 'USD', '4.00', '3.00', '{"service":42}'),
  row('2026-10-02T00:00:00Z', 'Purchase', 'Compute', 'USD', '100.00', '0', CHECKOUT),
  row('2026-10-02T04:00:00Z', 'Usage', '', 'USD', '0.10', '0.10', '{"service":"search"}'),
  row('2026-10-02T06:00:00Z', 'Usage', 'Search', 'USD', '0.90', '0.80', '{"Service":"search"}'),
].join('\n');

const NOW = new Date('2026-11-15T00:00:00Z');
const options = (more: Partial<FocusParseOptions> = {}): FocusParseOptions => ({ tagKey: 'service', now: NOW, ...more });
const parse = (text: string | Buffer, more?: Partial<FocusParseOptions>) => parseFocus(Readable.from([Buffer.from(text)]), options(more));
const cents = (records: Array<{ amount: number }>) => records.map(r => ({ ...r, amount: Math.round(r.amount * 100) / 100 }));
const rec = (day: string, tagValue: string, cloudService: string, currency: string, amount: number) =>
  ({ day, tagValue, cloudService, currency, amount, estimated: false });

describe('parseFocus', () => {
  it('sums EffectiveCost per day, tag value, service and currency, tax and credits included', async () => {
    const result = await parse(SMALL);
    expect(cents(result.records)).toEqual([
      rec('2026-10-01', '', 'Network', 'USD', 0.5), // 0.30 (no Tags) + 0.20 (Tags without the key)
      rec('2026-10-01', 'checkout', 'Compute', 'EUR', 2.5), // its own currency, never added to USD
      rec('2026-10-01', 'checkout', 'Compute', 'USD', 4.0), // hourly: 1.20 + 1.20 + 1.60
      rec('2026-10-02', '42', 'Compute', 'USD', 3.0), // a number tag value becomes "42"
      rec('2026-10-02', 'checkout', 'Compute', 'USD', 1.1), // 1.20 usage + 0.40 tax - 0.50 credit + 0 purchase (amortised)
      rec('2026-10-02', 'checkout', 'Storage', 'USD', 0.25),
      rec('2026-10-02', 'search', 'Search', 'USD', 0.8), // key "Service" matched ignoring case
      rec('2026-10-02', 'search', 'Unknown', 'USD', 0.1), // empty ServiceName
    ]);
    expect(result).toMatchObject({ rows: 14, imported: 14, filtered: 0, skipped: 0, problems: [] });
    expect(result.days).toEqual({ from: '2026-10-01', to: '2026-10-03' });
  });

  it("also sums by entities' own tag keys, apart, leaving out rows without them", async () => {
    const result = await parse(SMALL, { entityTagKeys: ['env'] });
    const own = result.records.filter(r => r.tagKey);
    // env=prod: the 10-02 Storage row (0.25) and the 10-01 Network row with only env (0.20).
    expect(cents(own)).toEqual([
      { ...rec('2026-10-01', 'prod', 'Network', 'USD', 0.2), tagKey: 'env' },
      { ...rec('2026-10-02', 'prod', 'Storage', 'USD', 0.25), tagKey: 'env' },
    ]);
    // The organisation's records are what they were without it.
    expect(result.records.filter(r => !r.tagKey)).toEqual((await parse(SMALL)).records);
    expect(result).toMatchObject({ rows: 14, imported: 14, skipped: 0 });
  });

  it("reads a Cost Category from AWS's x_CostCategories column when allocating by one", async () => {
    const text = [
      `${HEADER},x_CostCategories`,
      `${row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '1.25', CHECKOUT)},"{""Team"":""payments""}"`,
      `${row('2026-10-01T01:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '0.75', CHECKOUT)},"{""Team"":""payments""}"`,
      `${row('2026-10-01T02:00:00Z', 'Usage', 'Compute', 'USD', '1.50', '2.00', CHECKOUT)},NULL`,
    ].join('\n');
    const result = await parse(text, { tagKey: 'Team', tagColumn: 'x_CostCategories' });
    expect(cents(result.records)).toEqual([rec('2026-10-01', '', 'Compute', 'USD', 2), rec('2026-10-01', 'payments', 'Compute', 'USD', 2)]);
    // Asked for a Cost Category, a file without the column is not a FOCUS export of it.
    await expect(parse(SMALL, { tagKey: 'Team', tagColumn: 'x_CostCategories' })).rejects.toThrow('the header has no x_CostCategories column');
  });

  it('sums BilledCost when configured: the purchase counts in full', async () => {
    const result = await parse(SMALL, { costColumn: 'BilledCost' });
    expect(cents(result.records)).toEqual([
      rec('2026-10-01', '', 'Network', 'USD', 0.5), // 0.30 + 0.20
      rec('2026-10-01', 'checkout', 'Compute', 'EUR', 3.0),
      rec('2026-10-01', 'checkout', 'Compute', 'USD', 5.0), // 1.50 + 1.50 + 2.00
      rec('2026-10-02', '42', 'Compute', 'USD', 4.0),
      rec('2026-10-02', 'checkout', 'Compute', 'USD', 101.4), // 1.50 + 0.40 tax - 0.50 credit + 100.00 purchase
      rec('2026-10-02', 'checkout', 'Storage', 'USD', 0.25),
      rec('2026-10-02', 'search', 'Search', 'USD', 0.9),
      rec('2026-10-02', 'search', 'Unknown', 'USD', 0.1),
    ]);
  });

  it('keeps only the configured charge categories; the days still span every well-formed row', async () => {
    const result = await parse(SMALL, { chargeCategories: ['usage'] });
    const checkout = result.records.find(r => r.day === '2026-10-02' && r.tagValue === 'checkout' && r.cloudService === 'Compute');
    expect(checkout?.amount).toBeCloseTo(1.2, 9); // the tax, credit and purchase rows are left out
    expect(result).toMatchObject({ rows: 14, imported: 11, filtered: 3, skipped: 0, days: { from: '2026-10-01', to: '2026-10-03' } });
  });

  it('reads a gzipped export, in any chunking, as the same figures', async () => {
    const gz = gzipSync(SMALL);
    const chunks = Array.from({ length: Math.ceil(gz.length / 50) }, (_, i) => gz.subarray(i * 50, i * 50 + 50));
    const gzipped = await parseFocus(Readable.from(chunks), options());
    expect(gzipped).toEqual(await parse(SMALL));
  });

  it('reports malformed rows with their line numbers and imports the rest', async () => {
    const text = [
      HEADER,
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1', '1', CHECKOUT),
      row('2026-10-32T00:00:00Z', 'Usage', 'Compute', 'USD', '1', '1', CHECKOUT),
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1', 'twelve', CHECKOUT),
      'acme,2026-10-01T00:00:00Z,short',
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', '', '1', '1', CHECKOUT),
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1', '1', '{"service":'),
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1', '', CHECKOUT),
      row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '2', '2', CHECKOUT),
    ].join('\n');
    const result = await parse(text);
    expect(result.problems).toEqual([
      { line: 3, message: 'ChargePeriodStart "2026-10-32T00:00:00Z" is not a date-time' },
      { line: 4, message: 'EffectiveCost "twelve" is not a number' },
      { line: 5, message: 'has 3 fields, the header has 10' },
      { line: 6, message: 'BillingCurrency is NULL or empty; FOCUS requires a value' },
      { line: 7, message: 'Tags "{\\"service\\":" is not a JSON object' },
      { line: 8, message: 'EffectiveCost is NULL; FOCUS requires a value' },
    ]);
    expect(result).toMatchObject({ rows: 8, imported: 2, skipped: 6 });
    expect(result.records).toEqual([rec('2026-10-01', 'checkout', 'Compute', 'USD', 3)]);
  });

  it('reads NULL as the null it is in every column: optional ones default, required ones make the row malformed', async () => {
    // As the clouds write it: unquoted NULL, or quoted; the spec's null rule for a missing value.
    const nulls = [
      HEADER,
      'acme,2026-10-01T00:00:00Z,NULL,2026-11-01T00:00:00Z,Usage,Compute,USD,1,1,NULL', // Tags: untagged
      'acme,2026-10-01T00:00:00Z,NULL,NULL,Credit,NULL,USD,-2,-2,"NULL"', // ServiceName: Unknown; period: closed
      'acme,2026-10-01T00:00:00Z,NULL,2026-11-01T00:00:00Z,NULL,Compute,USD,4,4,"{""service"":null}"', // a null tag value
      'acme,NULL,NULL,2026-11-01T00:00:00Z,Usage,Compute,USD,8,8,NULL',
      'acme,2026-10-01T00:00:00Z,NULL,2026-11-01T00:00:00Z,Usage,Compute,NULL,16,16,NULL',
      'acme,2026-10-01T00:00:00Z,NULL,2026-11-01T00:00:00Z,Usage,Compute,USD,32,NULL,NULL',
    ].join('\n');
    const result = await parse(nulls, { now: new Date('2026-10-15T00:00:00Z') });
    expect(result.problems).toEqual([
      { line: 5, message: 'ChargePeriodStart is NULL; FOCUS requires a value' },
      { line: 6, message: 'BillingCurrency is NULL or empty; FOCUS requires a value' },
      { line: 7, message: 'EffectiveCost is NULL; FOCUS requires a value' },
    ]);
    expect(result.records).toEqual([
      { ...rec('2026-10-01', '', 'Compute', 'USD', 5), estimated: true }, // 1 + 4, in an open period
      rec('2026-10-01', '', 'Unknown', 'USD', -2),
    ]);
    // A null ChargeCategory is no category: a filter never counts it.
    const usage = await parse(nulls, { chargeCategories: ['Usage'] });
    expect(usage).toMatchObject({ imported: 1, filtered: 2, skipped: 3 });
  });

  it('keeps the first 20 problems and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, () => row('yesterday', 'Usage', 'Compute', 'USD', '1', '1', ''));
    const result = await parse([HEADER, ...bad, row('2026-10-01', 'Usage', 'Compute', 'USD', '1', '1', '')].join('\n'));
    expect(result.problems).toHaveLength(20);
    expect(result.problems[19].line).toBe(21);
    expect(result).toMatchObject({ rows: 31, imported: 1, skipped: 30 });
  });

  it('fails a file that is not a FOCUS export, naming the missing columns', async () => {
    await expect(parse('Date,Cost\n2026-10-01,1\n')).rejects.toThrow(
      'not a FOCUS export: the header has no ChargePeriodStart, BillingCurrency, ServiceName, EffectiveCost column',
    );
    await expect(parse(SMALL, { costColumn: 'x_NetCost' })).rejects.toThrow('no x_NetCost column');
    await expect(parse('')).rejects.toThrow('no FOCUS header row');
  });

  it('puts a row on the UTC day its charge period starts, whatever the zone or span', async () => {
    const text = [
      HEADER,
      row('2026-10-01T23:30:00-02:00', 'Usage', 'A', 'USD', '1', '1', ''), // 2026-10-02T01:30Z
      row('2026-10-03 22:00:00', 'Usage', 'B', 'USD', '1', '1', ''), // no zone: UTC, as FOCUS says
      row('2026-10-04', 'Usage', 'C', 'USD', '1', '1', ''),
      row('2026-10-05T00:00:00.000+00:00', 'Usage', 'D', 'USD', '1.5E-01', '1.5E-01', ''),
      // A monthly charge (ChargePeriodEnd a month later) lands on its first day.
      row('2026-10-01T00:00:00Z', 'Usage', 'E', 'USD', '30', '30', '').replace(',,', ',2026-11-01T00:00:00Z,'),
    ].join('\n');
    const result = await parse(text);
    expect(result.records.map(r => [r.cloudService, r.day, r.amount])).toEqual([
      ['E', '2026-10-01', 30],
      ['A', '2026-10-02', 1],
      ['B', '2026-10-03', 1],
      ['C', '2026-10-04', 1],
      ['D', '2026-10-05', 0.15],
    ]);
  });

  it('reads a byte-order mark, CRLF line ends and quoted commas', async () => {
    const text = `\ufeff${[HEADER, row('2026-10-01T00:00:00Z', 'Usage', 'Compute', 'USD', '1', '1', '{"service":"a,b"}')].join('\r\n')}\r\n`;
    const result = await parse(text);
    expect(result.records).toEqual([rec('2026-10-01', 'a,b', 'Compute', 'USD', 1)]);
  });

  it('marks the days of a billing period that has not ended as estimated', async () => {
    const result = await parse(SMALL, { now: new Date('2026-10-20T00:00:00Z') });
    expect(result.records.every(r => r.estimated)).toBe(true);
  });
});
