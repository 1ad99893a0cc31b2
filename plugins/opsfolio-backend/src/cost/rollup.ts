import { type CostFigures, type CostOverviewResponse, type CostOverviewRow, largestAmount } from '@opsfolio/backstage-plugin-common';
import type { CostIndex } from './costIndex';
import { emptyFigures, roundedToWhole, roundedFigures, sumFigures } from './figures';

export type CostGroupBy = CostOverviewResponse['groupBy'];

type Rolled = Pick<CostOverviewResponse, 'rows' | 'untagged' | 'unmapped' | 'organisation'>;

/**
 * Spend per owner (rolled up the group tree), system or domain. Pure.
 *
 * Every tag value's spend lands in exactly one place: the entity that won the tag (then its owner, system
 * or domain, or the `''` row when it has none), the unmapped bucket (a value no entity carries), or the
 * untagged bucket (`''`). So the rows' `direct` figures, unmapped and untagged add up to the organisation,
 * which is summed separately from every tag value so that a test of the invariant means something.
 * A group's `total` adds its sub-groups' totals; every group is listed, spending or not.
 *
 * Figures come back in cents, rounded so that what is shown adds up as it should: the rows' `direct`,
 * untagged and unmapped by the largest remainder to the organisation's rounded total, and each `total` as
 * the sum of the rounded `direct` figures under it.
 */
export function rollUpCost(index: CostIndex, figuresByTag: Map<string, CostFigures>, groupBy: CostGroupBy): Rolled {
  const direct = new Map<string, CostFigures[]>();
  const counts = new Map<string, number>();
  const unmapped: Array<{ tagValue: string; figures: CostFigures }> = [];
  const keyOf = (entityRef: string) => {
    const entity = index.entities.get(entityRef)!;
    if (groupBy === 'owner') return entity.ownerRef ?? '';
    if (groupBy === 'system') return entity.systemRef ?? '';
    return (entity.systemRef && index.systems.get(entity.systemRef)?.domainRef) ?? '';
  };
  for (const entity of index.entities.values()) {
    if (entity.tag?.key === index.tagKey && index.byTag.get(entity.tag.value) === entity.ref) {
      const key = keyOf(entity.ref);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const [tagValue, figures] of figuresByTag) {
    if (tagValue === '') continue;
    const entityRef = index.byTag.get(tagValue);
    if (!entityRef) {
      unmapped.push({ tagValue, figures });
      continue;
    }
    const key = keyOf(entityRef);
    direct.set(key, [...(direct.get(key) ?? []), figures]);
  }

  const keys = new Set([...counts.keys(), ...direct.keys()]);
  if (groupBy === 'owner') for (const group of index.groups.keys()) keys.add(group);
  const keyList = [...keys];
  unmapped.sort((a, b) => largestAmount(b.figures.monthToDate) - largestAmount(a.figures.monthToDate) || a.tagValue.localeCompare(b.tagValue));
  const parts = roundedToWhole([
    ...keyList.map(key => sumFigures(direct.get(key) ?? [])),
    figuresByTag.get('') ?? emptyFigures(),
    sumFigures(unmapped.map(u => u.figures)),
  ]);
  const roundedDirect = new Map(keyList.map((key, i) => [key, parts[i]]));
  const [untagged, unmappedFigures] = parts.slice(keyList.length);
  const directOf = (key: string) => roundedDirect.get(key) ?? emptyFigures();
  const totals = new Map<string, CostFigures>();
  const totalOf = (key: string, seen = new Set<string>()): CostFigures => {
    if (totals.has(key)) return totals.get(key)!;
    if (seen.has(key)) return emptyFigures();
    seen.add(key);
    const children = groupBy === 'owner' ? (index.groups.get(key)?.childRefs ?? []) : [];
    const total = roundedFigures(sumFigures([directOf(key), ...children.map(child => totalOf(child, seen))]));
    totals.set(key, total);
    return total;
  };
  const titleOf = (key: string) => index.groups.get(key)?.title ?? index.systems.get(key)?.title ?? index.domains.get(key)?.title;
  const rows: CostOverviewRow[] = keyList.map(key => ({
    key,
    title: titleOf(key),
    parentRef: groupBy === 'owner' ? index.groups.get(key)?.parentRef : undefined,
    direct: directOf(key),
    total: totalOf(key),
    entities: counts.get(key) ?? 0,
  }));
  rows.sort((a, b) => largestAmount(b.total.monthToDate) - largestAmount(a.total.monthToDate) || a.key.localeCompare(b.key));

  return {
    rows,
    untagged,
    unmapped: {
      figures: unmappedFigures,
      values: unmapped.map(u => ({ tagValue: u.tagValue, monthToDate: u.figures.monthToDate, lastMonth: u.figures.lastMonth })),
    },
    organisation: roundedFigures(sumFigures(figuresByTag.values())),
  };
}
