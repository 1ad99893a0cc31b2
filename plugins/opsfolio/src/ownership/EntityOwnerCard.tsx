import { PillarCard } from '../components/PillarCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OwnershipOverview } from './OwnershipOverview';

/** Who owns the entity, how to reach them, who is on call for it, and what is wrong with its ownership. */
export function EntityOwnerCard() {
  const { t } = useOpsfolioText();
  return (
    <PillarCard title={t('ownership.card.title')} pillar="ownership" notConfigured={t('ownership.card.notConfigured')}>
      {() => <OwnershipOverview />}
    </PillarCard>
  );
}
