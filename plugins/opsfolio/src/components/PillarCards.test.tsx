import { type Deployment, describePillars, DORA_DEFINITIONS, type DoraFigure, type DoraMetricId, type DoraResult, type EntitySummaryResponse, HOUR_MS, PILLARS, type SourceHealth } from '@opsfolio/backstage-plugin-common';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityDeploymentsCard } from '../deployments/EntityDeploymentsCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations: { 'github.com/project-slug': 'acme/payments-api' } },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

// The summary the backend would send for this entity, built with the same shared logic.
const summaryOf = (e: Entity, sources: SourceHealth[] = []): EntitySummaryResponse => {
  const setup = describePillars(e);
  return {
    entityRef: 'component:default/payments-api',
    pillars: Object.fromEntries(PILLARS.map(p => [p, { ...setup[p], sources }])) as EntitySummaryResponse['pillars'],
  };
};

const noDeployments: Partial<OpsfolioApi> = {
  getCurrentDeployments: async () => ({ productionEnvironments: ['production'], environments: [] }),
  getDora: async () => doraOf(null),
};

function doraOf(value: number | null): DoraResult {
  // DORA 2024 publishes no bands for the rework rate: the backend sends it without one.
  const figure = (metric: DoraMetricId, unit: DoraFigure['unit'], of = value): DoraFigure => ({
    metric,
    unit,
    value: of,
    band: of === null || metric === 'reworkRate' ? undefined : 'elite',
    definition: DORA_DEFINITIONS[metric],
    sampleSize: of === null ? 0 : 40,
    enoughData: of !== null,
    explanation: `How ${metric} is computed.`,
  });
  return {
    window: { from: '2026-10-22T00:00:00Z', to: '2026-11-21T00:00:00Z', days: 30 },
    environments: ['production'],
    thresholdsSource: 'DORA 2024',
    unbanded: ['reworkRate'],
    figures: {
      deploymentFrequency: figure('deploymentFrequency', 'deploysPerDay'),
      leadTime: figure('leadTime', 'hours'),
      changeFailureRate: figure('changeFailureRate', 'ratio'),
      recoveryTime: figure('recoveryTime', 'hours'),
      reworkRate: figure('reworkRate', 'ratio', value === null ? null : 0.25),
    },
  };
}

