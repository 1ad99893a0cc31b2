import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { CostRecord, CostSyncContext } from '@opsfolio/backstage-plugin-node';
import { createReadStream } from 'node:fs';
import { FocusCostSource } from './FocusCostSource';
import { parseFocus } from './parseFocus';

const examples = new URL('../../../examples/focus/', import.meta.url).pathname;

// The committed sample is regenerated relative to the day it is run, so only its shape is pinned here.
describe('the sample export in examples/focus', () => {
  it('is clean FOCUS 1.2 with tax, credits, two currencies and an untagged bucket', async () => {
    const all = await parseFocus(createReadStream(`${examples}acme-2026-sample.focus.csv`), { tagKey: 'service' });
    expect(all).toMatchObject({ skipped: 0, filtered: 0 });
    expect(new Set(all.records.map(r => r.tagValue))).toEqual(new Set(['', 'fraud-scoring', 'events-pipeline', 'account-portal']));
    expect(new Set(all.records.map(r => r.currency))).toEqual(new Set(['USD', 'EUR']));
    const usage = await parseFocus(createReadStream(`${examples}acme-2026-sample.focus.csv`), { tagKey: 'service', chargeCategories: ['Usage'] });
    expect(usage.filtered).toBeGreaterThan(0); // its Tax and Credit rows
  });

  it('is what the demo reads from the directory (generate.ts is not an export)', async () => {
    const replaced: CostRecord[][] = [];
    const context = {
      signal: new AbortController().signal,
      logger: { debug() {}, info() {}, warn() {}, error() {}, child: () => context.logger },
      entities: [],
      tagKey: 'service',
      allocation: 'tag',
      entityTagKeys: async () => [],
      state: { get: async () => undefined, set: async () => undefined },
      replaceDays: async (_range: unknown, records: CostRecord[]) => void replaced.push(records),
      storedDays: async () => ({}),
    } as unknown as CostSyncContext;
    const source = new FocusCostSource({ id: 'focus', location: examples, urlReader: {} as UrlReaderService });
    expect(await source.sync(context)).toMatchObject({ files: 1, skipped: 0 });
    expect(replaced.flat().length).toBeGreaterThan(100);
  });
});
