import type { AuthService, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CostSource, CostSyncContext } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { sourceSyncJob } from '../platform/sync/sourceSyncJob';
import type { SyncJob } from '../platform/sync/types';
import type { CostStore } from './CostStore';
import type { CostAllocation } from './costSettings';

/**
 * Billing data changes at most a few times a day and Cost Explorer bills every request: four runs a day
 * unless `opsfolio.sources.<id>.schedule` says otherwise.
 */
const COST_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 10 },
};

/** A cost source as a sync job: one org-wide read, stored by day; entities are mapped at read time. */
export function costSyncJob(
  source: CostSource,
  deps: {
    catalog: CatalogService;
    auth: AuthService;
    store: CostStore;
    db: Knex;
    allocation: CostAllocation;
    /** The other tag keys entities name, read at each run from the shared catalog snapshot. */
    entityTagKeys: () => Promise<string[]>;
  },
): SyncJob {
  const job = sourceSyncJob<CostSyncContext>({ ...source, annotations: [], sync: c => source.sync(c) }, 'cost', deps, {
    tagKey: deps.allocation.key,
    allocation: deps.allocation.allocation,
    entityTagKeys: deps.entityTagKeys,
    replaceDays: (range, records) => deps.store.replaceDays(source.id, range, records),
    storedDays: () => deps.store.storedDays(source.id),
  });
  return { ...job, defaultSchedule: COST_SYNC_SCHEDULE };
}
