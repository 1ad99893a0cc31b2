import type { Incident, IncidentStatus, OnCallNow } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord, OnCallRead } from '@opsfolio/backstage-plugin-node';

/**
 * The last "on call now" read per entity and source, and incidents keyed by (source, externalId, entity).
 * Entity refs compare case-insensitively, as the catalog compares them.
 */
export interface OnCallStore {
  /** Keeps a source's latest read of who is on call for an entity, replacing the one before. */
  saveSnapshot(entityRef: string, source: string, onCall: OnCallRead): Promise<void>;
  /** A source's last stored read for an entity. */
  snapshot(entityRef: string, source: string): Promise<OnCallNow | undefined>;
  /** Every stored read, by entity ref key. */
  allSnapshots(): Promise<Map<string, OnCallNow[]>>;
  /** Inserts or updates a source's incidents of an entity. */
  upsertIncidents(source: string, entityRef: string, records: IncidentRecord[]): Promise<void>;
  /** `upsertIncidents` for several entities in one transaction: a pushed batch is stored whole or not at all. */
  upsertIncidentsMany(source: string, byEntity: Map<string, IncidentRecord[]>): Promise<void>;
  /** What a source already stored of these incidents, so a sync can skip resolved ones. */
  knownIncidents(source: string, entityRef: string, externalIds: string[]): Promise<Map<string, { status: IncidentStatus; acknowledgedAt?: string }>>;
  /** A page of an entity's incidents, newest first. */
  listIncidents(entityRef: string, query: { status?: IncidentStatus; limit: number; offset: number }): Promise<{ items: Incident[]; total: number }>;
  /** Every entity's incidents created since `from` and every one still open, by entity ref key. */
  allForResponseTimes(from: Date): Promise<Map<string, Incident[]>>;
  /** One entity's incidents created since `from` and every one still open. */
  forResponseTimes(entityRef: string, from: Date): Promise<Incident[]>;
}
