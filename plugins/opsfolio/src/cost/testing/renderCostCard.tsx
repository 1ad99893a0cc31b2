// Shared by the cost card tests: each permission decision needs its own test file, since the permission
// hook caches decisions for the whole module.
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MockPermissionApi, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { describePillars, PILLARS, type EntityCostResponse, type EntitySummaryResponse, type SourceHealth } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef, type OpsfolioApi } from '../../api/OpsfolioApi';
import { EntityCostCard } from '../EntityCostCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

/** The entity's summary, its cost pillar fed by `sources`. */
export const summary = (sources: SourceHealth[] = []): EntitySummaryResponse => {
  const setup = describePillars(entity);
  return {
    entityRef: 'component:default/payments-api',
    pillars: Object.fromEntries(
      PILLARS.map(p => [p, { ...setup[p], ...(p === 'cost' ? { configured: true, found: { 'data from': 'cost allocation tag service=payments-api' } } : {}), sources }]),
    ) as unknown as EntitySummaryResponse['pillars'],
  };
};

export const cost: EntityCostResponse = {
  entityRef: 'component:default/payments-api',
  tags: [{ key: 'service', value: 'payments-api', annotated: false, entityRef: 'component:default/payments-api' }],
  allocationKey: 'service',
  granularity: 'day',
  from: '2026-10-23',
  to: '2026-11-22',
  series: [
    { period: '2026-11-20', amounts: { USD: 200 }, estimated: false },
    { period: '2026-11-21', amounts: { USD: 210 }, estimated: true },
  ],
  byCloudService: [
    { cloudService: 'Amazon Relational Database Service', amounts: { USD: 2400 } },
    { cloudService: 'Amazon Elastic Compute Cloud - Compute', amounts: { USD: 2100 } },
    { cloudService: 'Amazon Simple Storage Service', amounts: { USD: 300 } },
    { cloudService: 'AmazonCloudWatch', amounts: { USD: 12 } },
  ],
  figures: { monthToDate: { USD: 4200 }, lastMonth: { USD: 6000 }, forecast: { USD: 6300 } },
  notIncluded: { untagged: { USD: 980 }, unmapped: { USD: 45.5 } },
  lastDay: '2026-11-21',
  facts: { known: true, taggedShare: 0.92, monthOverMonth: 0.04, forecastVsLastMonth: 0.05 },
};

/** Renders the cost card with a summary that finds spend under the default tag. */
export async function renderCard(allow: boolean, api: Partial<OpsfolioApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [opsfolioApiRef, { getEntitySummary: async () => summary(), ...api }],
        [permissionApiRef, new MockPermissionApi(() => (allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY))],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityCostCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

