import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', 60_000],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago", "3 days ago": how old a timestamp is, for freshness lines and last deploys. */
export function formatAge(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const elapsed = now.getTime() - Date.parse(iso);
  if (elapsed < 60_000) return 'just now';
  // Days up to three months read better than "1 month ago" for deploy history.
  for (const [unit, ms] of UNITS) {
    if (unit === 'month' && elapsed < 90 * DAY_MS) continue;
    if (unit === 'year' && elapsed < 730 * DAY_MS) continue;
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
