import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import {
  DEPLOYMENT_STATUSES,
  type DeploymentStatus,
  type Money,
  type PortfolioService,
  refKey,
} from '@opsfolio/backstage-plugin-common';
import { DeploymentStatusChip } from '../../deployments/DeploymentStatusChip';
import { LevelChip } from '../page/LevelChip';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

// No figures at all (no cost tag matched the service) is a dash; "$0" would claim it costs nothing.
const hasSpend = (money?: Money): money is Money => money !== undefined && Object.keys(money).length > 0;

const isDeploymentStatus = (s: string): s is DeploymentStatus => (DEPLOYMENT_STATUSES as readonly string[]).includes(s);

/** Level 1 now; the same person reached through two sources is named once. */
function OnCallNow(props: { service: PortfolioService }) {
  const { t } = useOpsfolioText();
  const names = [...new Set(props.service.onCallNow.map(p => p.name))];
  if (names.length === 0)
    return (
      <Text as="p" color="secondary">
        {t('portfolio.nobodyOnCall')}
      </Text>
    );
  return <Text as="p">{names.join(', ')}</Text>;
}

function LastDeploy(props: { service: PortfolioService }) {
  const { t, format } = useOpsfolioText();
  const deploy = props.service.lastDeploy;
  if (!deploy)
    return (
      <Text as="p" color="secondary">
        {t('portfolio.noDeploy')}
      </Text>
    );
  const age = format.age(deploy.at);
  return (
    <>
      <Text style={{ marginRight: 4 }} title={deploy.at}>
        {deploy.version
          ? t('portfolio.deployedVersionTo', { age, environment: deploy.environment, version: deploy.version })
          : t('portfolio.deployedTo', { age, environment: deploy.environment })}
      </Text>
      {/* The portfolio does not say whether the deploy was a rollback. */}
      {isDeploymentStatus(deploy.status) ? (
        <DeploymentStatusChip deployment={{ status: deploy.status, rollback: false }} />
      ) : (
        <Text variant="body-small">{deploy.status}</Text>
      )}
    </>
  );
}

/** One service of the team: readiness, who answers, what shipped last and, when allowed, what it costs. */
export function PortfolioServiceRow(props: { service: PortfolioService; groupRef: string; costVisible: boolean }) {
  const { service } = props;
  const { format } = useOpsfolioText();
  // Services of sub-teams name the sub-team, as the team on-call card does; refs may differ in case only.
  const subTeam =
    service.ownerRef && refKey(service.ownerRef) !== refKey(props.groupRef)
      ? parseEntityRef(service.ownerRef).name
      : undefined;
  return (
    <TableRow data-testid="opsfolio-team-portfolio-row" data-entity={service.entityRef}>
      <TableCell>
        <EntityRefLink entityRef={service.entityRef} title={service.title} defaultKind="component" />
        {subTeam && (
          <Text as="p" variant="body-small" color="secondary">
            {subTeam}
          </Text>
        )}
      </TableCell>
      <TableCell>
        <LevelChip level={service.level} />
      </TableCell>
      <TableCell>
        <OnCallNow service={service} />
      </TableCell>
      <TableCell>
        <LastDeploy service={service} />
      </TableCell>
      {props.costVisible && (
        <TableCell align="right">
          {hasSpend(service.costThisMonth) ? format.money(service.costThisMonth) : '–'}
        </TableCell>
      )}
    </TableRow>
  );
}
