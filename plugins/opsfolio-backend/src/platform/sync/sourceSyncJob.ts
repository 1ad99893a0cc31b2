import type { AuthService } from '@backstage/backend-plugin-api';
import type { PillarId } from '@opsfolio/backstage-plugin-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SourceSyncContext, SourceSyncResult } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { entitiesWithAnnotations } from '../catalog/entitiesWithAnnotations';
import { sourceStateStore } from './sourceStateStore';
import type { SyncJob } from './types';

/**
 * Wraps any pillar's vendor source into a sync job: each run hands it the entities carrying its
 * annotations, its own state, and the pillar's ways to save (`extra`).
 */
export function sourceSyncJob<C extends SourceSyncContext>(
  source: { id: string; vendor: string; annotations: string[]; sync(context: C): Promise<SourceSyncResult> },
  pillar: PillarId,
  deps: { catalog: CatalogService; auth: AuthService; db: Knex },
  extra: Omit<C, keyof SourceSyncContext>,
): SyncJob {
  return {
    id: source.id,
    pillar,
    vendor: source.vendor,
    annotations: source.annotations,
    async run(context) {
      const entities = await entitiesWithAnnotations(deps.catalog, deps.auth, source.annotations);
      return source.sync({ ...context, entities, state: sourceStateStore(deps.db, source.id), ...extra } as C);
    },
  };
}
