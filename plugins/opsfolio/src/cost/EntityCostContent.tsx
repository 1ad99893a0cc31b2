import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { DAY_MS, dayOf, type Money, monthStart } from '@opsfolio/backstage-plugin-common';
import { useState, type ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { CostChart } from './CostChart';
import { CostFiguresRow } from './CostFiguresRow';
import { mainCurrency } from './mainCurrency';
import { CostError, CostPermissionGate } from './CostAccess';
import { useDeployMarkers } from './useDeployMarkers';
import { Grid, Text } from '@backstage/ui';
import { PaletteScope } from '../components/PaletteScope';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const VIEWS = { day: { days: 90 }, month: { days: 0 } } as const;
type View = keyof typeof VIEWS;

function Breakdown(props: { rows: Array<{ label: ReactNode; amounts: Money; key: string }> }) {
  const { format } = useOpsfolioText();
  return (
    <Table size="small">
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key} data-testid="opsfolio-cost-breakdown-row">
            <TableCell>{row.label}</TableCell>
            <TableCell align="right">{format.money(row.amounts, { cents: true })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
      <InfoCard title={t('cost.tab.title')}>
        <PillarEmptyState title={t('cost.tab.noTags')} fix={['opsfolio.io/cost-tag']}>
          {data.tagProblem ?? t('cost.tab.noTagsHint')}
        </PillarEmptyState>
      </InfoCard>
    );
  }
  const { currency, others } = mainCurrency(data.series.map(p => p.amounts));
  return (
    <PaletteScope>
      <Grid.Root columns="12" gap="6">
        <Grid.Item colSpan="12">
          <InfoCard
            title={t('cost.tab.spend')}
            subheader={
              others.length
                ? t('cost.tab.spendSubheaderOthers', { currency, others: others.join(t('common.listSeparator')) })
                : t('cost.tab.spendSubheader', { currency })
            }
            action={
              <TextField
                select
                size="small"
                label={t('cost.tab.view')}
                value={view}
                onChange={e => setView(e.target.value as View)}
              >
                {(Object.keys(VIEWS) as View[]).map(key => (
                  <MenuItem key={key} value={key}>
                    {t(`cost.tab.views.${key}`)}
                  </MenuItem>
                ))}
              </TextField>
            }
          >
            <CostFiguresRow figures={data.figures} />
            <CostChart cost={data} markers={view === 'day' ? markers : []} />
            {data.series.some(p => p.estimated) && (
              <Text variant="body-small" color="secondary">
                {t('cost.tab.estimated')}
              </Text>
            )}
          </InfoCard>
        </Grid.Item>
        <Grid.Item colSpan={{ initial: '12', md: data.byEntity ? '6' : '12' }}>
          <InfoCard
            title={t('cost.tab.byCloudService')}
            subheader={t('cost.tab.window', { from: data.from, to: data.to })}
          >
            <Breakdown
              rows={data.byCloudService.map(s => ({ key: s.cloudService, label: s.cloudService, amounts: s.amounts }))}
            />
          </InfoCard>
        </Grid.Item>
        {data.byEntity && (
          <Grid.Item colSpan={{ initial: '12', md: '6' }}>
            <InfoCard title={t('cost.tab.byService')}>
              <Breakdown
                rows={data.byEntity.map(e => ({
                  key: e.entityRef,
                  label: <EntityRefLink entityRef={e.entityRef} />,
                  amounts: e.amounts,
                }))}
              />
            </InfoCard>
          </Grid.Item>
        )}
      </Grid.Root>
    </PaletteScope>
  );
}
