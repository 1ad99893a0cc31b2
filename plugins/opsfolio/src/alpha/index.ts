import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { opsfolioApi } from './apis';
import {
  costCard,
  deploymentsCard,
  onCallCard,
  ownershipCard,
  scorecardCard,
  teamCostCard,
  teamOnCallCard,
  teamPortfolioCard,
} from './entityCards';
import { costContent, deploymentsContent, scorecardsContent } from './entityContents';
import { campaignsPageRouteRef } from '../campaigns/campaignsPageRouteRef';
import {
  campaignsPage,
  costPage,
  costPageRouteRef,
  ownershipPage,
  ownershipPageRouteRef,
  scorecardsPage,
  scorecardsPageRouteRef,
} from './pages';

/**
 * Opsfolio for the new frontend system: `app.packages: all` picks it up, or add it to `features`.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'opsfolio',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    opsfolioApi,
    ownershipCard,
    deploymentsCard,
    deploymentsContent,
    onCallCard,
    teamOnCallCard,
    costCard,
    costContent,
    teamCostCard,
    costPage,
    ownershipPage,
    scorecardCard,
    scorecardsContent,
    scorecardsPage,
    campaignsPage,
    teamPortfolioCard,
  ],
  routes: {
    costPage: costPageRouteRef,
    ownershipPage: ownershipPageRouteRef,
    scorecardsPage: scorecardsPageRouteRef,
    campaignsPage: campaignsPageRouteRef,
  },
});

/** Opsfolio's texts, for an app that translates them: `createTranslationResource({ ref: opsfolioTranslationRef, ... })`. */
export { opsfolioTranslationRef } from '../translation/opsfolioTranslationRef';
