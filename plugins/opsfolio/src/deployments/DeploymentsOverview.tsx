import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { CurrentDeploymentsResponse, PillarSummary } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { SourceFreshness } from '../components/SourceFreshness';
import { DeploymentStatusChip } from './DeploymentStatusChip';
import { DoraFigures } from './DoraFigures';
import { Cell, type ColumnConfig, Table, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { columnHeader } from '../components/tableHeaders';

type EnvironmentRow = CurrentDeploymentsResponse['environments'][number] & { id: string };

/** Each environment: what runs there, how its latest deployment went, and when. */
function EnvironmentsTable(props: { environments: CurrentDeploymentsResponse['environments'] }) {
  const { t, format } = useOpsfolioText();
  const rows = useMemo(() => props.environments.map(env => ({ ...env, id: env.environment })), [props.environments]);
  const columns = useMemo(
    (): ColumnConfig<EnvironmentRow>[] => [
      {
        id: 'environment',
        label: '',
        isRowHeader: true,
        header: columnHeader('environment', '', { hidden: true, isRowHeader: true }),
        cell: env => <Cell>{env.environment}</Cell>,
      },
      {
        id: 'running',
        label: '',
        header: columnHeader('running', '', { hidden: true }),
        cell: env => (
          <Cell>
            {env.running ? (
              env.running.url ? (
                <Link to={env.running.url}>{env.running.version}</Link>
              ) : (
                env.running.version
              )
            ) : (
              t('deployments.overview.nothingRunning')
            )}
          </Cell>
        ),
      },
      {
        id: 'status',
        label: '',
        header: columnHeader('status', '', { hidden: true }),
        cell: env => (
          <Cell>
            <DeploymentStatusChip deployment={env.latest} />
          </Cell>
        ),
      },
      {
        id: 'age',
        label: '',
        header: columnHeader('age', '', { hidden: true }),
        cell: env => <Cell>{format.age(env.latest.finishedAt ?? env.latest.startedAt)}</Cell>,
      },
    ],
    [t, format]
  );
  return (
    <div data-testid="opsfolio-environments">
      <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
    </div>
  );
}

/** The card's body: what runs where, when it last shipped, and the DORA figures. */
export function DeploymentsOverview(props: { summary: PillarSummary }) {
  const { t, format } = useOpsfolioText();
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    async () => Promise.all([api.getCurrentDeployments(ref), api.getDora(ref)]),
    [api, ref.kind, ref.namespace, ref.name]
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const [current, dora] = value!;
  const last = current.lastDeployment;
  if (!last) {
    return (
      <>
        <SourceFreshness sources={props.summary.sources} emptyStateShown />
        <ConfiguredPillar
          pillar="deployments"
          summary={props.summary}
          noneYet={t('deployments.overview.noneYet')}
          installHint={t('deployments.overview.installHint')}
        />
      </>
    );
  }
  return (
    <>
      <SourceFreshness sources={props.summary.sources} />
      <Text as="p" variant="body-large" data-testid="opsfolio-last-deploy">
        {last.actor
          ? t('deployments.overview.lastShippedBy', {
              age: format.age(last.finishedAt ?? last.startedAt),
              environment: last.environment,
              actor: last.actor,
            })
          : t('deployments.overview.lastShipped', {
              age: format.age(last.finishedAt ?? last.startedAt),
              environment: last.environment,
            })}
      </Text>
      <EnvironmentsTable environments={current.environments} />
      <Text as="p" weight="bold" style={{ marginTop: 16 }}>
        {t('deployments.overview.doraHeading', {
          count: dora.window.days,
          environments: dora.environments.join(', '),
        })}
      </Text>
      <DoraFigures dora={dora} />
    </>
  );
}
