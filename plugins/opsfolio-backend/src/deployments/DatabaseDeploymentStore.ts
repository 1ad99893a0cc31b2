import type { Knex } from 'knex';
import { type DeploymentStatus, refKey } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { toIso } from '../platform/time';
import type { DeploymentQuery, DeploymentStore, StoredDeployment } from './DeploymentStore';
import { markRollbacks } from './rollbacks';

const TABLE = 'opsfolio_deployments';
const FINAL: ReadonlySet<DeploymentStatus> = new Set(['success', 'failure', 'cancelled']);
const KEPT_WHEN_MISSING = ['commit_sha', 'url', 'actor', 'commit_timestamps', 'incident_id'];
const FINAL_SQL = [...FINAL].map(status => `'${status}'`).join(', ');

type Row = {
  id: number;
  source: string;
  external_id: string;
  entity_ref: string;
  environment: string;
  version: string;
  commit_sha: string | null;
  status: DeploymentStatus;
  started_at: unknown;
  finished_at: unknown;
  url: string | null;
  actor: string | null;
  rollback: boolean | number;
  commit_timestamps: string | null;
  incident_id: string | null;
};

const toDeployment = (row: Row): StoredDeployment => ({
  source: row.source,
  externalId: row.external_id,
  entityRef: row.entity_ref,
  environment: row.environment,
  version: row.version,
  commitSha: row.commit_sha ?? undefined,
  status: row.status,
  startedAt: toIso(row.started_at)!,
  finishedAt: toIso(row.finished_at),
  url: row.url ?? undefined,
  actor: row.actor ?? undefined,
  ...(row.incident_id ? { incidentId: row.incident_id } : {}),
  rollback: Boolean(row.rollback),
  commitTimestamps: row.commit_timestamps ? JSON.parse(row.commit_timestamps) : [],
});

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : null);

