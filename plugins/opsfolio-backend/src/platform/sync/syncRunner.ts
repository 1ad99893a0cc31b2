import type { LoggerService, SchedulerService, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { SyncRun, SyncRunDetails } from '@opsfolio/backstage-plugin-common';
import { SourceSyncError } from '@opsfolio/backstage-plugin-node';
import type { SourceSettings } from '../config';
import { ProgressRecorder } from './progressRecorder';
import { maxAgeOf } from './staleness';
import type { SyncRunStore } from './SyncRunStore';
import type { SyncJob } from './types';

/**
 * Runs every source on the Backstage scheduler and records each run. A run never throws: a failing
 * source is logged and recorded, its stored data is left alone, and other sources are unaffected.
 */
export class SyncRunner {
  private readonly jobs = new Map<string, SyncJob>();

  constructor(
    private readonly deps: {
      scheduler: SchedulerService;
      logger: LoggerService;
      runs: SyncRunStore;
      settings: (sourceId: string, pillarDefault?: SchedulerServiceTaskScheduleDefinition) => SourceSettings;
      now?: () => Date;
      /** Least time between two writes of a run's progress; 1 000 ms by default. */
      progressIntervalMs?: number;
    },
  ) {}

  static taskId(sourceId: string): string {
    return `opsfolio-sync:${sourceId}`;
  }

  async register(job: SyncJob): Promise<void> {
    if (this.jobs.has(job.id)) {
      throw new Error(`Opsfolio sync source '${job.id}' is registered twice; source ids must be unique`);
    }
    this.jobs.set(job.id, job);
    const { enabled, schedule } = this.deps.settings(job.id, job.defaultSchedule);
    if (!enabled) {
      this.deps.logger.info(`Opsfolio source '${job.id}' is disabled by opsfolio.sources.${job.id}.enabled`);
      return;
    }
    await this.deps.scheduler.scheduleTask({
      ...schedule,
      id: SyncRunner.taskId(job.id),
      // One replica runs each sync; every replica serves reads.
      scope: 'global',
      fn: async signal => {
        await this.run(job.id, signal);
      },
    });
  }

  /** How old a source's data may be before checks read it as stale; undefined for manual schedules. */
  maxAgeMs(sourceId: string): number | undefined {
    const job = this.jobs.get(sourceId);
    return job ? maxAgeOf(this.deps.settings(job.id, job.defaultSchedule).schedule) : undefined;
  }

  /** Whether a source runs on the schedule (`opsfolio.sources.<id>.enabled`). */
  enabled(sourceId: string): boolean {
    const job = this.jobs.get(sourceId);
    return job ? this.deps.settings(job.id, job.defaultSchedule).enabled : false;
  }

  registered(): SyncJob[] {
    return [...this.jobs.values()];
  }

  /** Runs one source now and returns the recorded run. */
  async run(sourceId: string, signal: AbortSignal = new AbortController().signal): Promise<SyncRun> {
    const job = this.jobs.get(sourceId);
    if (!job) throw new Error(`Unknown Opsfolio sync source '${sourceId}'`);
    const now = this.deps.now ?? (() => new Date());
    const { runs } = this.deps;
    const logger = this.deps.logger.child({ opsfolioSource: sourceId });
    const startedAt = now();
    await runs.closeInterrupted(sourceId, startedAt);
    const lastSuccessAt = (await runs.freshness([sourceId])).get(sourceId)?.lastSuccessAt;
    const runId = await runs.start(sourceId, startedAt);
    const recorder = new ProgressRecorder(progress => runs.progress(runId, progress), {
      intervalMs: this.deps.progressIntervalMs ?? 1000,
      logger,
      now,
    });
    let outcome: SyncRun;
    try {
      const { items, details } = await job.run({ signal, logger, lastSuccessAt, progress: recorder.report });
      outcome = { sourceId, status: 'succeeded', startedAt: startedAt.toISOString(), items, details };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(`Opsfolio sync of '${sourceId}' failed; keeping its last good data: ${message}`);
      const details = detailsOfFailure(error);
      outcome = { sourceId, status: 'failed', startedAt: startedAt.toISOString(), error: message, details };
    } finally {
      await recorder.close();
    }
    const finishedAt = now();
    await runs.finish(runId, {
      status: outcome.status as 'succeeded' | 'failed',
      finishedAt,
      items: outcome.items,
      error: outcome.error,
      details: outcome.details,
    });
    await runs.prune(sourceId, finishedAt);
    return { ...outcome, finishedAt: finishedAt.toISOString() };
  }
}

// By name too: a module may bring its own copy of the node package, whose class is another object.
function detailsOfFailure(error: unknown): SyncRunDetails | undefined {
  if (error instanceof SourceSyncError) return error.details;
  const named = error as { name?: unknown; details?: unknown } | null;
  return named?.name === 'SourceSyncError' && typeof named.details === 'object' ? (named.details as SyncRunDetails) : undefined;
}
