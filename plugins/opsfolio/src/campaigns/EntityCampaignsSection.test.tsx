import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { EntityCampaignsResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityScorecardContent } from '../scorecards/EntityScorecardContent';
import { paymentsHistory, paymentsReadiness } from '../scorecards/testing/scorecardTestData';
import { legacyCampaignsPageRouteRef } from './campaignsPageRouteRef';
import { EntityCampaignsSection } from './EntityCampaignsSection';
import { paymentsCampaigns, rollbackDrills } from './testing/campaignTestData';

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

async function renderSection(
  api: Partial<OpsfolioApi>,
  options: { element?: JSX.Element; campaignsPageMounted?: boolean } = {},
) {
  const { element = <EntityCampaignsSection />, campaignsPageMounted = true } = options;
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={paymentsApi}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(campaignsPageMounted ? { '/opsfolio/campaigns': legacyCampaignsPageRouteRef } : {}),
      },
    },
  );
}

const answering = (response: EntityCampaignsResponse | Promise<never>) => ({
  getEntityCampaigns: vi.fn(async () => response),
});

/** The error the API client throws for a status, as `fetch` gives it. */
const responseError = (status: number, statusText: string) =>
  ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/opsfolio/entities/component/default/payments-api/campaigns',
    text: async () => '',
  });

/** Lets the answer (or the error) the section waits for reach it. */
const settle = () => act(() => new Promise(resolve => setTimeout(resolve, 20)));

const sentences = () => screen.getAllByTestId('opsfolio-entity-campaign-sentence').map(s => s.textContent);

describe('EntityCampaignsSection', () => {
  it('says what the entity has left in each campaign: checks left and the due date, done, or done with an exemption', async () => {
    const api = answering(paymentsCampaigns);
    await renderSection(api);
    await screen.findByTestId('opsfolio-entity-campaigns');
    expect(api.getEntityCampaigns).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(sentences()).toEqual([
      'Part of Rollback drills 2027: 2 checks left, due Jan 31',
      'Part of On-call for tier 1: done',
      'Part of Runbooks everywhere: done (exempt)',
    ]);
    const items = screen.getAllByTestId('opsfolio-entity-campaign');
    expect(items.map(i => i.dataset.campaignId)).toEqual(['rollback-drills-2027', 'on-call-2027', 'runbooks-q1']);
    // The checks left, each with its fix; nothing listed for a campaign the entity is done with.
    const remaining = within(items[0]).getAllByTestId('opsfolio-campaign-remaining-check');
    expect(remaining.map(r => r.dataset.check)).toEqual(['rollback-drill', 'runbook']);
    expect(remaining[0]).toHaveTextContent('Fix: Run a rollback drill and record it');
    expect(within(remaining[0]).getByRole('link', { name: /How to fix/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/rollback',
    );
    expect(remaining[1]).toHaveTextContent('Fix: Link a runbook in catalog-info.yaml');
    expect(within(items[1]).queryAllByTestId('opsfolio-campaign-remaining-check')).toHaveLength(0);
  });

  it('says "1 check left" for one', async () => {
    const [first] = paymentsCampaigns.campaigns;
    await renderSection(
      answering({ ...paymentsCampaigns, campaigns: [{ ...first, remaining: first.remaining.slice(0, 1) }] }),
    );
    await screen.findByTestId('opsfolio-entity-campaigns');
    expect(sentences()).toEqual(['Part of Rollback drills 2027: 1 check left, due Jan 31']);
  });

  it('says since when a campaign past its target date is overdue', async () => {
    const [first] = paymentsCampaigns.campaigns;
    await renderSection(answering({ ...paymentsCampaigns, campaigns: [{ ...first, campaign: { ...first.campaign, state: 'overdue' } }] }));
    await screen.findByTestId('opsfolio-entity-campaigns');
    expect(sentences()).toEqual(['Part of Rollback drills 2027: 2 checks left, overdue since Jan 31']);
  });

  it("links each title to the campaign's page where the app mounts it", async () => {
    await renderSection(answering(paymentsCampaigns));
    const [linked] = await screen.findAllByTestId('opsfolio-entity-campaign');
    expect(within(linked).getByRole('link', { name: 'Rollback drills 2027' })).toHaveAttribute(
      'href',
      '/opsfolio/campaigns/rollback-drills-2027',
    );
  });

  it('shows the title as plain text where the app has no campaigns page', async () => {
    await renderSection(answering(paymentsCampaigns), { campaignsPageMounted: false });
    const [plain] = await screen.findAllByTestId('opsfolio-entity-campaign');
    expect(plain).toHaveTextContent('Part of Rollback drills 2027: 2 checks left, due Jan 31');
    expect(within(plain).queryByRole('link', { name: rollbackDrills.title })).toBeNull();
  });

  it('renders nothing when the entity is in no campaign, or the backend has no campaigns (404)', async () => {
    const none = answering({ entityRef: paymentsCampaigns.entityRef, campaigns: [] });
    await renderSection(none);
    await waitFor(() => expect(none.getEntityCampaigns).toHaveBeenCalled());
    await settle();
    expect(screen.queryByTestId('opsfolio-entity-campaigns')).toBeNull();
    expect(screen.queryByText('Campaigns')).toBeNull();

    const missing = { getEntityCampaigns: vi.fn(async () => Promise.reject(await responseError(404, 'Not Found'))) };
    await renderSection(missing);
    await waitFor(() => expect(missing.getEntityCampaigns).toHaveBeenCalled());
    await settle();
    expect(screen.queryByText(/Request failed/)).toBeNull();
    expect(screen.queryByTestId('opsfolio-entity-campaigns')).toBeNull();
  });

  it('shows other errors in the response error panel', async () => {
    await renderSection({
      getEntityCampaigns: vi.fn(async () => Promise.reject(await responseError(500, 'Internal Server Error'))),
    });
    expect((await screen.findAllByText(/Request failed with 500 Internal Server Error/)).length).toBeGreaterThan(0);
  });

  it("sits at the top of the readiness tab, above the scorecards' results", async () => {
    await renderSection(
      {
        ...answering(paymentsCampaigns),
        getEntityScorecards: async () => ({
          entityRef: 'component:default/payments-api',
          scorecards: [paymentsReadiness],
        }),
        getScorecardHistory: async () => paymentsHistory,
      },
      { element: <EntityScorecardContent /> },
    );
    const section = await screen.findByTestId('opsfolio-entity-campaigns');
    const header = await screen.findByTestId('opsfolio-readiness-header');
    expect(section.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
