import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { type EntityCostResponse, largestAmount, sumMoney } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { CostError, CostPermissionGate } from './CostAccess';
import { CostFiguresRow } from './CostFiguresRow';
import { isEmptyFigures, monthLabel, spendByEntity } from './costMoney';
import { formatMoney } from './formatMoney';
import { TeamCostChart } from './TeamCostChart';
import { Text } from '@backstage/ui';
import { PaletteScope } from '../components/PaletteScope';

const TOP_SERVICES = 5;

function NoTeamSpend(props: { cost: EntityCostResponse; name: string }) {
  const tagKey = props.cost.tags.find(t => !t.annotated)?.key;
  return (
    <PillarEmptyState title="No spend found for this team's services">
      A service is charged when a cloud cost allocation tag value equals its entity name under the organisation&apos;s
      tag key
      {tagKey && (
        <>
          {' '}
          (e.g. <code>{tagKey}=&lt;name&gt;</code>)
        </>
      )}
      , or the value set in its <code>opsfolio.io/cost-tag</code> annotation (<code>key=value</code>). The team is
      charged for what it and its sub-teams own
      {props.cost.tags.length === 0 ? `; nothing ${props.name} owns carries a cost tag yet.` : '.'}
    </PillarEmptyState>
  );
}

function TeamCost(props: { cost: EntityCostResponse; name: string }) {
  const { cost } = props;
  if (isEmptyFigures(cost.figures) && largestAmount(sumMoney(cost.series.map(p => p.amounts))) <= 0) {
    return <NoTeamSpend cost={cost} name={props.name} />;
  }
  const top = spendByEntity(cost).slice(0, TOP_SERVICES);
  return (
    <>
      <CostFiguresRow figures={cost.figures} />
      <Text as="p" variant="body-small" color="secondary" style={{ marginBottom: 'var(--bui-space-2)' }}>
        With its sub-teams; the forecast is month-end at the last 7 days&apos; run rate.
      </Text>
      <TeamCostChart series={cost.series} />
      {top.length > 0 && (
        <>
          <Text as="p" weight="bold" style={{ marginTop: 16 }}>
            Top services since {monthLabel(cost.from)}
          </Text>
          <Table size="small">
            <TableBody>
              {top.map(s => (
                <TableRow key={s.entityRef} data-testid="opsfolio-team-cost-service">
                  <TableCell>
                    <EntityRefLink entityRef={s.entityRef} defaultKind="component" />
                  </TableCell>
                  <TableCell align="right">{formatMoney(s.amounts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}

function TeamCostLoader() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityCost(ref, { granularity: 'month' }),
    [api, ref.kind, ref.namespace, ref.name]
  );
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  return <TeamCost cost={value!} name={entity.metadata.title ?? entity.metadata.name} />;
}

/** On a Group page: what the team and its sub-teams spend, its trend, and where the money goes. */
export function EntityTeamCostCard() {
  return (
    <PaletteScope>
      <InfoCard title="Team cost" variant="gridItem" deepLink={{ title: 'Cost of every team', link: '/opsfolio/cost' }}>
        <div data-testid="opsfolio-card-team-cost">
          <CostPermissionGate>
            <TeamCostLoader />
          </CostPermissionGate>
        </div>
      </InfoCard>
    </PaletteScope>
  );
}
