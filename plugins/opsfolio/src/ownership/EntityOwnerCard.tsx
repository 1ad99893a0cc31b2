import { PillarCard } from '../components/PillarCard';
import { OwnershipOverview } from './OwnershipOverview';

/** Who owns the entity, how to reach them, who is on call for it, and what is wrong with its ownership. */
export function EntityOwnerCard() {
  return (
    <PillarCard title="Ownership" pillar="ownership" notConfigured="This entity has no owner">
      {() => <OwnershipOverview />}
    </PillarCard>
  );
}
