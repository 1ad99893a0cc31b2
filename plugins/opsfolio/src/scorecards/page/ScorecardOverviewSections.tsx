import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import type { ReactNode } from 'react';
import { OpsfolioCard } from '../../components/OpsfolioCard';
import { PillarEmptyState } from '../../components/PillarEmptyState';
import { CheckPassRates } from './CheckPassRates';
import { LevelTrendChart } from './LevelTrendChart';
import { ScorecardEntitiesTable } from './ScorecardEntitiesTable';
import { TeamLevelsTable } from './TeamLevelsTable';
import { Button, Grid, Text } from '@backstage/ui';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

/** The overview's empty states: nothing evaluated yet, nothing matching the filters, nothing in scope. */
function EmptyOverview(props: { overview: ScorecardOverviewResponse; filtered: boolean; onClear: () => void }) {
  const { overview } = props;
  const { t } = useOpsfolioText();
  if (!overview.evaluatedAt) {
    return (
      <PillarEmptyState title={t('readinessPage.empty.notEvaluatedTitle')}>
        {t('readinessPage.empty.notEvaluated', { scorecard: overview.scorecard.title })}
      </PillarEmptyState>
    );
  }
  if (props.filtered) {
    return (
      <PillarEmptyState title={t('readinessPage.empty.noMatchTitle')}>
        <Button variant="secondary" onPress={props.onClear}>
          {t('readinessPage.filters.clear')}
        </Button>
      </PillarEmptyState>
    );
  }
  return (
    <PillarEmptyState title={t('readinessPage.empty.outOfScopeTitle', { scorecard: overview.scorecard.title })}>
      {t('readinessPage.empty.outOfScope')}
    </PillarEmptyState>
  );
}

/** Teams by level, check pass rates, the trend, the exemptions (below the checks) and the entities of one (filtered) overview. */
export function ScorecardOverviewSections(props: {
  overview: ScorecardOverviewResponse;
  filtered: boolean;
  onDrill: (owner: string, level: string) => void;
  onClear: () => void;
  /** The exemptions section, loaded by the page. */
  exemptions?: ReactNode;
}) {
  const { overview } = props;
  const { t, format } = useOpsfolioText();
  if (!overview.evaluatedAt || overview.entities.length === 0) return <EmptyOverview {...props} />;
  const count = overview.entities.length;
  return (
    <Grid.Root columns="12" gap="6">
      <Grid.Item colSpan="12">
        <Text as="p" color="secondary">
          {overview.scorecard.description && <>{overview.scorecard.description} </>}
          {t('readinessPage.summary', { count, age: format.age(overview.evaluatedAt) })}
        </Text>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <OpsfolioCard title={t('readinessPage.teams.title')} subheader={t('readinessPage.teams.subheader')}>
          <TeamLevelsTable overview={overview} onDrill={props.onDrill} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <OpsfolioCard title={t('readinessPage.trend.title')} subheader={t('readinessPage.trend.subheader')}>
          <LevelTrendChart overview={overview} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan="12">
        <OpsfolioCard title={t('readinessPage.checks.title')} subheader={t('readinessPage.checks.subheader')}>
          <CheckPassRates overview={overview} />
        </OpsfolioCard>
      </Grid.Item>
      {props.exemptions && <Grid.Item colSpan="12">{props.exemptions}</Grid.Item>}
      <Grid.Item colSpan="12">
        <OpsfolioCard title={t('readinessPage.entities.title', { count })}>
          <ScorecardEntitiesTable overview={overview} />
        </OpsfolioCard>
      </Grid.Item>
    </Grid.Root>
  );
}
