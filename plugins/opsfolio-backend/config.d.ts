import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Opsfolio: ownership, deploys and DORA, on-call, cost and readiness scorecards. */
  opsfolio?: {
    /**
     * The default schedule of every sync source (default: every 15 minutes, 10 minute timeout).
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Per-source settings, keyed by source id (e.g. `github`, `pagerduty`). */
    sources?: {
      [sourceId: string]: {
        /** Set to false to stop syncing this source; its stored data stays. */
        enabled?: boolean;
        /** Overrides the default schedule for this source. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
