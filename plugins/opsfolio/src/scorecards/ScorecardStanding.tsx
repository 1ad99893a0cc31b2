import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { RiAlertFill } from '@remixicon/react';
import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { usePalette } from '../components/usePalette';
import { LevelChip } from './page/LevelChip';
import { targetMet } from './scorecardChecks';

function LevelBadge(props: { card: EntityScorecardResult }) {
  const { level, target } = props.card;
  const met = targetMet(props.card);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }} data-testid="opsfolio-scorecard-level">
      {/* The managers' page's chip, so a level is shaded the same everywhere. */}
      <LevelChip level={level} levels={props.card.scorecard.levels} />
      {target && (
        <Typography variant="body2" color={met ? 'textSecondary' : 'error'}>
          target: {target.title} ({met ? 'met' : 'not met'})
        </Typography>
      )}
    </Box>
  );
}

function NextLevelProgress(props: { card: EntityScorecardResult }) {
  const { next } = props.card;
  if (!next) {
    return (
      <Typography variant="body2" data-testid="opsfolio-scorecard-progress">
        Highest level reached: every check counts as passing.
      </Typography>
    );
  }
  return (
    <Box data-testid="opsfolio-scorecard-progress" marginTop={1}>
      <LinearProgress variant="determinate" value={next.total ? (100 * next.passing) / next.total : 0} />
      <Typography variant="body2">
        {next.passing} of {next.total} checks toward {next.level.title}
      </Typography>
    </Box>
  );
}

/** Exemptions that no longer count (expired, malformed, naming no check): the entity's owner should fix them. */
function ExemptionProblems(props: { problems: string[] }) {
  const palette = usePalette();
  return (
    <>
      {props.problems.map(problem => (
        <Box key={problem} display="flex" alignItems="center" marginTop={1} style={{ gap: 4 }} data-testid="opsfolio-exemption-problem">
          <RiAlertFill size={18} color={palette.tone.warn} aria-hidden />
          <Typography variant="body2">{problem}</Typography>
        </Box>
      ))}
    </>
  );
}

/** Where the entity stands on one scorecard: its level, the target, progress to the next level, exemption problems. */
export function ScorecardStanding(props: { card: EntityScorecardResult }) {
  return (
    <>
      <LevelBadge card={props.card} />
      <NextLevelProgress card={props.card} />
      <ExemptionProblems problems={props.card.exemptionProblems} />
    </>
  );
}
