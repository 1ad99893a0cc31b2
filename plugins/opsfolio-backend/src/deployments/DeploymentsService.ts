import type { Entity } from '@backstage/catalog-model';
import type {
  CurrentDeploymentsResponse,
  Deployment,
  DeploymentsPage,
  DoraResult,
  WeeklyDeploymentsResponse,
} from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import type { DoraSettings } from './doraSettings';
import type { DeploymentQuery, StoredDeployment } from './DeploymentStore';

/**
 * What the deployments pillar needs of the on-call pillar: when production incidents began, so the change
 * failure rate counts deploys that caused one. The on-call pillar provides it.
 */
export interface IncidentStarts {
  /** An entity's incidents that began at or after `from`. */
  ofEntity(entityRef: string, from: Date): Promise<Array<{ startedAt: string }>>;
  /** Every entity's incidents since `from` (and any still open), by entity ref key. */
  all(from: Date): Promise<Map<string, Array<{ startedAt: string }>>>;
}

/** An entity's recent deploys and DORA figures as of a moment: what readiness facts read. */
export interface DeploymentHistory {
  /** Every deploy that started in the lookback, any environment, oldest first. */
  deployments: StoredDeployment[];
  /** The entity's production environments (its annotation, or the configured ones). */
  productionEnvironments: string[];
  /** DORA over the configured window ending at `asOf`. */
  dora: DoraResult;
}

/** The deployments pillar: deploy history from vendors and CI pushes, what runs where, and DORA figures. */
export interface DeploymentsService {
  readonly settings: DoraSettings;
  /** A page of an entity's deployments, newest first. */
  list(entityRef: string, query: DeploymentQuery): Promise<DeploymentsPage>;
  /** What runs in each environment now, and the last deploy anywhere. */
  current(entity: Entity): Promise<CurrentDeploymentsResponse>;
  /** Production deploys per week over the last `weeks` weeks, this one included. */
  weekly(entity: Entity, weeks: number): Promise<WeeklyDeploymentsResponse>;
  /** DORA figures over the last `windowDays` days (default: configured), for production or one environment. */
  dora(entity: Entity, options?: { windowDays?: number; environment?: string }): Promise<DoraResult>;
  /**
   * A CI's batch of deploy events: every entity must exist in the catalog and no externalId repeat (one
   * InputError lists every problem); stored whole or not at all under `source`.
   */
  acceptPush(source: string, events: Array<DeploymentRecord & { entityRef: string }>): Promise<void>;
  /** The newest deployment of an entity, whatever its environment. */
  last(entityRef: string): Promise<Deployment | undefined>;
  /** Who deployed what since `from`: deploys per (entity, actor), for one entity or all. */
  deployersSince(from: Date, entityRef?: string): Promise<Array<{ entityRef: string; actor: string; deploys: number }>>;
  /** Each entity's deploys over `lookbackDays` before `asOf` and its DORA figures as of then. */
  histories(entities: Array<{ entityRef: string; entity: Pick<Entity, 'metadata'> }>, options: { asOf: Date; lookbackDays: number }): Promise<Map<string, DeploymentHistory>>;
}
