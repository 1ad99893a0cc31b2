import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import type { PillarSummary } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { ConfiguredPillar } from '../components/ConfiguredPillar';
import { SourceFreshness } from '../components/SourceFreshness';
import { DeploymentStatusChip } from './DeploymentStatusChip';
import { DoraFigures } from './DoraFigures';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

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
      <Table size="small" data-testid="opsfolio-environments">
        <TableBody>
          {current.environments.map(env => (
            <TableRow key={env.environment}>
              <TableCell>{env.environment}</TableCell>
              <TableCell>
                {env.running ? (
                  env.running.url ? (
                    <Link to={env.running.url}>{env.running.version}</Link>
                  ) : (
                    env.running.version
                  )
                ) : (
                  t('deployments.overview.nothingRunning')
                )}
              </TableCell>
              <TableCell>
                <DeploymentStatusChip deployment={env.latest} />
              </TableCell>
              <TableCell>{format.age(env.latest.finishedAt ?? env.latest.startedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
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
