import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { describeFilter } from './describeFilter';

/** Why the entity has no level: which entities each configured scorecard covers, or that none is configured. */
export function NoScorecardApplies(props: { scorecards: EntityScorecardResult[] }) {
  if (props.scorecards.length === 0) {
    return (
      <PillarEmptyState title="No scorecard is configured">
        Scorecards and their checks are set in the Opsfolio backend&apos;s configuration.
      </PillarEmptyState>
    );
  }
  return (
    <PillarEmptyState title="No scorecard applies to this entity">
      {props.scorecards.map(s => (
        <div key={s.scorecard.id}>
          {s.scorecard.title} covers {describeFilter(s.scorecard.filter)}.
        </div>
      ))}
    </PillarEmptyState>
  );
}
