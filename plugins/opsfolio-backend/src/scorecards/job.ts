import type { SyncJob } from '../platform/sync/types';
import type { ScorecardEvaluator } from './evaluator';

/**
 * The scheduled evaluation, run like a source (`opsfolio.sources.scorecards` sets its schedule; every 30 minutes
 * by default): every entity against every scorecard, then any missing days of the backfill.
 */
export function scorecardJob(
  evaluator: ScorecardEvaluator,
  /** Sources that have not finished a first sync: history computed from their empty stores would be wrong. */
  notSyncedYet: () => Promise<string[]>,
): SyncJob {
  return {
    id: 'scorecards',
    pillar: 'scorecards',
    vendor: 'opsfolio',
    defaultSchedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 }, initialDelay: { minutes: 1 } },
    async run({ logger, signal }) {
      const { items } = await evaluator.evaluateAll(signal);
      const waiting = await notSyncedYet();
      if (waiting.length > 0) {
        logger.info(`Opsfolio scorecards: the history backfill waits for the first sync of ${waiting.join(', ')}`);
      } else {
        const { days } = await evaluator.backfill();
        if (days > 0) logger.info(`Opsfolio scorecards: backfilled ${days} days of history`);
      }
      return { items };
    },
  };
}
