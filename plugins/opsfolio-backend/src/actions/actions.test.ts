import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { addMonths, daysBetween, daysInMonth, monthOf } from '@opsfolio/backstage-plugin-common';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import request from 'supertest';
import { CAMPAIGN_ACTION, campaignOutput } from './campaignActions';
import { COST_ACTION, costOutput } from './costActions';
import { DEPLOYMENTS_ACTION, deploymentsOutput } from './deploymentActions';
import { ON_CALL_ACTION, onCallOutput } from './onCallActions';
import { OWNERSHIP_ACTION, ownershipOutput } from './ownershipActions';
import { READINESS_ACTION, readinessOutput } from './readinessActions';
import {
  call,
  callFailing,
  config,
  connect,
  costModule,
  deploy,
  entities,
  factsModule,
  onCallModule,
  readAt,
  TODAY,
} from '../testing/actionsWorld';

describe('Opsfolio actions through the MCP endpoint', () => {
  let backend: OpsfolioTestBackend;
  let client: Client;
  const rest = async (path: string) => {
    const res = await request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
    expect(res.status, path).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({
      features: [mcpActionsPlugin, onCallModule, costModule, factsModule],
      entities,
      config,
    });
    await backend.runSync('pagerduty');
    await backend.runSync('fake-cost');
    const pushed = await request(backend.server)
      .post('/api/opsfolio/deployments')
      .set('Authorization', mockCredentials.service.header())
      .send({
        deployments: [
          deploy('d1', 'production', 'v1', 'success', 10),
          deploy('d2', 'production', 'v2', 'success', 8),
          deploy('d3', 'production', 'v3', 'success', 6),
          deploy('d4', 'production', 'v4', 'failure', 4),
          deploy('d5', 'staging', 'v5', 'success', 3),
        ],
      });
    expect(pushed.status).toBe(200);
    await backend.runSync('scorecards');
    client = await connect(backend, backend.userHeader);
  });
  afterAll(async () => {
    await client?.close();
    await backend?.stop();
  });

  it('lists every action as a read-only, idempotent tool taking an entity ref or a campaign id', async () => {
    const { tools } = await client.listTools();
    const ours = tools.filter(t => t.name.startsWith('opsfolio.'));
    expect(ours.map(t => t.name).sort()).toEqual(
      [OWNERSHIP_ACTION, ON_CALL_ACTION, DEPLOYMENTS_ACTION, COST_ACTION, READINESS_ACTION, CAMPAIGN_ACTION]
        .map(n => `opsfolio.${n}`)
        .sort()
    );
    for (const tool of ours) {
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: true,
        idempotentHint: true,
        destructiveHint: false,
      });
      expect(tool.description!.length, tool.name).toBeGreaterThan(200);
      const required = tool.name === `opsfolio.${CAMPAIGN_ACTION}` ? 'campaignId' : 'entityRef';
      expect(tool.inputSchema.required, tool.name).toEqual([required]);
    }
  });

  it('says who owns an entity and whether that owner is healthy, with who answers first', async () => {
    // The short form: a component in the default namespace.
    const healthy = await call(client, OWNERSHIP_ACTION, ownershipOutput, { entityRef: 'payments-api' });
    expect(healthy).toMatchObject({
      entityRef: 'component:default/payments-api',
      owner: { ref: 'group:default/team-payments', title: 'Payments', exists: true, isGroup: true, memberCount: 1 },
      onCallNow: [{ name: 'Ada Okafor', source: 'pagerduty' }],
    });
    expect(healthy.owner.contact?.email).toBe('payments@acme.example');
    // Victor, on the rota, is in no team of the owner's: on-call drift is the one problem.
    expect(healthy.problems.map(p => p.kind)).toEqual(['oncall-drift']);
    expect(healthy.healthy).toBe(false);
    expect(healthy.problems).toEqual((await rest('/entities/component/default/payments-api/ownership')).problems);

    const orphan = await call(client, OWNERSHIP_ACTION, ownershipOutput, { entityRef: 'component:default/search-api' });
    expect(orphan.healthy).toBe(false);
    expect(orphan.problems.map(p => p.kind)).toEqual(['team-without-members']);
    expect(orphan.problems[0].fix).toMatch(/\S/);
    expect(orphan.onCallNow).toEqual([]);
  });

  it('says who is on call now at every level, the drift against the owner, and response times', async () => {
    const out = await call(client, ON_CALL_ACTION, onCallOutput, { entityRef: 'payments-api' });
    expect(out.configured).toBe(true);
    expect(out.onCallNow).toEqual([
      {
        source: 'pagerduty',
        level: 1,
        name: 'Ada Okafor',
        email: 'ada.okafor@acme.example',
        until: '2099-01-01T00:00:00.000Z',
      },
      { source: 'pagerduty', level: 2, name: 'Victor Nguyen', email: 'victor.nguyen@acme.example' },
    ]);
    expect(out.sources).toEqual([
      expect.objectContaining({
        source: 'pagerduty',
        stale: false,
        readAt: readAt.toISOString(),
        escalationPolicy: { name: 'Payments', levels: 2 },
        emptyLevels: [],
      }),
    ]);
    expect(out.drift).toEqual({
      ownerOnRota: true,
      ownerFound: true,
      outsiders: [{ name: 'Victor Nguyen', email: 'victor.nguyen@acme.example' }],
    });
    // One incident open; the figures are the REST route's.
    expect(out.responseTimes.last30Days.openIncidents).toBe(1);
    const { responseTimes } = await rest('/entities/component/default/payments-api/oncall');
    expect(out.responseTimes.last30Days).toEqual({
      mttaHours: responseTimes.days30.mtta.hours,
      mttaSampleSize: responseTimes.days30.mtta.sampleSize,
      mttrHours: responseTimes.days30.mttr.hours,
      mttrSampleSize: responseTimes.days30.mttr.sampleSize,
      openIncidents: responseTimes.days30.open,
    });

    const none = await call(client, ON_CALL_ACTION, onCallOutput, { entityRef: 'search-api' });
    expect(none).toMatchObject({ configured: false, onCallNow: [], sources: [] });
    expect(none.note).toContain('pagerduty.com/service-id');
  });

  it('gives the deploys, what runs where and the DORA figures', async () => {
    const out = await call(client, DEPLOYMENTS_ACTION, deploymentsOutput, { entityRef: 'payments-api', limit: 3 });
    // Five deploys pushed; the three newest listed.
    expect(out.recent.total).toBe(5);
    expect(out.recent.items.map(d => d.version)).toEqual(['v5', 'v4', 'v3']);
    expect(out.lastDeployment).toMatchObject({ version: 'v5', environment: 'staging' });
    expect(out.productionEnvironments).toEqual(['production']);
    const production = out.environments.find(e => e.environment === 'production')!;
    // v4 failed: v3 still runs.
    expect(production.latest).toMatchObject({ version: 'v4', status: 'failure' });
    expect(production.running).toMatchObject({ version: 'v3', status: 'success' });
    const figure = (metric: string) => out.dora.figures.find(f => f.metric === metric)!;
    // Three successful production deploys in 30 days; one of the four finished ones failed.
    expect(out.dora.window.days).toBe(30);
    expect(figure('deploymentFrequency')).toMatchObject({ unit: 'deploysPerDay', sampleSize: 3 });
    expect(figure('deploymentFrequency').value).toBeCloseTo(3 / 30, 10);
    expect(figure('changeFailureRate')).toMatchObject({ value: 0.25, unit: 'ratio', sampleSize: 4 });
    // The same figures as the REST route, for every metric.
    const dora = await rest('/entities/component/default/payments-api/dora');
    for (const f of out.dora.figures) expect(f.value, f.metric).toBe(dora.figures[f.metric].value);

    const staging = await call(client, DEPLOYMENTS_ACTION, deploymentsOutput, {
      entityRef: 'payments-api',
      environment: 'staging',
    });
    expect(staging.recent.total).toBe(1);
    expect(staging.dora.environments).toEqual(['staging']);
  });

  it('gives the cost this month, last month and the month-end forecast', async () => {
    const out = await call(client, COST_ACTION, costOutput, { entityRef: 'payments-api' });
    // 10 a day: this month through today, all of last month, and the run rate over the whole month.
    const elapsed = daysBetween(addMonths(TODAY, 0), TODAY) + 1;
    expect(out).toMatchObject({
      entityRef: 'component:default/payments-api',
      month: monthOf(TODAY),
      lastDay: TODAY,
      monthToDate: { USD: 10 * elapsed },
      lastMonth: { USD: 10 * daysInMonth(addMonths(TODAY, -1)) },
      forecast: { USD: 10 * daysInMonth(TODAY) },
      tags: [{ key: 'service', value: 'payments-api', entityRef: 'component:default/payments-api' }],
    });
    expect(out.byCloudService).toEqual([
      { cloudService: 'Amazon RDS', amounts: { USD: 6 * elapsed } },
      { cloudService: 'Amazon EC2', amounts: { USD: 4 * elapsed } },
    ]);
    expect((await rest('/entities/component/default/payments-api/cost')).figures).toEqual({
      monthToDate: out.monthToDate,
      lastMonth: out.lastMonth,
      forecast: out.forecast,
    });
  });

  it('gives the readiness level, the target, and each check holding it back with its fix', async () => {
    const out = await call(client, READINESS_ACTION, readinessOutput, { entityRef: 'payments-api' });
    expect(out.scorecards).toHaveLength(1);
    expect(out.scorecards[0]).toMatchObject({
      scorecardId: 'ready',
      applicable: true,
      level: { id: 'bronze', title: 'Bronze' },
      target: { id: 'silver', title: 'Silver' },
      meetsTarget: false,
      passing: 1,
      total: 2,
      notPassing: [
        {
          checkId: 'levels',
          title: 'Two escalation levels',
          level: 'silver',
          state: 'fail',
          fix: { text: 'Add a second escalation level' },
        },
      ],
    });
    expect(out.scorecards[0].notPassing[0].reason).toContain('1');
    const [stored] = (await rest('/entities/component/default/payments-api/scorecards')).scorecards;
    expect(out.scorecards[0].level?.id).toBe(stored.level.id);
    expect(out.scorecards[0].evaluatedAt).toBe(stored.evaluatedAt);

    const search = await call(client, READINESS_ACTION, readinessOutput, {
      entityRef: 'search-api',
      scorecardId: 'ready',
    });
    expect(search.scorecards[0]).toMatchObject({
      level: null,
      notPassing: [{ checkId: 'drill', fix: { text: 'Run a rollback drill', url: 'https://docs.example/drills' } }],
    });
    expect(await callFailing(client, READINESS_ACTION, { entityRef: 'payments-api', scorecardId: 'nope' })).toBe(
      'NotFoundError: No scorecard nope; the scorecards are: ready'
    );
  });

  it("gives a campaign's lagging teams and what each entity must fix", async () => {
    const out = await call(client, CAMPAIGN_ACTION, campaignOutput, { campaignId: 'drills' });
    expect(out.campaign).toMatchObject({ id: 'drills', title: 'Rollback drills', state: 'active', checks: ['drill'] });
    // payments-api drilled, search-api did not.
    expect(out.counts).toEqual({ total: 2, done: 1, exempt: 0, notDone: 1 });
    expect(out.laggingTeams).toEqual([
      {
        ownerRef: 'group:default/team-search',
        title: 'Search',
        notDone: 1,
        entities: [
          {
            entityRef: 'component:default/search-api',
            remaining: [
              {
                checkId: 'drill',
                title: 'Rollback drilled',
                state: 'fail',
                fix: { text: 'Run a rollback drill', url: 'https://docs.example/drills' },
              },
            ],
          },
        ],
        moreEntities: 0,
      },
    ]);
    expect(out.projection).toEqual((await rest('/campaigns/drills')).projection);
    expect(await callFailing(client, CAMPAIGN_ACTION, { campaignId: 'nope' })).toBe(
      'NotFoundError: No campaign nope; the campaigns are: drills'
    );
  });

  it('fails clearly for an entity that is not in the catalog, and for a malformed ref', async () => {
    expect(await callFailing(client, OWNERSHIP_ACTION, { entityRef: 'component:default/nope' })).toBe(
      'NotFoundError: No entity component:default/nope in the catalog'
    );
    expect(await callFailing(client, COST_ACTION, { entityRef: 'a:b:c/d' })).toBe(
      'InputError: Invalid entity in entityRef: namespace: "b:c" is not a catalog namespace'
    );
  });
});

/** A policy that denies one permission and allows the rest. */
