import { createRng } from '../../random';
import { isWeekend } from '../../time';
import { daysInMonth, monthStart } from './days';

// How much a spender (a component, or the untagged pool) spends on a day, before it is split by service.

const DAYS_PER_MONTH = 365.25 / 12;
/** Weekend traffic is lower; five weekdays at 1.04 and two weekend days at 0.9 average 1. */
const WEEKDAY_FACTOR = 1.04;
const WEEKEND_FACTOR = 0.9;

/**
 * The mean daily spend on `day` of a spender whose spend this month (the month of `today`) is `monthly`,
 * growing `trendPctPerMonth` a month. Anchored on the middle of the current month, so the days of this
 * month add up to `monthly` and a day's figure only moves when the month turns.
 */
export function dailyLevel(monthly: number, trendPctPerMonth: number, day: number, today: number): number {
  const length = daysInMonth(today);
  const middle = monthStart(today) + (length - 1) / 2;
  const growth = Math.max(0.01, 1 + trendPctPerMonth / 100);
  return (monthly / length) * growth ** ((day - middle) / DAYS_PER_MONTH);
}

export function weekdayFactor(day: number): number {
  return isWeekend(day) ? WEEKEND_FACTOR : WEEKDAY_FACTOR;
}

/** Mild day-to-day wobble per spender, service and day: ±4 %, from its own random stream. */
export function noise(seed: number, spender: string, serviceCode: string, day: number): number {
  return createRng(seed, 'cost', spender, serviceCode, day).float(0.96, 1.04);
}

/** Each service's share of the spend, from the scenario's weights. */
export function serviceShares<K extends string>(weights: Partial<Record<K, number>>): [K, number][] {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return entries.map(([code, w]) => [code, w / total]);
}
