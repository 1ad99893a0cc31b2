import type { Money } from '@opsfolio/backstage-plugin-common';

/** The currency with the most spend: charts draw one currency, and say which when there are several. */
export function mainCurrency(amounts: Money[]): { currency: string; others: string[] } {
  const totals = new Map<string, number>();
  for (const money of amounts) for (const [c, a] of Object.entries(money)) totals.set(c, (totals.get(c) ?? 0) + Math.abs(a));
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { currency: ranked[0] ?? 'USD', others: ranked.slice(1) };
}
