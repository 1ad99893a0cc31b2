import { type CostOverviewRow, largestAmount } from '@opsfolio/backstage-plugin-common';

/** A row of the overview in display order. */
export interface CostTreeRow {
  row: CostOverviewRow;
  depth: number;
  /** Has rows below it in the table, so its `total` differs in meaning from `direct`. */
  hasChildren: boolean;
}

const bySpend = (a: CostOverviewRow, b: CostOverviewRow) =>
  largestAmount(b.total.monthToDate) - largestAmount(a.total.monthToDate) ||
  largestAmount(b.total.lastMonth) - largestAmount(a.total.lastMonth) ||
  a.key.localeCompare(b.key);

/**
 * Depth-first over `parentRef`: parents before their children, siblings by spend. A parent missing from the
 * table makes its child a root; the `''` row (spend with no owner) comes last. Pure.
 */
export function costTree(rows: CostOverviewRow[]): CostTreeRow[] {
  const keys = new Set(rows.map(r => r.key));
  const children = new Map<string, CostOverviewRow[]>();
  const roots: CostOverviewRow[] = [];
  for (const row of rows) {
    if (row.key === '') continue;
    const parent = row.parentRef;
    if (parent && parent !== row.key && keys.has(parent)) children.set(parent, [...(children.get(parent) ?? []), row]);
    else roots.push(row);
  }
  const out: CostTreeRow[] = [];
  const seen = new Set<string>();
  const visit = (row: CostOverviewRow, depth: number) => {
    if (seen.has(row.key)) return;
    seen.add(row.key);
    const below = (children.get(row.key) ?? []).sort(bySpend);
    out.push({ row, depth, hasChildren: below.length > 0 });
    for (const child of below) visit(child, depth + 1);
  };
  roots.sort(bySpend).forEach(row => visit(row, 0));
  // A cycle in the group tree leaves rows no root reaches: list them rather than lose their spend.
  rows.filter(r => r.key !== '' && !seen.has(r.key)).sort(bySpend).forEach(row => visit(row, 0));
  const noOwner = rows.find(r => r.key === '');
  if (noOwner) out.push({ row: noOwner, depth: 0, hasChildren: false });
  return out;
}
