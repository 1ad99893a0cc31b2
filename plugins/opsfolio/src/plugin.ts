import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { OpsfolioClient } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef } from './api/OpsfolioApi';
import { legacyCampaignsPageRouteRef as campaignsPageRouteRef } from './campaigns/campaignsPageRouteRef';

const deploymentsRouteRef = createRouteRef({ id: 'opsfolio:deployments' });
const costRouteRef = createRouteRef({ id: 'opsfolio:cost' });
const scorecardsRouteRef = createRouteRef({ id: 'opsfolio:scorecards' });
const costPageRouteRef = createRouteRef({ id: 'opsfolio:cost-page' });
const ownershipPageRouteRef = createRouteRef({ id: 'opsfolio:ownership-page' });
const scorecardsPageRouteRef = createRouteRef({ id: 'opsfolio:scorecards-page' });
// campaignsPageRouteRef lives with the campaigns, as the readiness tab links to the page (see campaignsPageRouteRef.ts).

/** The Opsfolio plugin for the legacy frontend system. @public */
export const opsfolioPlugin = createPlugin({
  id: 'opsfolio',
  routes: { deployments: deploymentsRouteRef, cost: costRouteRef, scorecards: scorecardsRouteRef, costPage: costPageRouteRef, ownershipPage: ownershipPageRouteRef, scorecardsPage: scorecardsPageRouteRef, campaignsPage: campaignsPageRouteRef },
  apis: [
    createApiFactory({
      api: opsfolioApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OpsfolioClient(deps),
    }),
  ],
});

const card = (name: string, lazy: () => Promise<() => JSX.Element>) =>
  opsfolioPlugin.provide(createComponentExtension({ name, component: { lazy } }));

/** Who owns the entity, how to reach them, who is on call for it, and what is wrong with its ownership. @public */
export const EntityOwnerCard = card('EntityOwnerCard', () =>
  import('./ownership/EntityOwnerCard').then(m => m.EntityOwnerCard),
);
/** What runs where, when it last shipped, and the DORA figures. @public */
export const EntityDeploymentsCard = card('EntityDeploymentsCard', () =>
  import('./deployments/EntityDeploymentsCard').then(m => m.EntityDeploymentsCard),
);
/** Who is on call now at every level, warnings about the paging path, and response times. @public */
export const EntityOnCallCard = card('EntityOnCallCard', () =>
  import('./oncall/EntityOnCallCard').then(m => m.EntityOnCallCard),
);
/** For Group pages: the team's services and who is on call for each. @public */
export const EntityTeamOnCallCard = card('EntityTeamOnCallCard', () =>
  import('./oncall/EntityTeamOnCallCard').then(m => m.EntityTeamOnCallCard),
);
/** For Group pages: the team's spend with its sub-teams, by month, and its top services. @public */
export const EntityTeamCostCard = card('EntityTeamCostCard', () =>
  import('./cost/EntityTeamCostCard').then(m => m.EntityTeamCostCard),
);
/** For Group pages: each service of the team with its level, on-call now, last deploy and cost this month. @public */
export const EntityTeamPortfolioCard = card('EntityTeamPortfolioCard', () =>
  import('./scorecards/portfolio/EntityTeamPortfolioCard').then(m => m.EntityTeamPortfolioCard),
);
/** Spend this month, last month and the forecast, its trend, and where the money goes. @public */
export const EntityCostCard = card('EntityCostCard', () => import('./cost/EntityCostCard').then(m => m.EntityCostCard));
/** The readiness level on each scorecard that applies, and the checks to fix for the next level. @public */
export const EntityScorecardCard = card('EntityScorecardCard', () =>
  import('./scorecards/EntityScorecardCard').then(m => m.EntityScorecardCard),
);

/** The deployments tab: `<EntityLayout.Route path="/deployments" title="Deployments">`. @public */
export const EntityDeploymentsContent: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'EntityDeploymentsContent',
    mountPoint: deploymentsRouteRef,
    component: () => import('./deployments/EntityDeploymentsContent').then(m => m.EntityDeploymentsContent),
  }),
);

/** The cost tab: `<EntityLayout.Route path="/cost" title="Cost">`. @public */
export const EntityCostContent: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'EntityCostContent',
    mountPoint: costRouteRef,
    component: () => import('./cost/EntityCostContent').then(m => m.EntityCostContent),
  }),
);

/** The readiness tab, every check with its evidence and the level's history: `<EntityLayout.Route path="/scorecards" title="Readiness">`. @public */
export const EntityScorecardContent: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'EntityScorecardContent',
    mountPoint: scorecardsRouteRef,
    component: () => import('./scorecards/EntityScorecardContent').then(m => m.EntityScorecardContent),
  }),
);

/** Spend of every team, system or domain with the untagged and unmapped buckets: `<Route path="/opsfolio/cost" element={<OpsfolioCostPage />} />`. @public */
export const OpsfolioCostPage: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'OpsfolioCostPage',
    mountPoint: costPageRouteRef,
    component: () => import('./cost/OpsfolioCostPage').then(m => m.OpsfolioCostPage),
  }),
);

/** Every ownership problem by kind and team: `<Route path="/opsfolio/ownership" element={<OpsfolioOwnershipPage />} />`. @public */
export const OpsfolioOwnershipPage: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'OpsfolioOwnershipPage',
    mountPoint: ownershipPageRouteRef,
    component: () => import('./ownership/OpsfolioOwnershipPage').then(m => m.OpsfolioOwnershipPage),
  }),
);

/** Readiness levels by team, check pass rates, the trend and every entity: `<Route path="/opsfolio/scorecards" element={<OpsfolioScorecardsPage />} />`. @public */
export const OpsfolioScorecardsPage: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'OpsfolioScorecardsPage',
    mountPoint: scorecardsPageRouteRef,
    component: () => import('./scorecards/page/OpsfolioScorecardsPage').then(m => m.OpsfolioScorecardsPage),
  }),
);

/** Campaigns with their progress, and each campaign's burn-up, teams and what is left: `<Route path="/opsfolio/campaigns" element={<OpsfolioCampaignsPage />} />`. @public */
export const OpsfolioCampaignsPage: () => JSX.Element = opsfolioPlugin.provide(
  createRoutableExtension({
    name: 'OpsfolioCampaignsPage',
    mountPoint: campaignsPageRouteRef,
    component: () => import('./campaigns/OpsfolioCampaignsPage').then(m => m.OpsfolioCampaignsPage),
  }),
);
