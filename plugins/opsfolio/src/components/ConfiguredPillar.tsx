import Typography from '@material-ui/core/Typography';
import type { PillarSummary } from '@opsfolio/backstage-plugin-common';
import { PillarEmptyState } from './PillarEmptyState';

/**
 * What a configured pillar shows while no data has been synced for it: the annotations found, and
 * whether the backend has a source installed that can fill it.
 */
export function ConfiguredPillar(props: { summary: PillarSummary; waitingFor: string; installHint: string }) {
  const { summary } = props;
  return (
    <>
      {Object.entries(summary.found).map(([name, value]) => (
        <Typography key={name} variant="body2">
          <code>{name}</code>: {value}
        </Typography>
      ))}
      <PillarEmptyState title={`No ${props.waitingFor} yet`}>
        {summary.sources.length > 0
          ? `Waiting for the first sync of ${summary.sources.map(s => s.id).join(', ')}.`
          : props.installHint}
      </PillarEmptyState>
    </>
  );
}
