import type { CostFigures, CostOverviewResponse, EntityCostResponse } from '@opsfolio/backstage-plugin-common';

// Hand-made responses for the cost tests: USD unless a test says otherwise.
const usd = (monthToDate: number, lastMonth: number, forecast: number): CostFigures => ({
  monthToDate: { USD: monthToDate },
  lastMonth: { USD: lastMonth },
  forecast: { USD: forecast },
});

const unmappedValues = Array.from({ length: 12 }, (_, i) => ({
  tagValue: `legacy-${String(i + 1).padStart(2, '0')}`,
  monthToDate: { USD: 10 },
  lastMonth: { USD: 5 },
}));

/**
 * Engineering holds Payments (which holds Checkout) and Search. Rows come in the backend's order (by total),
 * so the tree order has to be rebuilt. Directs + unmapped + untagged = organisation.
 */
export const ownerOverview: CostOverviewResponse = {
  groupBy: 'owner',
  month: '2026-06',
  asOf: '2026-06-15',
  tagKey: 'team',
  rows: [
    { key: 'group:default/engineering', title: 'Engineering', direct: usd(100, 100, 150), total: usd(1500, 1600, 2250), entities: 1 },
    { key: 'group:default/search', title: 'Search', parentRef: 'group:default/engineering', direct: usd(800, 700, 1100), total: usd(800, 700, 1100), entities: 3 },
    { key: 'group:default/payments', title: 'Payments', parentRef: 'group:default/engineering', direct: usd(400, 500, 600), total: usd(600, 800, 1000), entities: 2 },
    { key: 'group:default/checkout', title: 'Checkout', parentRef: 'group:default/payments', direct: usd(200, 300, 400), total: usd(200, 300, 400), entities: 1 },
    { key: 'user:default/jane', direct: usd(50, 40, 70), total: usd(50, 40, 70), entities: 1 },
    { key: '', direct: usd(30, 20, 45), total: usd(30, 20, 45), entities: 2 },
  ],
  unmapped: { figures: usd(120, 60, 180), values: unmappedValues },
  untagged: usd(300, 250, 400),
  organisation: usd(2000, 1970, 2945),
};

export const systemOverview: CostOverviewResponse = {
  ...ownerOverview,
  groupBy: 'system',
  rows: [
    { key: 'system:default/storefront', title: 'Storefront', direct: usd(1200, 1300, 1800), total: usd(1200, 1300, 1800), entities: 5 },
    { key: '', direct: usd(380, 360, 565), total: usd(380, 360, 565), entities: 3 },
  ],
};

export const paymentsCost: EntityCostResponse = {
  entityRef: 'group:default/payments',
  tags: [
    { key: 'team', value: 'payments-api', annotated: false, entityRef: 'component:default/payments-api' },
    { key: 'team', value: 'refunds', annotated: false, entityRef: 'component:default/refunds' },
    { key: 'team', value: 'checkout-web', annotated: false, entityRef: 'component:default/checkout-web' },
  ],
  allocationKey: 'team',
  granularity: 'month',
  from: '2026-01-01',
  to: '2026-07-01',
  series: [
    { period: '2026-01', amounts: { USD: 700 }, estimated: false },
    { period: '2026-02', amounts: { USD: 720 }, estimated: false },
    { period: '2026-03', amounts: { USD: 760 }, estimated: false },
    { period: '2026-04', amounts: { USD: 790 }, estimated: false },
    { period: '2026-05', amounts: { USD: 800 }, estimated: false },
    { period: '2026-06', amounts: { USD: 600, EUR: 40 }, estimated: true },
  ],
  byCloudService: [{ cloudService: 'Amazon EC2', amounts: { USD: 4370 } }],
  byEntity: [
    { entityRef: 'component:default/payments-api', amounts: { USD: 2500 } },
    { entityRef: 'component:default/refunds', amounts: { USD: 1200 } },
    { entityRef: 'component:default/checkout-web', amounts: { USD: 670, EUR: 40 } },
  ],
  figures: usd(600, 800, 1000),
  notIncluded: { untagged: { USD: 300 }, unmapped: { USD: 120 } },
  lastDay: '2026-06-14',
  facts: { known: true, taggedShare: 0.92, monthOverMonth: 0.04, forecastVsLastMonth: 0.05 },
};
