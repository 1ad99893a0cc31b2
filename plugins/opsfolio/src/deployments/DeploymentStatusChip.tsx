import type { Deployment } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';

const TONES: Record<Deployment['status'], Tone> = {
  success: 'good',
  failure: 'bad',
  in_progress: 'info',
  pending: 'neutral',
  cancelled: 'neutral',
};

/** A deployment's status, with "rolled back to" made visible. */
export function DeploymentStatusChip(props: { deployment: Pick<Deployment, 'status' | 'rollback'> }) {
  const { status, rollback } = props.deployment;
  return (
    <>
      <ToneChip label={status.replace('_', ' ')} tone={TONES[status]} />
      {rollback && <ToneChip label="rollback" outlined style={{ marginLeft: 4 }} />}
    </>
  );
}
