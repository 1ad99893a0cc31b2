import type { CostFigures, CostOverviewResponse, CostOverviewRow } from '@opsfolio/backstage-plugin-common';
import { permittedOverview, readableOverview } from './readableOverview';

const usd = (n: number): CostFigures => ({ monthToDate: { USD: n }, lastMonth: { USD: 2 * n }, forecast: { USD: 3 * n } });
const row = (key: string, direct: number, total: number, parentRef?: string): CostOverviewRow => ({ key, parentRef, direct: usd(direct), total: usd(total), entities: 1 });

// eng (10) > payments (5) > ledger-team (2); search (7) on its own; 4 untagged, 1 unmapped: 29 in all.
const body: CostOverviewResponse = {
  groupBy: 'owner',
  month: '2026-12',
  asOf: '2026-12-04',
  tagKey: 'service',
  rows: [row('group:default/eng', 10, 17, undefined), row('group:default/payments', 5, 7, 'group:default/eng'), row('group:default/ledger-team', 2, 2, 'group:default/payments'), row('group:default/search', 7, 7)],
  untagged: usd(4),
  unmapped: { figures: usd(1), values: [{ tagValue: 'mystery', monthToDate: { USD: 1 }, lastMonth: { USD: 2 } }] },
  organisation: usd(29),
};

describe('the cost overview as one caller may see it', () => {
  it('drops rows the caller may not read in the catalog, and points orphaned sub-teams at nothing', () => {
    const seen = readableOverview(body, new Set(['group:default/ledger-team', 'group:default/search']));
    expect(seen.rows.map(r => [r.key, r.parentRef])).toEqual([['group:default/ledger-team', undefined], ['group:default/search', undefined]]);
    expect(seen.organisation).toEqual(usd(29));
  });

  it('sums totals and the organisation over the permitted rows only, so hidden spend cannot be subtracted out', () => {
    const seen = permittedOverview(body, new Set(['group:default/eng', 'group:default/ledger-team']));
    // eng shows its own 10 and ledger-team's 2 (payments' 5 is hidden): 12, not 17.
    expect(seen.rows.map(r => [r.key, r.parentRef, r.total.monthToDate.USD])).toEqual([
      ['group:default/eng', undefined, 12],
      ['group:default/ledger-team', undefined, 2],
    ]);
    expect(seen.organisation).toEqual(usd(12));
    expect(seen.untagged.monthToDate).toEqual({});
    expect(seen.unmapped.values).toEqual([]);
    expect(seen.scope).toBe('permitted');
  });
});
