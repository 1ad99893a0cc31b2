import Chip from '@material-ui/core/Chip';
import type { CheckState } from '@opsfolio/backstage-plugin-common';
import { STATE_LABEL } from './checkStates';

// Filled chips are verdicts on data that was read; outlined ones say there is nothing to judge (or nothing to judge
// against), so "not reported" never looks like a failure.
const LOOK: Record<CheckState, { filled?: string; outlined?: string }> = {
  pass: { filled: '#2e7d32' },
  fail: { filled: '#c62828' },
  stale: { filled: '#ef6c00' },
  exempt: { outlined: '#1565c0' },
  'not-applicable': { outlined: '#757575' },
  'not-reported': { outlined: '#757575' },
};

/** A check's state on the entity. */
export function CheckStateChip(props: { state: CheckState }) {
  const look = LOOK[props.state];
  return (
    <Chip
      size="small"
      label={STATE_LABEL[props.state]}
      variant={look.filled ? 'default' : 'outlined'}
      data-testid="opsfolio-check-state"
      data-state={props.state}
      style={look.filled ? { backgroundColor: look.filled, color: 'white' } : { borderColor: look.outlined, color: look.outlined }}
    />
  );
}
