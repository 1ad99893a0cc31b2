/** UTC calendar days, `YYYY-MM-DD`, as Cost Explorer and the cost store use them; ranges are [from, to). */

const DAY_MS = 86_400_000;

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(new Date(`${value}T00:00:00Z`)) === value;

/** The first day of the month `n` months after the month of `day` (negative: before). */
export function addMonths(day: string, n: number): string {
  const d = new Date(Date.parse(`${monthStart(day)}T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + n);
  return dayOf(d);
}
