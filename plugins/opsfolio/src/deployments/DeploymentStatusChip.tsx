import Chip from '@material-ui/core/Chip';
import type { Deployment } from '@opsfolio/backstage-plugin-common';

const COLORS: Record<Deployment['status'], string> = {
  success: '#2e7d32',
  failure: '#c62828',
  in_progress: '#1565c0',
  pending: '#757575',
  cancelled: '#757575',
};

/** A deployment's status, with "rolled back to" made visible. */
export function DeploymentStatusChip(props: { deployment: Pick<Deployment, 'status' | 'rollback'> }) {
  const { status, rollback } = props.deployment;
  return (
    <>
      <Chip size="small" label={status.replace('_', ' ')} style={{ backgroundColor: COLORS[status], color: 'white' }} />
      {rollback && <Chip size="small" variant="outlined" label="rollback" style={{ marginLeft: 4 }} />}
    </>
  );
}
