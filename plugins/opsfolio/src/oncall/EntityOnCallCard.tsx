import { PillarCard } from '../components/PillarCard';
import { OnCallOverview } from './OnCallOverview';

/** Who is on call now at every level, warnings about the paging path, and response times. */
export function EntityOnCallCard() {
  return (
    <PillarCard title="On call" pillar="oncall" notConfigured="No on-call service is set for this entity">
      {summary => <OnCallOverview summary={summary} />}
    </PillarCard>
  );
}
