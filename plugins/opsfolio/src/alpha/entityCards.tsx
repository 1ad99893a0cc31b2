import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { components } from './filters';

export const ownershipCard = EntityCardBlueprint.make({
  name: 'ownership',
  params: {
    type: 'info',
    filter: components,
    loader: () => import('../ownership/EntityOwnerCard').then(m => <m.EntityOwnerCard />),
  },
});

export const deploymentsCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: components,
    loader: () => import('../deployments/EntityDeploymentsCard').then(m => <m.EntityDeploymentsCard />),
  },
});

export const onCallCard = EntityCardBlueprint.make({
  name: 'oncall',
  params: {
    filter: components,
    loader: () => import('../oncall/EntityOnCallCard').then(m => <m.EntityOnCallCard />),
  },
});

export const teamOnCallCard = EntityCardBlueprint.make({
  name: 'team-oncall',
  params: {
    filter: { kind: 'group' },
    loader: () => import('../oncall/EntityTeamOnCallCard').then(m => <m.EntityTeamOnCallCard />),
  },
});

export const costCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: components,
    loader: () => import('../cost/EntityCostCard').then(m => <m.EntityCostCard />),
  },
});

export const teamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    filter: { kind: 'group' },
    loader: () => import('../cost/EntityTeamCostCard').then(m => <m.EntityTeamCostCard />),
  },
});

export const teamPortfolioCard = EntityCardBlueprint.make({
  name: 'team-portfolio',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../scorecards/portfolio/EntityTeamPortfolioCard').then(m => <m.EntityTeamPortfolioCard />),
  },
});

export const scorecardCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: components,
    loader: () => import('../scorecards/EntityScorecardCard').then(m => <m.EntityScorecardCard />),
  },
});
