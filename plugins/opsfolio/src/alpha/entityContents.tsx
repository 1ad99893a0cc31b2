import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { components } from './filters';
import { opsfolioTranslationRef } from '../translation/opsfolioTranslationRef';

export const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: opsfolioTranslationRef('common.navigation.deployments'),
    group: 'deployment',
    filter: components,
    loader: () => import('../deployments/EntityDeploymentsContent').then(m => <m.EntityDeploymentsContent />),
  },
});

export const costContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: opsfolioTranslationRef('common.navigation.cost'),
    group: 'operation',
    filter: components,
    loader: () => import('../cost/EntityCostContent').then(m => <m.EntityCostContent />),
  },
});

export const scorecardsContent = EntityContentBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/scorecards',
    title: opsfolioTranslationRef('common.navigation.readiness'),
    group: 'operation',
    filter: components,
    loader: () => import('../scorecards/EntityScorecardContent').then(m => <m.EntityScorecardContent />),
  },
});
