import { utcDayIndex } from '../../time';
import { monthStart } from './days';

// What Cost Explorer has reported by `now`: which days it may still change, and how much of a day is in.

/**
 * `Estimated: true` on the days Cost Explorer may still change: the whole current UTC month (the open
 * bill) and the two days before today (the last month's bill is finalised a few days into the next).
 */
export function isEstimated(day: number, now: Date): boolean {
  const today = utcDayIndex(now);
  return day >= monthStart(today) || day >= today - 2;
}

/**
 * The share of a day's spend reported at `now`. Cost Explorer refreshes about three times a day, so today
 * fills up in steps (a quarter before 08:00 UTC, a half before 16:00, three quarters after); yesterday is
 * nearly complete; older days are whole. Later days are not reported at all.
 */
export function reportedShare(day: number, now: Date): number {
  const today = utcDayIndex(now);
  if (day > today) return 0;
  if (day === today) return 0.25 * (1 + Math.floor(now.getUTCHours() / 8));
  if (day === today - 1) return 0.9;
  return 1;
}
