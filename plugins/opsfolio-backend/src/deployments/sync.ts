import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DeploymentSource, DeploymentSyncContext } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { sourceSyncJob } from '../platform/sync/sourceSyncJob';
import type { DeploymentStore } from './DeploymentStore';

/** A deployment source as a sync job: it saves into the deployment store. */
export function deploymentSyncJob(
  source: DeploymentSource,
  deps: { catalog: CatalogService; auth: AuthService; store: DeploymentStore; db: Knex },
) {
  return sourceSyncJob<DeploymentSyncContext>(source, 'deployments', deps, {
    save: (entityRef, deployments) => deps.store.upsert(source.id, entityRef, deployments),
    known: (entityRef, externalIds) => deps.store.known(source.id, entityRef, externalIds),
  });
}
