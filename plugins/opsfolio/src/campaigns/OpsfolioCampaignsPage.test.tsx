import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignProgressResponse, CampaignsResponse } from '@opsfolio/backstage-plugin-common';
import { Route, Routes, useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { choicesOf, choose, selectButton } from '../components/testing/selects';
import { OpsfolioCampaignsPage } from './OpsfolioCampaignsPage';
import { campaignList, rollbackProgress } from './testing/campaignTestData';

type ListFilters = Parameters<OpsfolioApi['getCampaigns']>[0];

function apiOf(
  list: (filters: ListFilters) => Promise<CampaignsResponse> = async () => campaignList,
  progress: (id: string) => Promise<CampaignProgressResponse> = async () => rollbackProgress,
) {
  return {
    getCampaigns: vi.fn(async (filters: ListFilters = {}) => list(filters)),
    getCampaign: vi.fn(async (id: string) => progress(id)),
    getCampaignCsv: vi.fn(async () => new Blob(['entity,status\n'], { type: 'text/csv' })),
  } satisfies Partial<OpsfolioApi>;
}

/** Where the router is: what a shared link would carry. */
function Location() {
  const { pathname, search } = useLocation();
  return <div data-testid="location">{decodeURIComponent(pathname + search)}</div>;
}

// Mounted as an app mounts it: the page owns everything under its path.
async function renderPage(api: Partial<OpsfolioApi>, url = '/opsfolio/campaigns') {
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <Routes>
        <Route path="/opsfolio/campaigns/*" element={<OpsfolioCampaignsPage />} />
      </Routes>
      <Location />
    </TestApiProvider>,
    { routeEntries: [url], mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// Backstage UI's tables are grids: a row's first cell is its row header.
const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('[role="gridcell"], [role="rowheader"]')).map(c => c.textContent);

describe('OpsfolioCampaignsPage: the list', () => {
  it('lists each campaign with its state, owner, target, progress (exempt counted as done) and target date', async () => {
    const api = apiOf();
    await renderPage(api);
    const rows = await screen.findAllByTestId('opsfolio-campaign-row');
    expect(api.getCampaigns).toHaveBeenCalledWith({});
    expect(
      within(screen.getByTestId('opsfolio-campaigns-table'))
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Campaign', 'State', 'Owner', 'Target', 'Progress', 'Target date']);
    expect(rows.map(cells)).toEqual([
      [
        'Runbooks everywhere',
        'overdue',
        'team-platform',
        '3 checks of Production readiness',
        '10 of 20 done',
        'Dec 31, 2026',
      ],
      ['Rollback drills 2027', 'active', 'team-sre', 'Gold on Production readiness', '9 of 12 done', 'Jan 31, 2027'],
      ['On-call for tier 1', 'scheduled', 'team-sre', '1 check of Production readiness', '0 of 1 done', 'Apr 30, 2027'],
    ]);
    expect(rows.map(r => r.dataset.campaignId)).toEqual(['runbooks-q1', 'rollback-drills-2027', 'on-call-2027']);
    expect(within(rows[1]).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');
    // Overdue in the "bad" tone, active filled, scheduled outlined: nothing to judge yet.
    const chips = rows.map(r => within(r).getByTestId('opsfolio-campaign-state'));
    expect(chips.map(c => c.style.background === 'transparent')).toEqual([false, false, true]);
    expect(chips[0].style.background).not.toBe(chips[1].style.background);
    expect(within(rows[1]).getByRole('link', { name: 'Rollback drills 2027' })).toHaveAttribute(
      'href',
      '/opsfolio/campaigns/rollback-drills-2027',
    );
    expect(within(rows[1]).getByRole('link', { name: 'team-sre' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-sre',
    );
  });

  it('filters by state and owner: each choice goes to the URL and the API call', async () => {
    const api = apiOf();
    await renderPage(api);
    await screen.findAllByTestId('opsfolio-campaign-row');
    expect(await choicesOf('opsfolio-campaigns-filter-state')).toEqual([
      'All but drafts and archived',
      'active',
      'overdue',
      'scheduled',
      'ended',
      'draft',
      'archived',
    ]);
    await choose('opsfolio-campaigns-filter-state', 'overdue');
    await waitFor(() => expect(api.getCampaigns).toHaveBeenLastCalledWith({ state: 'overdue' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/opsfolio/campaigns?state=overdue');
    expect(await choicesOf('opsfolio-campaigns-filter-owner')).toEqual(['Any', 'team-platform', 'team-sre']);
    await choose('opsfolio-campaigns-filter-owner', 'team-sre');
    await waitFor(() =>
      expect(api.getCampaigns).toHaveBeenLastCalledWith({ state: 'overdue', owner: 'group:default/team-sre' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('?state=overdue&owner=group:default/team-sre');
    await choose('opsfolio-campaigns-filter-state', 'All but drafts and archived');
    await waitFor(() => expect(api.getCampaigns).toHaveBeenLastCalledWith({ owner: 'group:default/team-sre' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/opsfolio\/campaigns\?owner=group:default\/team-sre$/);
  });

  it('opens a shared filtered link as filtered, its owner shown even before the list names it', async () => {
    const api = apiOf(async () => ({ campaigns: [] }));
    await renderPage(api, '/opsfolio/campaigns?state=archived&owner=group:default/team-data');
    await waitFor(() =>
      expect(api.getCampaigns).toHaveBeenCalledWith({ state: 'archived', owner: 'group:default/team-data' }),
    );
    expect(await screen.findByText('No campaigns match these filters')).toBeInTheDocument();
    expect(selectButton('opsfolio-campaigns-filter-state')).toHaveTextContent('archived');
    expect(selectButton('opsfolio-campaigns-filter-owner')).toHaveTextContent('team-data');
  });

  it('says where campaigns come from when there are none', async () => {
    await renderPage(apiOf(async () => ({ campaigns: [] })));
    expect(await screen.findByText('No campaigns')).toBeInTheDocument();
    expect(screen.getByTestId('opsfolio-empty-state')).toHaveTextContent(
      "defined in the Opsfolio backend's configuration",
    );
  });

  it('shows errors in the response error panel', async () => {
    await renderPage(apiOf(async () => Promise.reject(new Error('campaigns store unavailable'))));
    expect((await screen.findAllByText(/campaigns store unavailable/)).length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId('opsfolio-campaign-row')).toHaveLength(0);
  });

  it("opens a campaign's page from its title", async () => {
    const api = apiOf();
    await renderPage(api);
    fireEvent.click(await screen.findByRole('link', { name: 'Rollback drills 2027' }));
    expect(await screen.findByTestId('opsfolio-campaign-summary')).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('rollback-drills-2027');
    expect(screen.getByTestId('location')).toHaveTextContent('/opsfolio/campaigns/rollback-drills-2027');
  });
});

describe('OpsfolioCampaignsPage: a campaign', () => {
  const openCampaign = async (api = apiOf()) => {
    await renderPage(api, '/opsfolio/campaigns/rollback-drills-2027');
    await screen.findByTestId('opsfolio-campaign-summary');
    return api;
  };

  it('heads the page with the title, state, owner, target, dates, description, link, support channel and counts', async () => {
    const api = await openCampaign();
    expect(api.getCampaign).toHaveBeenCalledWith('rollback-drills-2027');
    expect(screen.getByRole('heading', { name: 'Rollback drills 2027' })).toBeInTheDocument();
    const summary = screen.getByTestId('opsfolio-campaign-summary');
    expect(within(summary).getByTestId('opsfolio-campaign-state')).toHaveTextContent('active');
    expect(within(summary).getByRole('link', { name: 'team-sre' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-sre',
    );
    expect(screen.getByTestId('opsfolio-campaign-target')).toHaveTextContent('Gold on Production readiness');
    expect(screen.getByTestId('opsfolio-campaign-dates')).toHaveTextContent('Jan 1, 2027 to Jan 31, 2027');
    expect(screen.getByTestId('opsfolio-campaign-description')).toHaveTextContent('rehearses a rollback');
    expect(within(summary).getByRole('link', { name: /About this campaign/ })).toHaveAttribute(
      'href',
      'https://wiki.example.com/rollback-drills',
    );
    expect(screen.getByTestId('opsfolio-campaign-support')).toHaveTextContent('Questions: #rollback-drills');
    expect(screen.getByTestId('opsfolio-campaign-counts')).toHaveTextContent('7 done, 2 exempt, 3 not done of 12');
    expect(within(summary).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute('href', '/opsfolio/campaigns');
  });

  it('projects the finish from the recent pace and judges each milestone', async () => {
    await openCampaign();
    expect(screen.getByTestId('opsfolio-campaign-projection')).toHaveTextContent(
      'At 1.5 entities a day, done by Jan 20, 2027: 11 days before the target.',
    );
    const milestones = screen.getAllByTestId('opsfolio-campaign-milestone');
    expect(milestones.map(m => m.textContent)).toEqual([
      'Jan 5, 2027: 25% (3 entities)missed',
      'Jan 10, 2027: 50% (6 entities)reached on Jan 8, 2027',
      'Jan 20, 2027: 90% (11 entities)upcoming',
    ]);
    expect(milestones.map(m => m.dataset.status)).toEqual(['missed', 'reached', 'upcoming']);
    expect(screen.getByTestId('opsfolio-campaign-burnup')).toBeInTheDocument();
  });

  it('lists the teams least done first and the checks with their fixes', async () => {
    await openCampaign();
    const teams = screen.getAllByTestId('opsfolio-campaign-team');
    expect(teams.map(cells)).toEqual([
      ['Search', '1', '0', '3', '1 of 4 done'],
      ['Payments', '6', '2', '0', '8 of 8 done'],
    ]);
    expect(teams.map(t => t.dataset.team)).toEqual(['group:default/team-search', 'group:default/team-payments']);
    const checks = screen.getAllByTestId('opsfolio-campaign-check');
    expect(checks.map(cells)).toEqual([
      [
        'Rollback drill',
        'gold',
        '8',
        '3',
        '1',
        'Fix: Run a rollback drill and record it How to fix, Opens in a new window',
      ],
      ['Runbook', 'silver', '10', '1', '1', 'Fix: Link a runbook in catalog-info.yaml'],
    ]);
    expect(within(checks[0]).getByRole('link', { name: /How to fix/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/rollback',
    );
  });

  it("lists each lagging team's entities with the checks they have left and how to fix them", async () => {
    await openCampaign();
    const [search] = screen.getAllByTestId('opsfolio-campaign-lagging-team');
    expect(search.dataset.team).toBe('group:default/team-search');
    expect(within(search).getByRole('heading')).toHaveTextContent('Search: 3 entities not done');
    const entities = within(search).getAllByTestId('opsfolio-campaign-lagging-entity');
    expect(entities.map(e => e.dataset.entityRef)).toEqual([
      'component:default/search-api',
      'component:default/search-indexer',
      'component:default/search-ui',
    ]);
    expect(within(entities[1]).getByRole('link', { name: 'Search indexer' })).toHaveAttribute(
      'href',
      '/catalog/default/component/search-indexer',
    );
    const remaining = within(entities[0]).getAllByTestId('opsfolio-campaign-remaining-check');
    expect(remaining.map(r => r.dataset.check)).toEqual(['rollback-drill', 'runbook']);
    expect(remaining[0]).toHaveTextContent('Rollback drillfailFix: Run a rollback drill and record it How to fix');
    expect(within(remaining[0]).getByRole('link', { name: /How to fix/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/rollback',
    );
    expect(remaining[1]).toHaveTextContent('Runbooknot reportedFix: Link a runbook in catalog-info.yaml');
  });

  it('downloads the CSV of the campaign', async () => {
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    try {
      const api = await openCampaign();
      fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
      await waitFor(() => expect(saved).toEqual(['opsfolio-campaign-rollback-drills-2027.csv']));
      expect(api.getCampaignCsv).toHaveBeenCalledWith('rollback-drills-2027');
    } finally {
      click.mockRestore();
      Object.assign(URL, original);
    }
  });

  it('says so when no team is lagging', async () => {
    await openCampaign(apiOf(undefined, async () => ({ ...rollbackProgress, lagging: [] })));
    expect(screen.getByTestId('opsfolio-campaign-lagging-none')).toHaveTextContent('No team is lagging');
  });

  it('shows an unknown campaign as an error', async () => {
    await renderPage(
      apiOf(undefined, async () => Promise.reject(new Error('No campaign nope'))),
      '/opsfolio/campaigns/nope',
    );
    expect((await screen.findAllByText(/No campaign nope/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('opsfolio-campaign-summary')).toBeNull();
  });
});
