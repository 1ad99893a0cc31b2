import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Cell, type ColumnConfig, Text } from '@backstage/ui';
import type { CampaignEntity, CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { OpsfolioTable } from '../components/OpsfolioTable';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { RemainingChecks } from './RemainingChecks';

type Lagging = CampaignProgressResponse['lagging'][number];
type EntityRow = CampaignEntity & { id: string };

function LaggingTeam(props: { team: Lagging }) {
  const { t } = useOpsfolioText();
  const { team } = props;
  const rows = useMemo(() => team.entities.map(e => ({ ...e, id: e.entityRef })), [team.entities]);
  const columns = useMemo(
    (): ColumnConfig<EntityRow>[] => [
      {
        id: 'entity',
        label: t('campaigns.detail.lagging.entity'),
        isRowHeader: true,
        cell: e => (
          <Cell textValue={e.title ?? e.entityRef}>
            <EntityRefLink entityRef={e.entityRef} title={e.title} defaultKind="component" />
          </Cell>
        ),
      },
      {
        id: 'checks',
        label: t('campaigns.detail.lagging.checksLeft'),
        defaultWidth: '3fr',
        cell: e => (
          <Cell textValue={e.remaining.map(c => c.title).join(', ')}>
            <RemainingChecks checks={e.remaining} />
          </Cell>
        ),
      },
    ],
    [t]
  );
  const name = team.ownerRef ? (
    <EntityRefLink entityRef={team.ownerRef} title={team.title} defaultKind="group" underline="always" />
  ) : (
    t('campaigns.detail.teams.noOwner')
  );
  return (
    <Box mb="6" data-testid="opsfolio-campaign-lagging-team" data-team={team.ownerRef}>
      <Text as="h3" variant="body-large" weight="bold" style={{ marginBottom: 'var(--bui-space-2)' }}>
        {t('campaigns.detail.lagging.team', { team: name, count: team.notDone })}
      </Text>
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({
          'data-testid': 'opsfolio-campaign-lagging-entity',
          'data-entity-ref': item.entityRef,
        })}
      />
      {team.more > 0 && (
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          style={{ marginTop: 'var(--bui-space-2)' }}
          data-testid="opsfolio-campaign-lagging-more"
        >
          {t('campaigns.detail.lagging.more', { count: team.more })}
        </Text>
      )}
    </Box>
  );
}

/** Each team with entities not done, least done first, and for each entity the checks it must still fix. */
export function LaggingTeams(props: { lagging: Lagging[] }) {
  const { t } = useOpsfolioText();
  if (props.lagging.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-campaign-lagging-none">
        {t('campaigns.detail.lagging.none')}
      </Text>
    );
  }
  return (
    <div data-testid="opsfolio-campaign-lagging">
      {props.lagging.map(team => (
        <LaggingTeam key={team.ownerRef || 'no-owner'} team={team} />
      ))}
    </div>
  );
}
