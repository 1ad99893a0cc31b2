import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import type { OpsfolioApi } from './api/OpsfolioApi';
import * as legacy from './index';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', annotations: { 'github.com/project-slug': 'acme/payments-api' } },
  spec: { type: 'service', owner: 'group:default/team-payments', lifecycle: 'production' },
};
const team: Entity = { apiVersion: 'backstage.io/v1', kind: 'Group', metadata: { name: 'team-payments', namespace: 'default' }, spec: { type: 'team', children: [] } };

// Every call answers with this error: a mounted export shows it, so the test sees each one reach the API.
const MESSAGE = 'opsfolio backend not served in this test';
const api = new Proxy({} as OpsfolioApi, { get: () => async () => Promise.reject(new Error(MESSAGE)) });

// Tabs and pages are routable: an app gives each its path in its routes, as `EntityLayout.Route` and `FlatRoutes` do.
const ROUTABLE = new Set(['EntityDeploymentsContent', 'EntityCostContent', 'EntityScorecardContent', 'OpsfolioCostPage', 'OpsfolioOwnershipPage', 'OpsfolioScorecardsPage', 'OpsfolioCampaignsPage']);

// The legacy frontend system: each export of the package's main entry, in an entity page's context as an app
// using `EntityLayout` and `EntitySwitch` places it, mounts, loads lazily and calls the Opsfolio API.
describe('legacy exports', () => {
  it.each([
    ['EntityOwnerCard', service],
    ['EntityDeploymentsCard', service],
    ['EntityDeploymentsContent', service],
    ['EntityOnCallCard', service],
    ['EntityCostCard', service],
    ['EntityCostContent', service],
    ['EntityScorecardCard', service],
    ['EntityScorecardContent', service],
    ['EntityTeamOnCallCard', team],
    ['EntityTeamCostCard', team],
    ['EntityTeamPortfolioCard', team],
    ['OpsfolioCostPage', service],
    ['OpsfolioOwnershipPage', service],
    ['OpsfolioScorecardsPage', service],
    ['OpsfolioCampaignsPage', service],
  ] as const)('mounts %s', async (name, entity) => {
    const Extension = legacy[name] as () => JSX.Element;
    const element = ROUTABLE.has(name) ? (
      <Routes>
        <Route path="/opsfolio/*" element={<Extension />} />
      </Routes>
    ) : (
      <Extension />
    );
    await renderInTestApp(
      <TestApiProvider apis={[[legacy.opsfolioApiRef, api], [permissionApiRef, mockApis.permission()]]}>
        <EntityProvider entity={entity}>{element}</EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef }, routeEntries: ['/opsfolio'] },
    );
    expect((await screen.findAllByText(new RegExp(MESSAGE), undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
  });
});
