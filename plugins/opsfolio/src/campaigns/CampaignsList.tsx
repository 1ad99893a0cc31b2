import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Cell, type ColumnConfig, Flex, Text } from '@backstage/ui';
import type { CampaignSummary } from '@opsfolio/backstage-plugin-common';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { OpsfolioSelect } from '../components/OpsfolioSelect';
import { OpsfolioTable } from '../components/OpsfolioTable';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { ProgressBar } from '../components/ProgressBar';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CampaignStateChip } from './CampaignStateChip';
import { progressPercent, progressText, targetText } from './campaignText';
import { CAMPAIGN_STATES, useCampaignsQuery, type CampaignsQuery } from './useCampaignsQuery';

type Row = CampaignSummary & { id: string };

/** A group's name from its ref; a value that is not a ref as it is. */
function ownerLabel(ref: string): string {
  try {
    return parseEntityRef(ref, { defaultKind: 'group' }).name;
  } catch {
    return ref;
  }
}

/**
 * The owner filter's choices: every owner seen in the answers so far. The unfiltered list has them all; a shared
 * link filtered by owner starts with that one and gains the rest when the filter is cleared.
 */
function useOwnerChoices(campaigns: CampaignSummary[] | undefined, selected: string | undefined): string[] {
  const [seen, setSeen] = useState<string[]>([]);
  useEffect(() => {
    if (!campaigns) return;
    setSeen(previous => {
      const owners = new Set([...previous, ...campaigns.map(c => c.campaign.owner)]);
      return owners.size === previous.length ? previous : [...owners].sort((a, b) => a.localeCompare(b));
    });
  }, [campaigns]);
  return selected && !seen.includes(selected) ? [selected, ...seen] : seen;
}

function CampaignFilters(props: {
  query: CampaignsQuery;
  owners: string[];
  onChange: (key: keyof CampaignsQuery, value: string) => void;
}) {
  const { t } = useOpsfolioText();
  const style = { margin: '0 16px 16px 0' };
  return (
    <Flex align="center" gap="0" style={{ flexWrap: 'wrap' }} data-testid="opsfolio-campaigns-filters">
      <OpsfolioSelect
        label={t('campaigns.list.filters.state')}
        value={props.query.state ?? ''}
        choices={[
          { value: '', label: t('campaigns.list.filters.anyState') },
          ...CAMPAIGN_STATES.map(state => ({ value: state, label: t(`campaigns.state.${state}`) })),
        ]}
        onChange={value => props.onChange('state', value)}
        data-testid="opsfolio-campaigns-filter-state"
        style={{ ...style, width: 240 }}
      />
      <OpsfolioSelect
        label={t('campaigns.list.filters.owner')}
        value={props.query.owner ?? ''}
        choices={[
          { value: '', label: t('campaigns.list.filters.anyOwner') },
          ...props.owners.map(owner => ({ value: owner, label: ownerLabel(owner) })),
        ]}
        onChange={value => props.onChange('owner', value)}
        data-testid="opsfolio-campaigns-filter-owner"
        style={style}
      />
    </Flex>
  );
}

function CampaignsTable(props: { campaigns: CampaignSummary[] }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const rows = useMemo(() => props.campaigns.map(c => ({ ...c, id: c.campaign.id })), [props.campaigns]);
  const columns = useMemo(
    (): ColumnConfig<Row>[] => [
      {
        id: 'title',
        label: t('campaigns.list.campaign'),
        isRowHeader: true,
        defaultWidth: '2fr',
        // Relative to the list: the campaign's page is the next segment of the page's path.
        cell: c => (
          <Cell textValue={c.campaign.title}>
            <Link to={encodeURIComponent(c.campaign.id)}>{c.campaign.title}</Link>
          </Cell>
        ),
      },
      {
        id: 'state',
        label: t('campaigns.list.state'),
        cell: c => (
          <Cell textValue={t(`campaigns.state.${c.campaign.state}`)}>
            <CampaignStateChip state={c.campaign.state} />
          </Cell>
        ),
      },
      {
        id: 'owner',
        label: t('campaigns.list.owner'),
        cell: c => (
          <Cell textValue={c.campaign.owner}>
            <EntityRefLink entityRef={c.campaign.owner} defaultKind="group" />
          </Cell>
        ),
      },
      {
        id: 'target',
        label: t('campaigns.list.target'),
        defaultWidth: '1.5fr',
        cell: c => <Cell>{targetText(text, c)}</Cell>,
      },
      {
        id: 'progress',
        label: t('campaigns.list.progress'),
        defaultWidth: '1.5fr',
        cell: c => (
          <Cell textValue={progressText(text, c.counts)}>
            <Box mb="1">
              <ProgressBar value={progressPercent(c.counts)} label={progressText(text, c.counts)} />
            </Box>
            <Text as="span" variant="body-small">
              {progressText(text, c.counts)}
            </Text>
          </Cell>
        ),
      },
      {
        id: 'targetDate',
        label: t('campaigns.list.targetDate'),
        cell: c => <Cell>{format.day(c.campaign.targetDate)}</Cell>,
      },
    ],
    [t, format, text]
  );
  return (
    <div data-testid="opsfolio-campaigns-table">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({
          'data-testid': 'opsfolio-campaign-row',
          'data-campaign-id': item.campaign.id,
          'data-state': item.campaign.state,
        })}
      />
    </div>
  );
}

/** Every campaign the filters in the URL select, with its state and progress; a title opens the campaign. */
export function CampaignsList() {
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const { query, setFilter } = useCampaignsQuery();
  const { value, loading, error } = useAsync(() => api.getCampaigns(query), [api, query]);
  const owners = useOwnerChoices(value?.campaigns, query.owner);
  const filtered = Boolean(query.state || query.owner);
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value && value.campaigns.length === 0) {
    body = filtered ? (
      <PillarEmptyState title={t('campaigns.list.noMatchTitle')} />
    ) : (
      <PillarEmptyState title={t('campaigns.list.emptyTitle')}>{t('campaigns.list.empty')}</PillarEmptyState>
    );
  } else if (value) body = <CampaignsTable campaigns={value.campaigns} />;
  return (
    <>
      <CampaignFilters query={query} owners={owners} onChange={setFilter} />
      {body}
    </>
  );
}
