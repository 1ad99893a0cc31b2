import { PillarCard } from '../components/PillarCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CostOverview } from './CostOverview';

/** Spend this month, last month and the forecast, its trend, and where the money goes. */
export function EntityCostCard() {
  const { t } = useOpsfolioText();
  return (
    <PillarCard
      title={t('cost.card.title')}
      pillar="cost"
      notConfigured={t('cost.card.notConfigured')}
      notConfiguredHint={t('cost.card.notConfiguredHint')}
    >
      {summary => <CostOverview summary={summary} />}
    </PillarCard>
  );
}
