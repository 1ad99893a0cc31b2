import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import { campaignsPageRouteRef } from '../campaigns/campaignsPageRouteRef';
import { CampaignsIcon, CostIcon, OwnershipIcon, ReadinessIcon } from '../components/pageIcons';
import { opsfolioTranslationRef } from '../translation/opsfolioTranslationRef';

export const costPageRouteRef = createRouteRef();

export const costPage = PageBlueprint.make({
  name: 'cost',
  params: {
    path: '/opsfolio/cost',
    title: opsfolioTranslationRef('common.navigation.cost'),
    icon: <CostIcon />,
    routeRef: costPageRouteRef,
    noHeader: true,
    loader: () =>
      import('../cost/OpsfolioCostPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioCostPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

export const ownershipPageRouteRef = createRouteRef();

export const ownershipPage = PageBlueprint.make({
  name: 'ownership',
  params: {
    path: '/opsfolio/ownership',
    title: opsfolioTranslationRef('common.navigation.ownership'),
    icon: <OwnershipIcon />,
    routeRef: ownershipPageRouteRef,
    noHeader: true,
    loader: () =>
      import('../ownership/OpsfolioOwnershipPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioOwnershipPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

export const scorecardsPageRouteRef = createRouteRef();

export const scorecardsPage = PageBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/opsfolio/scorecards',
    title: opsfolioTranslationRef('common.navigation.readiness'),
    icon: <ReadinessIcon />,
    routeRef: scorecardsPageRouteRef,
    noHeader: true,
    loader: () =>
      import('../scorecards/page/OpsfolioScorecardsPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioScorecardsPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

// campaignsPageRouteRef lives with the campaigns, as the readiness tab links to the page (see campaignsPageRouteRef.ts).

export const campaignsPage = PageBlueprint.make({
  name: 'campaigns',
  params: {
    path: '/opsfolio/campaigns',
    title: opsfolioTranslationRef('common.navigation.campaigns'),
    icon: <CampaignsIcon />,
    routeRef: campaignsPageRouteRef,
    noHeader: true,
    loader: () =>
      import('../campaigns/OpsfolioCampaignsPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.OpsfolioCampaignsPage />
        </ReactRouterV6PageRouter>
      )),
  },
});
