import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Incident, OnCallNow } from '@opsfolio/backstage-plugin-common';
import type { SourceEntity, SourceSyncContext, SourceSyncResult } from './context';

/** An incident as a source reports it; the backend adds the source and the entity. @public */
export type IncidentRecord = Omit<Incident, 'source' | 'entityRef'>;

/** Who is on call as a source reads it; the backend adds the source id. @public */
export type OnCallRead = Omit<OnCallNow, 'source'>;

/** Given to an on-call source's scheduled sync. @public */
export interface OnCallSyncContext extends SourceSyncContext {
  /** Stores (inserts or updates) incidents of one entity; call it page by page. */
  saveIncidents(entityRef: string, incidents: IncidentRecord[]): Promise<void>;
  /** Keeps the latest "on call now" of an entity, served with its age when the vendor is down. */
  saveOnCall(entityRef: string, onCall: OnCallRead): Promise<void>;
  /** Incidents already stored for an entity, to skip work (such as reading log entries) done before. */
  knownIncidents(entityRef: string, externalIds: string[]): Promise<Map<string, { status: Incident['status']; acknowledgedAt?: string }>>;
}

/**
 * A vendor that knows who is on call and about incidents (PagerDuty, Opsgenie, their successors).
 * @public
 */
export interface OnCallSource {
  /** Unique and stable: the sync task, run log and stored rows are keyed by it. */
  id: string;
  /** The vendor it reads, e.g. `pagerduty`. */
  vendor: string;
  /** The entity annotations it reads; entities with any of them are its to answer. */
  annotations: string[];
  /** Who is on call for one entity right now, at every escalation level; read live behind a short cache. */
  readOnCall(entity: SourceEntity, signal: AbortSignal): Promise<OnCallRead | undefined>;
  /** The scheduled sync: incidents, and a fresh "on call now" for every entity. */
  sync(context: OnCallSyncContext): Promise<SourceSyncResult>;
}

/** What {@link opsfolioOnCallSourcesExtensionPoint} offers. @public */
export interface OpsfolioOnCallSourcesExtensionPoint {
  /** Registers an on-call source: the backend schedules its sync and asks it who is on call. */
  addOnCallSource(source: OnCallSource): void;
}

/**
 * Where vendor modules register their on-call sources.
 * @public
 */
export const opsfolioOnCallSourcesExtensionPoint = createExtensionPoint<OpsfolioOnCallSourcesExtensionPoint>({
  id: 'opsfolio.oncall-sources',
});

