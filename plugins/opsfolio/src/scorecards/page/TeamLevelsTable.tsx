import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, Cell, type ColumnConfig } from '@backstage/ui';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { NO_LEVEL, levelTitle } from './levelColors';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { KeepFocus } from '../../components/KeepFocus';
import { OpsfolioTable } from '../../components/OpsfolioTable';

type Team = ScorecardOverviewResponse['byTeam'][number];
type TeamRow = Team & { id: string };

/** A count; one that can be a filter is a button that opens the entities behind it. */
function Count(props: {
  team: Team;
  level: string;
  levelName: string;
  onDrill: (owner: string, level: string) => void;
}) {
  const { team, level } = props;
  const { t } = useOpsfolioText();
  const count = team.levels[level] ?? 0;
  // No owner cannot be a filter (an empty owner means "every owner"), and zero has nothing to show.
  if (count === 0 || !team.ownerRef) return <>{count}</>;
  return (
    <KeepFocus>
      <Button
        variant="tertiary"
        /* The visible count starts the name, so that voice control ("click 2") finds it. */
        aria-label={t('readinessPage.teams.drill', {
          count,
          team: team.title ?? team.ownerRef,
          level: props.levelName,
        })}
        onPress={() => props.onDrill(team.ownerRef, level)}
      >
        {count}
      </Button>
    </KeepFocus>
  );
}

/** Each team's entities per level, lowest level first; a count opens the entities behind it. */
export function TeamLevelsTable(props: {
  overview: ScorecardOverviewResponse;
  onDrill: (owner: string, level: string) => void;
}) {
  const { scorecard, byTeam } = props.overview;
  const { onDrill } = props;
  const { t } = useOpsfolioText();
  const rows = useMemo(() => byTeam.map(team => ({ ...team, id: team.ownerRef || 'no-owner' })), [byTeam]);
  const columns = useMemo((): ColumnConfig<TeamRow>[] => {
    const levelColumns = [NO_LEVEL, ...scorecard.levels.map(l => l.id)].map(
      (id): ColumnConfig<TeamRow> => ({
        id: `level:${id}`,
        label: levelTitle(t, scorecard.levels, id),
        cell: team => (
          <Cell textValue={String(team.levels[id] ?? 0)}>
            <Count team={team} level={id} levelName={levelTitle(t, scorecard.levels, id)} onDrill={onDrill} />
          </Cell>
        ),
      })
    );
    return [
      {
        id: 'team',
        label: t('readinessPage.teams.team'),
        isRowHeader: true,
        cell: team => (
          <Cell textValue={team.title ?? team.ownerRef}>
            {team.ownerRef ? (
              <EntityRefLink entityRef={team.ownerRef} title={team.title} />
            ) : (
              t('readinessPage.teams.noOwner')
            )}
          </Cell>
        ),
      },
      ...levelColumns,
      { id: 'total', label: t('readinessPage.teams.total'), cell: team => <Cell>{team.total}</Cell> },
    ];
  }, [scorecard.levels, t, onDrill]);
  return (
    <div data-testid="opsfolio-scorecards-teams">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-scorecards-team', 'data-owner': item.ownerRef })}
      />
    </div>
  );
}
