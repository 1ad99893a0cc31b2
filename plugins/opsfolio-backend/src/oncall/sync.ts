import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallSource } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { entitiesWithAnnotations } from '../platform/catalog/entitiesWithAnnotations';
import { sourceStateStore } from '../platform/sync/sourceStateStore';
import type { SyncJob } from '../platform/sync/types';
import type { OnCallStore } from './store';

/** Wraps a vendor's on-call source into a sync job: incidents and a fresh on-call snapshot per entity. */
export function onCallSyncJob(
  source: OnCallSource,
  deps: { catalog: CatalogService; auth: AuthService; store: OnCallStore; db: Knex },
): SyncJob {
  return {
    id: source.id,
    pillar: 'oncall',
    vendor: source.vendor,
    async run(context) {
      const entities = await entitiesWithAnnotations(deps.catalog, deps.auth, source.annotations);
      return source.sync({
        ...context,
        entities,
        state: sourceStateStore(deps.db, source.id),
        saveIncidents: (entityRef, incidents) => deps.store.upsertIncidents(source.id, entityRef, incidents),
        saveOnCall: (entityRef, onCall) => deps.store.saveSnapshot(entityRef, source.id, onCall),
        knownIncidents: (entityRef, externalIds) => deps.store.knownIncidents(source.id, entityRef, externalIds),
      });
    },
  };
}
