import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { HISTORY_DAYS, LevelHistory } from './LevelHistory';
import { NoScorecardApplies } from './NoScorecardApplies';
import { ScorecardChecksTable } from './ScorecardChecksTable';
import { ScorecardStanding } from './ScorecardStanding';
import { useEntityScorecards, useEvaluateEntityScorecards } from './useEntityScorecards';
import { Box, Button, Flex, Grid, Text } from '@backstage/ui';
import { RiRefreshLine } from '@remixicon/react';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { ProblemText } from '../components/ProblemText';
import { PaletteScope } from '../components/PaletteScope';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { EntityCampaignsSection } from '../campaigns/EntityCampaignsSection';

/** The tab's header: when the results were evaluated, and "Evaluate now" with its progress and its error. */
function EvaluateNowHeader(props: {
  cards: EntityScorecardResult[];
  running: boolean;
  error?: Error;
  onEvaluate: () => void;
}) {
  const { t, format } = useOpsfolioText();
  // The oldest evaluation: how stale the page can be.
  const evaluatedAt = props.cards.map(c => c.evaluatedAt).sort()[0];
  return (
    <Flex align="center" gap="4" style={{ flexWrap: 'wrap' }} data-testid="opsfolio-readiness-header">
      <Box grow={1}>
        <Text as="h2" variant="title-x-small" weight="bold">
          {t('scorecards.tab.title')}
        </Text>
        <Text as="p" color="secondary" data-testid="opsfolio-readiness-evaluated" title={evaluatedAt}>
          {t('scorecards.tab.evaluated', { age: format.age(evaluatedAt) })}
        </Text>
      </Box>
      {props.error && (
        <ProblemText role="alert" data-testid="opsfolio-evaluate-error">
          {t('scorecards.tab.evaluateError', { message: props.error.message })}
        </ProblemText>
      )}
      <Button
        variant="secondary"
        size="medium"
        isDisabled={props.running}
        aria-busy={props.running}
        onPress={props.onEvaluate}
        iconStart={<RiRefreshLine size={16} aria-hidden />}
      >
        {props.running ? t('scorecards.tab.evaluating') : t('scorecards.tab.evaluateNow')}
      </Button>
    </Flex>
  );
}

function ReadinessTab() {
  const { t } = useOpsfolioText();
  const loaded = useEntityScorecards();
  const evaluation = useEvaluateEntityScorecards();
  if (loaded.loading) return <Progress />;
  if (loaded.error) return <ResponseErrorPanel error={loaded.error} />;
  // The newest answer wins: an evaluation done here replaces what the page loaded.
  const value = evaluation.value ?? loaded.value!;
  const applicable = value.scorecards.filter(s => s.applicable);
  if (applicable.length === 0) {
    return (
      <OpsfolioCard title={t('scorecards.tab.title')}>
        <NoScorecardApplies scorecards={value.scorecards} />
      </OpsfolioCard>
    );
  }
  return (
    <PaletteScope>
      <Grid.Root columns="12" gap="6">
        <Grid.Item colSpan="12">
          <EvaluateNowHeader
            cards={applicable}
            running={evaluation.running}
            error={evaluation.error}
            onEvaluate={evaluation.evaluate}
          />
        </Grid.Item>
        {applicable.map(card => (
          <Grid.Item colSpan="12" key={card.scorecard.id}>
            <OpsfolioCard title={card.scorecard.title} subheader={card.scorecard.description}>
              <ScorecardStanding card={card} />
              <Box mt="4">
                <ScorecardChecksTable card={card} />
              </Box>
            </OpsfolioCard>
            <Box mt="6">
              <OpsfolioCard
                title={t('scorecards.tab.historyTitle', { scorecard: card.scorecard.title, count: HISTORY_DAYS })}
              >
                <LevelHistory scorecard={card.scorecard} evaluatedAt={card.evaluatedAt} />
              </OpsfolioCard>
            </Box>
          </Grid.Item>
        ))}
      </Grid.Root>
    </PaletteScope>
  );
}

/**
 * The readiness tab: the campaigns the entity is part of; then, for each scorecard that applies, every check with its
 * evidence, and the level's history; "Evaluate now" scores the entity again without waiting for the schedule.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const key = stringifyEntityRef(entity);
  // One state per entity: an evaluation of the entity shown before must not stay on this one. The campaigns load
  // beside the scorecards rather than after them.
  return (
    <>
      <EntityCampaignsSection key={`campaigns:${key}`} />
      <ReadinessTab key={key} />
    </>
  );
}
