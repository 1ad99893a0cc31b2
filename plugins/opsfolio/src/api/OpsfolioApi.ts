import { createApiRef } from '@backstage/core-plugin-api';
import type { OpsfolioApi } from '@opsfolio/backstage-plugin-common';

// The API and its client live in @opsfolio/backstage-plugin-common (usable from other plugins and scripts); the
// types are re-exported here so the cards and the adopters importing them from this package keep working.
export type { CostQuery, DeploymentsQuery, OpsfolioApi, ScorecardOverviewQuery } from '@opsfolio/backstage-plugin-common';

/** The {@link @opsfolio/backstage-plugin-common#OpsfolioApi} the Opsfolio cards read the backend through. @public */
export const opsfolioApiRef = createApiRef<OpsfolioApi>({ id: 'plugin.opsfolio.api' });
