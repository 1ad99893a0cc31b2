import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Cell, type ColumnConfig, Text } from '@backstage/ui';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { ProgressBar } from '../components/ProgressBar';
import { OpsfolioTable } from '../components/OpsfolioTable';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { progressPercent, progressText } from './campaignText';

type Team = CampaignProgressResponse['teams'][number];
type TeamRow = Team & { id: string };

/** Each owning team's entities by how far they are, least done first (the backend's order). */
export function CampaignTeamsTable(props: { teams: Team[] }) {
  const text = useOpsfolioText();
  const { t } = text;
  // Entities without an owner come as one team with an empty ref.
  const rows = useMemo(() => props.teams.map(team => ({ ...team, id: team.ownerRef || 'no-owner' })), [props.teams]);
  const columns = useMemo(
    (): ColumnConfig<TeamRow>[] => [
      {
        id: 'team',
        label: t('campaigns.detail.teams.team'),
        isRowHeader: true,
        defaultWidth: '2fr',
        cell: team => (
          <Cell textValue={team.title ?? team.ownerRef}>
            {team.ownerRef ? (
              <EntityRefLink entityRef={team.ownerRef} title={team.title} defaultKind="group" />
            ) : (
              t('campaigns.detail.teams.noOwner')
            )}
          </Cell>
        ),
      },
      { id: 'done', label: t('campaigns.detail.teams.done'), cell: team => <Cell>{team.done}</Cell> },
      { id: 'exempt', label: t('campaigns.detail.teams.exempt'), cell: team => <Cell>{team.exempt}</Cell> },
      { id: 'notDone', label: t('campaigns.detail.teams.notDone'), cell: team => <Cell>{team.notDone}</Cell> },
      {
        id: 'progress',
        label: t('campaigns.detail.teams.progress'),
        defaultWidth: '2fr',
        cell: team => (
          <Cell textValue={progressText(text, team)}>
            <Box mb="1">
              <ProgressBar value={progressPercent(team)} label={progressText(text, team)} />
            </Box>
            <Text as="span" variant="body-small">
              {progressText(text, team)}
            </Text>
          </Cell>
        ),
      },
    ],
    [t, text]
  );
  return (
    <div data-testid="opsfolio-campaign-teams">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-campaign-team', 'data-team': item.ownerRef })}
      />
    </div>
  );
}
