import type { CheckState } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { stateLabel } from './checkStates';

// Filled chips are verdicts on data that was read; outlined ones say there is nothing to judge (or nothing to judge
// against), so "not reported" never looks like a failure.
const LOOK: Record<CheckState, { tone: Tone; outlined?: boolean }> = {
  pass: { tone: 'good' },
  fail: { tone: 'bad' },
  stale: { tone: 'warn' },
  exempt: { tone: 'info', outlined: true },
  'not-applicable': { tone: 'neutral', outlined: true },
  'not-reported': { tone: 'neutral', outlined: true },
};

/** A check's state on the entity. */
export function CheckStateChip(props: { state: CheckState }) {
  const { t } = useOpsfolioText();
  const look = LOOK[props.state];
  return (
    <ToneChip
      label={stateLabel(t, props.state)}
      tone={look.tone}
      outlined={look.outlined}
      data-testid="opsfolio-check-state"
      data-state={props.state}
    />
  );
}
