import { RiAlertFill } from '@remixicon/react';
import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { usePalette } from '../components/usePalette';
import { LevelChip } from './page/LevelChip';
import { targetMet } from './scorecardChecks';
import { Box, Flex, Text } from '@backstage/ui';
import { ProblemText } from '../components/ProblemText';
import { ProgressBar } from '../components/ProgressBar';

function LevelBadge(props: { card: EntityScorecardResult }) {
  const { level, target } = props.card;
  const met = targetMet(props.card);
  return (
    <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }} data-testid="opsfolio-scorecard-level">
      {/* The managers' page's chip, so a level is shaded the same everywhere. */}
      <LevelChip level={level} levels={props.card.scorecard.levels} />
      {target &&
        (met ? (
          <Text color="secondary">target: {target.title} (met)</Text>
        ) : (
          <ProblemText>target: {target.title} (not met)</ProblemText>
        ))}
    </Flex>
  );
}

function NextLevelProgress(props: { card: EntityScorecardResult }) {
  const { next } = props.card;
  if (!next) {
    return (
      <Text as="p" data-testid="opsfolio-scorecard-progress">
        Highest level reached: every check counts as passing.
      </Text>
    );
  }
  return (
    <Box mt="2" data-testid="opsfolio-scorecard-progress">
      <ProgressBar
        value={next.total ? (100 * next.passing) / next.total : 0}
        label={`Checks toward ${next.level.title}`}
      />
      <Text as="p">
        {next.passing} of {next.total} checks toward {next.level.title}
      </Text>
    </Box>
  );
}

/** Exemptions that no longer count (expired, malformed, naming no check): the entity's owner should fix them. */
function ExemptionProblems(props: { problems: string[] }) {
  const palette = usePalette();
  return (
    <>
      {props.problems.map(problem => (
        <Flex align="center" gap="1" mt="2" key={problem} data-testid="opsfolio-exemption-problem">
          <RiAlertFill size={18} color={palette.tone.warn} aria-hidden />
          <Text as="p">{problem}</Text>
        </Flex>
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
