import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Incident, IncidentsPage, IncidentStatus, OnCallNow, OnCallResponse, TeamOnCallResponse } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord } from '@opsfolio/backstage-plugin-node';

/**
 * The on-call pillar: who is on call now (read live, cached, the last read kept for when a vendor fails),
 * incidents from vendors and pushes, response times and rota drift against the owning team.
 */
export interface OnCallService {
  /** The sources installed, with the annotations that map an entity to each. */
  readonly sources: ReadonlyArray<{ id: string; annotations: string[] }>;
  /**
   * Who is on call for an entity now, drift against its owner and response times over 30 and 90 days.
   * Throws a ServiceUnavailableError when every vendor failed and nothing was ever stored.
   */
  entityOnCall(entity: Entity, credentials: BackstageCredentials): Promise<OnCallResponse>;
  /** Every service a group and its sub-teams own, who is on call for each now, drift and 30-day response times. */
  teamOnCall(group: Entity, credentials: BackstageCredentials): Promise<TeamOnCallResponse>;
  /** A page of an entity's incidents, newest first. */
  incidents(entityRef: string, query: { status?: IncidentStatus; limit: number; offset: number }): Promise<IncidentsPage>;
  /**
   * A batch of incidents pushed by a tool without a module: every entity must exist and no externalId repeat
   * (one InputError lists every problem); stored whole or not at all under `source`.
   */
  acceptPush(source: string, events: Array<IncidentRecord & { entityRef: string }>): Promise<void>;
  /** An entity's last stored read from each source that has one. */
  lastReads(entityRef: string): Promise<OnCallNow[]>;
  /** Every entity's last stored reads, by entity ref key: no vendor call. */
  allLastReads(): Promise<Map<string, OnCallNow[]>>;
  /** An entity's incidents created since `from` and every one still open. */
  incidentsSince(entityRef: string, from: Date): Promise<Incident[]>;
  /** Every entity's incidents created since `from` and every one still open, by entity ref key. */
  allIncidentsSince(from: Date): Promise<Map<string, Incident[]>>;
}
