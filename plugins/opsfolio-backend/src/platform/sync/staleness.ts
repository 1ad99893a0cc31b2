import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';

const UNIT_MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: HOUR_MS,
  days: DAY_MS,
  weeks: 7 * DAY_MS,
  months: 30 * DAY_MS,
  years: 365 * DAY_MS,
};

/** How often a schedule runs, in ms; a cron schedule counts as daily, a manual one as never. */
function scheduleIntervalMs(schedule: SchedulerServiceTaskScheduleDefinition): number | undefined {
  const frequency = schedule.frequency as unknown;
  if (!frequency || typeof frequency !== 'object') return undefined;
  if ('trigger' in frequency) return undefined;
  if ('cron' in frequency) return UNIT_MS.days;
  if ('toMillis' in frequency && typeof (frequency as { toMillis: unknown }).toMillis === 'function') {
    return (frequency as { toMillis(): number }).toMillis();
  }
  let ms = 0;
  for (const [unit, amount] of Object.entries(frequency as Record<string, number>)) ms += (UNIT_MS[unit] ?? 0) * (Number(amount) || 0);
  return ms > 0 ? ms : undefined;
}

/** A source's data is stale after three missed runs, and never sooner than an hour (a slow vendor is not stale). */
export function maxAgeOf(schedule: SchedulerServiceTaskScheduleDefinition): number | undefined {
  const interval = scheduleIntervalMs(schedule);
  return interval === undefined ? undefined : Math.max(3 * interval, HOUR_MS);
}
