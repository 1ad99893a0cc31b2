import { dayString, monthStart, type CostLine, type CostModel } from '../../data/cost';
import { matches } from './filter';
import { formatAmount, METRICS } from './metrics';
import type { CostQuery, GroupDefinition } from './request';

// GetCostAndUsage answered from the cost model: periods (days or months), each with its groups sorted by
// keys (or a Total without GroupBy), flattened into entries so that a page can end inside a period: the
// period's remaining groups come on the next page under the same TimePeriod, as Cost Explorer does.

interface Period {
  start: number;
  end: number;
  estimated: boolean;
}

export interface Entry {
  period: Period;
  /** grouped: one group (keys and AmortizedCost); absent for an ungrouped period or a day without groups */
  group?: { keys: string[]; amount: number };
  /** ungrouped: the period's total AmortizedCost */
  total?: number;
}

export interface Account {
  accountId: string;
  accountName: string;
}

/** Every entry of the query's answer, in page order. */
export function costEntries(model: CostModel, query: CostQuery, account: Account): Entry[] {
  const entries: Entry[] = [];
  for (const period of periodsOf(model, query)) {
    const lines: CostLine[] = [];
    for (let day = period.start; day < period.end && day <= model.today; day++) {
      for (const line of model.linesOn(day)) {
        if (!query.filter || matches(query.filter, line, account.accountId)) lines.push(line);
      }
    }
    if (query.groupBy.length === 0) {
      entries.push({ period, total: lines.reduce((sum, l) => sum + l.amount, 0) });
      continue;
    }
    const groups = new Map<string, { keys: string[]; amount: number }>();
    for (const line of lines) {
      const keys = query.groupBy.map((g) => groupKey(g, line, account));
      const id = keys.join('\u0000');
      const group = groups.get(id);
      if (group) group.amount += line.amount;
      else groups.set(id, { keys, amount: line.amount });
    }
    const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    if (sorted.length === 0) entries.push({ period });
    for (const group of sorted) entries.push({ period, group });
  }
  return entries;
}

/**
 * A TAG group is `<key>$<value>`; resources without that tag key (untagged, or tagged with another key)
 * land in `<key>$`, as on AWS. A COST_CATEGORY group is `<name>$<value>` the same way, `<name>$` uncategorised.
 */
function groupKey(group: GroupDefinition, line: CostLine, account: Account): string {
  if (group.Type === 'TAG') return `${group.Key}$${line.tag?.key === group.Key ? line.tag.value : ''}`;
  if (group.Type === 'COST_CATEGORY') return `${group.Key}$${line.costCategory?.key === group.Key ? line.costCategory.value : ''}`;
  if (group.Key === 'LINKED_ACCOUNT') return account.accountId;
  if (group.Key === 'RECORD_TYPE') return 'Usage';
  return line.service;
}

/** Days (or calendar months, cut to the request) up to today; later days are not reported yet. */
function periodsOf(model: CostModel, query: CostQuery): Period[] {
  const last = Math.min(query.end, model.today + 1);
  const periods: Period[] = [];
  for (let start = query.start; start < last; ) {
    const end = query.granularity === 'DAILY' ? start + 1 : Math.min(query.end, monthStart(start, 1));
    let estimated = false;
    for (let day = start; day < end && day <= model.today; day++) estimated ||= model.isEstimated(day);
    periods.push({ start, end, estimated });
    start = end;
  }
  return periods;
}

/** One page of entries as Cost Explorer's response body. */
export function renderPage(entries: Entry[], query: CostQuery, currency: string, account: Account, nextPageToken?: string) {
  const grouped = query.groupBy.length > 0;
  const metricsOf = (amount: number) =>
    Object.fromEntries(
      query.metrics.map((name) => {
        const metric = METRICS[name]!;
        return [name, { Amount: formatAmount(amount * metric.factor), Unit: metric.usage ? 'N/A' : currency }];
      }),
    );
  const results: Record<string, unknown>[] = [];
  let current: { period: Period; groups: unknown[]; result: Record<string, unknown> } | undefined;
  for (const entry of entries) {
    if (current?.period !== entry.period) {
      const result: Record<string, unknown> = {
        TimePeriod: { Start: dayString(entry.period.start), End: dayString(entry.period.end) },
        Total: grouped ? {} : metricsOf(entry.total ?? 0),
        Groups: [],
        Estimated: entry.period.estimated,
      };
      current = { period: entry.period, groups: result.Groups as unknown[], result };
      results.push(result);
    }
    if (entry.group) current.groups.push({ Keys: entry.group.keys, Metrics: metricsOf(entry.group.amount) });
  }
  const linked = query.groupBy.some((g) => g.Type === 'DIMENSION' && g.Key === 'LINKED_ACCOUNT');
  return {
    ...(grouped ? { GroupDefinitions: query.groupBy } : {}),
    ResultsByTime: results,
    DimensionValueAttributes: linked ? [{ Value: account.accountId, Attributes: { description: account.accountName } }] : [],
    ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
  };
}
