import { ScorecardCardBody } from './ScorecardCardBody';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/**
 * The readiness level of the entity on each scorecard that applies, and the checks to fix for the next level.
 * Not a PillarCard: the scorecards' own filters decide what is scored, so the backend's answer (with the
 * scorecards that do not apply) explains the empty state better than the summary's component-only rule.
 */
export function EntityScorecardCard() {
  const { t } = useOpsfolioText();
  return (
    <OpsfolioCard title={t('scorecards.card.title')}>
      <div data-testid="opsfolio-card-scorecards">
        <ScorecardCardBody />
      </div>
    </OpsfolioCard>
  );
}
