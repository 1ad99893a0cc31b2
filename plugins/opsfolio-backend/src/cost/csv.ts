import { csvField } from '../platform/csv';
import type { CostFigures, CostOverviewResponse } from '@opsfolio/backstage-plugin-common';

const HEADER = ['key', 'title', 'parent', 'entities', 'currency', 'month_to_date', 'last_month', 'forecast', 'total_month_to_date', 'total_last_month', 'total_forecast'];

const amount = (money: Record<string, number>, currency: string) => (money[currency] ?? 0).toFixed(2);

function lines(key: string, title: string | undefined, parent: string | undefined, entities: number | undefined, direct: CostFigures, total: CostFigures) {
  const currencies = [...new Set([...Object.keys(total.monthToDate), ...Object.keys(total.lastMonth), ...Object.keys(total.forecast)])].sort();
  return currencies.map(currency =>
    [
      key,
      title,
      parent,
      entities,
      currency,
      amount(direct.monthToDate, currency),
      amount(direct.lastMonth, currency),
      amount(direct.forecast, currency),
      amount(total.monthToDate, currency),
      amount(total.lastMonth, currency),
      amount(total.forecast, currency),
    ]
      .map((value, index) => csvField(value, index < 3))
      .join(','),
  );
}

/** The overview as CSV: one line per row and currency, then the unmapped, untagged and organisation lines. */
export function overviewCsv(overview: CostOverviewResponse): string {
  const out = [HEADER.join(',')];
  for (const row of overview.rows) out.push(...lines(row.key || '(none)', row.title, row.parentRef, row.entities, row.direct, row.total));
  out.push(...lines('(unmapped)', 'tag values no entity carries', undefined, undefined, overview.unmapped.figures, overview.unmapped.figures));
  out.push(...lines('(untagged)', `spend without the ${overview.tagKey} tag`, undefined, undefined, overview.untagged, overview.untagged));
  out.push(...lines('(organisation)', 'everything', undefined, undefined, overview.organisation, overview.organisation));
  return `${out.join('\r\n')}\r\n`;
}
