import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DEPLOYMENT_STATUSES, type Deployment, type DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { DeploymentStatusChip, STATUS_KEYS } from './DeploymentStatusChip';
import { Box, Flex } from '@backstage/ui';
import type { OpsfolioText } from '../translation/format';
import { useOpsfolioText } from '../translation/useOpsfolioText';

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

const columnsOf = (text: OpsfolioText): TableColumn<Deployment>[] => {
  const { t, format } = text;
  return [
    {
      title: t('deployments.table.column.started'),
      render: d => <span title={d.startedAt}>{format.age(d.startedAt)}</span>,
    },
    { title: t('deployments.table.column.environment'), field: 'environment' },
    {
      title: t('deployments.table.column.version'),
      render: d => (d.url ? <Link to={d.url}>{d.version}</Link> : d.version),
    },
    { title: t('deployments.table.column.status'), render: d => <DeploymentStatusChip deployment={d} /> },
    { title: t('deployments.table.column.took'), render: d => duration(text, d) },
    { title: t('deployments.table.column.by'), render: d => d.actor ?? '' },
    { title: t('deployments.table.column.source'), field: 'source' },
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
    <TextField
      select
      label={label}
      value={current}
      onChange={e => {
        set(e.target.value);
        setPage(0);
      }}
      style={{ minWidth: 160 }}
      size="small"
      variant="outlined"
    >
      <MenuItem value="">{t('deployments.table.filter.all')}</MenuItem>
      {options.map(o => (
        <MenuItem key={o} value={o}>
          {optionLabel(o)}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <>
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
      <Table<Deployment>
        title={t('deployments.table.title')}
        columns={columns}
        data={value?.items ?? []}
        isLoading={loading}
        page={page}
        totalCount={value?.total ?? 0}
        onPageChange={setPage}
        onRowsPerPageChange={size => {
          setPageSize(size);
          setPage(0);
        }}
        options={{ paging: true, pageSize, pageSizeOptions: [20, 50, 100], search: false, padding: 'dense' }}
        emptyContent={
          <Box p="4">
            {error ? t('deployments.table.loadFailed', { error: error.message }) : t('deployments.table.noneMatch')}
          </Box>
        }
      />
    </>
  );
}
