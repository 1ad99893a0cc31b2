import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Deployment, DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { SourceSyncContext, SourceSyncResult } from './context';

/**
 * One deployment as a source reports it: a stored deployment without what the backend adds (the source,
 * the entity, the rollback flag), plus the commits it shipped for change lead time.
 * @public
 */
export type DeploymentRecord = Omit<Deployment, 'source' | 'entityRef' | 'rollback'> & {
  /** Times of the commits this deployment shipped for the first time. */
  commitTimestamps?: string[];
};

/** Given to a deployment source's sync run. @public */
export interface DeploymentSyncContext extends SourceSyncContext {
  /** Stores (inserts or updates) deployments of one entity; call it page by page so a failure keeps what was read. */
  save(entityRef: string, deployments: DeploymentRecord[]): Promise<void>;
  /** Deployments already stored for an entity, newest first, to decide where an incremental read can stop. */
  known(entityRef: string, externalIds: string[]): Promise<Map<string, { status: DeploymentStatus; commitSha?: string }>>;
}

/** A vendor that knows about deployments (GitHub, GitLab, ...). @public */
export interface DeploymentSource {
  /** Unique and stable: the sync task, run log and stored rows are keyed by it. */
  id: string;
  /** The vendor it reads, e.g. `github`. */
  vendor: string;
  /** The entity annotations it reads; entities with any of them are handed to `sync`. */
  annotations: string[];
  /** The scheduled sync: reads deployments and stores them with `save`; `items` is what it stored. */
  sync(context: DeploymentSyncContext): Promise<SourceSyncResult>;
}

/** What {@link opsfolioDeploymentSourcesExtensionPoint} offers. @public */
export interface OpsfolioDeploymentSourcesExtensionPoint {
  /** Registers a deployment source: the backend schedules its sync and reads what it stores. */
  addDeploymentSource(source: DeploymentSource): void;
}

/**
 * Where vendor modules register their deployment sources.
 * @public
 */
export const opsfolioDeploymentSourcesExtensionPoint = createExtensionPoint<OpsfolioDeploymentSourcesExtensionPoint>({
  id: 'opsfolio.deployment-sources',
});
