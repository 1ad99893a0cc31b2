import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { describeFilter } from './describeFilter';

/** Why the entity has no level: which entities each configured scorecard covers, or that none is configured. */
export function NoScorecardApplies(props: { scorecards: EntityScorecardResult[] }) {
  const { t } = useOpsfolioText();
  if (props.scorecards.length === 0) {
    return (
      <PillarEmptyState title={t('scorecards.noScorecard.noneConfigured')}>
        {t('scorecards.noScorecard.configureHint')}
      </PillarEmptyState>
    );
  }
  return (
    <PillarEmptyState title={t('scorecards.noScorecard.noneApplies')}>
      {props.scorecards.map(s => (
        <div key={s.scorecard.id}>
          {t('scorecards.noScorecard.covers', {
            scorecard: s.scorecard.title,
            entities: describeFilter(t, s.scorecard.filter),
          })}
        </div>
      ))}
    </PillarEmptyState>
  );
}
