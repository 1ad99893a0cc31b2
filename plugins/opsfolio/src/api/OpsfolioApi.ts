import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntitySummaryResponse, HealthResponse } from '@opsfolio/backstage-plugin-common';

/** The browser's view of the Opsfolio backend. @public */
export interface OpsfolioApi {
  getHealth(): Promise<HealthResponse>;
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySummaryResponse>;
}

/** @public */
export const opsfolioApiRef = createApiRef<OpsfolioApi>({ id: 'plugin.opsfolio.api' });
