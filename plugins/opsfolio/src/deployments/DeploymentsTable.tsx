import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DEPLOYMENT_STATUSES, type Deployment, type DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { formatAge } from '../components/age';
import { DeploymentStatusChip } from './DeploymentStatusChip';
import { Box, Flex } from '@backstage/ui';

const duration = (d: Deployment) => {
  if (!d.finishedAt) return '';
  const minutes = Math.round((Date.parse(d.finishedAt) - Date.parse(d.startedAt)) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

const columns: TableColumn<Deployment>[] = [
  { title: 'Started', render: d => <span title={d.startedAt}>{formatAge(d.startedAt)}</span> },
  { title: 'Environment', field: 'environment' },
  { title: 'Version', render: d => (d.url ? <Link to={d.url}>{d.version}</Link> : d.version) },
  { title: 'Status', render: d => <DeploymentStatusChip deployment={d} /> },
  { title: 'Took', render: duration },
  { title: 'By', render: d => d.actor ?? '' },
  { title: 'Source', field: 'source' },
];

/** Every deployment of the entity, newest first, paged on the server, filtered by environment and status. */
export function DeploymentsTable(props: { environments: string[] }) {
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
  const filter = (label: string, current: string, options: readonly string[], set: (v: string) => void) => (
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
      <MenuItem value="">All</MenuItem>
      {options.map(o => (
        <MenuItem key={o} value={o}>
          {o}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <>
      <Flex gap="4" mb="4">
        {filter('Environment', environment, props.environments, setEnvironment)}
        {filter('Status', status, DEPLOYMENT_STATUSES, v => setStatus(v as DeploymentStatus | ''))}
      </Flex>
      <Table<Deployment>
        title="Deployments"
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
          <Box p="4">{error ? `Could not load deployments: ${error.message}` : 'No deployments match.'}</Box>
        }
      />
    </>
  );
}
