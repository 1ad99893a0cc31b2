import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi, type ScorecardOverviewQuery } from '../../api/OpsfolioApi';
import { OpsfolioScorecardsPage } from './OpsfolioScorecardsPage';
import { manyEntities, overview } from './testing/overviewTestData';

function apiOf(respond: (query: ScorecardOverviewQuery) => Promise<ScorecardOverviewResponse> = async () => overview) {
  return {
    getScorecardOverview: vi.fn(async (query: ScorecardOverviewQuery = {}) => respond(query)),
    getScorecardOverviewCsv: vi.fn(async () => new Blob(['entity,level\n'], { type: 'text/csv' })),
  } satisfies Partial<OpsfolioApi>;
}

/** The query string as the router has it: what a shared link would carry. */
function Location() {
  return <div data-testid="location">{decodeURIComponent(useLocation().search)}</div>;
}

async function renderPage(api: Partial<OpsfolioApi>, url = '/opsfolio/scorecards') {
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <OpsfolioScorecardsPage />
      <Location />
    </TestApiProvider>,
    { routeEntries: [url], mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map(c => c.textContent);

describe('OpsfolioScorecardsPage', () => {
  it('lists each team with its entities per level, linked to the team', async () => {
    await renderPage(apiOf());
    const teams = await screen.findAllByTestId('opsfolio-scorecards-team');
    const table = screen.getByTestId('opsfolio-scorecards-teams');
    expect(within(table).getAllByRole('columnheader').map(h => h.textContent)).toEqual(['Team', 'No level', 'Bronze', 'Silver', 'Gold', 'Total']);
    expect(teams.map(cells)).toEqual([
      ['Payments', '0', '1', '0', '1', '2'],
      // Levels the backend left out count as zero.
      ['Search', '1', '0', '0', '0', '1'],
    ]);
    expect(within(teams[0]).getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(screen.getByRole('heading', { name: 'Production readiness' })).toBeInTheDocument();
    expect(screen.getByText(/3 entities scored/)).toBeInTheDocument();
  });

  it("shows each check's pass rate and what keeps the rest from passing", async () => {
    await renderPage(apiOf());
    const checks = await screen.findAllByTestId('opsfolio-scorecards-check');
    expect(checks.map(cells)).toEqual([
      ['Has an owning team', 'Bronze', '67%', '1', '0', '0', '0'],
      ['On-call rota', 'Silver', '50%', '1', '1', '0', '1'],
      // Not applicable to anything: no rate rather than 0%.
      ['Deploys weekly', 'Gold', '—', '0', '0', '0', '0'],
    ]);
    expect(within(screen.getByTestId('opsfolio-scorecards-checks')).getAllByRole('columnheader').map(h => h.textContent)).toEqual([
      'Check',
      'Level',
      'Pass rate',
      'Failing',
      'Not reported',
      'Stale',
      'Exempt',
    ]);
  });

  it('lists the entities with owner, tier, level, passing checks and the titles of the failing ones', async () => {
    await renderPage(apiOf());
    const rows = await screen.findAllByTestId('opsfolio-scorecards-entity');
    expect(rows.map(cells)).toEqual([
      ['payments-api', 'payments', '1', 'Gold', '3/3', 'none'],
      ['refunds', 'payments', '2', 'Bronze', '1/3', 'On-call rota, Deploys weekly'],
      ['search-api', 'search', '1', 'No level', '0/3', 'Has an owning team, On-call rota, Deploys weekly'],
    ]);
    expect(within(rows[0]).getByRole('link', { name: 'payments-api' })).toHaveAttribute('href', '/catalog/default/component/payments-api');
  });

  it('drills down from a count: the owner and level filters go to the URL and the API', async () => {
    const api = apiOf();
    await renderPage(api);
    expect(api.getScorecardOverview).toHaveBeenCalledWith({});
    fireEvent.click(await screen.findByRole('button', { name: 'Show the entity of Payments at Gold' }));
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ owner: 'group:default/payments', level: 'gold' }));
    expect(screen.getByTestId('location')).toHaveTextContent('?owner=group:default/payments&level=gold');
    expect(await screen.findByTestId('opsfolio-scorecards-filter-owner')).toHaveValue('group:default/payments');
    expect(screen.getByTestId('opsfolio-scorecards-filter-level')).toHaveValue('gold');
    // Zero opens nothing.
    expect(within(screen.getAllByTestId('opsfolio-scorecards-team')[0]).getAllByRole('button')).toHaveLength(2);
  });

  it('opens a shared filtered link as filtered, and filters by any field', async () => {
    const api = apiOf();
    await renderPage(api, '/opsfolio/scorecards?owner=group:default/search&level=none');
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenCalledWith({ owner: 'group:default/search', level: 'none' }));
    // The owner is offered with its team title, and the level by name.
    expect(await screen.findByTestId('opsfolio-scorecards-filter-owner')).toHaveValue('group:default/search');
    expect(within(screen.getByTestId('opsfolio-scorecards-filter-owner')).getByRole('option', { name: 'Search' })).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-scorecards-filter-level')).toHaveValue('none');
    expect(within(screen.getByTestId('opsfolio-scorecards-filter-tier')).getAllByRole('option').map(o => o.textContent)).toEqual(['Any', '1', '2']);
    fireEvent.change(screen.getByTestId('opsfolio-scorecards-filter-tier'), { target: { value: '2' } });
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ owner: 'group:default/search', tier: '2', level: 'none' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({}));
    expect(screen.getByTestId('location')).toHaveTextContent(/^$/);
  });

  it('switches scorecard, leaving the level filter of the other one behind', async () => {
    const api = apiOf();
    await renderPage(api, '/opsfolio/scorecards?level=gold&tier=1');
    fireEvent.change(await screen.findByTestId('opsfolio-scorecards-picker'), { target: { value: 'security' } });
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ scorecard: 'security', tier: '1' }));
  });

  it('has no scorecard picker when there is one scorecard', async () => {
    await renderPage(apiOf(async () => ({ ...overview, scorecards: overview.scorecards.slice(0, 1) })));
    await screen.findAllByTestId('opsfolio-scorecards-team');
    expect(screen.queryByTestId('opsfolio-scorecards-picker')).toBeNull();
  });

  it('downloads the CSV of the filtered view of the scorecard shown', async () => {
    const api = apiOf();
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await renderPage(api, '/opsfolio/scorecards?tier=1');
    await screen.findAllByTestId('opsfolio-scorecards-team');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toEqual(['opsfolio-readiness-production.csv']));
    expect(api.getScorecardOverviewCsv).toHaveBeenCalledWith({ scorecard: 'production', tier: '1' });
    click.mockRestore();
    Object.assign(URL, original);
  });

  it('keeps 10,000 entities fast: only a window of rows is in the DOM', async () => {
    await renderPage(apiOf(async () => manyEntities(10_000)));
    const rows = await screen.findAllByTestId('opsfolio-scorecards-entity');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]).toHaveAttribute('data-entity', 'component:default/svc-00000');
    expect(screen.getByText('10,000 entities')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-scorecards-entities')).toHaveAttribute('aria-rowcount', '10001');
  });

  it('explains that nothing has been evaluated yet', async () => {
    await renderPage(apiOf(async () => ({ ...overview, entities: [], byTeam: [], checks: [], trend: [], evaluatedAt: undefined })));
    expect(await screen.findByText('No readiness results yet')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent('first evaluation of Production readiness');
  });

  it('says when the filters match nothing', async () => {
    await renderPage(apiOf(async () => ({ ...overview, entities: [], byTeam: [], checks: [], trend: [] })), '/opsfolio/scorecards?tier=9');
    expect(await screen.findByText('No entities match these filters')).toBeInTheDocument();
  });

  it('shows errors in the response error panel', async () => {
    await renderPage(apiOf(async () => Promise.reject(new Error('Unknown scorecard nope'))));
    expect((await screen.findAllByText(/Unknown scorecard nope/)).length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId('opsfolio-scorecards-team')).toHaveLength(0);
  });
});
