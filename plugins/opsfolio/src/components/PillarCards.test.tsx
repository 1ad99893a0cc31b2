import { describePillars, PILLARS, type EntitySummaryResponse } from '@opsfolio/backstage-plugin-common';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityDeploymentsCard } from '../deployments/EntityDeploymentsCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';
import { EntityOwnershipCard } from '../ownership/EntityOwnershipCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations: { 'github.com/project-slug': 'acme/payments-api' } },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

// The summary the backend would send for this entity, built with the same shared logic.
const summaryOf = (e: Entity, sources: string[] = []): EntitySummaryResponse => {
  const setup = describePillars(e);
  return {
    entityRef: 'component:default/payments-api',
    pillars: Object.fromEntries(PILLARS.map(p => [p, { ...setup[p], sources }])) as EntitySummaryResponse['pillars'],
  };
};

const render = (api: Partial<OpsfolioApi>, card: JSX.Element) =>
  renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={entity}>{card}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('Opsfolio entity cards', () => {
  it('names the annotations to add when a pillar is not configured', async () => {
    await render({ getEntitySummary: async () => summaryOf(entity) }, <EntityOnCallCard />);
    expect(await screen.findByText('No on-call service is set for this entity')).toBeInTheDocument();
    expect(screen.getByText('pagerduty.com/service-id')).toBeInTheDocument();
    expect(screen.getByText('opsgenie.com/team')).toBeInTheDocument();
  });

  it('shows what is configured and that no source is installed yet', async () => {
    await render({ getEntitySummary: async () => summaryOf(entity) }, <EntityDeploymentsCard />);
    expect(await screen.findByText('acme/payments-api', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/No deployment source is installed/)).toBeInTheDocument();
  });

  it('says it is waiting for the first sync once a source is installed', async () => {
    await render({ getEntitySummary: async () => summaryOf(entity, ['github']) }, <EntityDeploymentsCard />);
    expect(await screen.findByText('Waiting for the first sync of github.')).toBeInTheDocument();
  });

  it('links the owner', async () => {
    await render({ getEntitySummary: async () => summaryOf(entity) }, <EntityOwnershipCard />);
    expect(await screen.findByText('team-payments')).toBeInTheDocument();
  });

  it('shows the backend error instead of an empty card', async () => {
    await render(
      {
        getEntitySummary: async () => {
          throw new Error('opsfolio backend unavailable');
        },
      },
      <EntityOnCallCard />,
    );
    expect((await screen.findAllByText(/opsfolio backend unavailable/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('opsfolio-empty-state')).not.toBeInTheDocument();
  });
});
