import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { type FactValue, HOUR_MS } from '@opsfolio/backstage-plugin-common';
import { opsfolioScorecardsExtensionPoint, type FactAnswer, type FactProvider } from '@opsfolio/backstage-plugin-node';
import type { JsonValue } from '@backstage/types';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));
const component = (name: string, owner: string | undefined, extra: Partial<Entity['metadata']> = {}, lifecycle = 'production'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, ...extra },
  spec: { type: 'service', lifecycle, ...(owner ? { owner } : {}) },
  relations: owner ? rel('ownedBy', `group:default/${owner}`) : [],
});
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-a', title: 'Team A' }, spec: { type: 'team', children: [] }, relations: rel('hasMember', 'user:default/ada', 'user:default/ben') },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-b' }, spec: { type: 'team', children: [] }, relations: rel('hasMember', 'user:default/cy') },
  ...['ada', 'ben', 'cy'].map(name => ({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name }, spec: {} })),
  component('good', 'team-a', { annotations: { 'opsfolio.io/tier': '1' }, links: [{ url: 'https://runbooks/good', type: 'runbook' }] }),
  component('exempted', 'team-a', {
    links: [{ url: 'https://runbooks/x', type: 'runbook' }],
    annotations: {
      'opsfolio.io/exemptions': '- check: levels\n  reason: Batch job, nobody to page at night\n  until: 2099-12-31\n- check: ready/gap\n  reason: Old rota\n  until: 2020-01-01\n- check: typo\n  reason: Oops\n  until: 2099-01-01\n',
    },
  }),
  component('orphan', undefined),
  component('experimental', 'team-b', {}, 'experimental'),
];

// The facts the test controls: a number per entity for escalation levels and schedule gaps.
const facts = new Map<string, Record<string, FactAnswer>>();
const set = (name: string, values: Record<string, FactValue | FactAnswer>) =>
  facts.set(`component:default/${name}`, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as FactAnswer) : { value: v as FactValue }])));
const provider: FactProvider = {
  id: 'test',
  facts: [
    { id: 'test.levels', pillar: 'oncall', title: 'Escalation levels', type: 'number', description: 'd' },
    { id: 'test.gapHours', pillar: 'oncall', title: 'Gap hours', type: 'hours', description: 'd' },
  ],
  async collect(subjects) {
    return new Map(subjects.filter(s => facts.has(s.entityRef)).map(s => [s.entityRef, facts.get(s.entityRef)!]));
  },
};
const module = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'test-facts',
  register(env) {
    env.registerInit({ deps: { scorecards: opsfolioScorecardsExtensionPoint }, async init({ scorecards }) { scorecards.addFactProvider(provider); } });
  },
});

const check = (id: string, fact: string, operator: string, threshold: JsonValue, level: string) => ({ id, title: id, fact, operator, threshold, level, description: `${id} matters`, fix: { text: `fix ${id}`, url: `https://docs/${id}` } });
const config = {
  opsfolio: {
    scorecards: {
      includeDefault: false,
      backfillDays: 3,
      definitions: [
        {
          id: 'ready',
          title: 'Ready',
          filter: { kind: ['component'], lifecycle: ['production'] },
          targets: { '1': 'gold' },
          checks: [
            check('owned', 'ownership.ownerIsGroup', '=', true, 'bronze'),
            check('runbook', 'catalog.runbook', '=', true, 'bronze'),
            check('levels', 'test.levels', '>=', 2, 'silver'),
            check('gap', 'test.gapHours', '<=', 0, 'gold'),
          ],
        },
      ],
    },
  },
};

