import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { campaignsMessages } from './messages/campaigns';
import { commonMessages } from './messages/common';
import { costMessages } from './messages/cost';
import { deploymentsMessages } from './messages/deployments';
import { oncallMessages } from './messages/oncall';
import { ownershipMessages } from './messages/ownership';
import { scorecardsMessages } from './messages/scorecards';
import { portfolioMessages, readinessPageMessages } from './messages/scorecardsPages';

/**
 * Every text Opsfolio shows, in English. An app translates it with a translation resource for this ref
 * (keys such as `cost.page.title`); plurals use i18next's `_one` / `_other` suffixes.
 * @alpha
 */
export const opsfolioTranslationRef = createTranslationRef({
  id: 'opsfolio',
  messages: {
    common: commonMessages,
    cost: costMessages,
    deployments: deploymentsMessages,
    oncall: oncallMessages,
    ownership: ownershipMessages,
    scorecards: scorecardsMessages,
    readinessPage: readinessPageMessages,
    portfolio: portfolioMessages,
    campaigns: campaignsMessages,
  },
});
