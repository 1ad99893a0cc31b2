import { createRouteRef as createLegacyRouteRef } from '@backstage/core-plugin-api';
import { createRouteRef } from '@backstage/frontend-plugin-api';

// Unlike the other pages' refs (in plugin.ts and alpha/pages.tsx), these live apart: the readiness tab links to the
// campaigns page in either frontend system, and importing one system's plugin module would pull it into the other.

/** The campaigns page of the legacy frontend system. */
export const legacyCampaignsPageRouteRef = createLegacyRouteRef({ id: 'opsfolio:campaigns-page' });

/** The campaigns page of the new frontend system. */
export const campaignsPageRouteRef = createRouteRef();