/** {@link DeploymentStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Inserts or updates deployments, then re-derives rollbacks for the environments touched. A report
   * that arrives late never turns a finished deployment back into a running one.
   */
  async upsert(source: string, entityRef: string, records: DeploymentRecord[]): Promise<void> {
    await this.db.transaction(tx => this.upsertIn(tx, source, entityRef, records));
  }

  async upsertMany(source: string, byEntity: Map<string, DeploymentRecord[]>): Promise<void> {
    await this.db.transaction(async tx => {
      for (const [entityRef, records] of byEntity) await this.upsertIn(tx, source, entityRef, records);
    });
  }

  private async upsertIn(tx: Knex.Transaction, source: string, entityRef: string, records: DeploymentRecord[]): Promise<void> {
    if (records.length === 0) return;
    const ref = refKey(entityRef);
    const updatedAt = this.now().toISOString();
    const rows = records.map(r => ({
      source,
      external_id: r.externalId,
      entity_ref: ref,
      environment: r.environment,
      version: r.version,
      commit_sha: r.commitSha ?? null,
      status: r.status,
      started_at: iso(r.startedAt),
      finished_at: iso(r.finishedAt),
      url: r.url ?? null,
      actor: r.actor ?? null,
      incident_id: r.incidentId ?? null,
      commit_timestamps: r.commitTimestamps?.length ? JSON.stringify(r.commitTimestamps.map(t => iso(t))) : null,
      updated_at: updatedAt,
    }));
    // Decided in the statement, not by a read before it: two replicas storing reports of one deployment at once
    // cannot turn a finished deployment back into a running one.
    const staysFinal = `${TABLE}.status IN (${FINAL_SQL}) AND excluded.status NOT IN (${FINAL_SQL})`;
    // Chunks keep every dialect under its bound-parameter limit.
    for (let i = 0; i < rows.length; i += 200) {
      await tx(TABLE)
        .insert(rows.slice(i, i + 200))
        .onConflict(['source', 'external_id', 'entity_ref'])
        .merge({
          environment: tx.raw('excluded.environment'),
          version: tx.raw('excluded.version'),
          started_at: tx.raw('excluded.started_at'),
          updated_at: tx.raw('excluded.updated_at'),
          status: tx.raw(`CASE WHEN ${staysFinal} THEN ${TABLE}.status ELSE excluded.status END`),
          finished_at: tx.raw(`CASE WHEN ${staysFinal} THEN ${TABLE}.finished_at ELSE COALESCE(excluded.finished_at, ${TABLE}.finished_at) END`),
          // A report that leaves a value out (a late in_progress, a CI without the commit) keeps the known one.
          ...Object.fromEntries(KEPT_WHEN_MISSING.map(column => [column, tx.raw(`COALESCE(excluded.${column}, ${TABLE}.${column})`)])),
        });
    }
    for (const environment of new Set(records.map(r => r.environment))) {
      await this.deriveRollbacks(tx, ref, environment);
    }
  }

  async known(source: string, entityRef: string, externalIds: string[]) {
    const result = new Map<string, { status: DeploymentStatus; commitSha?: string }>();
    for (let i = 0; i < externalIds.length; i += 500) {
      const rows: Array<Pick<Row, 'external_id' | 'status' | 'commit_sha'>> = await this.db(TABLE)
        .select('external_id', 'status', 'commit_sha')
        .where({ source, entity_ref: refKey(entityRef) })
        .whereIn('external_id', externalIds.slice(i, i + 500));
      for (const row of rows) result.set(row.external_id, { status: row.status, commitSha: row.commit_sha ?? undefined });
    }
    return result;
  }

  private async deriveRollbacks(db: Knex, entityRef: string, environment: string) {
    const rows: Row[] = await db(TABLE)
      .where({ entity_ref: entityRef, environment })
      .orderBy([{ column: 'started_at' }, { column: 'id' }]);
    const before = new Map(rows.map(r => [r.id, Boolean(r.rollback)]));
    const marked = markRollbacks(rows.map(r => ({ ...toDeployment(r), id: r.id })));
    const flip = (value: boolean) => marked.filter(d => d.rollback === value && before.get(d.id) !== value).map(d => d.id);
    for (const value of [true, false]) {
      const ids = flip(value);
      for (let i = 0; i < ids.length; i += 500) {
        await db(TABLE).whereIn('id', ids.slice(i, i + 500)).update({ rollback: value });
      }
    }
  }

  async list(entityRef: string, query: DeploymentQuery): Promise<{ items: StoredDeployment[]; total: number }> {
    const base = this.db(TABLE)
      .where('entity_ref', refKey(entityRef))
      .modify(q => {
        if (query.environment) q.andWhere('environment', query.environment);
        if (query.status) q.andWhere('status', query.status);
      });
    const [{ total }] = await base.clone().count({ total: '*' });
    const rows: Row[] = await base
      .clone()
      .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(toDeployment), total: Number(total) };
  }

  /** Deployments of an entity that started in [from, to), oldest first, for DORA. */
  async between(entityRef: string, from: Date, to: Date): Promise<StoredDeployment[]> {
    const rows: Row[] = await this.db(TABLE)
      .where('entity_ref', refKey(entityRef))
      .andWhere('started_at', '>=', from.toISOString())
      .andWhere('started_at', '<', to.toISOString())
      .orderBy([{ column: 'started_at' }, { column: 'id' }]);
    return rows.map(toDeployment);
  }

  /** Every entity's deployments that started in [from, to), by entity, oldest first: the scorecards read all at once. */
  async allBetween(from: Date, to: Date, entityRefs?: string[]): Promise<Map<string, StoredDeployment[]>> {
    const rows: Row[] = await this.db(TABLE)
      .where('started_at', '>=', from.toISOString())
      .andWhere('started_at', '<', to.toISOString())
      .modify(q => (entityRefs && entityRefs.length <= 500 ? q.whereIn('entity_ref', entityRefs.map(refKey)) : q))
      .orderBy([{ column: 'started_at' }, { column: 'id' }]);
    const byEntity = new Map<string, StoredDeployment[]>();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? byEntity.set(row.entity_ref, []).get(row.entity_ref)!;
      list.push(toDeployment(row));
    }
    return byEntity;
  }

  /** Who deployed what since `from`: deploys per (entity, actor), for one entity or all; for ownership drift. */
  async deployersSince(from: Date, entityRef?: string): Promise<Array<{ entityRef: string; actor: string; deploys: number }>> {
    const rows: Array<{ entity_ref: string; actor: string; deploys: number | string }> = await this.db(TABLE)
      .select('entity_ref', 'actor')
      .count({ deploys: '*' })
      .whereNotNull('actor')
      .andWhere('started_at', '>=', from.toISOString())
      .modify(q => (entityRef ? q.andWhere('entity_ref', refKey(entityRef)) : q))
      .groupBy('entity_ref', 'actor');
    return rows.map(r => ({ entityRef: r.entity_ref, actor: r.actor, deploys: Number(r.deploys) }));
  }

  /** Per environment: the newest deployment and the newest successful one (what runs there now). */
  async current(entityRef: string): Promise<Array<{ environment: string; latest: StoredDeployment; running?: StoredDeployment }>> {
    const ref = refKey(entityRef);
    const environments: Array<{ environment: string }> = await this.db(TABLE)
      .distinct('environment')
      .where('entity_ref', ref);
    const result = [];
    for (const { environment } of environments) {
      const newest = (status?: DeploymentStatus) =>
        this.db(TABLE)
          .where({ entity_ref: ref, environment })
          .modify(q => (status ? q.andWhere('status', status) : q))
          .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
          .first();
      const latest: Row = await newest();
      const running: Row | undefined = await newest('success');
      result.push({ environment, latest: toDeployment(latest), running: running ? toDeployment(running) : undefined });
    }
    return result.sort((a, b) => a.environment.localeCompare(b.environment));
  }

  /** The newest deployment of an entity, whatever its environment: when it last shipped. */
  async last(entityRef: string): Promise<StoredDeployment | undefined> {
    const row: Row | undefined = await this.db(TABLE)
      .where('entity_ref', refKey(entityRef))
      .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .first();
    return row ? toDeployment(row) : undefined;
  }
}
