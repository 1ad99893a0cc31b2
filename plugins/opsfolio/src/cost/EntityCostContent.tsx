import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { DAY_MS, dayOf, type Money, monthStart } from '@opsfolio/backstage-plugin-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { CostChart } from './CostChart';
import { CostFiguresRow } from './CostFiguresRow';
import { mainCurrency } from './mainCurrency';
import { CostError, CostPermissionGate } from './CostAccess';
import { useDeployMarkers } from './useDeployMarkers';
import { type SpendLine, SpendTable } from './SpendTable';
import { Grid, Text } from '@backstage/ui';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioSelect } from '../components/OpsfolioSelect';

const VIEWS = { day: { days: 90 }, month: { days: 0 } } as const;
type View = keyof typeof VIEWS;

/** Where the spend goes, to the cent: by cloud service or by service. */
function Breakdown(props: { nameLabel: string; rows: Array<Omit<SpendLine, 'amount'> & { amounts: Money }> }) {
  const { format } = useOpsfolioText();
  return (
    <SpendTable
      nameLabel={props.nameLabel}
      rowTestId="opsfolio-cost-breakdown-row"
      lines={props.rows.map(({ amounts, ...row }) => ({ ...row, amount: format.money(amounts, { cents: true }) }))}
    />
  );
}

/** The cost tab: spend by day or month with the production deploys marked on it, and where it goes. */
export function EntityCostContent() {
  return (
    <CostPermissionGate>
      <CostTab />
    </CostPermissionGate>
  );
}

function CostTab() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const ref = getCompoundEntityRef(entity);
  const [view, setView] = useState<View>('day');
  const today = dayOf(Date.now());
  const query =
    view === 'day'
      ? {
          granularity: 'day' as const,
          from: dayOf(Date.now() - (VIEWS.day.days - 1) * DAY_MS),
          to: dayOf(Date.now() + DAY_MS),
        }
      : { granularity: 'month' as const, from: monthStart(dayOf(Date.now() - 335 * DAY_MS)) };
  const cost = useAsync(() => api.getEntityCost(ref, query), [api, ref.kind, ref.namespace, ref.name, view]);
  const markers = useDeployMarkers(ref, query.from ?? today);
  if (cost.loading) return <Progress />;
  if (cost.error) return <CostError error={cost.error} />;
  const data = cost.value!;
  if (data.tags.length === 0) {
    return (
      <OpsfolioCard title={t('cost.tab.title')}>
        <PillarEmptyState title={t('cost.tab.noTags')} fix={['opsfolio.io/cost-tag']}>
          {data.tagProblem ?? t('cost.tab.noTagsHint')}
        </PillarEmptyState>
      </OpsfolioCard>
    );
  }
  const { currency, others } = mainCurrency(data.series.map(p => p.amounts));
  return (
    <Grid.Root columns="12" gap="6">
      <Grid.Item colSpan="12">
        <OpsfolioCard
          title={t('cost.tab.spend')}
          subheader={
            others.length
              ? t('cost.tab.spendSubheaderOthers', { currency, others: others.join(t('common.listSeparator')) })
              : t('cost.tab.spendSubheader', { currency })
          }
          action={
            <OpsfolioSelect
              label={t('cost.tab.view')}
              value={view}
              choices={(Object.keys(VIEWS) as View[]).map(key => ({ value: key, label: t(`cost.tab.views.${key}`) }))}
              onChange={v => setView(v as View)}
            />
          }
        >
          <CostFiguresRow figures={data.figures} />
          <CostChart cost={data} markers={view === 'day' ? markers : []} />
          {data.series.some(p => p.estimated) && (
            <Text variant="body-small" color="secondary">
              {t('cost.tab.estimated')}
            </Text>
          )}
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', md: data.byEntity ? '6' : '12' }}>
        <OpsfolioCard
          title={t('cost.tab.byCloudService')}
          subheader={t('cost.tab.window', { from: data.from, to: data.to })}
        >
          <Breakdown
            nameLabel={t('cost.tab.byCloudService')}
            rows={data.byCloudService.map(s => ({
              id: s.cloudService,
              label: s.cloudService,
              textValue: s.cloudService,
              amounts: s.amounts,
            }))}
          />
        </OpsfolioCard>
      </Grid.Item>
      {data.byEntity && (
        <Grid.Item colSpan={{ initial: '12', md: '6' }}>
          <OpsfolioCard title={t('cost.tab.byService')}>
            <Breakdown
              nameLabel={t('cost.table.services')}
              rows={data.byEntity.map(e => ({
                id: e.entityRef,
                label: <EntityRefLink entityRef={e.entityRef} />,
                textValue: e.entityRef,
                amounts: e.amounts,
              }))}
            />
          </OpsfolioCard>
        </Grid.Item>
      )}
    </Grid.Root>
  );
}
