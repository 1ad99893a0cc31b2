import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { opsfolioApiRef, type OpsfolioApi } from '../../api/OpsfolioApi';

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations: { 'opsfolio.io/tier': '1' } },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

/** The readiness tab also asks for the entity's campaigns: by default the entity is in none. */
const notInCampaigns: Partial<OpsfolioApi> = {
  getEntityCampaigns: async () => ({ entityRef: 'component:default/payments-api', campaigns: [] }),
};

/** Renders a scorecard card or tab on the payments-api page with the given API answers. */
export async function renderOnEntityPage(element: JSX.Element, api: Partial<OpsfolioApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, { ...notInCampaigns, ...api }]]}>
      <EntityProvider entity={paymentsApi}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
