import { addDays, addMoney, addMonths, type CostFigures, type Money, monthOf, monthStart, roundMoney, sumMoney } from '@opsfolio/backstage-plugin-common';
import { forecastMonthEnd, forecastPlan } from './forecast';
import type { CostStore } from './CostStore';

export const emptyFigures = (): CostFigures => ({ monthToDate: {}, lastMonth: {}, forecast: {} });

/** Figures added up, currency by currency. */
export function sumFigures(all: Iterable<CostFigures>): CostFigures {
  const list = [...all];
  return {
    monthToDate: sumMoney(list.map(f => f.monthToDate)),
    lastMonth: sumMoney(list.map(f => f.lastMonth)),
    forecast: sumMoney(list.map(f => f.forecast)),
  };
}

export const roundedFigures = (f: CostFigures): CostFigures => ({
  monthToDate: roundMoney(f.monthToDate),
  lastMonth: roundMoney(f.lastMonth),
  forecast: roundMoney(f.forecast),
});

/**
 * Month to date, last month and the month-end forecast per tag value (all of them, or the ones given),
 * from the monthly roll-up and at most eight days of daily rows.
 */
export async function figuresByTag(store: CostStore, today: string, tagValues?: string[]): Promise<Map<string, CostFigures>> {
  const month = monthOf(today);
  const lastMonth = monthOf(addMonths(today, -1));
  const figures = new Map<string, CostFigures>();
  const of = (tag: string) => figures.get(tag) ?? figures.set(tag, emptyFigures()).get(tag)!;
  for (const row of await store.monthlyByTag([month, lastMonth], tagValues)) {
    addMoney(row.period === month ? of(row.tagValue).monthToDate : of(row.tagValue).lastMonth, row.currency, row.amount);
  }
  const plan = forecastPlan(today, await store.coveredDays());
  if (!plan) return figures;
  const range = { from: plan.windowFrom, to: addDays(today, 1) };
  const daily = tagValues ? await store.daily(tagValues, range, false) : await store.dailyByTag(range);
  const window = new Map<string, Money>();
  const unknownYet = new Map<string, Money>();
  const firstUnknown = plan.through > monthStart(today) ? plan.through : monthStart(today);
  for (const row of daily) {
    if (row.period < plan.through) addMoney(window.get(row.tagValue) ?? window.set(row.tagValue, {}).get(row.tagValue)!, row.currency, row.amount);
    else if (row.period >= firstUnknown) addMoney(unknownYet.get(row.tagValue) ?? unknownYet.set(row.tagValue, {}).get(row.tagValue)!, row.currency, row.amount);
  }
  for (const tag of new Set([...figures.keys(), ...window.keys()])) {
    const f = of(tag);
    // Known days = the month so far without today's partial day.
    const known: Money = { ...f.monthToDate };
    for (const [currency, amount] of Object.entries(unknownYet.get(tag) ?? {})) addMoney(known, currency, -amount);
    f.forecast = forecastMonthEnd(plan, known, window.get(tag) ?? {});
  }
  return figures;
}
