import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { PillarCard } from '../components/PillarCard';

/** Ops-readiness level and what to fix next. @public */
export function EntityReadinessCard() {
  return (
    <PillarCard title="Readiness" pillar="scorecards" notConfigured="Readiness is scored for components only">
      {summary => (
        <ConfiguredPillar
          summary={summary}
          waitingFor="readiness results"
          installHint="Readiness is evaluated from the other pillars' data once they are synced."
        />
      )}
    </PillarCard>
  );
}
