import { LEAN_COLUMNS, syntheticFocus, syntheticTotals } from '../bench/syntheticFocus';
import { parseFocus } from './parseFocus';

describe('parseFocus on a large export', () => {
  it('streams 200,000 rows with memory that grows with the daily keys, not the rows', async () => {
    const rows = 200_000;
    const baseline = process.memoryUsage().heapUsed;
    const expected = syntheticTotals(rows);
    let peakHeap = 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
    const result = await parseFocus(syntheticFocus(rows, LEAN_COLUMNS), { tagKey: 'service', now: new Date('2026-12-01T00:00:00Z') });
    clearInterval(sampler);

    expect(result).toMatchObject({ rows, imported: rows, skipped: 0, days: { from: '2026-10-01', to: '2026-10-31' } });
    expect(result.records).toHaveLength(expected.keys);
    const byCurrency: Record<string, number> = {};
    for (const r of result.records) byCurrency[r.currency] = (byCurrency[r.currency] ?? 0) + r.amount;
    // Every amount is a multiple of 0.25, so the sums are exact.
    expect(byCurrency).toEqual(expected.byCurrency);
    // About 80 MB of CSV went through; holding its rows would take well over 100 MB of heap.
    expect(peakHeap - baseline).toBeLessThan(96 * 1024 * 1024);
  });
});