describe.each(TEST_DATABASES)('scorecards API on %s', kind => {
  let db: TestDatabase;
  let backend: OpsfolioTestBackend;
  let daysBeforeFirstSync = 0;
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const entityPath = (name: string) => `/entities/component/default/${name}/scorecards`;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    set('good', { 'test.levels': 3, 'test.gapHours': 0 });
    set('exempted', { 'test.levels': 1, 'test.gapHours': 5 });
    set('orphan', { 'test.levels': { notReported: 'not mapped to an on-call service' }, 'test.gapHours': { value: 0, observedAt: new Date(Date.now() - 5 * HOUR_MS).toISOString(), maxAgeMs: HOUR_MS } });
    backend = await startOpsfolioTestBackend({ features: [module], entities, config, knex: db.knex });
    // Before every source has synced once, the history is not backfilled: only today's snapshot exists.
    await backend.runSync('scorecards');
    daysBeforeFirstSync = (await db.knex('opsfolio_scorecard_daily').distinct('day')).length;
    await backend.runSync('codeowners');
    await backend.runSync('scorecards');
  });
  afterAll(async () => {
    await backend.stop();
    await db.destroy();
  });

  it('gives each check with its evidence and the level reached, for the tier-1 service Gold', async () => {
    const res = await get(entityPath('good'));
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/scorecards', res);
    const [card] = res.body.scorecards;
    expect(card).toMatchObject({ applicable: true, level: { id: 'gold' }, target: { id: 'gold' }, exemptionProblems: [] });
    expect(card.next).toBeUndefined();
    expect(card.results.find((r: { checkId: string }) => r.checkId === 'levels')).toMatchObject({ state: 'pass', value: 3, reason: 'Escalation levels: 3 (needs >= 2).' });
  });

  it('reads missing facts as not reported and old ones as stale, never as failures', async () => {
    const [card] = (await get(entityPath('orphan'))).body.scorecards;
    const states = Object.fromEntries(card.results.map((r: { checkId: string; state: string }) => [r.checkId, r.state]));
    expect(states).toEqual({ owned: 'fail', runbook: 'fail', levels: 'not-reported', gap: 'stale' });
    expect(card.level).toBeNull();
    expect(card.next).toEqual({ level: { id: 'bronze', title: 'Bronze' }, passing: 0, total: 2 });
  });

  it('counts an exemption until its last day, and reports the expired one', async () => {
    const [card] = (await get(entityPath('exempted'))).body.scorecards;
    const levels = card.results.find((r: { checkId: string }) => r.checkId === 'levels');
    expect(levels).toMatchObject({ state: 'exempt', exemption: { reason: 'Batch job, nobody to page at night', until: '2099-12-31', expired: false } });
    expect(card.results.find((r: { checkId: string }) => r.checkId === 'gap')).toMatchObject({ state: 'fail', exemption: { expired: true } });
    expect(card.level).toMatchObject({ id: 'silver' });
    expect(card.exemptionProblems).toEqual([
      'The exemption for ready/gap expired on 2020-01-01 and no longer counts.',
      'The exemption for typo names no check of any scorecard.',
    ]);
  });

  it('says the scorecard does not apply outside its filter', async () => {
    const [card] = (await get(entityPath('experimental'))).body.scorecards;
    expect(card).toMatchObject({ applicable: false, level: null, results: [] });
  });

  it('lets CI gate a deploy: 200 at the tier target, 412 with the failing checks and how to fix them', async () => {
    // CI calls with a service token.
    const pass = await request(backend.server).get(`/api/opsfolio${entityPath('good')}/ready/gate`).set('Authorization', mockCredentials.service.header());
    expect(pass.status).toBe(200);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/scorecards/{scorecardId}/gate', pass);
    expect(pass.body).toMatchObject({ pass: true, required: { id: 'gold' }, reached: { id: 'gold' }, failing: [] });

    const fail = await get(`${entityPath('orphan')}/ready/gate?level=Silver`);
    expect(fail.status).toBe(412);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/scorecards/{scorecardId}/gate', fail);
    expect(fail.body.pass).toBe(false);
    expect(fail.body.failing.map((f: { checkId: string; state: string }) => `${f.checkId}:${f.state}`)).toEqual(['owned:fail', 'runbook:fail', 'levels:not-reported']);
    expect(fail.body.failing[0].fix).toEqual({ text: 'fix owned', url: 'https://docs/owned' });

    expect((await get(`${entityPath('orphan')}/ready/gate`)).body.error.message).toMatch(/level is required/);
    expect((await get(`${entityPath('good')}/ready/gate?level=platinum`)).status).toBe(400);
    expect((await get(`${entityPath('good')}/nope/gate?level=gold`)).status).toBe(404);
    expect((await get(`${entityPath('experimental')}/ready/gate?level=bronze`)).body.error.message).toMatch(/does not apply/);
  });

  it('records the transition and why the level dropped when a fact changes', async () => {
    set('good', { 'test.levels': 1, 'test.gapHours': 0 });
    await backend.runSync('scorecards');
    const [card] = (await get(entityPath('good'))).body.scorecards;
    expect(card.level).toMatchObject({ id: 'bronze' });
    const levels = card.results.find((r: { checkId: string }) => r.checkId === 'levels');
    const owned = card.results.find((r: { checkId: string }) => r.checkId === 'owned');
    expect(levels.state).toBe('fail');
    expect(Date.parse(levels.since)).toBeGreaterThan(Date.parse(owned.since));

    const history = await get(`${entityPath('good')}/ready/history?days=30`);
    expect(history.status).toBe(200);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/scorecards/{scorecardId}/history', history);
    expect(history.body.transitions).toEqual([expect.objectContaining({ checkId: 'levels', from: 'pass', to: 'fail', value: 1 })]);
    expect(history.body.levelChanges).toEqual([expect.objectContaining({ from: 'gold', to: 'bronze', because: [expect.objectContaining({ checkId: 'levels' })] })]);
    // Backfilled once every source had synced: three days before today, and today.
    expect(daysBeforeFirstSync).toBe(1);
    expect(history.body.days.map((d: { day: string }) => d.day)).toHaveLength(4);
    expect((await get(`${entityPath('good')}/ready/history?days=0`)).status).toBe(400);
    set('good', { 'test.levels': 3, 'test.gapHours': 0 });
    await backend.runSync('scorecards');
  });

  it('compares teams by level with per-check pass rates, a trend, filters and CSV', async () => {
    const res = await get('/overview/scorecards');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/overview/scorecards', res);
    expect(res.body.byTeam).toEqual([
      { ownerRef: '', total: 1, levels: { bronze: 0, silver: 0, gold: 0, none: 1 } },
      { ownerRef: 'group:default/team-a', title: 'Team A', total: 2, levels: { bronze: 0, silver: 1, gold: 1, none: 0 } },
    ]);
    const levels = res.body.checks.find((c: { checkId: string }) => c.checkId === 'levels');
    // good passes, exempted is exempt (passing), orphan is not reported: 2 of 3.
    expect(levels.counts).toMatchObject({ pass: 1, exempt: 1, 'not-reported': 1, fail: 0 });
    expect(levels.passRate).toBeCloseTo(2 / 3);
    expect(res.body.trend).toHaveLength(4);
    expect(res.body.trend.at(-1).levels).toEqual({ bronze: 0, silver: 1, gold: 1, none: 1 });

    const teamA = await get('/overview/scorecards?owner=team-a&level=silver');
    expect(teamA.body.entities.map((e: { entityRef: string }) => e.entityRef)).toEqual(['component:default/exempted']);
    const csv = await get('/overview/scorecards?format=csv&level=none');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[1]).toBe('component:default/orphan,,component,service,production,,,,none,0,4,owned; runbook; levels; gap,' + teamOrphanEvaluatedAt(res.body));

    expect((await get('/overview/scorecards?level=platinum')).status).toBe(400);
    expect((await get('/overview/scorecards?colour=red')).status).toBe(400);
    expect((await get('/overview/scorecards?scorecard=nope')).status).toBe(404);
  });

  it('lists the exemption debt, soonest to expire first, with CSV', async () => {
    const res = await get('/overview/exemptions');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/overview/exemptions', res);
    expect(res.body.exemptions.map((e: { checkId: string; exemption: { expired: boolean } }) => `${e.checkId}:${e.exemption.expired}`)).toEqual(['gap:true', 'levels:false']);
    expect(res.body.counts).toEqual({ active: 1, expired: 1, expiringIn30Days: 0 });
    expect(res.body.exemptions[0]).toMatchObject({ entityRef: 'component:default/exempted', ownerRef: 'group:default/team-a', scorecardId: 'ready', checkTitle: 'gap' });
    expect((await get('/overview/exemptions?status=active')).body.exemptions).toHaveLength(1);
    expect((await get('/overview/exemptions?owner=team-b')).body.exemptions).toHaveLength(0);
    const csv = await get('/overview/exemptions?format=csv&status=expired');
    expect(csv.text.split('\r\n')[1]).toMatch(/^component:default\/exempted,group:default\/team-a,ready,gap,Old rota,2020-01-01,,true,-\d+$/);
    expect((await get('/overview/exemptions?status=soon')).status).toBe(400);
  });

  it("lists a team's services with their level on its portfolio, with cost when the caller may read it", async () => {
    const res = await get('/groups/default/team-a/portfolio');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/groups/{namespace}/{name}/portfolio', res);
    expect(res.body.costVisible).toBe(true);
    expect(res.body.services.map((s: { entityRef: string; level: { id: string } | null }) => `${s.entityRef}:${s.level?.id}`)).toEqual([
      'component:default/exempted:silver',
      'component:default/good:gold',
    ]);
    // No cost source in this test: nothing spent, shown as an empty amount rather than hidden.
    expect(res.body.services[0].costThisMonth).toEqual({});
    expect((await get('/groups/default/nobody/portfolio')).status).toBe(404);
  });

  it('reads levels and scorecard ids whatever their case, and 404s an unknown scorecard everywhere', async () => {
    expect((await get('/overview/scorecards?level=Gold')).body.entities.map((e: { entityRef: string }) => e.entityRef)).toEqual(['component:default/good']);
    expect((await get('/overview/exemptions?scorecard=nope')).status).toBe(404);
  });

  it('refuses a token Backstage did not issue', async () => {
    const forged = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', 'Bearer forged');
    expect((await forged('/overview/scorecards')).status).toBe(401);
    expect((await forged(`${entityPath('good')}/ready/gate?level=gold`)).status).toBe(401);
  });
});

