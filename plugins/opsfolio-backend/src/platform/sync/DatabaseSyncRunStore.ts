import type { Knex } from 'knex';
import { DAY_MS, type SyncProgress, type SyncRun, type SyncRunDetails } from '@opsfolio/backstage-plugin-common';
import { toIso } from '../time';
import type { LastRuns, SyncRunStore } from './SyncRunStore';

const TABLE = 'opsfolio_sync_runs';
/** Runs older than this are pruned; the newest run and the newest success of each source are always kept. */
const KEEP_DAYS = 30;
const MAX_ERROR_LENGTH = 2000;

type Row = {
  id: number;
  source_id: string;
  status: SyncRun['status'];
  started_at: unknown;
  finished_at: unknown;
  items: number | null;
  error: string | null;
  details: string | null;
  progress: string | null;
};

/** Problems kept per run: enough to find the rows, bounded so a broken file cannot bloat the run log. */
const MAX_PROBLEMS = 20;

function parsed<T>(raw: string | null): T | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

const toRun = (row: Row): SyncRun => ({
  sourceId: row.source_id,
  status: row.status,
  startedAt: toIso(row.started_at)!,
  finishedAt: toIso(row.finished_at),
  items: row.items ?? undefined,
  error: row.error ?? undefined,
  details: parsed<SyncRunDetails>(row.details),
  progress: row.status === 'running' ? parsed<SyncProgress>(row.progress) : undefined,
});

/** {@link SyncRunStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseSyncRunStore implements SyncRunStore {
  constructor(private readonly db: Knex) {}

  async closeInterrupted(sourceId: string, at: Date): Promise<void> {
    await this.db(TABLE).where({ source_id: sourceId, status: 'running' }).update({
      status: 'failed',
      finished_at: at.toISOString(),
      error: 'Interrupted: the run did not finish (the backend stopped or the run timed out)',
      progress: null,
    });
  }

  async start(sourceId: string, startedAt: Date): Promise<number> {
    const [row] = await this.db(TABLE)
      .insert({ source_id: sourceId, status: 'running', started_at: startedAt.toISOString() })
      .returning('id');
    return typeof row === 'object' ? row.id : row;
  }

  async progress(id: number, progress: SyncProgress): Promise<void> {
    await this.db(TABLE).where({ id, status: 'running' }).update({ progress: JSON.stringify(progress) });
  }

  async finish(
    id: number,
    outcome: { status: 'succeeded' | 'failed'; finishedAt: Date; items?: number; error?: string; details?: SyncRunDetails },
  ): Promise<void> {
    const details = outcome.details && { ...outcome.details, problems: outcome.details.problems?.slice(0, MAX_PROBLEMS) };
    await this.db(TABLE)
      .where({ id })
      .update({
        status: outcome.status,
        finished_at: outcome.finishedAt.toISOString(),
        items: outcome.items ?? null,
        error: outcome.error ? outcome.error.slice(0, MAX_ERROR_LENGTH) : null,
        details: details ? JSON.stringify(details) : null,
        progress: null,
      });
  }

  async prune(sourceId: string, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - KEEP_DAYS * DAY_MS).toISOString();
    const keep = await this.freshness([sourceId]);
    const lastSuccess = keep.get(sourceId)?.lastSuccessAt;
    await this.db(TABLE)
      .where('source_id', sourceId)
      .andWhere('started_at', '<', cutoff)
      .modify(q => {
        if (lastSuccess) q.andWhereNot('finished_at', lastSuccess);
      })
      .delete();
  }

  /** Two queries whatever the number of sources. */
  async freshness(sourceIds: string[]): Promise<Map<string, LastRuns>> {
    const result = new Map<string, LastRuns>();
    if (sourceIds.length === 0) return result;
    const lastRuns: Row[] = await this.db(TABLE).whereIn(
      'id',
      this.db(TABLE).max('id').whereIn('source_id', sourceIds).groupBy('source_id'),
    );
    for (const row of lastRuns) result.set(row.source_id, { lastRun: toRun(row) });
    const successes: Array<{ source_id: string; last: unknown }> = await this.db(TABLE)
      .select('source_id')
      .max({ last: 'finished_at' })
      .whereIn('source_id', sourceIds)
      .andWhere('status', 'succeeded')
      .groupBy('source_id');
    for (const row of successes) {
      const entry = result.get(row.source_id) ?? {};
      entry.lastSuccessAt = toIso(row.last);
      result.set(row.source_id, entry);
    }
    return result;
  }

  async history(sourceId: string, limit: number): Promise<SyncRun[]> {
    const rows: Row[] = await this.db(TABLE).where('source_id', sourceId).orderBy('id', 'desc').limit(limit);
    return rows.map(toRun);
  }
}
