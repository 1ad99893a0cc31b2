import { InfoCard } from '@backstage/core-components';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import type { ReactNode } from 'react';
import { formatAge } from '../../components/age';
import { PillarEmptyState } from '../../components/PillarEmptyState';
import { CheckPassRates } from './CheckPassRates';
import { LevelTrendChart } from './LevelTrendChart';
import { ScorecardEntitiesTable } from './ScorecardEntitiesTable';
import { TeamLevelsTable } from './TeamLevelsTable';
import { Button, Grid, Text } from '@backstage/ui';

const entities = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entity' : 'entities'}`;

/** The overview's empty states: nothing evaluated yet, nothing matching the filters, nothing in scope. */
function EmptyOverview(props: { overview: ScorecardOverviewResponse; filtered: boolean; onClear: () => void }) {
  const { overview } = props;
  if (!overview.evaluatedAt) {
    return (
      <PillarEmptyState title="No readiness results yet">
        The backend scores entities from the other pillars&apos; data on its schedule; the first evaluation of{' '}
        {overview.scorecard.title} has not finished yet.
      </PillarEmptyState>
    );
  }
  if (props.filtered) {
    return (
      <PillarEmptyState title="No entities match these filters">
        <Button variant="secondary" onPress={props.onClear}>
          Clear filters
        </Button>
      </PillarEmptyState>
    );
  }
  return (
    <PillarEmptyState title={`No entities are scored by ${overview.scorecard.title}`}>
      Its filter (kind, type, lifecycle or tier in the scorecard&apos;s configuration) leaves every catalog entity out.
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
  if (!overview.evaluatedAt || overview.entities.length === 0) return <EmptyOverview {...props} />;
  return (
    <Grid.Root columns="12" gap="6">
      <Grid.Item colSpan="12">
        <Text as="p" color="secondary">
          {overview.scorecard.description && <>{overview.scorecard.description} </>}
          {entities(overview.entities.length)} scored, evaluated {formatAge(overview.evaluatedAt)}.
        </Text>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <InfoCard title="Teams by level" subheader="Click a count to list those entities">
          <TeamLevelsTable overview={overview} onDrill={props.onDrill} />
        </InfoCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <InfoCard title="Entities per level" subheader="One snapshot a day">
          <LevelTrendChart overview={overview} />
        </InfoCard>
      </Grid.Item>
      <Grid.Item colSpan="12">
        <InfoCard title="Checks" subheader="Exempt counts as passing; not applicable is left out">
          <CheckPassRates overview={overview} />
        </InfoCard>
      </Grid.Item>
      {props.exemptions && <Grid.Item colSpan="12">{props.exemptions}</Grid.Item>}
      <Grid.Item colSpan="12">
        <InfoCard title={entities(overview.entities.length)}>
          <ScorecardEntitiesTable overview={overview} />
        </InfoCard>
      </Grid.Item>
    </Grid.Root>
  );
}
