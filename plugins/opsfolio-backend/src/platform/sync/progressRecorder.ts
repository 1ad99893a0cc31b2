import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SyncProgress } from '@opsfolio/backstage-plugin-common';
import type { SourceSyncProgress } from '@opsfolio/backstage-plugin-node';

const MAX_LABEL = 60;

/** A report as stored, or undefined when it is not one: a module's bug must not break its run. */
function cleaned(report: SourceSyncProgress, at: Date): SyncProgress | undefined {
  const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined);
  const done = count(report?.done);
  const unit = typeof report?.unit === 'string' ? report.unit.trim().slice(0, MAX_LABEL) : '';
  if (done === undefined || !unit) return undefined;
  const total = count(report.total);
  const phase = typeof report.phase === 'string' && report.phase.trim() ? report.phase.trim().slice(0, MAX_LABEL) : undefined;
  return { unit, done, ...(total !== undefined && { total: Math.max(total, done) }), ...(phase && { phase }), at: at.toISOString() };
}

/**
 * Keeps a running sync's latest progress report and writes it to the run log: the first at once, then at
 * most one write per interval, never two at a time. Sources may report per item; the run log sees about one
 * write a second. A failed write is logged and dropped: progress is a courtesy, the sync is what matters.
 */
export class ProgressRecorder {
  private latest?: SyncProgress;
  private written?: SyncProgress;
  private writing?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly write: (progress: SyncProgress) => Promise<void>,
    private readonly options: { intervalMs: number; logger: LoggerService; now: () => Date },
  ) {}

  readonly report = (report: SourceSyncProgress): void => {
    if (this.closed) return;
    const progress = cleaned(report, this.options.now());
    if (!progress) {
      this.options.logger.debug(`Ignored a malformed sync progress report: ${JSON.stringify(report)}`);
      return;
    }
    this.latest = progress;
    this.schedule();
  };

  /** Stops taking reports and waits for a write in flight, so that none lands after the run's end. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
  }

  private schedule() {
    if (this.writing || this.timer || this.closed) return;
    const wait = this.lastWriteAt + this.options.intervalMs - Date.now();
    if (wait <= 0) {
      this.writeLatest();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writeLatest();
    }, wait);
    this.timer.unref?.();
  }

  private writeLatest() {
    const progress = this.latest;
    if (this.closed || !progress || progress === this.written) return;
    this.written = progress;
    this.lastWriteAt = Date.now();
    this.writing = this.write(progress)
      .catch(error => this.options.logger.debug(`Could not record sync progress: ${error}`))
      .finally(() => {
        this.writing = undefined;
        if (this.latest !== this.written) this.schedule();
      });
  }
}
