import { DAY_MS } from '../../time';

// Cost Explorer speaks in UTC calendar days, `YYYY-MM-DD`; the model in day indexes (days since 1970).

export function dayString(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** The day index of a strict `YYYY-MM-DD` that exists on the calendar, else undefined. */
export function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return ms / DAY_MS;
}

/** The first day of the month `months` months after the month of `dayIndex` (negative: before). */
export function monthStart(dayIndex: number, months = 0): number {
  const date = new Date(dayIndex * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / DAY_MS;
}

export function daysInMonth(dayIndex: number): number {
  return monthStart(dayIndex, 1) - monthStart(dayIndex);
}
