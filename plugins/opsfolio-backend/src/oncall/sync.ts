import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallSource, OnCallSyncContext } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { sourceSyncJob } from '../platform/sync/sourceSyncJob';
import type { OnCallStore } from './OnCallStore';

/** An on-call source as a sync job: incidents and a fresh on-call snapshot per entity. */
export function onCallSyncJob(
  source: OnCallSource,
  deps: { catalog: CatalogService; auth: AuthService; store: OnCallStore; db: Knex },
) {
  return sourceSyncJob<OnCallSyncContext>(source, 'oncall', deps, {
    saveIncidents: (entityRef, incidents) => deps.store.upsertIncidents(source.id, entityRef, incidents),
    saveOnCall: (entityRef, onCall) => deps.store.saveSnapshot(entityRef, source.id, onCall),
    knownIncidents: (entityRef, externalIds) => deps.store.knownIncidents(source.id, entityRef, externalIds),
  });
}
