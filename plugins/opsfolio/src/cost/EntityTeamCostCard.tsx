import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { type EntityCostResponse, largestAmount, sumMoney } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { CostError, CostPermissionGate } from './CostAccess';
import { CostFiguresRow } from './CostFiguresRow';
import { isEmptyFigures, spendByEntity } from './costMoney';
import { SpendTable } from './SpendTable';
import { TeamCostChart } from './TeamCostChart';
import { Text } from '@backstage/ui';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const TOP_SERVICES = 5;

function NoTeamSpend(props: { cost: EntityCostResponse; name: string }) {
  const { t } = useOpsfolioText();
  const tagKey = props.cost.tags.find(tag => !tag.annotated)?.key;
  const where = { annotation: <code>opsfolio.io/cost-tag</code>, keyValue: <code>{t('cost.team.keyValue')}</code> };
  return (
    <PillarEmptyState title={t('cost.team.noSpend')}>
      {tagKey
        ? t('cost.team.ruleWithExample', { ...where, example: <code>{t('cost.team.example', { tagKey })}</code> })
        : t('cost.team.rule', where)}{' '}
      {props.cost.tags.length === 0
        ? t('cost.team.chargedNothingTagged', { name: props.name })
        : t('cost.team.charged')}
    </PillarEmptyState>
  );
}

function TeamCost(props: { cost: EntityCostResponse; name: string }) {
  const { cost } = props;
  const { t, format } = useOpsfolioText();
  if (isEmptyFigures(cost.figures) && largestAmount(sumMoney(cost.series.map(p => p.amounts))) <= 0) {
    return <NoTeamSpend cost={cost} name={props.name} />;
  }
  const top = spendByEntity(cost).slice(0, TOP_SERVICES);
  return (
    <>
      <CostFiguresRow figures={cost.figures} />
      <Text as="p" variant="body-small" color="secondary" style={{ marginBottom: 'var(--bui-space-2)' }}>
        {t('cost.team.withSubTeams')}
      </Text>
      <TeamCostChart series={cost.series} />
      {top.length > 0 && (
        <>
          <Text as="p" weight="bold" style={{ marginTop: 16 }}>
            {t('cost.team.topServices', { month: format.month(cost.from) })}
          </Text>
          <SpendTable
            nameLabel={t('cost.table.services')}
            rowTestId="opsfolio-team-cost-service"
            lines={top.map(s => ({
              id: s.entityRef,
              label: <EntityRefLink entityRef={s.entityRef} defaultKind="component" />,
              textValue: s.entityRef,
              amount: format.money(s.amounts),
            }))}
          />
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
  const { t } = useOpsfolioText();
  return (
    <OpsfolioCard title={t('cost.team.title')} deepLink={{ title: t('cost.team.everyTeam'), link: '/opsfolio/cost' }}>
      <div data-testid="opsfolio-card-team-cost">
        <CostPermissionGate>
          <TeamCostLoader />
        </CostPermissionGate>
      </div>
    </OpsfolioCard>
  );
}
