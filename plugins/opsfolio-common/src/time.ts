/**
 * Time as Opsfolio counts it: durations in milliseconds, and UTC calendar days as `YYYY-MM-DD`
 * strings (cost days, deploy weeks, exemption dates). Ranges of days are [from, to). The one home
 * for this arithmetic: the backend, its modules and the frontend must agree on where a day starts.
 */

/** @internal */
export const MINUTE_MS = 60_000;
/** @internal */
export const HOUR_MS = 60 * MINUTE_MS;
/** @internal */
export const DAY_MS = 24 * HOUR_MS;
/** @internal */
export const WEEK_MS = 7 * DAY_MS;

/** `YYYY-MM-DD` of an instant, in UTC. @internal */
export const dayOf = (instant: Date | number): string => new Date(instant).toISOString().slice(0, 10);

/** Milliseconds at 00:00 UTC of a `YYYY-MM-DD` day. @internal */
export const startOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** `YYYY-MM` of a day. @internal */
export const monthOf = (day: string): string => day.slice(0, 7);

/** @internal */
export const addDays = (day: string, n: number): string => dayOf(startOfDay(day) + n * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). @internal */
export const daysBetween = (from: string, to: string): number => Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);

/** @internal */
export const monthStart = (day: string): string => `${monthOf(day)}-01`;

/** The first day of the month `n` months after the month of `day` (negative for before). @internal */
export function addMonths(day: string, n: number): string {
  const d = new Date(startOfDay(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() + n);
  return dayOf(d);
}

/** @internal */
export const daysInMonth = (day: string): number => daysBetween(monthStart(day), addMonths(day, 1));

/** Every day of [from, to). @internal */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A real calendar day written `YYYY-MM-DD` (not 2026-02-30). @internal */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // Month 13 or day 32 parse to NaN, which `dayOf` cannot format: that is a false, not a RangeError.
  const start = startOfDay(value);
  return Number.isFinite(start) && dayOf(start) === value;
}

/** Monday 00:00 UTC of the week an instant falls in, in milliseconds. @internal */
export function weekStartOf(instant: number): number {
  const day = Math.floor(instant / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** The instant `days` days before `now`. @internal */
export const daysBefore = (now: Date | number, days: number): Date => new Date(new Date(now).getTime() - days * DAY_MS);
