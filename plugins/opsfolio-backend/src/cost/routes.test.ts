import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioCostSourcesExtensionPoint, type CostRecord, type CostSource } from '@opsfolio/backstage-plugin-node';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { addDays, addMonths, dayOf, daysBetween, daysInMonth, eachDay } from '@opsfolio/backstage-plugin-common';

const ENTITY_COST = '/entities/{kind}/{namespace}/{name}/cost';
const OVERVIEW = '/overview/cost';

const entity = (kind: string, name: string, spec: Record<string, string>, extra: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...extra },
  spec,
  relations: typeof spec.owner === 'string' ? [{ type: 'ownedBy', targetRef: `group:default/${spec.owner}` }] : [],
});
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'eng' }, spec: { type: 'department', children: ['payments'] }, relations: [{ type: 'parentOf', targetRef: 'group:default/payments' }] },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments' }, spec: { type: 'team', children: [] }, relations: [{ type: 'childOf', targetRef: 'group:default/eng' }] },
  entity('Component', 'pay-api', { type: 'service', owner: 'payments' }),
  entity('Component', 'ledger', { type: 'service', owner: 'payments' }, { annotations: { 'opsfolio.io/cost-tag': 'service=ledger-v2' } }),
  entity('Component', 'docs', { type: 'website', owner: 'eng' }),
];

// Every day from 100 days ago (before the month before last) to today: pay-api 6 (RDS) + 4 (EC2) = 10 a day, ledger-v2 5, untagged 2, 'mystery' 1.
const today = dayOf(new Date());
const first = addDays(today, -100);
function records(): CostRecord[] {
  return eachDay(first, addDays(today, 1)).flatMap(day => [
    { day, tagValue: 'pay-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 6, estimated: day >= addDays(today, -1) },
    { day, tagValue: 'pay-api', cloudService: 'Amazon EC2', currency: 'USD', amount: 4, estimated: false },
    { day, tagValue: 'ledger-v2', cloudService: 'Amazon RDS', currency: 'USD', amount: 5, estimated: false },
    { day, tagValue: '', cloudService: 'AWS Data Transfer', currency: 'USD', amount: 2, estimated: false },
    { day, tagValue: 'mystery', cloudService: 'Amazon S3', currency: 'USD', amount: 1, estimated: false },
  ]);
}

const fakeSource: CostSource = {
  id: 'fake-cost',
  vendor: 'aws',
  async sync(context) {
    await context.replaceDays({ from: first, to: addDays(today, 1) }, records());
    return { items: 1 };
  },
};
const module = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'fake-cost',
  register(env) {
    env.registerInit({ deps: { cost: opsfolioCostSourcesExtensionPoint }, async init({ cost }) { cost.addCostSource(fakeSource); } });
  },
});

// Days of this month so far, today included; all of last month.
const elapsed = daysBetween(addMonths(today, 0), today) + 1;
const lastMonthDays = daysInMonth(addMonths(today, -1));

