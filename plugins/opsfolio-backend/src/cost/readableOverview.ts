import type { CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
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
