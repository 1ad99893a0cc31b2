import { PillarCard } from '../components/PillarCard';
import { CostOverview } from './CostOverview';

/** Spend this month, last month and the forecast, its trend, and where the money goes. */
export function EntityCostCard() {
  return (
    <PillarCard
      title="Cost"
      pillar="cost"
      notConfigured="No spend found for this entity"
      notConfiguredHint="Or tag its cloud resources with the organisation's cost allocation tag set to the entity's name, or name the tag value it carries."
    >
      {summary => <CostOverview summary={summary} />}
    </PillarCard>
  );
}
