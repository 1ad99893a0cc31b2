import type { SyncProgress, SyncRun, SyncRunDetails } from '@opsfolio/backstage-plugin-common';

/** A source's last run and when it last succeeded. */
export interface LastRuns {
  lastRun?: SyncRun;
  lastSuccessAt?: string;
}

/** The run log of every sync source (and of the scorecards' evaluation, which runs like one). */
export interface SyncRunStore {
  /**
   * Closes runs of a source still marked running. The scheduler runs one task at a time across replicas,
   * so when a new run starts, any earlier "running" run died with its process or ran past its timeout.
   */
  closeInterrupted(sourceId: string, at: Date): Promise<void>;
  /** Records a run as running; returns its id. */
  start(sourceId: string, startedAt: Date): Promise<number>;
  /** Records how far a running run has got; a run that has finished is left alone. */
  progress(id: number, progress: SyncProgress): Promise<void>;
  /** Ends a run; its progress is dropped. */
  finish(
    id: number,
    outcome: { status: 'succeeded' | 'failed'; finishedAt: Date; items?: number; error?: string; details?: SyncRunDetails },
  ): Promise<void>;
  /** Drops a source's runs older than 30 days, keeping its newest run and newest success. */
  prune(sourceId: string, now: Date): Promise<void>;
  /** The last run and last success of each source. */
  freshness(sourceIds: string[]): Promise<Map<string, LastRuns>>;
  /** A source's newest runs first. */
  history(sourceId: string, limit: number): Promise<SyncRun[]>;
}
