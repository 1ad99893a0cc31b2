import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
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
import { PaletteScope } from '../components/PaletteScope';
import { useOpsfolioText } from '../translation/useOpsfolioText';

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
      <InfoCard title={t('deployments.card.title')}>
        <PillarEmptyState title={t('deployments.card.notConfigured')} fix={pillar.fix} />
      </InfoCard>
    );
  }
  return (
    <PaletteScope>
      <Grid.Root columns="12" gap="6">
        <Grid.Item colSpan="12">
          <InfoCard
            title={t('deployments.tab.doraTitle', { count: windowDays })}
            subheader={t('deployments.tab.production', { environments: dora.environments.join(', ') })}
            action={
              <TextField
                select
                size="small"
                label={t('deployments.tab.window')}
                value={windowDays}
                onChange={e => setWindowDays(Number(e.target.value))}
              >
                {WINDOWS.map(w => (
                  <MenuItem key={w} value={w}>
                    {t('deployments.tab.windowOption', { count: w })}
                  </MenuItem>
                ))}
              </TextField>
            }
          >
            <SourceFreshness sources={pillar.sources} />
            <DoraFigures dora={dora} />
          </InfoCard>
        </Grid.Item>
        <Grid.Item colSpan="12">
          <InfoCard title={t('deployments.tab.weeklyTitle')}>
            <DeploysPerWeekChart data={weekly} />
          </InfoCard>
        </Grid.Item>
        <Grid.Item colSpan="12">
          <DeploymentsTable environments={current.environments.map(e => e.environment)} />
        </Grid.Item>
      </Grid.Root>
    </PaletteScope>
  );
}
