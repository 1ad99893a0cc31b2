// Date helpers in UTC. Generated data hangs off the start of the current UTC day, so it is stable for a
// whole day (ETags and ids don't churn) and moves forward with the calendar.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Whole days since 1970-01-01 (UTC); a stable key for per-day random streams. */
export function utcDayIndex(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

export function addDays(date: Date, days: number): Date {
  return addMs(date, days * DAY_MS);
}

export function addHours(date: Date, hours: number): Date {
  return addMs(date, hours * HOUR_MS);
}

/** ISO 8601 without milliseconds, as GitHub prints timestamps: 2026-04-12T09:30:00Z */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