const render = (api: Partial<OpsfolioApi>, card: JSX.Element) =>
  renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={entity}>{card}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('Opsfolio entity cards', () => {
  it('names the annotations to add when a pillar is not configured', async () => {
    await render({ getEntitySummary: async () => summaryOf(entity) }, <EntityOnCallCard />);
    expect(await screen.findByText('No on-call service is set for this entity')).toBeInTheDocument();
    expect(screen.getByText('pagerduty.com/service-id')).toBeInTheDocument();
    expect(screen.getByText('opsgenie.com/team')).toBeInTheDocument();
  });

  it('shows what is configured and that no source is installed yet', async () => {
    await render({ ...noDeployments, getEntitySummary: async () => summaryOf(entity) }, <EntityDeploymentsCard />);
    expect(await screen.findByText('acme/payments-api', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/No deployment source is installed/)).toBeInTheDocument();
  });

  it('says it is waiting for the first sync once a source is installed', async () => {
    await render(
      { ...noDeployments, getEntitySummary: async () => summaryOf(entity, [{ id: 'github', pillar: 'deployments', vendor: 'github' }]) },
      <EntityDeploymentsCard />,
    );
    expect(await screen.findByText('Waiting for the first sync of GitHub')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent("It starts on the source's schedule. This card fills in when it ends.");
  });

  describe('while the first sync has not ended', () => {
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const withSources = (sources: SourceHealth[]) => ({ ...noDeployments, getEntitySummary: async () => summaryOf(entity, sources) });

    it('says how far the first sync has got', async () => {
      const progress = { unit: 'repositories', done: 12, total: 40, at: ago(5_000) };
      await render(
        withSources([{ id: 'github', pillar: 'deployments', vendor: 'github', lastRun: { sourceId: 'github', status: 'running', startedAt: ago(120_000), progress } }]),
        <EntityDeploymentsCard />,
      );
      expect(await screen.findByTestId('opsfolio-empty-state-title')).toHaveTextContent('First sync of GitHub in progress: 12 of 40 repositories');
      expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent('Started 2 minutes ago. This card fills in when it ends.');
      // Said once: the freshness lines leave the first sync to the empty state.
      expect(screen.getAllByText(/12 of 40 repositories/)).toHaveLength(1);
    });

    it('says the first sync failed, when and why', async () => {
      const error = 'github GET /repos/acme/payments-api/deployments failed after 4 attempts: 401';
      await render(
        withSources([{ id: 'github', pillar: 'deployments', vendor: 'github', lastRun: { sourceId: 'github', status: 'failed', startedAt: ago(3_700_000), finishedAt: ago(3_600_000), error } }]),
        <EntityDeploymentsCard />,
      );
      expect(await screen.findByTestId('opsfolio-empty-state-title')).toHaveTextContent('The first sync of GitHub failed 1 hour ago');
      expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent(`${error} Nothing has been stored yet`);
    });

    it('says the last sync failed, and how old the last good data is', async () => {
      await render(
        withSources([
          {
            id: 'github',
            pillar: 'deployments',
            vendor: 'github',
            lastSuccessAt: ago(2 * 86_400_000),
            lastRun: { sourceId: 'github', status: 'failed', startedAt: ago(700_000), finishedAt: ago(600_000), error: 'Bad credentials' },
          },
        ]),
        <EntityDeploymentsCard />,
      );
      expect(await screen.findByTestId('opsfolio-empty-state-title')).toHaveTextContent('The last sync of GitHub failed 10 minutes ago');
      expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent('Bad credentials Its last good data, from 2 days ago, has nothing here;');
      expect(screen.getAllByText(/Bad credentials/)).toHaveLength(1); // said once, not again by the freshness lines
    });

    it('says a source synced and found nothing for the annotation', async () => {
      await render(
        withSources([{ id: 'github', pillar: 'deployments', vendor: 'github', lastSuccessAt: ago(300_000), lastRun: { sourceId: 'github', status: 'succeeded', startedAt: ago(310_000) } }]),
        <EntityDeploymentsCard />,
      );
      expect(await screen.findByTestId('opsfolio-empty-state')).toHaveTextContent(
        'No deployments yetGitHub synced 5 minutes ago and found none for the annotation above: check its value.',
      );
    });
  });

  it('shows what runs where, the last deploy and the DORA bands, and warns when the last sync failed', async () => {
    const deployment = (over: Partial<Deployment>): Deployment => ({
      source: 'github',
      externalId: '1',
      entityRef: 'component:default/payments-api',
      environment: 'production',
      version: 'v1.4.2',
      status: 'success',
      startedAt: new Date(Date.now() - 3 * HOUR_MS).toISOString(),
      finishedAt: new Date(Date.now() - 3 * HOUR_MS + 300_000).toISOString(),
      actor: 'ada.okafor',
      rollback: false,
      ...over,
    });
    const running = deployment({});
    const failed = deployment({ externalId: '2', version: 'v1.4.3', status: 'failure' });
    await render(
      {
        getEntitySummary: async () =>
          summaryOf(entity, [
            {
              id: 'github',
              pillar: 'deployments',
              vendor: 'github',
              lastSuccessAt: new Date(Date.now() - 2 * HOUR_MS).toISOString(),
              lastRun: { sourceId: 'github', status: 'failed', startedAt: new Date(Date.now() - 600_000).toISOString(), error: 'github GET /repos/acme/payments-api/deployments: 503' },
            },
          ]),
        getCurrentDeployments: async () => ({
          productionEnvironments: ['production'],
          environments: [{ environment: 'production', latest: failed, running }],
          lastDeployment: failed,
        }),
        getDora: async () => doraOf(2),
      },
      <EntityDeploymentsCard />,
    );
    expect(await screen.findByTestId('opsfolio-last-deploy')).toHaveTextContent('Last shipped 2 hours ago to production by ada.okafor');
    expect(screen.getByText('v1.4.2')).toBeInTheDocument();
    expect(screen.getByText('failure')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-dora-deploymentFrequency')).toHaveTextContent('2 a day');
    expect(screen.getAllByText('elite')).toHaveLength(4);
    expect(screen.getByTestId('opsfolio-dora-reworkRate')).toHaveTextContent('Deployment rework rate25%');
    expect(screen.getByTestId('opsfolio-dora-bands')).toHaveTextContent(
      'Bands: DORA 2024 (deployment rework rate: none published)',
    );
    // The tooltips are react-aria's: they open at once on keyboard focus (hovering waits for a delay).
    act(() => screen.getByTestId('opsfolio-dora-reworkRate').focus());
    expect(await screen.findByText(DORA_DEFINITIONS.reworkRate)).toBeInTheDocument();
    expect(screen.getByText('How reworkRate is computed. Based on 40 data points over 30 days.')).toBeInTheDocument();
    act(() => screen.getByTestId('opsfolio-dora-leadTime').focus());
    expect(await screen.findByText('How leadTime is computed. Based on 40 data points over 30 days; bands: DORA 2024.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/GitHub sync failed 10 minutes ago; showing data from 2 hours ago/);
  });

  it('shows the backend error instead of an empty card', async () => {
    await render(
      {
        getEntitySummary: async () => {
          throw new Error('opsfolio backend unavailable');
        },
      },
      <EntityOnCallCard />,
    );
    expect((await screen.findAllByText(/opsfolio backend unavailable/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('opsfolio-empty-state')).not.toBeInTheDocument();
  });
});
