import type { Knex } from 'knex';
import { type Incident, type IncidentStatus, type OnCallNow, refKey } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord, OnCallRead } from '@opsfolio/backstage-plugin-node';
import { toIso } from '../platform/time';
import type { OnCallStore } from './OnCallStore';

const SNAPSHOTS = 'opsfolio_oncall_snapshots';
const INCIDENTS = 'opsfolio_incidents';
const STAYS_RESOLVED = `${INCIDENTS}.status = 'resolved' AND excluded.status <> 'resolved'`;

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : null);

type IncidentRow = {
  id: number;
  source: string;
  external_id: string;
  entity_ref: string;
  title: string;
  status: IncidentStatus;
  urgency: Incident['urgency'] | null;
  severity: string | null;
  created_at: unknown;
  acknowledged_at: unknown;
  resolved_at: unknown;
  url: string | null;
};

const toIncident = (row: IncidentRow): Incident => ({
  source: row.source,
  externalId: row.external_id,
  entityRef: row.entity_ref,
  title: row.title,
  status: row.status,
  urgency: row.urgency ?? undefined,
  severity: row.severity ?? undefined,
  createdAt: toIso(row.created_at)!,
  acknowledgedAt: toIso(row.acknowledged_at),
  resolvedAt: toIso(row.resolved_at),
  url: row.url ?? undefined,
});

/** {@link OnCallStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseOnCallStore implements OnCallStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveSnapshot(entityRef: string, source: string, onCall: OnCallRead): Promise<void> {
    await this.db(SNAPSHOTS)
      .insert({
        entity_ref: refKey(entityRef),
        source,
        snapshot: JSON.stringify({ ...onCall, source }),
        read_at: iso(onCall.readAt),
      })
      .onConflict(['entity_ref', 'source'])
      .merge(['snapshot', 'read_at'])
      // Two replicas reading at once: the older read never replaces the newer one.
      .where(`${SNAPSHOTS}.read_at`, '<=', iso(onCall.readAt));
  }

  async snapshot(entityRef: string, source: string): Promise<OnCallNow | undefined> {
    const row = await this.db(SNAPSHOTS).where({ entity_ref: refKey(entityRef), source }).first('snapshot');
    return row ? (JSON.parse(row.snapshot) as OnCallNow) : undefined;
  }

  /** Every stored read, by entity: the ownership overview checks each rota against its owner in one query. */
  async allSnapshots(): Promise<Map<string, OnCallNow[]>> {
    const rows: Array<{ entity_ref: string; snapshot: string }> = await this.db(SNAPSHOTS).select('entity_ref', 'snapshot');
    const byEntity = new Map<string, OnCallNow[]>();
    for (const row of rows) byEntity.set(row.entity_ref, [...(byEntity.get(row.entity_ref) ?? []), JSON.parse(row.snapshot) as OnCallNow]);
    return byEntity;
  }

  async upsertIncidents(source: string, entityRef: string, records: IncidentRecord[]): Promise<void> {
    await this.db.transaction(tx => this.upsertIncidentsIn(tx, source, entityRef, records));
  }

  async upsertIncidentsMany(source: string, byEntity: Map<string, IncidentRecord[]>): Promise<void> {
    await this.db.transaction(async tx => {
      for (const [entityRef, records] of byEntity) await this.upsertIncidentsIn(tx, source, entityRef, records);
    });
  }

  private async upsertIncidentsIn(tx: Knex.Transaction, source: string, entityRef: string, records: IncidentRecord[]): Promise<void> {
    if (records.length === 0) return;
    const updatedAt = this.now().toISOString();
    const rows = records.map(r => ({
      source,
      external_id: r.externalId,
      entity_ref: refKey(entityRef),
      title: r.title,
      status: r.status,
      urgency: r.urgency ?? null,
      severity: r.severity ?? null,
      created_at: iso(r.createdAt),
      acknowledged_at: iso(r.acknowledgedAt),
      resolved_at: iso(r.resolvedAt),
      url: r.url ?? null,
      updated_at: updatedAt,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await tx(INCIDENTS)
        .insert(rows.slice(i, i + 200))
        .onConflict(['source', 'external_id', 'entity_ref'])
        .merge({
          title: tx.raw('excluded.title'),
          created_at: tx.raw('excluded.created_at'),
          updated_at: tx.raw('excluded.updated_at'),
          // A resolved incident stays resolved when a late triggered/acknowledged report arrives.
          status: tx.raw(`CASE WHEN ${STAYS_RESOLVED} THEN ${INCIDENTS}.status ELSE excluded.status END`),
          resolved_at: tx.raw(`CASE WHEN ${STAYS_RESOLVED} THEN ${INCIDENTS}.resolved_at ELSE excluded.resolved_at END`),
          // A report that leaves a value out keeps the known one.
          ...Object.fromEntries(
            ['urgency', 'severity', 'acknowledged_at', 'url'].map(column => [column, tx.raw(`COALESCE(excluded.${column}, ${INCIDENTS}.${column})`)]),
          ),
        });
    }
  }

  async knownIncidents(source: string, entityRef: string, externalIds: string[]) {
    const result = new Map<string, { status: IncidentStatus; acknowledgedAt?: string }>();
    for (let i = 0; i < externalIds.length; i += 500) {
      const rows: IncidentRow[] = await this.db(INCIDENTS)
        .where({ source, entity_ref: refKey(entityRef) })
        .whereIn('external_id', externalIds.slice(i, i + 500));
      for (const row of rows) result.set(row.external_id, { status: row.status, acknowledgedAt: toIso(row.acknowledged_at) });
    }
    return result;
  }

  async listIncidents(
    entityRef: string,
    query: { status?: IncidentStatus; limit: number; offset: number },
  ): Promise<{ items: Incident[]; total: number }> {
    const base = this.db(INCIDENTS)
      .where('entity_ref', refKey(entityRef))
      .modify(q => (query.status ? q.andWhere('status', query.status) : q));
    const [{ total }] = await base.clone().count({ total: '*' });
    const rows: IncidentRow[] = await base
      .clone()
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(toIncident), total: Number(total) };
  }

  /** Every entity's incidents created since `from` and every one still open, by entity: the scorecards read all at once. */
  async allForResponseTimes(from: Date): Promise<Map<string, Incident[]>> {
    const rows: IncidentRow[] = await this.db(INCIDENTS).where(q => q.where('created_at', '>=', from.toISOString()).orWhereNot('status', 'resolved'));
    const byEntity = new Map<string, Incident[]>();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? byEntity.set(row.entity_ref, []).get(row.entity_ref)!;
      list.push(toIncident(row));
    }
    return byEntity;
  }

  /** Incidents created since `from`, and every incident still open, for response times. */
  async forResponseTimes(entityRef: string, from: Date): Promise<Incident[]> {
    const rows: IncidentRow[] = await this.db(INCIDENTS)
      .where('entity_ref', refKey(entityRef))
      .andWhere(q => q.where('created_at', '>=', from.toISOString()).orWhereNot('status', 'resolved'));
    return rows.map(toIncident);
  }
}