function teamOrphanEvaluatedAt(body: { entities: Array<{ entityRef: string; evaluatedAt: string }> }) {
  return body.entities.find(e => e.entityRef === 'component:default/orphan')!.evaluatedAt;
}

describe('without opsfolio.exemptions.read and opsfolio.cost.read', () => {
  it('answers 403 on the exemption debt, and the portfolio and cost checks hide cost', async () => {
    const [ready] = config.opsfolio.scorecards.definitions;
    const withCost = { ...ready, checks: [...ready.checks, check('spend', 'cost.known', '=', true, 'gold')] };
    const denyConfig = { opsfolio: { scorecards: { ...config.opsfolio.scorecards, definitions: [withCost] } } };
    const tagged = component('tagged', 'team-a', { annotations: { 'opsfolio.io/cost-tag': 'tagged-spend' } });
    const backend = await startOpsfolioTestBackend({ features: [module], entities: [...entities, tagged], config: denyConfig, permissions: 'deny' });
    try {
      const res = await request(backend.server).get('/api/opsfolio/overview/exemptions').set('Authorization', backend.userHeader);
      expect(res.status).toBe(403);
      expectDocumentedResponse('GET', '/overview/exemptions', res);
      expect(res.body.error.message).toBe('Not allowed: opsfolio.exemptions.read');
      // The portfolio still answers, without cost: it says so instead of showing zeros.
      const portfolio = await request(backend.server).get('/api/opsfolio/groups/default/team-a/portfolio').set('Authorization', backend.userHeader);
      expect(portfolio.status).toBe(200);
      expect(portfolio.body.costVisible).toBe(false);
      expect(portfolio.body.services.every((s: { costThisMonth?: unknown }) => s.costThisMonth === undefined)).toBe(true);
      // A cost check keeps its state but not its value or evidence.
      const [card] = (await request(backend.server).get('/api/opsfolio/entities/component/default/good/scorecards').set('Authorization', backend.userHeader)).body.scorecards;
      const spend = card.results.find((r: { checkId: string }) => r.checkId === 'spend');
      expect(spend).toMatchObject({ state: 'not-reported', reason: 'Cost hidden: reading cost needs the opsfolio.cost.read permission.' });
      expect(spend.value).toBeUndefined();
      expect(card.results.find((r: { checkId: string }) => r.checkId === 'levels').reason).toBe('Escalation levels: 3 (needs >= 2).');
      // The gate still fails on the cost check, without its evidence.
      const gate = await request(backend.server).get('/api/opsfolio/entities/component/default/good/scorecards/ready/gate?level=gold').set('Authorization', backend.userHeader);
      expect(gate.status).toBe(412);
      expect(gate.body.failing.find((f: { checkId: string }) => f.checkId === 'spend')).toMatchObject({
        reason: 'Cost hidden: reading cost needs the opsfolio.cost.read permission.',
      });
      // The readiness overview counts no cost check and lists none among an entity's failing checks.
      const overview = (await request(backend.server).get('/api/opsfolio/overview/scorecards').set('Authorization', backend.userHeader)).body;
      expect(overview.checks.map((c: { checkId: string }) => c.checkId)).not.toContain('spend');
      expect(overview.checks.length).toBe(withCost.checks.length - 1);
      expect(overview.entities.flatMap((e: { failing: string[] }) => e.failing)).not.toContain('spend');
      // The summary names neither the cost tag nor whether spend is stored.
      const summary = (await request(backend.server).get('/api/opsfolio/entities/component/default/tagged/summary').set('Authorization', backend.userHeader)).body;
      expect(summary.pillars.cost.found).toEqual({});
      expect(JSON.stringify(summary)).not.toContain('tagged-spend');
    } finally {
      await backend.stop();
    }
  });
});
