import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { PillarCard } from '../components/PillarCard';

/** Deploy history and DORA figures. @public */
export function EntityDeploymentsCard() {
  return (
    <PillarCard title="Deployments" pillar="deployments" notConfigured="No deploy source is set for this entity">
      {summary => (
        <ConfiguredPillar
          summary={summary}
          waitingFor="deployments"
          installHint="No deployment source is installed in the backend: add the GitHub or GitLab Opsfolio module, or POST deployments from CI."
        />
      )}
    </PillarCard>
  );
}
