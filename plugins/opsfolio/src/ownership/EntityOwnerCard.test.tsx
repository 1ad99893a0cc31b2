import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { describePillars, PILLARS, type EntityOwnershipResponse, type EntitySummaryResponse } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityOwnerCard } from './EntityOwnerCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};
const summary = (e: Entity): EntitySummaryResponse => {
  const setup = describePillars(e);
  return {
    entityRef: 'component:default/payments-api',
    pillars: Object.fromEntries(PILLARS.map(p => [p, { ...setup[p], sources: [] }])) as unknown as EntitySummaryResponse['pillars'],
  };
};

const facts: EntityOwnershipResponse = {
  entityRef: 'component:default/payments-api',
  kind: 'component',
  ownerRef: 'group:default/team-payments',
  ownerTitle: 'Payments',
  ownerExists: true,
  ownerIsGroup: true,
  memberCount: 5,
  parentChain: [{ ref: 'group:default/engineering', title: 'Engineering' }, { ref: 'group:default/acme', title: 'Acme' }],
  contact: { email: 'team-payments@acme.example', links: [{ url: 'https://chat.acme.example/payments', title: '#payments', type: 'slack' }] },
  codeowners: { status: 'agrees', url: 'https://github.com/acme/payments-api/blob/main/.github/CODEOWNERS', line: 1, owners: ['@acme/team-payments'], readAt: new Date().toISOString() },
  onCallNow: [{ name: 'Ada Okafor', until: '2099-01-01T09:00:00Z', source: 'pagerduty', readAt: new Date().toISOString() }],
  problems: [{ kind: 'oncall-drift', message: 'On its rota but not in Payments: Victor Nguyen.', fix: 'Add them to Payments in the catalog, or take them off the rota.' }],
};

async function renderCard(api: Partial<OpsfolioApi>, e: Entity = entity) {
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, { getEntitySummary: async () => summary(e), ...api }]]}>
      <EntityProvider entity={e}>
        <EntityOwnerCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityOwnerCard', () => {
  it('shows the owner with members, parents, contact, who is on call, and each problem with its fix', async () => {
    await renderCard({ getOwnership: async () => facts });
    expect(await screen.findByTestId('opsfolio-ownership-owner')).toHaveTextContent('Owned by Payments (group, 5 members)');
    expect(screen.getByText('Part of Engineering › Acme')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-ownership-contact')).toHaveTextContent(/^Contact: team-payments@acme.example.* · #payments/);
    expect(screen.getByTestId('opsfolio-ownership-codeowners')).toHaveTextContent('CODEOWNERS: @acme/team-payments (agrees)');
    expect(screen.getByTestId('opsfolio-ownership-oncall')).toHaveTextContent('On call now: Ada Okafor (until');
    const [problem] = screen.getAllByTestId('opsfolio-ownership-problem');
    expect(problem).toHaveTextContent('On its rota but not in Payments: Victor Nguyen.Add them to Payments in the catalog, or take them off the rota.');
  });

  it('names the field to set when the entity has no owner', async () => {
    const getOwnership = vi.fn();
    await renderCard({ getOwnership }, { ...entity, spec: { type: 'service' } });
    expect(await screen.findByText('This entity has no owner')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent('Add spec.owner');
    expect(getOwnership).not.toHaveBeenCalled();
  });
});
