import Chip from '@material-ui/core/Chip';
import type { ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import { levelColor, textOn } from './levelColors';

/**
 * A readiness level, or "No level". Given the scorecard's levels the chip is shaded by rank; without them (the
 * portfolio card knows only the level reached) every level gets the top shade.
 */
export function LevelChip(props: { level: ScorecardLevel | null; levels?: ScorecardLevel[] }) {
  const { level, levels } = props;
  if (!level) return <Chip size="small" variant="outlined" label="No level" data-testid="opsfolio-level-chip" />;
  const rank = levels ? levels.findIndex(l => l.id === level.id) : 0;
  const color = levelColor(rank, levels ? levels.length : 1);
  return <Chip size="small" label={level.title} style={{ backgroundColor: color, color: textOn(color) }} data-testid="opsfolio-level-chip" />;
}
