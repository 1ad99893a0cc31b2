import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { PillarCard } from '../components/PillarCard';

/** Spend this month and its trend. @public */
export function EntityCostCard() {
  return (
    <PillarCard title="Cost" pillar="cost" notConfigured="No cost allocation tag is set for this entity">
      {summary => (
        <ConfiguredPillar
          summary={summary}
          waitingFor="cost data"
          installHint="No cost source is installed in the backend: add the AWS Cost Explorer or FOCUS Opsfolio module."
        />
      )}
    </PillarCard>
  );
}
