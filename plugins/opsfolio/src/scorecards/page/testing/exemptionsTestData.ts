import type { ExemptionRow, ExemptionsOverviewResponse } from '@opsfolio/backstage-plugin-common';

// A hand-made exemptions answer for the readiness page tests, soonest to end first as the backend sorts it.
const row = (entity: string, checkId: string, checkTitle: string, daysLeft: number, over: Partial<ExemptionRow['exemption']> = {}): ExemptionRow => ({
  entityRef: `component:default/${entity}`,
  ownerRef: entity === 'search-api' ? 'group:default/search' : 'group:default/payments',
  scorecardId: 'production',
  checkId,
  checkTitle,
  exemption: { check: checkId, reason: `Reason for ${checkId}`, until: '2026-07-01', approvedBy: 'ada.okafor', expired: daysLeft < 0, ...over },
  daysLeft,
});

export const exemptions: ExemptionsOverviewResponse = {
  exemptions: [
    row('refunds', 'oncall', 'On-call rota', -3, { reason: 'Rota moves to the new tool', until: '2026-06-12' }),
    row('search-api', 'has-owner', 'Has an owning team', 0, { until: '2026-06-15' }),
    row('payments-api', 'dora', 'Deploys weekly', 12, { reason: 'Release freeze', until: '2026-06-27' }),
    row('refunds', 'dora', 'Deploys weekly', 75, { reason: 'Pipeline rebuilt in Q3', until: '2026-08-29', approvedBy: undefined }),
  ],
  counts: { active: 3, expired: 1, expiringIn30Days: 2 },
};

export const noExemptions: ExemptionsOverviewResponse = { exemptions: [], counts: { active: 0, expired: 0, expiringIn30Days: 0 } };
