import { RiAlertFill } from '@remixicon/react';
import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { usePalette } from '../components/usePalette';
import { LevelChip } from './page/LevelChip';
import { targetMet } from './scorecardChecks';
import { Box, Flex, Text } from '@backstage/ui';
import { ProblemText } from '../components/ProblemText';
import { ProgressBar } from '../components/ProgressBar';
import { useOpsfolioText } from '../translation/useOpsfolioText';

function LevelBadge(props: { card: EntityScorecardResult }) {
  const { t } = useOpsfolioText();
  const { level, target } = props.card;
  const met = targetMet(props.card);
  return (
    <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }} data-testid="opsfolio-scorecard-level">
      {/* The managers' page's chip, so a level is shaded the same everywhere. */}
      <LevelChip level={level} levels={props.card.scorecard.levels} />
      {target &&
        (met ? (
          <Text color="secondary">{t('scorecards.standing.targetMet', { level: target.title })}</Text>
        ) : (
          <ProblemText>{t('scorecards.standing.targetNotMet', { level: target.title })}</ProblemText>
        ))}
    </Flex>
  );
}

function NextLevelProgress(props: { card: EntityScorecardResult }) {
  const { t } = useOpsfolioText();
  const { next } = props.card;
  if (!next) {
    return (
      <Text as="p" data-testid="opsfolio-scorecard-progress">
        {t('scorecards.standing.highestLevel')}
      </Text>
    );
  }
  return (
    <Box mt="2" data-testid="opsfolio-scorecard-progress">
      <ProgressBar
        value={next.total ? (100 * next.passing) / next.total : 0}
        label={t('scorecards.standing.progressLabel', { level: next.level.title })}
      />
      <Text as="p">
        {t('scorecards.standing.progress', { passing: next.passing, count: next.total, level: next.level.title })}
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
