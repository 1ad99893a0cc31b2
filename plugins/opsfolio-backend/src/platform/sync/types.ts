import type { LoggerService, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { PillarId } from '@opsfolio/backstage-plugin-common';
import type { SourceSyncProgress, SourceSyncResult } from '@opsfolio/backstage-plugin-node';

/** What a run of a source is given. */
interface SyncContext {
  signal: AbortSignal;
  logger: LoggerService;
  /** When this source last finished without error, for incremental syncs. */
  lastSuccessAt?: string;
  /** Says how far the run has got; the runner keeps the latest report in the run log. */
  progress(report: SourceSyncProgress): void;
}

/** One schedulable unit of sync work: a pillar's sync wraps each of its sources in one of these. */
export interface SyncJob {
  id: string;
  pillar: PillarId;
  vendor: string;
  /**
   * The entity annotations the source reads: an entity's summary lists the source only for entities that carry
   * one. Empty or absent: the source may hold data for any entity (cost, pushes, evaluations).
   */
  annotations?: string[];
  /** False for a job that stores no data about entities (notifications): entity summaries leave it out. */
  entityData?: false;
  /** The pillar's schedule when the source has none of its own configured. */
  defaultSchedule?: SchedulerServiceTaskScheduleDefinition;
  run(context: SyncContext): Promise<SourceSyncResult>;
}
