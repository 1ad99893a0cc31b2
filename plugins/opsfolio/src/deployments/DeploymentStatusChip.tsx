import type { Deployment } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const TONES: Record<Deployment['status'], Tone> = {
  success: 'good',
  failure: 'bad',
  in_progress: 'info',
  pending: 'neutral',
  cancelled: 'neutral',
};

/** The message key of each status, as the chip and the status filter name it. */
export const STATUS_KEYS = {
  success: 'success',
  failure: 'failure',
  in_progress: 'inProgress',
  pending: 'pending',
  cancelled: 'cancelled',
} as const satisfies Record<Deployment['status'], string>;

/** A deployment's status, with "rolled back to" made visible. */
export function DeploymentStatusChip(props: { deployment: Pick<Deployment, 'status' | 'rollback'> }) {
  const { t } = useOpsfolioText();
  const { status, rollback } = props.deployment;
  // A status a newer backend added: as the API names it.
  const label = STATUS_KEYS[status] ? t(`deployments.status.${STATUS_KEYS[status]}`) : status.replace('_', ' ');
  return (
    <>
      <ToneChip label={label} tone={TONES[status]} />
      {rollback && <ToneChip label={t('deployments.status.rollback')} outlined style={{ marginLeft: 4 }} />}
    </>
  );
}
