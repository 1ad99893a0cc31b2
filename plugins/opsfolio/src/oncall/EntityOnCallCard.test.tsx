import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { describePillars, type EntitySummaryResponse, HOUR_MS, type OnCallResponse, PILLARS } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityOnCallCard } from './EntityOnCallCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations: { 'pagerduty.com/service-id': 'PPAYAPI' } },
  spec: { type: 'service', owner: 'group:default/team-payments' },
};

const summary = (): EntitySummaryResponse => {
  const setup = describePillars(entity);
  return {
    entityRef: 'component:default/payments-api',
    pillars: Object.fromEntries(PILLARS.map(p => [p, { ...setup[p], sources: [] }])) as unknown as EntitySummaryResponse['pillars'],
  };
};

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();

const onCall: OnCallResponse = {
  entityRef: 'component:default/payments-api',
  sources: [
    {
      source: 'pagerduty',
      stale: true,
      error: 'pagerduty GET /oncalls failed after 4 attempts: 503 Service Unavailable',
      onCall: {
        source: 'pagerduty',
        service: { id: 'PPAYAPI', name: 'Payments API' },
        escalationPolicy: { id: 'PEP', name: 'Payments escalation', levels: 2 },
        shifts: [
          { level: 1, person: { name: 'Ada Okafor', email: 'ada.okafor@acme.example' }, start: hoursAgo(10), end: hoursAgo(-14), scheduleName: 'Payments primary' },
          { level: 2, person: { name: 'Victor Nguyen' } },
        ],
        readAt: hoursAgo(2),
      },
      escalation: { levels: 2, respondersPerLevel: { 1: 1, 2: 1 }, emptyLevels: [] },
      coverage: [{ scheduleName: 'Payments primary', coveredShare: 0.9, gaps: [{ start: '2026-11-25T00:00:00Z', end: '2026-11-25T12:00:00Z' }] }],
    },
  ],
  drift: { outsiders: [{ name: 'Victor Nguyen' }], ownerOnRota: true, matchedBy: [], ownerFound: true },
  responseTimes: {
    days30: { mtta: { hours: 0.25, sampleSize: 5, resolvedWithoutAck: 0 }, mttr: { hours: 2.5, sampleSize: 5 }, open: 1 },
    days90: { mtta: { hours: 0.3, sampleSize: 12, resolvedWithoutAck: 1 }, mttr: { hours: 3, sampleSize: 12 }, open: 1 },
  },
};

describe('EntityOnCallCard', () => {
  it('shows every level, warns about drift and gaps, and says the data is a stored read when the vendor is down', async () => {
    const api: Partial<OpsfolioApi> = { getEntitySummary: async () => summary(), getOnCall: async () => onCall };
    await renderInTestApp(
      <TestApiProvider apis={[[opsfolioApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityOnCallCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('opsfolio-oncall-level-1')).toHaveTextContent('Ada Okafor');
    expect(screen.getByTestId('opsfolio-oncall-level-2')).toHaveTextContent('Victor Nguyen');
    expect(screen.getByTestId('opsfolio-oncall-level-2')).toHaveTextContent('always (direct)');
    expect(screen.getByText(/pagerduty could not be read; showing who was on call as read 2 hours ago/)).toBeInTheDocument();
    const warnings = screen.getAllByTestId('opsfolio-oncall-warning').map(w => w.textContent);
    expect(warnings).toContain('Victor Nguyen is on call but not a member of the owning team.');
    expect(warnings.some(w => w?.startsWith('Payments primary has nobody on call from'))).toBe(true);
    expect(screen.getByTestId('opsfolio-response-times')).toHaveTextContent('acknowledged in 15 min, resolved in 2.5 h on average · 1 open incident');
  });
});
