import type { ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioT } from '../../translation/format';

/** Entities below the first level. */
export const NO_LEVEL = 'none';

/** A level's title from its id; "No level" for `none` and unknown ids shown as they are. */
export function levelTitle(t: OpsfolioT, levels: ScorecardLevel[], id: string | null): string {
  if (id === null || id === NO_LEVEL) return t('readinessPage.noLevel');
  return levels.find(l => l.id === id)?.title ?? id;
}
