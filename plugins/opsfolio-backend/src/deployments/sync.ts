import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DeploymentSource } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { entitiesWithAnnotations } from '../platform/catalog/entitiesWithAnnotations';
import { sourceStateStore } from '../platform/sync/sourceStateStore';
import type { SyncJob } from '../platform/sync/types';
import type { DeploymentStore } from './store';

/** Wraps a vendor's deployment source into a sync job: it gets its entities, its state and a place to save. */
export function deploymentSyncJob(
  source: DeploymentSource,
  deps: { catalog: CatalogService; auth: AuthService; store: DeploymentStore; db: Knex },
): SyncJob {
  return {
    id: source.id,
    pillar: 'deployments',
    vendor: source.vendor,
    async run(context) {
      const entities = await entitiesWithAnnotations(deps.catalog, deps.auth, source.annotations);
      return source.sync({
        ...context,
        entities,
        state: sourceStateStore(deps.db, source.id),
        save: (entityRef, deployments) => deps.store.upsert(source.id, entityRef, deployments),
        known: (entityRef, externalIds) => deps.store.known(source.id, entityRef, externalIds),
      });
    },
  };
}
