import { type AlertApi, alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignPromotionResponse } from '@opsfolio/backstage-plugin-common';
import { Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { choicesOf, choose, selectButton } from '../components/testing/selects';
import { CampaignPromotion } from './CampaignPromotion';
import { OpsfolioCampaignsPage } from './OpsfolioCampaignsPage';
import { rollbackProgress } from './testing/campaignTestData';

const LEVELS = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

const DIFF = [
  '--- a/scorecards/production-readiness.yaml',
  '+++ b/scorecards/production-readiness.yaml',
  '@@ -40,7 +40,7 @@ checks:',
  '   - id: dashboard',
  '     title: Dashboard linked',
  '-    level: silver',
  '+    level: bronze',
  '',
].join('\n');

/** The dashboard check moved from Silver to Bronze, in a file the scorecard already comes from. */
const toBronze: CampaignPromotionResponse = {
  campaignId: 'dashboards-everywhere',
  scorecardId: 'production-readiness',
  source: { kind: 'file', path: 'scorecards/production-readiness.yaml' },
  level: { id: 'bronze', title: 'Bronze' },
  levels: LEVELS,
  changes: ['Dashboard linked: from Silver to Bronze'],
  file: 'scorecards/production-readiness.yaml',
  diff: DIFF,
  followUp: ['Open a pull request with the change.'],
};

/** At Silver the check already guards that level: nothing to change. */
const atSilver: CampaignPromotionResponse = {
  ...toBronze,
  level: { id: 'silver', title: 'Silver' },
  changes: [],
  diff: '',
  followUp: [],
};

const promotionApi = (
  answer: (level?: string) => Promise<CampaignPromotionResponse> = async level =>
    level === 'silver' ? atSilver : toBronze
) => ({
  getCampaignPromotion: vi.fn(async (_id: string, options?: { level?: string }) => answer(options?.level)),
});

async function renderPromotion(api: Partial<OpsfolioApi>, alertApi: Partial<AlertApi> = { post: vi.fn() }) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [opsfolioApiRef, api],
        [alertApiRef, alertApi],
      ]}
    >
      <CampaignPromotion campaignId="dashboards-everywhere" />
    </TestApiProvider>
  );
}

/** The error the API client throws for a status, with the backend's error body. */
const responseError = (status: number, name: string, message: string) =>
  ResponseError.fromResponse({
    ok: false,
    status,
    statusText: name,
    headers: new Headers({ 'content-type': 'application/json' }),
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/opsfolio/campaigns/dashboards-everywhere/promotion',
    text: async () => JSON.stringify({ error: { name, message }, response: { statusCode: status } }),
  });

