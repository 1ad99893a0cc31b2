import { PillarCard } from '../components/PillarCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { DeploymentsOverview } from './DeploymentsOverview';

/** What runs where, when it last shipped, and the DORA figures. */
export function EntityDeploymentsCard() {
  const { t } = useOpsfolioText();
  return (
    <PillarCard
      title={t('deployments.card.title')}
      pillar="deployments"
      notConfigured={t('deployments.card.notConfigured')}
    >
      {summary => <DeploymentsOverview summary={summary} />}
    </PillarCard>
  );
}
