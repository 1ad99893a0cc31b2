import { PillarCard } from '../components/PillarCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OnCallOverview } from './OnCallOverview';

/** Who is on call now at every level, warnings about the paging path, and response times. */
export function EntityOnCallCard() {
  const { t } = useOpsfolioText();
  return (
    <PillarCard title={t('oncall.card.title')} pillar="oncall" notConfigured={t('oncall.card.notConfigured')}>
      {summary => <OnCallOverview summary={summary} />}
    </PillarCard>
  );
}
