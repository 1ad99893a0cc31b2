import { InfoCard } from '@backstage/core-components';
import { ScorecardCardBody } from './ScorecardCardBody';
import { PaletteScope } from '../components/PaletteScope';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/**
 * The readiness level of the entity on each scorecard that applies, and the checks to fix for the next level.
 * Not a PillarCard: the scorecards' own filters decide what is scored, so the backend's answer (with the
 * scorecards that do not apply) explains the empty state better than the summary's component-only rule.
 */
export function EntityScorecardCard() {
  const { t } = useOpsfolioText();
  return (
    <PaletteScope>
      <InfoCard title={t('scorecards.card.title')} variant="gridItem">
        <div data-testid="opsfolio-card-scorecards">
          <ScorecardCardBody />
        </div>
      </InfoCard>
    </PaletteScope>
  );
}
