import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import type { ExemptionsOverviewResponse, ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi, type ScorecardOverviewQuery } from '../../api/OpsfolioApi';
import { OpsfolioScorecardsPage } from './OpsfolioScorecardsPage';
import { exemptions, noExemptions } from './testing/exemptionsTestData';
import { manyEntities, overview } from './testing/overviewTestData';
import { choicesOf, choose, selectButton } from '../../components/testing/selects';

type ExemptionsFilters = Parameters<OpsfolioApi['getExemptions']>[0];

function apiOf(
  respond: (query: ScorecardOverviewQuery) => Promise<ScorecardOverviewResponse> = async () => overview,
  respondExemptions: (filters: ExemptionsFilters) => Promise<ExemptionsOverviewResponse> = async () => exemptions,
) {
  return {
    getScorecardOverview: vi.fn(async (query: ScorecardOverviewQuery = {}) => respond(query)),
    getScorecardOverviewCsv: vi.fn(async () => new Blob(['entity,level\n'], { type: 'text/csv' })),
    getExemptions: vi.fn(async (filters: ExemptionsFilters = {}) => respondExemptions(filters)),
  } satisfies Partial<OpsfolioApi>;
}

/** The error the API client throws for a status: a ResponseError built from a response, as `fetch` gives it. */
const responseError = (status: number, statusText: string) =>
  ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/opsfolio/overview/exemptions',
    text: async () => '',
  });

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

