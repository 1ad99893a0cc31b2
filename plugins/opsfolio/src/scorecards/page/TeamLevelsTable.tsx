import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { NO_LEVEL, levelTitle } from './levelColors';
import { Button } from '@backstage/ui';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

type Team = ScorecardOverviewResponse['byTeam'][number];

function CountCell(props: {
  team: Team;
  level: string;
  levelName: string;
  onDrill: (owner: string, level: string) => void;
}) {
  const { team, level } = props;
  const { t } = useOpsfolioText();
  const count = team.levels[level] ?? 0;
  // No owner cannot be a filter (an empty owner means "every owner"), and zero has nothing to show.
  if (count === 0 || !team.ownerRef) return <TableCell align="right">{count}</TableCell>;
  return (
    <TableCell align="right">
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
    </TableCell>
  );
}

/** Each team's entities per level, lowest level first; a count opens the entities behind it. */
export function TeamLevelsTable(props: {
  overview: ScorecardOverviewResponse;
  onDrill: (owner: string, level: string) => void;
}) {
  const { scorecard, byTeam } = props.overview;
  const { t } = useOpsfolioText();
  const columns = [NO_LEVEL, ...scorecard.levels.map(l => l.id)];
  return (
    <Table size="small" data-testid="opsfolio-scorecards-teams">
      <TableHead>
        <TableRow>
          <TableCell>{t('readinessPage.teams.team')}</TableCell>
          {columns.map(id => (
            <TableCell key={id} align="right" style={{ whiteSpace: 'nowrap' }}>
              {levelTitle(t, scorecard.levels, id)}
            </TableCell>
          ))}
          <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
            {t('readinessPage.teams.total')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {byTeam.map(team => (
          <TableRow key={team.ownerRef || 'no-owner'} data-testid="opsfolio-scorecards-team" data-owner={team.ownerRef}>
            <TableCell>
              {team.ownerRef ? (
                <EntityRefLink entityRef={team.ownerRef} title={team.title} />
              ) : (
                t('readinessPage.teams.noOwner')
              )}
            </TableCell>
            {columns.map(id => (
              <CountCell
                key={id}
                team={team}
                level={id}
                levelName={levelTitle(t, scorecard.levels, id)}
                onDrill={props.onDrill}
              />
            ))}
            <TableCell align="right">{team.total}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
