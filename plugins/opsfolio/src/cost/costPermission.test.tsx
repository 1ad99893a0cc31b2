import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityTeamCostCard } from './EntityTeamCostCard';
import { OpsfolioCostPage } from './OpsfolioCostPage';

// Its own file: usePermission caches answers (SWR) for the whole module, so an allowed test would leak in.
const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments' }, spec: { type: 'team' } };

function setup() {
  const api = { getCostOverview: vi.fn(), getCostOverviewCsv: vi.fn(), getEntityCost: vi.fn() } satisfies Partial<OpsfolioApi>;
  const authorize = vi.fn((): AuthorizeResult.DENY => AuthorizeResult.DENY);
  const apis = [[opsfolioApiRef, api], [permissionApiRef, mockApis.permission({ authorize })]] as const;
  return { api, authorize, apis };
}

describe('cost without opsfolio.cost.read', () => {
  it("the page shows the backend's refusal as the permission message", async () => {
    const { api, apis } = setup();
    // The page has no entity to ask the policy about: the backend decides (a conditional policy gets its teams' rows).
    api.getCostOverview.mockRejectedValue(Object.assign(new Error('Not allowed: opsfolio.cost.read'), { name: 'NotAllowedError', statusCode: 403 }));
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <OpsfolioCostPage />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('opsfolio-cost-not-allowed')).toHaveTextContent('your permission policy does not allow opsfolio.cost.read');
    expect(api.getCostOverview).toHaveBeenCalled();
  });

  it('the team card says so and never asks for the cost', async () => {
    const { api, authorize, apis } = setup();
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <EntityProvider entity={group}>
          <EntityTeamCostCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('opsfolio-cost-not-allowed')).toBeInTheDocument();
    expect(api.getEntityCost).not.toHaveBeenCalled();
    // Asked about this group: the policy may allow some entities' cost and not others.
    expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ permission: opsfolioCostReadPermission, resourceRef: 'group:default/payments' }));
  });
});