// Backstage UI's tables are grids: a row's first cell is its row header.
const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('td, [role="cell"], [role="gridcell"], [role="rowheader"]')).map(c => c.textContent);

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
    fireEvent.click(await screen.findByRole('button', { name: '1: show the entity of Payments at Gold' }));
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ owner: 'group:default/payments', level: 'gold' }));
    expect(screen.getByTestId('location')).toHaveTextContent('?owner=group:default/payments&level=gold');
    await waitFor(() => expect(selectButton('opsfolio-scorecards-filter-owner')).toHaveTextContent('Payments'));
    expect(selectButton('opsfolio-scorecards-filter-level')).toHaveTextContent('Gold');
    // Zero opens nothing.
    expect(within(screen.getAllByTestId('opsfolio-scorecards-team')[0]).getAllByRole('button')).toHaveLength(2);
  });

  it('opens a shared filtered link as filtered, and filters by any field', async () => {
    const api = apiOf();
    await renderPage(api, '/opsfolio/scorecards?owner=group:default/search&level=none');
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenCalledWith({ owner: 'group:default/search', level: 'none' }));
    // The owner is offered with its team title, and the level by name.
    await waitFor(() => expect(selectButton('opsfolio-scorecards-filter-owner')).toHaveTextContent('Search'));
    expect(selectButton('opsfolio-scorecards-filter-level')).toHaveTextContent('No level');
    expect(await choicesOf('opsfolio-scorecards-filter-tier')).toEqual(['Any', '1', '2']);
    await choose('opsfolio-scorecards-filter-tier', '2');
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ owner: 'group:default/search', tier: '2', level: 'none' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({}));
    expect(screen.getByTestId('location')).toHaveTextContent(/^$/);
  });

  it('switches scorecard, leaving the level filter of the other one behind', async () => {
    const api = apiOf();
    await renderPage(api, '/opsfolio/scorecards?level=gold&tier=1');
    await screen.findByTestId('opsfolio-scorecards-picker');
    await choose('opsfolio-scorecards-picker', 'Security');
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
    // jsdom lays nothing out: give the table's scroll view the size a browser would.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(520);
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    try {
      await renderPage(apiOf(async () => manyEntities(10_000)));
      const rows = await screen.findAllByTestId('opsfolio-scorecards-entity');
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(30);
      expect(rows[0]).toHaveAttribute('data-entity', 'component:default/svc-00000');
      expect(screen.getByText('10,000 entities')).toBeInTheDocument();
      // Screen readers still hear the whole list: the header row and 10,000 entities.
      expect(within(screen.getByTestId('opsfolio-scorecards-entities')).getByRole('grid')).toHaveAttribute('aria-rowcount', '10001');
    } finally {
      height.mockRestore();
      width.mockRestore();
    }
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

  it('lists the exemptions below the checks, with the counts and the expired and soon-ending ones marked', async () => {
    await renderPage(apiOf());
    const rows = await screen.findAllByTestId('opsfolio-exemption-row');
    const section = screen.getByTestId('opsfolio-exemptions-table');
    expect(screen.getByTestId('opsfolio-scorecards-checks').compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('opsfolio-exemptions-counts')).toHaveTextContent('3 active, 1 expired, 2 end within 30 days');
    expect(within(section).getAllByRole('columnheader').map(h => h.textContent)).toEqual([
      'Entity',
      'Owner',
      'Check',
      'Reason',
      'Until',
      'Approved by',
      'Days left',
    ]);
    expect(rows.map(cells)).toEqual([
      ['refunds', 'payments', 'On-call rota', 'Rota moves to the new tool', '2026-06-12', 'ada.okafor', 'expired 3 days ago'],
      ['search-api', 'search', 'Has an owning team', 'Reason for has-owner', '2026-06-15', 'ada.okafor', 'last day today'],
      ['payments-api', 'payments', 'Deploys weekly', 'Release freeze', '2026-06-27', 'ada.okafor', '12 days'],
      ['refunds', 'payments', 'Deploys weekly', 'Pipeline rebuilt in Q3', '2026-08-29', '–', '75 days'],
    ]);
    expect(within(rows[0]).getByRole('link', { name: 'refunds' })).toHaveAttribute('href', '/catalog/default/component/refunds');
    expect(within(rows[1]).getByRole('link', { name: 'search' })).toHaveAttribute('href', '/catalog/default/group/search');
    // Expired in the error colour, ending within 30 days in the warning colour, the rest plain.
    expect(rows.map(r => r.dataset.urgency)).toEqual(['expired', 'soon', 'soon', 'ok']);
    const colourOf = (row: HTMLElement) =>
      row.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"]')[6].style.color;
    const [expired, lastDay, soon, later] = rows.map(colourOf);
    expect(expired).not.toBe('');
    expect(soon).not.toBe('');
    expect(expired).not.toBe(soon);
    expect(lastDay).toBe(soon);
    expect(later).toBe('');
  });

  it('asks for the exemptions of the scorecard shown and the owner filter, and only when those change', async () => {
    const api = apiOf();
    await renderPage(api, '/opsfolio/scorecards?owner=group:default/search');
    await screen.findAllByTestId('opsfolio-exemption-row');
    expect(api.getExemptions).toHaveBeenLastCalledWith({ scorecard: 'production', owner: 'group:default/search' });
    const calls = api.getExemptions.mock.calls.length;
    await choose('opsfolio-scorecards-filter-tier', '2');
    await waitFor(() => expect(api.getScorecardOverview).toHaveBeenLastCalledWith({ owner: 'group:default/search', tier: '2' }));
    await screen.findAllByTestId('opsfolio-exemption-row');
    expect(api.getExemptions).toHaveBeenCalledTimes(calls);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api.getExemptions).toHaveBeenLastCalledWith({ scorecard: 'production' }));
    await choose('opsfolio-scorecards-picker', 'Security');
    await waitFor(() => expect(api.getExemptions).toHaveBeenLastCalledWith({ scorecard: 'security' }));
  });

  it('explains the exemptions annotation when there are none', async () => {
    await renderPage(apiOf(undefined, async () => noExemptions));
    expect(await screen.findByTestId('opsfolio-exemptions-empty')).toHaveTextContent(
      "No exemptions. Teams add them to an entity's catalog-info.yaml under the opsfolio.io/exemptions annotation, with a reason and an end date.",
    );
    expect(screen.queryByTestId('opsfolio-exemptions-table')).toBeNull();
  });

  it('says which permission listing exemptions needs when the backend answers 403, without an error panel', async () => {
    await renderPage(apiOf(undefined, async () => Promise.reject(await responseError(403, 'Forbidden'))));
    expect(await screen.findByTestId('opsfolio-exemptions-denied')).toHaveTextContent(
      'Listing exemptions needs the opsfolio.exemptions.read permission.',
    );
    expect(screen.queryByText(/Request failed/)).toBeNull();
    expect(screen.queryByTestId('opsfolio-exemptions-table')).toBeNull();
    // The rest of the page is unaffected.
    expect(screen.getAllByTestId('opsfolio-scorecards-entity').length).toBeGreaterThan(0);
  });

  it('shows other exemption errors in the response error panel', async () => {
    await renderPage(apiOf(undefined, async () => Promise.reject(await responseError(500, 'Internal Server Error'))));
    expect((await screen.findAllByText(/Request failed with 500 Internal Server Error/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('opsfolio-exemptions-denied')).toBeNull();
    expect(screen.getAllByTestId('opsfolio-scorecards-check').length).toBeGreaterThan(0);
  });

  it('shows errors in the response error panel', async () => {
    await renderPage(apiOf(async () => Promise.reject(new Error('Unknown scorecard nope'))));
    expect((await screen.findAllByText(/Unknown scorecard nope/)).length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId('opsfolio-scorecards-team')).toHaveLength(0);
  });
});
