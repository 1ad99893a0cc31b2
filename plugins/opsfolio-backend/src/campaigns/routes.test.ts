import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { addDays, dayOf, type FactValue } from '@opsfolio/backstage-plugin-common';
import { opsfolioScorecardsExtensionPoint, type FactProvider } from '@opsfolio/backstage-plugin-node';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import request from 'supertest';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import type { DailyRow } from '../scorecards/ScorecardStore';
import { expectDocumentedResponse } from '../testing/openApi';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';

const TODAY = dayOf(new Date());
const day = (n: number) => addDays(TODAY, n);

const service = (name: string, owner: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-a', title: 'Team A' }, spec: { type: 'team', children: [] } },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-b' }, spec: { type: 'team', children: [] } },
  service('svc-a', 'team-a'),
  service('svc-b', 'team-a'),
  service('svc-c', 'team-b'),
  service('svc-d', 'team-b', { 'opsfolio.io/exemptions': '- check: drill\n  reason: Stateless, nothing to roll back\n  until: 2099-12-31\n' }),
];

// svc-a drills and has 3 escalation levels; svc-b never drilled; svc-c drilled but has 1 level; svc-d is exempt from drills.
const FACTS: Record<string, Record<string, FactValue>> = {
  'svc-a': { 'test.drilled': true, 'test.levels': 3 },
  'svc-b': { 'test.drilled': false, 'test.levels': 3 },
  'svc-c': { 'test.drilled': true, 'test.levels': 1 },
  'svc-d': { 'test.drilled': false, 'test.levels': 2 },
};
const provider: FactProvider = {
  id: 'test',
  facts: [
    { id: 'test.drilled', pillar: 'deployments', title: 'Rollback drilled', type: 'boolean', description: 'd' },
    { id: 'test.levels', pillar: 'oncall', title: 'Escalation levels', type: 'number', description: 'd' },
  ],
  async collect(subjects) {
    return new Map(
      subjects.map(s => [s.entityRef, Object.fromEntries(Object.entries(FACTS[s.entityRef.split('/')[1]] ?? {}).map(([k, v]) => [k, { value: v }]))]),
    );
  },
};
const facts = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'test-facts',
  register(env) {
    env.registerInit({ deps: { scorecards: opsfolioScorecardsExtensionPoint }, async init({ scorecards }) { scorecards.addFactProvider(provider); } });
  },
});

const config = {
  opsfolio: {
    scorecards: {
      includeDefault: false,
      backfillDays: 0,
      definitions: [
        {
          id: 'ready',
          title: 'Ready',
          filter: { kind: ['component'] },
          checks: [
            { id: 'drill', title: 'Rollback drilled', fact: 'test.drilled', operator: '=', threshold: true, level: 'bronze', description: 'd', fix: { text: 'Run a rollback drill', url: 'https://docs/drills' } },
            { id: 'levels', title: 'Two escalation levels', fact: 'test.levels', operator: '>=', threshold: 2, level: 'silver', description: 'd', fix: { text: 'Add a second level' } },
          ],
        },
      ],
    },
    campaigns: {
      definitions: [
        { id: 'drills', title: 'Rollback drills', owner: 'team-sre', scorecardId: 'ready', checks: ['drill'], startDate: day(-5), targetDate: day(20), milestones: [{ date: day(-1), share: 0.5 }] },
      ],
    },
  },
};

/** Snapshots of one service from `from` to `to` days ago, with these checks failing. */
const history = (name: string, from: number, to: number, failing: string[]): DailyRow[] =>
  Array.from({ length: from - to + 1 }, (_, i) => ({ entityRef: `component:default/${name}`, day: day(-from + i), level: null, passing: 0, total: 2, failing, exempt: [] }));

