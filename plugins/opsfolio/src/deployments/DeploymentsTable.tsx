import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DEPLOYMENT_STATUSES, type Deployment, type DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { DeploymentStatusChip, STATUS_KEYS } from './DeploymentStatusChip';
import { Cell, type ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import { OpsfolioCard } from '../components/OpsfolioCard';
import type { OpsfolioText } from '../translation/format';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioSelect } from '../components/OpsfolioSelect';

const duration = ({ t, format }: OpsfolioText, d: Deployment) => {
  if (!d.finishedAt) return '';
  const minutes = Math.round((Date.parse(d.finishedAt) - Date.parse(d.startedAt)) / 60_000);
  return minutes < 60
    ? t('deployments.table.duration.minutes', { minutes: format.number(minutes) })
    : t('deployments.table.duration.hoursMinutes', {
        hours: format.number(Math.floor(minutes / 60)),
        minutes: format.number(minutes % 60),
      });
};

type DeploymentRow = Deployment & { id: string };

const PAGE_SIZES = [20, 50, 100];

const columnsOf = (text: OpsfolioText): ColumnConfig<DeploymentRow>[] => {
  const { t, format } = text;
  return [
    {
      id: 'started',
      label: t('deployments.table.column.started'),
      cell: d => (
        <Cell>
          <span title={d.startedAt}>{format.age(d.startedAt)}</span>
        </Cell>
      ),
    },
    { id: 'environment', label: t('deployments.table.column.environment'), cell: d => <Cell>{d.environment}</Cell> },
    {
      id: 'version',
      label: t('deployments.table.column.version'),
      isRowHeader: true,
      cell: d => <Cell textValue={d.version}>{d.url ? <Link to={d.url}>{d.version}</Link> : d.version}</Cell>,
    },
    {
      id: 'status',
      label: t('deployments.table.column.status'),
      cell: d => (
        <Cell>
          <DeploymentStatusChip deployment={d} />
        </Cell>
      ),
    },
    { id: 'took', label: t('deployments.table.column.took'), cell: d => <Cell>{duration(text, d)}</Cell> },
    { id: 'by', label: t('deployments.table.column.by'), cell: d => <Cell>{d.actor ?? ''}</Cell> },
    { id: 'source', label: t('deployments.table.column.source'), cell: d => <Cell>{d.source}</Cell> },
  ];
};

/** Every deployment of the entity, newest first, paged on the server, filtered by environment and status. */
export function DeploymentsTable(props: { environments: string[] }) {
  const text = useOpsfolioText();
  const { t } = text;
  const columns = useMemo(() => columnsOf(text), [text]);
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const [environment, setEnvironment] = useState('');
  const [status, setStatus] = useState<DeploymentStatus | ''>('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const { value, loading, error } = useAsync(
    () =>
      api.getDeployments(ref, {
        environment: environment || undefined,
        status: status || undefined,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, ref.kind, ref.namespace, ref.name, environment, status, page, pageSize]
  );
  const filter = (
    label: string,
    current: string,
    options: readonly string[],
    set: (v: string) => void,
    optionLabel: (o: string) => string = o => o
  ) => (
    <OpsfolioSelect
      label={label}
      value={current}
      choices={[
        { value: '', label: t('deployments.table.filter.all') },
        ...options.map(o => ({ value: o, label: optionLabel(o) })),
      ]}
      onChange={v => {
        set(v);
        setPage(0);
      }}
      style={{ minWidth: 160 }}
    />
  );
  const items = value?.items.map(d => ({ ...d, id: `${d.source}:${d.externalId}` }));
  const total = value?.total ?? 0;
  return (
    <OpsfolioCard title={t('deployments.table.title')}>
      <Flex gap="4" mb="4">
        {filter(t('deployments.table.filter.environment'), environment, props.environments, setEnvironment)}
        {filter(
          t('deployments.table.filter.status'),
          status,
          DEPLOYMENT_STATUSES,
          v => setStatus(v as DeploymentStatus | ''),
          o => {
            const key = STATUS_KEYS[o as DeploymentStatus];
            return key ? t(`deployments.table.statusOption.${key}`) : o;
          }
        )}
      </Flex>
      <Table
        columnConfig={columns}
        // A failed load shows its reason where the rows would be.
        data={error && !loading ? [] : items}
        isPending={loading}
        isStale={loading && !!items}
        pagination={{
          type: 'page',
          pageSize,
          pageSizeOptions: PAGE_SIZES,
          offset: page * pageSize,
          totalCount: total,
          hasPreviousPage: page > 0,
          hasNextPage: (page + 1) * pageSize < total,
          onPreviousPage: () => setPage(p => Math.max(0, p - 1)),
          onNextPage: () => setPage(p => p + 1),
          onPageSizeChange: size => {
            setPageSize(size);
            setPage(0);
          },
        }}
        emptyState={
          <Text as="p">
            {error ? t('deployments.table.loadFailed', { error: error.message }) : t('deployments.table.noneMatch')}
          </Text>
        }
      />
    </OpsfolioCard>
  );
}
