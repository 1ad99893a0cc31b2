import type { ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import { levelColor } from '../../components/palette';
import { ToneChip } from '../../components/ToneChip';

/**
 * A readiness level, or "No level". Given the scorecard's levels the chip is shaded by rank; without them (the
 * portfolio card knows only the level reached) every level gets the top shade.
 */
export function LevelChip(props: { level: ScorecardLevel | null; levels?: ScorecardLevel[] }) {
  const { level, levels } = props;
  if (!level) return <ToneChip label="No level" outlined data-testid="opsfolio-level-chip" />;
  const rank = levels ? levels.findIndex(l => l.id === level.id) : 0;
  return <ToneChip label={level.title} color={levelColor(rank, levels ? levels.length : 1)} data-testid="opsfolio-level-chip" />;
}
