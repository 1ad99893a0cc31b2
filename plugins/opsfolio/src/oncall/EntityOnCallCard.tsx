import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { PillarCard } from '../components/PillarCard';

/** Who is on call now and recent incidents. @public */
export function EntityOnCallCard() {
  return (
    <PillarCard title="On call" pillar="oncall" notConfigured="No on-call service is set for this entity">
      {summary => (
        <ConfiguredPillar
          summary={summary}
          waitingFor="on-call data"
          installHint="No on-call source is installed in the backend: add the PagerDuty or Opsgenie Opsfolio module."
        />
      )}
    </PillarCard>
  );
}
