import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { SourceFreshness } from '../components/SourceFreshness';
import { useEntitySummary } from '../components/useEntitySummary';
import { DeploymentsTable } from './DeploymentsTable';
import { DeploysPerWeekChart } from './DeploysPerWeekChart';
import { DoraFigures } from './DoraFigures';
import { Grid } from '@backstage/ui';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioSelect } from '../components/OpsfolioSelect';

const WINDOWS = [7, 30, 90];

/** The deployments tab: DORA over a chosen window, deploys per week, and the full history. */
export function EntityDeploymentsContent() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const summary = useEntitySummary();
  const { t } = useOpsfolioText();
  const [windowDays, setWindowDays] = useState(30);
  const data = useAsync(
    () =>
      Promise.all([api.getDora(ref, windowDays), api.getWeeklyDeployments(ref, 12), api.getCurrentDeployments(ref)]),
    [api, ref.kind, ref.namespace, ref.name, windowDays]
  );
  if (summary.loading || data.loading) return <Progress />;
  if (summary.error || data.error) return <ResponseErrorPanel error={(summary.error ?? data.error)!} />;
  const pillar = summary.value!.pillars.deployments;
  const [dora, weekly, current] = data.value!;
  if (!pillar.configured && !current.lastDeployment) {
    return (
      <OpsfolioCard title={t('deployments.card.title')}>
        <PillarEmptyState title={t('deployments.card.notConfigured')} fix={pillar.fix} />
      </OpsfolioCard>
    );
  }
  return (
    <Grid.Root columns="12" gap="6">
      <Grid.Item colSpan="12">
        <OpsfolioCard
          title={t('deployments.tab.doraTitle', { count: windowDays })}
          subheader={t('deployments.tab.production', { environments: dora.environments.join(', ') })}
          action={
            <OpsfolioSelect
              label={t('deployments.tab.window')}
              value={String(windowDays)}
              choices={WINDOWS.map(w => ({ value: String(w), label: t('deployments.tab.windowOption', { count: w }) }))}
              onChange={v => setWindowDays(Number(v))}
            />
          }
        >
          <SourceFreshness sources={pillar.sources} />
          <DoraFigures dora={dora} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan="12">
        <OpsfolioCard title={t('deployments.tab.weeklyTitle')}>
          <DeploysPerWeekChart data={weekly} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan="12">
        <DeploymentsTable environments={current.environments.map(e => e.environment)} />
      </Grid.Item>
    </Grid.Root>
  );
}
