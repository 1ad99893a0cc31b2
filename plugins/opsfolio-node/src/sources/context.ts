import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SyncProgress, SyncRunDetails } from '@opsfolio/backstage-plugin-common';

/** A catalog entity a source syncs for: its ref and annotations. @public */
export interface SourceEntity {
  /** The entity's ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The entity's annotations. */
  annotations: Record<string, string>;
}

/**
 * A source's own small key-value state (ETags, cursors, `updated_after` marks), kept by the backend
 * so that modules never touch the database.
 * @public
 */
export interface SourceState {
  /** The value stored under `key`, if any. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: string): Promise<void>;
}

/** What every source's sync run is given. @public */
export interface SourceSyncContext {
  /** Aborted when the run times out or the backend stops. */
  signal: AbortSignal;
  /** The run's logger. */
  logger: LoggerService;
  /** The entities that carry one of the source's annotations. */
  entities: SourceEntity[];
  /** The source's own key-value state. */
  state: SourceState;
  /** When this source last finished without error. */
  lastSuccessAt?: string;
  /**
   * Says how far the run has got, e.g. `{ unit: 'repositories', done: 12, total: 40 }`: `/health` and the
   * cards show it while the run lasts ("first sync of github in progress: 12 of 40 repositories"). Cheap to
   * call per item: the backend keeps the latest report and writes it at most about once a second. Call it as
   * `context.progress?.(...)`: backends before this package's 0.2 do not pass it.
   */
  progress?(report: SourceSyncProgress): void;
}

/** One progress report of a running sync. @public */
export type SourceSyncProgress = Omit<SyncProgress, 'at'>;

/** What a sync run reports: the items it stored and, when it knows, what it read and left out. @public */
export interface SourceSyncResult {
  /** Items stored (deployments, incidents, cost records). */
  items: number;
  /** Rows read, left out and days replaced: shown in `/health` and on the pillar's pages. */
  details?: SyncRunDetails;
}

/**
 * A run that failed on purpose, with what it read: thrown by a source that refuses to store a bad read
 * (too many malformed rows), so the run's record says why and where, and the last good data stays.
 * @public
 */
export class SourceSyncError extends Error {
  constructor(
    message: string,
    /** What the failed run read and left out. */
    readonly details: SyncRunDetails,
  ) {
    super(message);
    this.name = 'SourceSyncError';
  }
}