describe('CampaignPromotion', () => {
  it('shows the changes, the file, the diff with its added and removed lines marked, and what to do next', async () => {
    const api = promotionApi();
    await renderPromotion(api);
    const section = screen.getByTestId('opsfolio-campaign-promotion');
    const diff = await within(section).findByTestId('opsfolio-promotion-diff');
    expect(api.getCampaignPromotion).toHaveBeenCalledWith('dashboards-everywhere', {});
    expect(within(section).getByRole('heading', { name: 'Promote into the scorecard' })).toBeInTheDocument();
    expect(within(section).getByRole('heading', { name: '1 change' })).toBeInTheDocument();
    expect(screen.getAllByTestId('opsfolio-promotion-change').map(c => c.textContent)).toEqual([
      'Dashboard linked: from Silver to Bronze',
    ]);
    expect(screen.getByTestId('opsfolio-promotion-file')).toHaveTextContent(
      'Edits scorecards/production-readiness.yaml'
    );
    // One row a line (the trailing newline makes none), each marked with what it is.
    const lines = Array.from(diff.querySelectorAll<HTMLElement>('[data-kind]'));
    expect(lines.map(l => `${l.dataset.kind}:${l.textContent}`)).toEqual([
      'header:--- a/scorecards/production-readiness.yaml',
      'header:+++ b/scorecards/production-readiness.yaml',
      'hunk:@@ -40,7 +40,7 @@ checks:',
      'context:   - id: dashboard',
      'context:     title: Dashboard linked',
      'remove:-    level: silver',
      'add:+    level: bronze',
    ]);
    expect(lines[6].style.boxShadow).not.toBe(lines[5].style.boxShadow);
    expect(lines[3].style.background).toBe('');
    // Scrollable, so reachable from the keyboard, and named for screen readers.
    expect(screen.getByRole('region', { name: 'Diff of scorecards/production-readiness.yaml' })).toBe(diff);
    expect(diff).toHaveAttribute('tabindex', '0');
    expect(screen.getAllByTestId('opsfolio-promotion-follow-up').map(f => f.textContent)).toEqual([
      'Open a pull request with the change.',
    ]);
  });

  it('says a shipped scorecard gets a new file', async () => {
    await renderPromotion(
      promotionApi(async () => ({
        ...toBronze,
        source: { kind: 'shipped' },
        changes: ['Dashboard linked: from Silver to Bronze', 'Runbook linked: from Silver to Bronze'],
      }))
    );
    expect(await screen.findByTestId('opsfolio-promotion-file')).toHaveTextContent(
      'Adds scorecards/production-readiness.yaml'
    );
    expect(screen.getByRole('heading', { name: '2 changes' })).toBeInTheDocument();
  });

  it('refetches for the level picked, defaulting to the level of the answer, and says when nothing would change', async () => {
    const api = promotionApi();
    await renderPromotion(api);
    await screen.findByTestId('opsfolio-promotion-diff');
    expect(selectButton('opsfolio-promotion-level')).toHaveTextContent('Bronze');
    expect(await choicesOf('opsfolio-promotion-level')).toEqual(['Bronze', 'Silver', 'Gold']);
    await choose('opsfolio-promotion-level', 'Silver');
    await waitFor(() =>
      expect(api.getCampaignPromotion).toHaveBeenLastCalledWith('dashboards-everywhere', { level: 'silver' })
    );
    expect(await screen.findByTestId('opsfolio-promotion-nothing')).toHaveTextContent(
      'Nothing to change: the scorecard already asks for this.'
    );
    expect(screen.queryByTestId('opsfolio-promotion-diff')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
    expect(screen.queryByTestId('opsfolio-promotion-follow-up')).toBeNull();
    expect(selectButton('opsfolio-promotion-level')).toHaveTextContent('Silver');
  });

  it('offers no level picker when the answer has no level (a target-level campaign)', async () => {
    await renderPromotion(promotionApi(async () => ({ ...toBronze, level: undefined })));
    await screen.findByTestId('opsfolio-promotion-diff');
    expect(screen.queryByTestId('opsfolio-promotion-level')).toBeNull();
  });

  it('copies the diff and downloads it as a .patch', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:patch';
      }),
      revokeObjectURL: vi.fn(),
    });
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    try {
      const alertApi = { post: vi.fn() };
      await renderPromotion(promotionApi(), alertApi);
      await screen.findByTestId('opsfolio-promotion-diff');
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
      await waitFor(() => expect(writeText).toHaveBeenCalledWith(DIFF));
      await waitFor(() =>
        expect(alertApi.post).toHaveBeenCalledWith(
          expect.objectContaining({ message: 'Diff copied to the clipboard', severity: 'success' })
        )
      );
      fireEvent.click(screen.getByRole('button', { name: 'Download .patch' }));
      await waitFor(() => expect(saved).toEqual(['opsfolio-promotion-dashboards-everywhere-bronze.patch']));
      // jsdom's Blob has no text(): read it as a browser without it would.
      const text = await new Promise<string>(resolve => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]);
      });
      expect(text).toBe(DIFF);
      expect(blobs[0].type).toBe('text/x-diff');
    } finally {
      click.mockRestore();
      Object.assign(URL, original);
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('shows a note, not an error, without the permission to manage campaigns', async () => {
    const api = promotionApi(async () => {
      throw await responseError(403, 'NotAllowedError', 'Not allowed: opsfolio.campaigns.manage');
    });
    await renderPromotion(api);
    expect(await screen.findByTestId('opsfolio-promotion-not-allowed')).toHaveTextContent(
      'Promoting needs the opsfolio.campaigns.manage permission.'
    );
    expect(screen.queryByText(/Not allowed: opsfolio.campaigns.manage/)).toBeNull();
    expect(screen.queryByTestId('opsfolio-promotion-level')).toBeNull();
  });

  it('shows other errors in the response error panel', async () => {
    await renderPromotion(
      promotionApi(async () => {
        throw await responseError(500, 'Error', 'scorecard file unreadable');
      })
    );
    expect((await screen.findAllByText(/scorecard file unreadable/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('opsfolio-promotion-not-allowed')).toBeNull();
  });
});

describe("CampaignPromotion on a campaign's page", () => {
  async function openCampaign(state: 'ended' | 'active') {
    const api = {
      getCampaign: vi.fn(async () => ({ ...rollbackProgress, campaign: { ...rollbackProgress.campaign, state } })),
      getCampaignCsv: vi.fn(async () => new Blob([])),
      ...promotionApi(),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[opsfolioApiRef, api]]}>
        <Routes>
          <Route path="/opsfolio/campaigns/*" element={<OpsfolioCampaignsPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/opsfolio/campaigns/rollback-drills-2027'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      }
    );
    await screen.findByTestId('opsfolio-campaign-summary');
    return api;
  }

  it('is there once the campaign has ended', async () => {
    const api = await openCampaign('ended');
    expect(await screen.findByTestId('opsfolio-promotion-diff')).toBeInTheDocument();
    expect(api.getCampaignPromotion).toHaveBeenCalledWith('rollback-drills-2027', {});
  });

  it('is not there while the campaign runs', async () => {
    const api = await openCampaign('active');
    expect(screen.queryByTestId('opsfolio-campaign-promotion')).toBeNull();
    expect(api.getCampaignPromotion).not.toHaveBeenCalled();
  });
});
