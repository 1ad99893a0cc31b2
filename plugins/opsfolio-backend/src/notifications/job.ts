import type { SyncJob } from '../platform/sync/types';
import type { NotificationRun } from './notificationRun';

/**
 * The scheduled notification run, recorded like a source (`opsfolio.sources.notifications` sets its schedule, or
 * turns it off): every 10 minutes by default. A run that could not send everything fails, so the health route
 * shows it; what it could not send waits in the outbox for the next run.
 */
export function notificationJob(run: NotificationRun): SyncJob {
  return {
    id: 'notifications',
    pillar: 'scorecards',
    vendor: 'backstage',
    entityData: false,
    defaultSchedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { minutes: 2 } },
    async run({ logger }) {
      const result = await run.run();
      logger.info(
        `Opsfolio notifications: ${result.events} events, ${result.added} new for someone, ${result.sent} notifications sent`
      );
      if (result.failed.length > 0) throw new Error(`Opsfolio notifications: ${result.failed.slice(0, 5).join('; ')}`);
      return { items: result.sent };
    },
  };
}
