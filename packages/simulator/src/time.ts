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

/** ISO 8601 without milliseconds, as GitHub prints timestamps: 2026-04-12T09:30:00Z */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const MINUTE_MS = 60_000;

/** Day of the week of a UTC day index: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

export function isWeekend(dayIndex: number): boolean {
  const weekday = weekdayOf(dayIndex);
  return weekday === 0 || weekday === 6;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `date`, in ms (Europe/London in July: 3_600_000). */
export function zoneOffsetMs(timeZone: string, date: Date): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -minutes : minutes) * MINUTE_MS;
}

/** The instant `timeZone`'s wall clock shows `msIntoDay` after midnight of the calendar day `dayIndex`. */
export function atLocalTime(dayIndex: number, msIntoDay: number, timeZone: string): Date {
  const wall = dayIndex * DAY_MS + msIntoDay;
  return new Date(wall - zoneOffsetMs(timeZone, new Date(wall)));
}

/** The wall-clock day and time of `date` in `timeZone`. */
export function localTimeOf(date: Date, timeZone: string): { dayIndex: number; msIntoDay: number } {
  const wall = date.getTime() + zoneOffsetMs(timeZone, date);
  const dayIndex = Math.floor(wall / DAY_MS);
  return { dayIndex, msIntoDay: wall - dayIndex * DAY_MS };
}
