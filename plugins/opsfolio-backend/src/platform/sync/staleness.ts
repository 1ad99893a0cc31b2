import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import { HOUR_MS } from '@opsfolio/backstage-plugin-common';
import { CronTime } from 'cron';

/** Runs of a cron schedule looked at: two weeks of a daily cron, enough to see a weekend gap. */
const CRON_RUNS = 15;

/**
 * How long three missed runs take, in ms: three intervals, or for a cron schedule the longest span of three
 * consecutive gaps between its next runs (a weekday cron's spans a weekend). Undefined for a manual trigger.
 */
function threeRunsMs(schedule: SchedulerServiceTaskScheduleDefinition, now: Date): number | undefined {
  const frequency = schedule.frequency as unknown;
  if (!frequency || typeof frequency !== 'object') return undefined;
  if ('trigger' in frequency) return undefined;
  if ('cron' in frequency) return cronThreeRunsMs(String((frequency as { cron: unknown }).cron), now);
  if ('toMillis' in frequency && typeof (frequency as { toMillis: unknown }).toMillis === 'function') {
    return 3 * (frequency as { toMillis(): number }).toMillis();
  }
  const ms = durationToMilliseconds(frequency as HumanDuration);
  return ms > 0 ? 3 * ms : undefined;
}

function cronThreeRunsMs(expression: string, now: Date): number | undefined {
  let runs: number[];
  try {
    const time = new CronTime(expression, 'UTC');
    runs = [];
    let at = now;
    for (let i = 0; i < CRON_RUNS; i++) {
      const next = time.getNextDateFrom(at, 'UTC').toJSDate();
      runs.push(next.getTime());
      at = next;
    }
  } catch {
    return undefined; // the scheduler itself rejects a bad expression
  }
  let longest = 0;
  for (let i = 3; i < runs.length; i++) longest = Math.max(longest, runs[i] - runs[i - 3]);
  return longest || undefined;
}

/**
 * A source's data is stale after three missed runs, and never sooner than an hour (a slow vendor is not stale).
 * For a cron schedule "three runs" is the longest three gaps between its runs: an hourly cron is stale after
 * three hours, a weekday one after the five days from a Thursday to the Tuesday after.
 */
export function maxAgeOf(schedule: SchedulerServiceTaskScheduleDefinition, now: Date = new Date()): number | undefined {
  const span = threeRunsMs(schedule, now);
  return span === undefined ? undefined : Math.max(span, HOUR_MS);
}
