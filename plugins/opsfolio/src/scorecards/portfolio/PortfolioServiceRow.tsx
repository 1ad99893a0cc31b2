import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, type ColumnConfig, Text } from '@backstage/ui';
import {
  DEPLOYMENT_STATUSES,
  type DeploymentStatus,
  type Money,
  type PortfolioService,
  refKey,
} from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { DeploymentStatusChip } from '../../deployments/DeploymentStatusChip';
import { LevelChip } from '../page/LevelChip';
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

/** A service of the team as a table row. */
export type PortfolioServiceItem = PortfolioService & { id: string };

/** The sub-team that owns the service, when not the team itself; refs may differ in case only. */
function subTeamOf(service: PortfolioService, groupRef: string): string | undefined {
  return service.ownerRef && refKey(service.ownerRef) !== refKey(groupRef)
    ? parseEntityRef(service.ownerRef).name
    : undefined;
}

/**
 * The columns of one service of the team: readiness, who answers, what shipped last and, when allowed, what it
 * costs.
 */
export function usePortfolioColumns(groupRef: string, costVisible: boolean): ColumnConfig<PortfolioServiceItem>[] {
  const { t, format } = useOpsfolioText();
  return useMemo(() => {
    const columns: ColumnConfig<PortfolioServiceItem>[] = [
      {
        id: 'service',
        label: t('portfolio.service'),
        isRowHeader: true,
        cell: service => {
          // Services of sub-teams name the sub-team, as the team on-call card does.
          const subTeam = subTeamOf(service, groupRef);
          return (
            <Cell textValue={service.title ?? service.entityRef}>
              <EntityRefLink entityRef={service.entityRef} title={service.title} defaultKind="component" />
              {subTeam && (
                <Text as="p" variant="body-small" color="secondary">
                  {subTeam}
                </Text>
              )}
            </Cell>
          );
        },
      },
      {
        id: 'level',
        label: t('portfolio.level'),
        cell: service => (
          <Cell>
            <LevelChip level={service.level} />
          </Cell>
        ),
      },
      {
        id: 'onCallNow',
        label: t('portfolio.onCallNow'),
        cell: service => (
          <Cell>
            <OnCallNow service={service} />
          </Cell>
        ),
      },
      {
        id: 'lastDeploy',
        label: t('portfolio.lastDeploy'),
        cell: service => (
          <Cell>
            <LastDeploy service={service} />
          </Cell>
        ),
      },
    ];
    if (!costVisible) return columns;
    return [
      ...columns,
      {
        id: 'cost',
        label: t('portfolio.costThisMonth'),
        cell: service => <Cell>{hasSpend(service.costThisMonth) ? format.money(service.costThisMonth) : '–'}</Cell>,
      },
    ];
  }, [t, format, groupRef, costVisible]);
}
