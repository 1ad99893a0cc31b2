import { PillarCard } from '../components/PillarCard';
import { DeploymentsOverview } from './DeploymentsOverview';

/** What runs where, when it last shipped, and the DORA figures. */
export function EntityDeploymentsCard() {
  return (
    <PillarCard title="Deployments" pillar="deployments" notConfigured="No deploy source is set for this entity">
      {summary => <DeploymentsOverview summary={summary} />}
    </PillarCard>
  );
}
