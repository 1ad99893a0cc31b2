import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { SourceSyncContext } from './context';

/** One deployment as a source reports it; the backend derives rollbacks and stores it. @public */
export interface DeploymentRecord {
  /** The vendor's id; with the source id it identifies the deployment, so re-reporting updates it. */
  externalId: string;
  environment: string;
  /** The version shipped: a tag or release name, else the commit sha. */
  version: string;
  commitSha?: string;
  status: DeploymentStatus;
  startedAt: string;
  finishedAt?: string;
  url?: string;
  actor?: string;
  /** Times of the commits this deployment shipped for the first time, for change lead time. */
  commitTimestamps?: string[];
}

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
  vendor: string;
  /** The entity annotations it reads; entities with any of them are handed to `sync`. */
  annotations: string[];
  sync(context: DeploymentSyncContext): Promise<{ items: number }>;
}

/** @public */
export interface OpsfolioDeploymentSourcesExtensionPoint {
  addDeploymentSource(source: DeploymentSource): void;
}

/**
 * Where vendor modules register their deployment sources.
 * @public
 */
export const opsfolioDeploymentSourcesExtensionPoint = createExtensionPoint<OpsfolioDeploymentSourcesExtensionPoint>({
  id: 'opsfolio.deployment-sources',
});