describe('cost routes', () => {
  let backend: OpsfolioTestBackend;
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({ features: [module], entities });
    await backend.runSync('fake-cost');
  });
  afterAll(async () => backend.stop());

  it("gives a service's month to date, last month and forecast, its cloud services, and what is left out", async () => {
    const res = await get('/entities/component/default/pay-api/cost');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', ENTITY_COST, res);
    // 10 a day: this month so far, all of last month; the run rate (10) over the whole month.
    expect(res.body.figures).toEqual({ monthToDate: { USD: 10 * elapsed }, lastMonth: { USD: 10 * lastMonthDays }, forecast: { USD: 10 * daysInMonth(today) } });
    expect(res.body.byCloudService).toEqual([
      { cloudService: 'Amazon RDS', amounts: { USD: 6 * 30 } },
      { cloudService: 'Amazon EC2', amounts: { USD: 4 * 30 } },
    ]);
    expect(res.body.series).toHaveLength(30);
    expect(res.body.series.at(-1)).toEqual({ period: today, amounts: { USD: 10 }, estimated: true });
    expect(res.body.series[0]).toMatchObject({ period: addDays(today, -29), estimated: false });
    expect(res.body.notIncluded).toEqual({ untagged: { USD: 2 * elapsed }, unmapped: { USD: 1 * elapsed } });
    expect(res.body.tags).toEqual([{ key: 'service', value: 'pay-api', annotated: false, entityRef: 'component:default/pay-api' }]);
    // 10 a day in every month: the months differ only by their number of days. Of 18 a day in all, 2 are
    // untagged and 1 unmapped: 15/18 reaches an entity.
    const beforeLastDays = daysInMonth(addMonths(today, -2));
    expect(res.body.facts.known).toBe(true);
    expect(res.body.facts.taggedShare).toBeCloseTo(15 / 18, 10);
    expect(res.body.facts.monthOverMonth).toBeCloseTo(lastMonthDays / beforeLastDays - 1, 10);
    expect(res.body.facts.forecastVsLastMonth).toBeCloseTo(daysInMonth(today) / lastMonthDays - 1, 10);
  });

  it('sums a team with its sub-teams, by month', async () => {
    const res = await get('/entities/group/default/eng/cost?granularity=month');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', ENTITY_COST, res);
    expect(res.body.series).toHaveLength(6);
    // pay-api 10 + ledger-v2 5 a day; docs has no spend.
    expect(res.body.series.at(-1).amounts).toEqual({ USD: 15 * elapsed });
    expect(res.body.byEntity.map((e: { entityRef: string }) => e.entityRef)).toEqual(['component:default/pay-api', 'component:default/ledger']);
  });

  it('lists every team with rolled-up totals that reconcile with the organisation, as JSON and CSV', async () => {
    const res = await get('/overview/cost');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', OVERVIEW, res);
    const row = (key: string) => res.body.rows.find((r: { key: string }) => r.key === key);
    expect(row('group:default/payments').direct.monthToDate).toEqual({ USD: 15 * elapsed });
    expect(row('group:default/eng')).toMatchObject({ direct: { monthToDate: {} }, total: { monthToDate: { USD: 15 * elapsed } }, entities: 1 });
    expect(res.body.untagged.monthToDate).toEqual({ USD: 2 * elapsed });
    expect(res.body.unmapped.values).toEqual([{ tagValue: 'mystery', monthToDate: { USD: elapsed }, lastMonth: { USD: lastMonthDays } }]);
    // 15 + 2 + 1 = 18 a day in all.
    expect(res.body.organisation.monthToDate).toEqual({ USD: 18 * elapsed });

    const csv = await get('/overview/cost?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('key,title,parent,entities,currency,month_to_date,last_month,forecast,total_month_to_date,total_last_month,total_forecast');
    expect(lines).toContain(`(organisation),everything,,,USD,${(18 * elapsed).toFixed(2)},${(18 * lastMonthDays).toFixed(2)},${(18 * daysInMonth(today)).toFixed(2)},${(18 * elapsed).toFixed(2)},${(18 * lastMonthDays).toFixed(2)},${(18 * daysInMonth(today)).toFixed(2)}`);
  });

  it('marks a component without an annotation as set up for cost when spend carries its name', async () => {
    const res = await get('/entities/component/default/pay-api/summary');
    expect(res.body.pillars.cost).toMatchObject({ configured: true, found: { 'data from': 'cost allocation tag service=pay-api' } });
    expect((await get('/entities/component/default/docs/summary')).body.pillars.cost.configured).toBe(false);
  });

  it('says what is wrong with a bad query', async () => {
    const backwards = await get(`/entities/component/default/pay-api/cost?from=${today}&to=${addDays(today, -3)}`);
    expect(backwards.status).toBe(400);
    expectDocumentedResponse('GET', ENTITY_COST, backwards);
    expect(backwards.body.error.message).toContain('must be before to');
    expect((await get('/entities/component/default/pay-api/cost?granularity=week')).body.error.message).toContain('granularity');
    expect((await get('/entities/component/default/pay-api/cost?from=2026-02-30')).body.error.message).toContain('must be a day, YYYY-MM-DD');
    expect((await get('/overview/cost?groupBy=colour')).status).toBe(400);
    expect((await get('/entities/component/default/nope/cost')).status).toBe(404);
  });
});

describe('cost routes under a policy that denies opsfolio.cost.read', () => {
  it('answers 403 on every cost route', async () => {
    const backend = await startOpsfolioTestBackend({ features: [module], entities, permissions: 'deny' });
    try {
      for (const path of ['/entities/component/default/pay-api/cost', '/overview/cost', '/overview/cost?format=csv']) {
        const res = await request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe('Not allowed: opsfolio.cost.read');
      }
    } finally {
      await backend.stop();
    }
  });
});

describe('cost under a policy that allows it for what your team owns', () => {
  // The catalog would evaluate isEntityOwner: here the answer for each ref is written out.
  const PERMITTED = new Set(['group:default/payments', 'component:default/pay-api', 'component:default/ledger']);
  const decide = (permission: { name: string }, resourceRef?: string) =>
    permission.name !== 'opsfolio.cost.read' || (resourceRef && PERMITTED.has(resourceRef)) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  const permissions = mockServices.permissions.mock({
    authorize: async requests => requests.map(r => ({ result: decide(r.permission, 'resourceRef' in r ? r.resourceRef : undefined) })) as any,
    authorizeConditional: async requests =>
      requests.map(r =>
        r.permission.name === 'opsfolio.cost.read'
          ? { result: AuthorizeResult.CONDITIONAL, pluginId: 'catalog', resourceType: 'catalog-entity', conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: ['group:default/payments'] } } }
          : { result: AuthorizeResult.ALLOW },
      ) as any,
  });
  let backend: OpsfolioTestBackend;
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({ features: [module, permissions.factory], entities });
    await backend.runSync('fake-cost');
  });
  afterAll(async () => backend.stop());

  it("serves the team's services and refuses the rest, without organisation-wide figures", async () => {
    const mine = await get('/entities/component/default/pay-api/cost');
    expect(mine.status).toBe(200);
    expect(mine.body.figures.monthToDate).toEqual({ USD: 10 * elapsed });
    expect(mine.body.notIncluded).toEqual({ untagged: {}, unmapped: {} });
    expect((await get('/entities/component/default/docs/cost')).status).toBe(403);
  });

  it('shows only the permitted rows in the overview, the total being their sum', async () => {
    const res = await get('/overview/cost');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', OVERVIEW, res);
    expect(res.body.scope).toBe('permitted');
    // payments alone (15 a day); eng, its parent, is hidden, so payments has no parent row to point at.
    expect(res.body.rows.map((r: { key: string; parentRef?: string }) => [r.key, r.parentRef])).toEqual([['group:default/payments', undefined]]);
    expect(res.body.organisation.monthToDate).toEqual({ USD: 15 * elapsed });
    expect(res.body.untagged.monthToDate).toEqual({});
    expect(res.body.unmapped.values).toEqual([]);
  });
});
