import type { Config } from '@backstage/config';

export interface NotificationSettings {
  /** `immediate`: each run sends what it found; `daily`: one digest per person a day, at `dailyHour`. */
  delivery: 'immediate' | 'daily';
  /** The UTC hour the daily digest goes out. */
  dailyHour: number;
  /** How far ahead on-call gaps are looked for. */
  onCallGapDays: number;
}

/** Reads `opsfolio.notifications`; a wrong value fails at start-up. The run's schedule is `opsfolio.sources.notifications`. */
export function readNotificationSettings(config: Config): NotificationSettings {
  const c = config.getOptionalConfig('opsfolio.notifications');
  const delivery = c?.getOptionalString('delivery') ?? 'immediate';
  if (delivery !== 'immediate' && delivery !== 'daily') {
    throw new Error(`opsfolio.notifications.delivery must be 'immediate' or 'daily', not '${delivery}'`);
  }
  const dailyHour = c?.getOptionalNumber('dailyHour') ?? 8;
  if (!Number.isInteger(dailyHour) || dailyHour < 0 || dailyHour > 23) {
    throw new Error(`opsfolio.notifications.dailyHour must be a whole hour from 0 to 23 (UTC), not ${dailyHour}`);
  }
  const onCallGapDays = c?.getOptionalNumber('onCallGapDays') ?? 7;
  if (!(onCallGapDays > 0 && onCallGapDays <= 14)) {
    throw new Error(
      `opsfolio.notifications.onCallGapDays must be more than 0 and at most 14 (the schedule entries read ahead), not ${onCallGapDays}`
    );
  }
  return { delivery, dailyHour, onCallGapDays };
}
