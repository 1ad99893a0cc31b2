import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { components } from './filters';

export const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    group: 'deployment',
    filter: components,
    loader: () =>
      import('../deployments/EntityDeploymentsContent').then(m => <m.EntityDeploymentsContent />),
  },
});

export const costContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    group: 'operation',
    filter: components,
    loader: () => import('../cost/EntityCostContent').then(m => <m.EntityCostContent />),
  },
});

export const scorecardsContent = EntityContentBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/scorecards',
    title: 'Readiness',
    group: 'operation',
    filter: components,
    loader: () => import('../scorecards/EntityScorecardContent').then(m => <m.EntityScorecardContent />),
  },
});
