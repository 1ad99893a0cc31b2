import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { OwnershipOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { OpsfolioOwnershipPage } from './OpsfolioOwnershipPage';

const overview: OwnershipOverviewResponse = {
  entities: 40,
  counts: { 'no-owner': 0, 'owner-missing': 1, 'owned-by-user': 1, 'team-without-members': 2, 'codeowners-drift': 0, 'oncall-drift': 1, 'deployer-drift': 0 },
  byTeam: [
    { ownerRef: 'group:default/team-mobile', title: 'Mobile', entities: 1, problems: 1 },
    { ownerRef: 'group:default/team-payments', title: 'Payments', entities: 6, problems: 0 },
  ],
  problems: [
    { entityRef: 'component:default/promotions-service', kind: 'component', ownerRef: 'group:default/team-promotions', problem: { kind: 'owner-missing', message: 'Its owner group:default/team-promotions does not exist in the catalog.', fix: 'Point spec.owner at an existing group, or add that group to the catalog.' } },
    { entityRef: 'component:default/legacy-sso-bridge', kind: 'component', ownerRef: 'user:default/helen.park', problem: { kind: 'owned-by-user', message: 'Owned by one person (Helen Park): nobody covers when they are away.', fix: 'Make a team the owner: spec.owner: group:<team>.' } },
  ],
};

describe('OpsfolioOwnershipPage', () => {
  it('counts problems by kind, lists each with its fix, filters by kind, and downloads the CSV', async () => {
    const getOwnershipOverview = vi.fn(async () => overview);
    const getOwnershipOverviewCsv = vi.fn(async () => new Blob(['entity\r\n']));
    (URL as any).createObjectURL = vi.fn(() => 'blob:x');
    (URL as any).revokeObjectURL = vi.fn();
    const api: Partial<OpsfolioApi> = { getOwnershipOverview, getOwnershipOverviewCsv };
    await renderInTestApp(
      <TestApiProvider apis={[[opsfolioApiRef, api]]}>
        <OpsfolioOwnershipPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const rows = await screen.findAllByTestId('opsfolio-ownership-row');
    expect(rows.map(r => r.getAttribute('data-kind'))).toEqual(['owner-missing', 'owned-by-user']);
    expect(rows[0]).toHaveTextContent('Point spec.owner at an existing group');
    expect(screen.getByTestId('opsfolio-ownership-count-team-without-members')).toHaveTextContent('Team without members: 2');
    fireEvent.click(screen.getByTestId('opsfolio-ownership-count-owner-missing'));
    await waitFor(() => expect(getOwnershipOverview).toHaveBeenLastCalledWith({ problem: 'owner-missing', owner: undefined }));
    fireEvent.click(await screen.findByRole('button', { name: /download csv/i }));
    await waitFor(() => expect(getOwnershipOverviewCsv).toHaveBeenCalledWith({ problem: 'owner-missing', owner: undefined }));
  });
});
