import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { ApiBlueprint, createFrontendPlugin, createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import PeopleIcon from '@material-ui/icons/People';
import ReadinessIcon from '@material-ui/icons/AssignmentTurnedIn';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { opsfolioApiRef } from './api/OpsfolioApi';
import { OpsfolioClient } from './api/OpsfolioClient';

const opsfolioApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: opsfolioApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OpsfolioClient(deps),
    }),
});

// Cards show on components; each card explains its own empty state, so none is hidden by an annotation filter.
const components = { kind: 'component' };

const ownershipCard = EntityCardBlueprint.make({
  name: 'ownership',
  params: {
    type: 'info',
    filter: components,
    loader: () => import('./ownership/EntityOwnerCard').then(m => <m.EntityOwnerCard />),
  },
});

const deploymentsCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: components,
    loader: () => import('./deployments/EntityDeploymentsCard').then(m => <m.EntityDeploymentsCard />),
  },
});

const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    group: 'deployment',
    filter: components,
    loader: () =>
      import('./deployments/EntityDeploymentsContent').then(m => <m.EntityDeploymentsContent />),
  },
});

const onCallCard = EntityCardBlueprint.make({
  name: 'oncall',
  params: {
    filter: components,
    loader: () => import('./oncall/EntityOnCallCard').then(m => <m.EntityOnCallCard />),
  },
});

const teamOnCallCard = EntityCardBlueprint.make({
  name: 'team-oncall',
  params: {
    filter: { kind: 'group' },
    loader: () => import('./oncall/EntityTeamOnCallCard').then(m => <m.EntityTeamOnCallCard />),
  },
});

const costCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: components,
    loader: () => import('./cost/EntityCostCard').then(m => <m.EntityCostCard />),
  },
});

const costContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    group: 'operation',
    filter: components,
    loader: () => import('./cost/EntityCostContent').then(m => <m.EntityCostContent />),
  },
});

const teamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    filter: { kind: 'group' },
    loader: () => import('./cost/EntityTeamCostCard').then(m => <m.EntityTeamCostCard />),
  },
});

const costPageRouteRef = createRouteRef();

const costPage = PageBlueprint.make({
  name: 'cost',
  params: {
    path: '/opsfolio/cost',
    title: 'Cost',
    icon: <MoneyIcon />,
    routeRef: costPageRouteRef,
    noHeader: true,
    loader: () => import('./cost/OpsfolioCostPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioCostPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

const ownershipPageRouteRef = createRouteRef();

const ownershipPage = PageBlueprint.make({
  name: 'ownership',
  params: {
    path: '/opsfolio/ownership',
    title: 'Ownership',
    icon: <PeopleIcon />,
    routeRef: ownershipPageRouteRef,
    noHeader: true,
    loader: () => import('./ownership/OpsfolioOwnershipPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioOwnershipPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

const scorecardsPageRouteRef = createRouteRef();

const scorecardsPage = PageBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/opsfolio/scorecards',
    title: 'Readiness',
    icon: <ReadinessIcon />,
    routeRef: scorecardsPageRouteRef,
    noHeader: true,
    loader: () => import('./scorecards/page/OpsfolioScorecardsPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioScorecardsPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

const teamPortfolioCard = EntityCardBlueprint.make({
  name: 'team-portfolio',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./scorecards/portfolio/EntityTeamPortfolioCard').then(m => <m.EntityTeamPortfolioCard />),
  },
});

const scorecardCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: components,
    loader: () => import('./scorecards/EntityScorecardCard').then(m => <m.EntityScorecardCard />),
  },
});

const scorecardsContent = EntityContentBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/scorecards',
    title: 'Readiness',
    group: 'operation',
    filter: components,
    loader: () => import('./scorecards/EntityScorecardContent').then(m => <m.EntityScorecardContent />),
  },
});

/**
 * Opsfolio for the new frontend system: `app.packages: all` picks it up, or add it to `features`.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'opsfolio',
  info: { packageJson: () => import('../package.json') },
  extensions: [opsfolioApi, ownershipCard, deploymentsCard, deploymentsContent, onCallCard, teamOnCallCard, costCard, costContent, teamCostCard, costPage, ownershipPage, scorecardCard, scorecardsContent, scorecardsPage, teamPortfolioCard],
  routes: { costPage: costPageRouteRef, ownershipPage: ownershipPageRouteRef, scorecardsPage: scorecardsPageRouteRef },
});
