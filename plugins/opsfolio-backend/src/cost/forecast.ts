import { addDays, daysBetween, daysInMonth, type Money, monthStart } from '@opsfolio/backstage-plugin-common';

/** Which days a month-end forecast reads, given what the sources have stored. */
export interface ForecastPlan {
  monthStart: string;
  /** Days before this (and from `monthStart`) are known and complete: the actual part of the forecast. */
  through: string;
  /** The run rate is the mean daily spend over [windowFrom, through). */
  windowFrom: string;
  windowDays: number;
  /** Days of the month from `through` to its end: each forecast at the run rate. */
  remainingDays: number;
}

/** A source with no day stored in this many days before today has stopped reporting: nothing more is forecast for it. */
const STOPPED_AFTER_DAYS = 7;

/**
 * The month-end forecast rule for one source's days. Pure; the forecast of several sources is the sum of theirs.
 *
 * - Today is never complete (Cost Explorer's today is partial), nor is any day after the source's last stored
 *   day (billing data lags by a day or two): `through` = the earlier of today and the day after `lastDay`.
 *   Days after it are unknown for this source, not zero.
 * - A source whose last day is more than 7 days before today has stopped reporting (removed, or an export
 *   that ended): its known days count, nothing more is forecast for it.
 * - Run rate: mean daily spend over the 7 days before `through` (across a month boundary if needed), never
 *   before the first day stored (a fresh install has fewer days; zero-spend days inside count as zero).
 * - Forecast = spend of the month's known days + run rate × the month's remaining days.
 *
 * Seven days smooths weekends without lagging a step change for weeks; it is linear, so a team's forecast
 * is the sum of its services' forecasts.
 */
export function forecastPlan(today: string, stored: { firstDay?: string; lastDay?: string }): ForecastPlan | undefined {
  if (!stored.lastDay || !stored.firstDay) return undefined;
  const start = monthStart(today);
  const afterLast = addDays(stored.lastDay, 1);
  const through = afterLast < today ? afterLast : today;
  const sevenBack = addDays(through, -7);
  const windowFrom = sevenBack > stored.firstDay ? sevenBack : stored.firstDay;
  const knownDays = Math.max(0, daysBetween(start, through));
  const stopped = stored.lastDay < addDays(today, -STOPPED_AFTER_DAYS);
  return {
    monthStart: start,
    through,
    windowFrom,
    windowDays: stopped ? 0 : Math.max(0, daysBetween(windowFrom, through)),
    remainingDays: stopped ? 0 : daysInMonth(today) - knownDays,
  };
}

/** Known spend of the month plus the run rate over the remaining days, currency by currency. Pure. */
export function forecastMonthEnd(plan: ForecastPlan, known: Money, window: Money): Money {
  const forecast: Money = { ...known };
  if (plan.windowDays === 0) return forecast;
  for (const [currency, amount] of Object.entries(window)) {
    forecast[currency] = (forecast[currency] ?? 0) + (amount / plan.windowDays) * plan.remainingDays;
  }
  return forecast;
}
