import type { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { HOUR_MS, type ResponseTimes, type TeamOnCallResponse } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef, type OpsfolioApi } from '../api/OpsfolioApi';
import { EntityTeamOnCallCard } from './EntityTeamOnCallCard';

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'commerce' }, spec: { type: 'department', children: ['payments'] } };

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();
const times = (open: number, mttaHours: number | null): ResponseTimes => ({
  mtta: { hours: mttaHours, sampleSize: 4, resolvedWithoutAck: 0 },
  mttr: { hours: 2, sampleSize: 4 },
  open,
});

const team: TeamOnCallResponse = {
  groupRef: 'group:default/commerce',
  groupRefs: ['group:default/commerce', 'group:default/payments'],
  services: [
    { entityRef: 'component:default/ledger', ownerRef: 'group:default/commerce', sources: [], responseTimes30d: times(0, null) },
    {
      entityRef: 'component:default/payments-api',
      ownerRef: 'group:default/payments',
      sources: [
        {
          source: 'pagerduty',
          stale: false,
          onCall: {
            source: 'pagerduty',
            service: { id: 'PPAYAPI', name: 'Payments API' },
            shifts: [
              { level: 1, person: { name: 'Ada Okafor' }, start: hoursAgo(3), end: hoursAgo(-21) },
              { level: 2, person: { name: 'Victor Nguyen' } },
            ],
            readAt: hoursAgo(0),
          },
          escalation: { levels: 2, respondersPerLevel: { 1: 1, 2: 1 }, emptyLevels: [] },
          coverage: [{ scheduleName: 'Payments primary', coveredShare: 0.9, gaps: [{ start: '2026-11-25T00:00:00Z', end: '2026-11-25T12:00:00Z' }] }],
        },
      ],
      drift: { outsiders: [{ name: 'Victor Nguyen' }], ownerOnRota: true, matchedBy: [] },
      responseTimes30d: times(2, 0.5),
    },
    {
      entityRef: 'component:default/refunds',
      ownerRef: 'group:default/payments',
      sources: [{ source: 'pagerduty', stale: true, error: 'pagerduty GET /services/PREFUND failed: 502 Bad Gateway' }],
      responseTimes30d: times(0, null),
    },
  ],
};

async function renderCard(response: TeamOnCallResponse) {
  const api: Partial<OpsfolioApi> = { getTeamOnCall: async () => response };
  await renderInTestApp(
    <TestApiProvider apis={[[opsfolioApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityTeamOnCallCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityTeamOnCallCard', () => {
  it("lists each of the team's services with who answers now, open incidents, MTTA and what is wrong", async () => {
    await renderCard(team);
    const rows = await screen.findAllByTestId('opsfolio-team-oncall-row');
    expect(rows).toHaveLength(3);
    expect(screen.getByText(/2 of 3 services have an on-call rota/)).toBeInTheDocument();
    expect(within(rows[0]).getByText('not mapped')).toBeInTheDocument();
    expect(within(rows[1]).getByTestId('opsfolio-team-oncall-level-1')).toHaveTextContent('L1: Ada Okafor (until');
    expect(within(rows[1]).getByTestId('opsfolio-team-oncall-level-2')).toHaveTextContent('L2: Victor Nguyen (always (direct))');
    // Sub-team services name their owning sub-team.
    expect(within(rows[1]).getByText('payments')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('30 min');
    const warnings = within(rows[1]).getAllByTestId('opsfolio-team-oncall-warning').map(w => w.textContent);
    expect(warnings).toContain('Victor Nguyen is on call but not a member of the owning team.');
    expect(warnings.some(w => w?.startsWith('Payments primary has nobody on call from'))).toBe(true);
    expect(within(rows[2]).getByText(/502 Bad Gateway/)).toBeInTheDocument();
  });

  it('says how services join the view when the team owns none', async () => {
    await renderCard({ groupRef: 'group:default/commerce', groupRefs: ['group:default/commerce'], services: [] });
    expect(await screen.findByText('This team owns no services yet')).toBeInTheDocument();
  });
});
