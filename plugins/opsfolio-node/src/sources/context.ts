import type { LoggerService } from '@backstage/backend-plugin-api';

/** A catalog entity a source syncs for: its ref and annotations. @public */
export interface SourceEntity {
  entityRef: string;
  annotations: Record<string, string>;
}

/**
 * A source's own small key-value state (ETags, cursors, `updated_after` marks), kept by the backend
 * so that modules never touch the database.
 * @public
 */
export interface SourceState {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** What every source's sync run is given. @public */
export interface SourceSyncContext {
  signal: AbortSignal;
  logger: LoggerService;
  /** The entities that carry one of the source's annotations. */
  entities: SourceEntity[];
  state: SourceState;
  /** When this source last finished without error. */
  lastSuccessAt?: string;
}