describe.each(TEST_DATABASES)('campaigns API on %s', kind => {
  let db: TestDatabase;
  let backend: OpsfolioTestBackend;
  const api = (method: 'get' | 'post' | 'put', path: string) => request(backend.server)[method](`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    backend = await startOpsfolioTestBackend({ features: [facts], entities, config, knex: db.knex });
    // The five days before today, as the scheduled evaluations stored them: svc-c drilled three days ago.
    await new DatabaseScorecardStore(db.knex).writeDaily('ready', [
      ...history('svc-a', 5, 1, []),
      ...history('svc-b', 5, 1, ['drill']),
      ...history('svc-c', 5, 3, ['drill', 'levels']),
      ...history('svc-c', 2, 1, ['levels']),
      ...history('svc-d', 5, 1, ['drill']),
    ]);
    await backend.runSync('scorecards');
  });
  afterAll(async () => {
    await backend.stop();
    await db.destroy();
  });

  it('lists the configured campaign as active with its counts', async () => {
    const res = await api('get', '/campaigns');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/campaigns', res);
    expect(res.body.campaigns).toEqual([
      {
        campaign: expect.objectContaining({ id: 'drills', owner: 'group:default/team-sre', state: 'active', source: 'config' }),
        counts: { total: 4, done: 2, exempt: 1, notDone: 1 },
        scorecardTitle: 'Ready',
      },
    ]);
  });

  it('draws the burn-up from the stored snapshots and projects the finish', async () => {
    const res = await api('get', '/campaigns/drills');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/campaigns/{campaignId}', res);
    // 1 of 4 done for three days, svc-c from two days ago, svc-d exempt today.
    expect(res.body.burnUp.map((b: { done: number; total: number }) => `${b.done}/${b.total}`)).toEqual(['1/4', '1/4', '1/4', '2/4', '2/4', '3/4']);
    expect(res.body.burnUp[0].day).toBe(day(-5));
    // Half of 4 by yesterday: 2 were done two days ago.
    expect(res.body.milestones).toEqual([{ date: day(-1), share: 0.5, needed: 2, status: 'reached', reachedOn: day(-2) }]);
    // (3 - 1) / 5 days = 0.4 a day; 1 left takes 2.5, so 3 days.
    expect(res.body.projection).toEqual({ perDay: 0.4, finishDate: day(3), onTrack: true });
    expect(res.body.lagging).toEqual([
      {
        ownerRef: 'group:default/team-a',
        title: 'Team A',
        notDone: 1,
        entities: [
          {
            entityRef: 'component:default/svc-b',
            ownerRef: 'group:default/team-a',
            status: 'not-done',
            remaining: [{ checkId: 'drill', title: 'Rollback drilled', state: 'fail', fix: { text: 'Run a rollback drill', url: 'https://docs/drills' } }],
          },
        ],
        more: 0,
      },
    ]);
    expect(res.body.checks).toEqual([{ checkId: 'drill', title: 'Rollback drilled', level: 'bronze', passing: 2, failing: 1, exempt: 1, fix: { text: 'Run a rollback drill', url: 'https://docs/drills' } }]);
  });

  it('lists the entities as CSV', async () => {
    const res = await api('get', '/campaigns/drills?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('opsfolio-campaign-drills.csv');
    expect(res.text.split('\r\n')).toEqual([
      'entity,title,owner,status,checks left,fixes',
      'component:default/svc-b,,group:default/team-a,not-done,Rollback drilled,Run a rollback drill',
      'component:default/svc-a,,group:default/team-a,done,,',
      'component:default/svc-c,,group:default/team-b,done,,',
      'component:default/svc-d,,group:default/team-b,exempt,,',
      '',
    ]);
  });

  it("shows on an entity the running campaigns it is part of, with what it has left", async () => {
    const res = await api('get', '/entities/component/default/svc-b/campaigns');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/campaigns', res);
    expect(res.body.campaigns.map((c: { campaign: { id: string }; status: string; remaining: Array<{ checkId: string }> }) => [c.campaign.id, c.status, c.remaining.map(r => r.checkId)])).toEqual([
      ['drills', 'not-done', ['drill']],
    ]);
  });

  it('refuses a campaign that does not fit, listing every problem', async () => {
    const res = await api('post', '/campaigns').send({ id: 'Bad Id', title: 'x', owner: 'team-a', scorecardId: 'ready', startDate: day(5), targetDate: day(1) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `Invalid campaign: id: must be lower-case letters, digits and dashes (at most 63); targetLevel: give either targetLevel or checks, not both; targetDate: is before the start date ${day(5)}`,
    );
    const unknown = await api('post', '/campaigns').send({ id: 'gold-rush', title: 'x', owner: 'team-a', scorecardId: 'ready', targetLevel: 'platinum', startDate: day(0), targetDate: day(1) });
    expect(unknown.body.error.message).toBe("Invalid campaign: targetLevel: 'platinum' is not a level of ready (bronze, silver, gold)");
    // Bounded, so a hostile body cannot store megabytes that every progress computation then reads.
    const huge = await api('post', '/campaigns').send({
      id: 'huge',
      title: 'x',
      owner: 'team-a',
      scorecardId: 'ready',
      checks: ['drill'],
      filter: { owner: Array.from({ length: 101 }, (_, i) => `team-${i}`) },
      startDate: day(0),
      targetDate: day(1),
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/^Invalid campaign: filter\.owner: /);
    expect((await api('get', '/campaigns?state=draft')).body.campaigns).toEqual([]);
  });

  it('creates a draft, publishes, ends and archives it, each step only from the state it applies to', async () => {
    const definition = { id: 'silver-push', title: 'Silver push', owner: 'team-a', scorecardId: 'ready', targetLevel: 'silver', startDate: TODAY, targetDate: day(30) };
    const created = await api('post', '/campaigns').send(definition);
    expect(created.status).toBe(201);
    expectDocumentedResponse('POST', '/campaigns', created);
    // svc-c has one escalation level; svc-d is exempt from the drill but passes levels: done, with an exemption.
    expect(created.body).toEqual({
      campaign: expect.objectContaining({ id: 'silver-push', state: 'draft', draft: true, source: 'api', updatedBy: 'user:default/mock' }),
      counts: { total: 4, done: 1, exempt: 1, notDone: 2 },
      scorecardTitle: 'Ready',
      targetLevelTitle: 'Silver',
    });
    expect((await api('post', '/campaigns').send(definition)).status).toBe(409);
    expect((await api('post', '/campaigns').send({ ...definition, id: 'drills' })).status).toBe(409);
    expect((await api('get', '/campaigns')).body.campaigns.map((s: { campaign: { id: string } }) => s.campaign.id)).toEqual(['drills']);

    const published = await api('post', '/campaigns/silver-push/publish');
    expect(published.status).toBe(200);
    expect(published.body.campaign.state).toBe('active');
    expect((await api('post', '/campaigns/silver-push/publish')).body.error.message).toBe("Campaign 'silver-push' is active: it can be published only when draft");

    const edited = await api('put', '/campaigns/silver-push').send({ ...definition, title: 'Silver for all', draft: true });
    expect(edited.body.campaign).toMatchObject({ title: 'Silver for all', state: 'active' });
    expect((await api('put', '/campaigns/silver-push').send({ ...definition, id: 'other' })).status).toBe(400);
    expect((await api('put', '/campaigns/drills').send({ ...definition, id: 'drills' })).body.error.message).toBe(
      "Campaign 'drills' is defined in the backend's configuration: change it there",
    );

    expect((await api('post', '/campaigns/silver-push/archive')).status).toBe(409);
    expect((await api('post', '/campaigns/silver-push/end')).body.campaign).toMatchObject({ state: 'ended', endedOn: TODAY });
    expect((await api('post', '/campaigns/silver-push/archive')).body.campaign.state).toBe('archived');
    expect((await api('get', '/campaigns?state=archived')).body.campaigns.map((s: { campaign: { id: string } }) => s.campaign.id)).toEqual(['silver-push']);
    expect((await api('post', '/campaigns/nope/end')).status).toBe(404);
  });
});

describe('campaign writes under a policy that denies opsfolio.campaigns.manage', () => {
  let backend: OpsfolioTestBackend;
  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({ features: [facts], entities, config, permissions: 'deny' });
  });
  afterAll(async () => backend.stop());

  it('refuses them before reading the body, and still serves reads', async () => {
    const res = await request(backend.server).post('/api/opsfolio/campaigns').set('Authorization', backend.userHeader).send('not json');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Not allowed: opsfolio.campaigns.manage');
    expect((await request(backend.server).post('/api/opsfolio/campaigns/drills/end').set('Authorization', backend.userHeader)).status).toBe(403);
    // Denied the catalog too, the caller sees the campaign with none of its entities.
    const read = await request(backend.server).get('/api/opsfolio/campaigns/drills').set('Authorization', backend.userHeader);
    expect(read.status).toBe(200);
    expect(read.body.counts).toEqual({ total: 0, done: 0, exempt: 0, notDone: 0 });
  });
});
