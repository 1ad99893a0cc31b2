import type { PillarWaitingTexts } from '../components/PillarWaitingState';
import type { OpsfolioT } from '../translation/format';

/** What the cost card and page say while there is no spend to show; `fills` is what fills in after the first sync. */
export function costWaitingTexts(t: OpsfolioT, tagKey: string, fills: 'card' | 'page'): PillarWaitingTexts {
  return {
    noSource: {
      title: t('cost.waiting.noSource.title'),
      body: t('cost.waiting.noSource.body'),
    },
    nothingFound: ({ sources, syncedAgo }) => ({
      title: t('cost.waiting.nothingFound.title'),
      body: t('cost.waiting.nothingFound.body', {
        sources: sources.join(t('common.listSeparator')),
        syncedAgo,
        tagKey: <code>{tagKey}</code>,
      }),
    }),
    fills: t(`cost.waiting.fills.${fills}`),
  };
}
