import { addDays, addMoney, addMonths, type CostFigures, type Money, monthOf, roundMoney, roundToWhole, sumMoney } from '@opsfolio/backstage-plugin-common';
import { forecastMonthEnd, forecastPlan, type ForecastPlan } from './forecast';
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

/** Parts of a whole rounded to cents so that they add up to the rounded whole, figure by figure. */
export function roundedToWhole(parts: CostFigures[]): CostFigures[] {
  const [monthToDate, lastMonth, forecast] = (['monthToDate', 'lastMonth', 'forecast'] as const).map(k => roundToWhole(parts.map(p => p[k])));
  return parts.map((_, i) => ({ monthToDate: monthToDate[i], lastMonth: lastMonth[i], forecast: forecast[i] }));
}

/**
 * Month to date, last month and the month-end forecast per tag value (all of them, or the ones given),
 * from the monthly roll-up and at most eight days of daily rows per source.
 *
 * The forecast is worked out per source and added up: each source's days end at its own last stored day,
 * so a FOCUS export a day behind Cost Explorer has that day unknown (forecast at its run rate), not zero.
 */
export async function figuresByTag(
  store: CostStore,
  today: string,
  tagValues?: string[],
  /** An entity's own tag key, for `tagValues` of it; absent: the organisation's allocation key. */
  tagKey?: string,
): Promise<Map<string, CostFigures>> {
  const month = monthOf(today);
  const lastMonth = monthOf(addMonths(today, -1));
  const figures = new Map<string, CostFigures>();
  const of = (tag: string) => figures.get(tag) ?? figures.set(tag, emptyFigures()).get(tag)!;
  if (tagKey && !tagValues?.length) return figures;
  const monthly = await store.monthlyByTag([month, lastMonth], tagValues, { bySource: true, tagKey });
  for (const row of monthly) {
    addMoney(row.period === month ? of(row.tagValue).monthToDate : of(row.tagValue).lastMonth, row.currency, row.amount);
  }
  const plans = new Map<string, ForecastPlan>();
  for (const [source, days] of await store.sourceDays()) {
    const plan = forecastPlan(today, { firstDay: days.first, lastDay: days.last });
    if (plan) plans.set(source, plan);
  }
  if (!plans.size) return figures;

  // Per tag value and source: the month's known spend, and the spend of the source's run-rate window.
  const known = new Map<string, Money>();
  const window = new Map<string, Money>();
  const at = (map: Map<string, Money>, tag: string, source: string) => {
    const key = `${source}\u0000${tag}`;
    return map.get(key) ?? map.set(key, {}).get(key)!;
  };
  for (const row of monthly) if (row.period === month && plans.has(row.source!)) addMoney(at(known, row.tagValue, row.source!), row.currency, row.amount);
  const windowFrom = [...plans.values()].map(p => p.windowFrom).sort()[0];
  const range = { from: windowFrom, to: addDays(today, 1) };
  const daily = tagValues ? await store.daily(tagValues, range, { bySource: true, tagKey }) : await store.dailyByTag(range, { bySource: true });
  for (const row of daily) {
    const plan = plans.get(row.source!);
    if (!plan) continue;
    if (row.period >= plan.windowFrom && row.period < plan.through) addMoney(at(window, row.tagValue, row.source!), row.currency, row.amount);
    // Today's partial day (and anything after the source's cut-off) is not known: it is forecast instead.
    if (row.period >= plan.through && row.period >= plan.monthStart) addMoney(at(known, row.tagValue, row.source!), row.currency, -row.amount);
  }
  const forecasts = new Map<string, Money[]>();
  for (const key of new Set([...known.keys(), ...window.keys()])) {
    const [source, tag] = key.split('\u0000');
    const forecast = forecastMonthEnd(plans.get(source)!, known.get(key) ?? {}, window.get(key) ?? {});
    forecasts.set(tag, [...(forecasts.get(tag) ?? []), forecast]);
  }
  for (const [tag, parts] of forecasts) of(tag).forecast = sumMoney(parts);
  return figures;
}
