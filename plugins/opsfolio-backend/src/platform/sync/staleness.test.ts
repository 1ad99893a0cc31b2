import { HOUR_MS, DAY_MS } from '@opsfolio/backstage-plugin-common';
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { maxAgeOf } from './staleness';

// A Wednesday, 10:30 UTC.
const NOW = new Date('2026-12-02T10:30:00Z');
const cron = (expression: string) => maxAgeOf({ frequency: { cron: expression }, timeout: { minutes: 5 } }, NOW);

describe('when a source is stale: after three missed runs', () => {
  it('reads a cron schedule for its real interval, not as daily', () => {
    expect(cron('0 * * * *')).toBe(3 * HOUR_MS); // hourly: 3 hours (was 3 days)
    expect(cron('0 6 * * *')).toBe(3 * DAY_MS);
    // Weekdays at 09:00: the longest three gaps run Thursday → Friday → Monday → Tuesday, 5 days.
    expect(cron('0 9 * * 1-5')).toBe(5 * DAY_MS);
    // Every 15 minutes: 45 minutes, but never sooner than an hour (a slow vendor is not stale).
    expect(cron('*/15 * * * *')).toBe(HOUR_MS);
  });

  it('reads human and luxon durations, and has no limit for a manual trigger', () => {
    expect(maxAgeOf({ frequency: { hours: 6 }, timeout: { minutes: 30 } })).toBe(18 * HOUR_MS);
    expect(maxAgeOf({ frequency: { days: 1, hours: 12 }, timeout: { minutes: 30 } })).toBe(4.5 * DAY_MS);
    // A luxon Duration, as code (not config) may give.
    const luxonLike = { toMillis: () => 40 * 60_000 } as unknown as SchedulerServiceTaskScheduleDefinition['frequency'];
    expect(maxAgeOf({ frequency: luxonLike, timeout: { minutes: 5 } })).toBe(2 * HOUR_MS);
    expect(maxAgeOf({ frequency: { trigger: 'manual' }, timeout: { minutes: 5 } })).toBeUndefined();
  });
});
