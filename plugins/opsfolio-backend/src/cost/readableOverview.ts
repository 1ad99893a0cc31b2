import type { CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { sumFigures } from './figures';
import { isReadable, type ReadableRefs } from '../platform/catalog/CatalogVisibility';

/**
 * The cost overview as one caller may see it: only the rows of owners, systems and domains they may read in
 * the catalog (and the row of spend without one). The organisation's total, untagged and unmapped spend are
 * about no entity and stay, so a row's share of the whole still reads right.
 */
export function readableOverview(body: CostOverviewResponse, readable: ReadableRefs): CostOverviewResponse {
  if (!readable) return body;
  const rows = body.rows.filter(row => row.key === '' || isReadable(readable, row.key));
  const kept = new Set(rows.map(row => row.key));
  // A sub-team whose parent is hidden becomes a top row instead of pointing at a row that is not there.
  return { ...body, rows: rows.map(row => (row.parentRef && !kept.has(row.parentRef) ? { ...row, parentRef: undefined } : row)) };
}

/**
 * The cost overview for a caller whose policy allows `opsfolio.cost.read` on some entities only (say, what their
 * teams own): those rows, with the organisation's figures as their sum, so nothing outside them can be worked out.
 */
export function permittedOverview(body: CostOverviewResponse, permitted: ReadonlySet<string>): CostOverviewResponse {
  const rows = body.rows.filter(row => permitted.has(row.key));
  const kept = new Set(rows.map(row => row.key));
  // A team's total held its hidden sub-teams' spend: it is summed again over the rows shown, each row adding its own
  // spend to every shown team above it, so no hidden spend can be worked out by subtraction.
  const parentOf = new Map(body.rows.map(row => [row.key, row.parentRef]));
  const totals = new Map(rows.map(row => [row.key, [row.direct]]));
  for (const row of rows) {
    const seen = new Set([row.key]);
    for (let up = parentOf.get(row.key); up && !seen.has(up); up = parentOf.get(up)) {
      seen.add(up);
      totals.get(up)?.push(row.direct);
    }
  }
  return {
    ...body,
    rows: rows.map(row => ({
      ...row,
      parentRef: row.parentRef && kept.has(row.parentRef) ? row.parentRef : undefined,
      total: sumFigures(totals.get(row.key)!),
    })),
    // A sub-team's spend is in its parent's total too: the sum is over what each row holds itself.
    organisation: sumFigures(rows.map(row => row.direct)),
    untagged: sumFigures([]),
    unmapped: { figures: sumFigures([]), values: [] },
    scope: 'permitted',
  };
}
