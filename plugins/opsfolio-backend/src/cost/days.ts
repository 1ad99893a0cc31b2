/** Cost days are UTC calendar days, `YYYY-MM-DD`; ranges are [from, to). */

const DAY = 86_400_000;

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const monthOf = (day: string) => day.slice(0, 7);
export const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
export const monthStart = (day: string) => `${monthOf(day)}-01`;

/** The first day of the month `n` months after the month of `day` (negative for before). */
export function addMonths(day: string, n: number): string {
  const d = new Date(Date.parse(`${monthStart(day)}T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + n);
  return dayOf(d);
}

export const daysInMonth = (day: string) => daysBetween(monthStart(day), addMonths(day, 1));

/** Every day of [from, to). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(new Date(`${value}T00:00:00Z`)) === value;
