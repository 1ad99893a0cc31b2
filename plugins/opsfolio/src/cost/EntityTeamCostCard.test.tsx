import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { EntityCostResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { paymentsCost } from './testing/costTestData';
import { EntityTeamCostCard } from './EntityTeamCostCard';

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments' }, spec: { type: 'team', children: [] } };

async function renderCard(response: EntityCostResponse) {
  const api = { getEntityCost: vi.fn(async () => response) } satisfies Partial<OpsfolioApi>;
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api], [permissionApiRef, mockApis.permission()]]}>
      <EntityProvider entity={group}>
        <EntityTeamCostCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('EntityTeamCostCard', () => {
  it("shows the team's month to date, last month, forecast with change, the chart and its top services", async () => {
    const byEntity = Array.from({ length: 7 }, (_, i) => ({ entityRef: `component:default/svc-${i + 1}`, amounts: { USD: 700 - i * 100 } }));
    const api = await renderCard({ ...paymentsCost, byEntity });
    expect(await screen.findByTestId('opsfolio-cost-month-to-date')).toHaveTextContent('This month so far$600');
    expect(screen.getByTestId('opsfolio-cost-last-month')).toHaveTextContent('Last month$800');
    expect(screen.getByTestId('opsfolio-cost-forecast')).toHaveTextContent('Month-end forecast$1,000+25% on last month');
    expect(api.getEntityCost).toHaveBeenCalledWith({ kind: 'Group', namespace: 'default', name: 'payments' }, { granularity: 'month' });
    // June also has euros: the chart is in dollars and says so.
    expect(screen.getByTestId('opsfolio-team-cost-chart')).toHaveTextContent('Monthly spend in USD; also spent in EUR, not charted');
    const services = screen.getAllByTestId('opsfolio-team-cost-service');
    expect(services.map(s => s.textContent)).toEqual(['svc-1$700', 'svc-2$600', 'svc-3$500', 'svc-4$400', 'svc-5$300']);
    expect(within(services[0]).getByRole('link')).toHaveAttribute('href', '/catalog/default/component/svc-1');
    expect(screen.getByText('Top services since Jan 2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Cost of every team/ })).toHaveAttribute('href', '/opsfolio/cost');
    expect(screen.getByTestId('opsfolio-card-team-cost')).toBeInTheDocument();
  });

  it('shows the one service of a team with a single tag', async () => {
    const one = paymentsCost.tags.slice(0, 1);
    await renderCard({ ...paymentsCost, tags: one, byEntity: undefined });
    const services = await screen.findAllByTestId('opsfolio-team-cost-service');
    expect(services.map(s => s.textContent)).toEqual(['payments-api€40.00 + $4,370']);
  });

  it('explains how services are matched when the team has no spend', async () => {
    const none = { monthToDate: {}, lastMonth: {}, forecast: {} };
    await renderCard({
      ...paymentsCost,
      series: paymentsCost.series.map(p => ({ ...p, amounts: {}, estimated: false })),
      byEntity: [],
      figures: none,
    });
    expect(await screen.findByText("No spend found for this team's services")).toBeInTheDocument();
    const empty = screen.getByTestId('opsfolio-empty-state');
    expect(empty).toHaveTextContent('team=<name>');
    expect(empty).toHaveTextContent('opsfolio.io/cost-tag');
    expect(screen.queryByTestId('opsfolio-team-cost-chart')).toBeNull();
  });
});
