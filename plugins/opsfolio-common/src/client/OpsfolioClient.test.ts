import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { CampaignDefinition } from '../campaigns';
import { OpsfolioClient, type OpsfolioClientOptions } from './OpsfolioClient';
import { readRecordings, type RecordedExchange } from './__recordings__/recordings';
import { startReplayServer, type ReceivedRequest, type ReplayServer } from './__recordings__/replayServer';

// The client against a local HTTP server that answers with what the real backend answered. To re-record after a
// route changes: `npm run record:client` (see scripts/record-client.ts), then commit __recordings__/opsfolio-backend.json.
const { exchanges } = readRecordings();
const recorded = (method: string, path: string): RecordedExchange => {
  const exchange = exchanges.find(e => e.request.method === method && e.request.path === path);
  if (!exchange) throw new Error(`No recording of ${method} ${path}: run npm run record:client`);
  return exchange;
};
const bodyOf = (method: string, path: string) => recorded(method, path).response.body;

// Kinds and names as a page has them (any case); the backend's URLs are lower-cased.
const checkout: CompoundEntityRef = { kind: 'Component', namespace: 'default', name: 'checkout' };
const teamA: CompoundEntityRef = { kind: 'Group', namespace: 'default', name: 'team-a' };
const CHECKOUT = '/entities/component/default/checkout';
const TOKEN = 'Bearer user-token';

let server: ReplayServer;
let denied: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(exchanges.filter(e => e.permissions === 'allow'));
  denied = await startReplayServer(exchanges.filter(e => e.permissions === 'deny'));
});
afterAll(async () => {
  await server.close();
  await denied.close();
});
beforeEach(() => {
  server.requests.length = 0;
  denied.requests.length = 0;
});

/** A client of `target` whose fetchApi adds the user's token, as Backstage's fetchApi does. */
function clientOf(target: ReplayServer, options: Partial<OpsfolioClientOptions> = {}) {
  return new OpsfolioClient({
    discoveryApi: { getBaseUrl: async pluginId => (pluginId === 'opsfolio' ? target.baseUrl : `http://wrong-plugin/${pluginId}`) },
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', TOKEN);
        return fetch(input, { ...init, headers });
      },
    },
    ...options,
  });
}

/** Runs one call and returns its result with the one request it sent. */
async function call<T>(run: (client: OpsfolioClient) => Promise<T>): Promise<{ result: T; request: ReceivedRequest }> {
  const result = await run(clientOf(server));
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  expect(request.headers.authorization).toBe(TOKEN);
  return { result, request };
}

describe('OpsfolioClient against recorded backend answers', () => {
  it('getHealth: every sync source with its last run', async () => {
    const { result, request } = await call(c => c.getHealth());
    expect(request).toMatchObject({ method: 'GET', path: '/health' });
    expect(result).toEqual(bodyOf('GET', '/health'));
    expect(result.status).toBe('ok');
    expect(result.sources?.find(s => s.id === 'scorecards')?.lastRun?.status).toBe('succeeded');
  });

  it('getEntitySummary: the lower-cased entity path, and which pillars are set up', async () => {
    const { result, request } = await call(c => c.getEntitySummary(checkout));
    expect(request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/summary` });
    expect(result).toEqual(bodyOf('GET', `${CHECKOUT}/summary`));
    expect(result.pillars.deployments.configured).toBe(true);
    expect(result.pillars.oncall.configured).toBe(false);
    expect(result.pillars.oncall.fix).toContain('pagerduty.com/service-id');
  });

  it('getDeployments: the filters as query parameters, unset ones left out; the page as sent', async () => {
    const path = `${CHECKOUT}/deployments?environment=production&limit=2`;
    const { result, request } = await call(c => c.getDeployments(checkout, { environment: 'production', status: undefined, limit: 2 }));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(result.items.map(d => [d.version, d.status])).toEqual([
      ['v1.5.1', 'success'],
      ['v1.5.0', 'failure'],
    ]);
  });

  it('getCurrentDeployments: what runs in each environment', async () => {
    const { result, request } = await call(c => c.getCurrentDeployments(checkout));
    expect(request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/deployments/current` });
    expect(result).toEqual(bodyOf('GET', `${CHECKOUT}/deployments/current`));
    const running = Object.fromEntries(result.environments.map(e => [e.environment, e.running?.version]));
    expect(running).toEqual({ production: 'v1.5.1', staging: 'v1.4.0' });
  });

  it('getDora: the window in days as `window=30d`, the four figures with their bands', async () => {
    const path = `${CHECKOUT}/dora?window=30d`;
    const { result, request } = await call(c => c.getDora(checkout, 30));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result.window.days).toBe(30);
    expect(result.figures.deploymentFrequency).toMatchObject({ unit: 'deploysPerDay', sampleSize: 2, enoughData: true });
    expect(result.figures.changeFailureRate.value).toBeCloseTo(1 / 3);
  });

  it('getWeeklyDeployments: `weeks`, one entry per week, oldest first', async () => {
    const path = `${CHECKOUT}/deployments/weekly?weeks=4`;
    const { result, request } = await call(c => c.getWeeklyDeployments(checkout, 4));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result.weeks).toHaveLength(4);
    expect(result.weeks.reduce((n, w) => n + w.success + w.failure, 0)).toBe(3);
  });

  it('getOnCall and getTeamOnCall: the entity and the group path', async () => {
    const entity = await call(c => c.getOnCall(checkout));
    expect(entity.request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/oncall` });
    expect(entity.result).toEqual(bodyOf('GET', `${CHECKOUT}/oncall`));
    expect(entity.result.sources).toEqual([]);

    server.requests.length = 0;
    const team = await call(c => c.getTeamOnCall(teamA));
    expect(team.request).toMatchObject({ method: 'GET', path: '/groups/default/team-a/oncall' });
    expect(team.result.services.map(s => s.entityRef)).toEqual(['component:default/checkout']);
  });

  it('getIncidents: status and paging as query parameters', async () => {
    const path = `${CHECKOUT}/incidents?status=resolved&limit=5`;
    const { result, request } = await call(c => c.getIncidents(checkout, { status: 'resolved', limit: 5 }));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result.items.map(i => [i.title, i.status])).toEqual([['Checkout errors after v1.5.0', 'resolved']]);
  });

  it('getEntityCost: the window and granularity as query parameters', async () => {
    // The recorded window is relative to the day of recording: read it back from the recording.
    const exchange = exchanges.find(e => e.request.path.startsWith(`${CHECKOUT}/cost?`))!;
    const params = new URL(exchange.request.path, 'http://x').searchParams;
    const query = { from: params.get('from')!, to: params.get('to')!, granularity: 'month' as const };
    const { result, request } = await call(c => c.getEntityCost(checkout, query));
    expect(request).toMatchObject({ method: 'GET', path: exchange.request.path });
    expect(result).toEqual(exchange.response.body);
    expect(result).toMatchObject({ granularity: 'month', from: query.from, to: query.to });
    expect(result.series).toHaveLength(3);
  });

  it('getCostOverview: groupBy, default owner', async () => {
    const { result, request } = await call(c => c.getCostOverview());
    expect(request).toMatchObject({ method: 'GET', path: '/overview/cost?groupBy=owner' });
    expect(result).toEqual(bodyOf('GET', '/overview/cost?groupBy=owner'));
    expect(result.rows.map(r => [r.key, r.entities])).toEqual([
      ['group:default/team-a', 1],
      ['user:default/ada', 1],
    ]);
  });

  it('getCostOverviewCsv: a Blob of the CSV as sent, in Node too', async () => {
    const path = '/overview/cost?groupBy=owner&format=csv';
    const { result, request } = await call(c => c.getCostOverviewCsv());
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toBeInstanceOf(Blob);
    expect(result.type).toMatch(/^text\/csv/);
    expect(await result.text()).toBe(bodyOf('GET', path));
    expect((await result.text()).split('\r\n')[0]).toMatch(/^key,title,parent,entities,currency,month_to_date/);
  });

  it('getOwnership: who owns the entity and how to reach them', async () => {
    const { result, request } = await call(c => c.getOwnership(checkout));
    expect(request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/ownership` });
    expect(result).toEqual(bodyOf('GET', `${CHECKOUT}/ownership`));
    expect(result).toMatchObject({ ownerRef: 'group:default/team-a', ownerTitle: 'Team A', contact: { email: 'team-a@acme.example' }, problems: [] });
  });

  it('getOwnershipOverview and its CSV: the problem filter, and format=csv for the file', async () => {
    const overview = await call(c => c.getOwnershipOverview({ problem: 'owned-by-user', owner: '' }));
    expect(overview.request).toMatchObject({ method: 'GET', path: '/overview/ownership?problem=owned-by-user' });
    expect(overview.result.problems.map(p => [p.entityRef, p.problem.kind])).toEqual([['component:default/legacy-batch', 'owned-by-user']]);

    server.requests.length = 0;
    const csv = await call(c => c.getOwnershipOverviewCsv());
    expect(csv.request).toMatchObject({ method: 'GET', path: '/overview/ownership?format=csv' });
    expect(await csv.result.text()).toContain('component:default/legacy-batch,component,,user:default/ada,owned-by-user,');
  });

  it('getEntityScorecards: each scorecard with the level reached and every check', async () => {
    const { result, request } = await call(c => c.getEntityScorecards(checkout));
    expect(request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/scorecards` });
    expect(result).toEqual(bodyOf('GET', `${CHECKOUT}/scorecards`));
    const [card] = result.scorecards;
    expect(card).toMatchObject({ applicable: true, level: { id: 'silver' }, target: { id: 'silver' } });
    expect(Object.fromEntries(card.results.map(r => [r.checkId, r.state]))).toEqual({
      'owned-by-team': 'pass',
      runbook: 'pass',
      'deployed-recently': 'pass',
      dashboard: 'exempt',
    });
  });

  it('refreshEntityScorecards: a POST to …/scorecards/refresh, answered with the new results', async () => {
    const path = `${CHECKOUT}/scorecards/refresh`;
    const { result, request } = await call(c => c.refreshEntityScorecards(checkout));
    expect(request).toMatchObject({ method: 'POST', path });
    expect(result).toEqual(bodyOf('POST', path));
    expect(result.scorecards[0].level?.id).toBe('silver');
  });

  it('getScorecardHistory: the scorecard id in the path and `days`', async () => {
    const path = `${CHECKOUT}/scorecards/ready/history?days=7`;
    const { result, request } = await call(c => c.getScorecardHistory(checkout, 'ready', 7));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result.scorecardId).toBe('ready');
    expect(result.days.length).toBeGreaterThan(0);
  });

  it('getScorecardOverview and its CSV: the scorecard and filters as query parameters', async () => {
    const path = '/overview/scorecards?scorecard=ready&owner=team-a';
    const overview = await call(c => c.getScorecardOverview({ scorecard: 'ready', owner: 'team-a', level: undefined }));
    expect(overview.request).toMatchObject({ method: 'GET', path });
    expect(overview.result).toEqual(bodyOf('GET', path));
    expect(overview.result.byTeam).toEqual([{ ownerRef: 'group:default/team-a', title: 'Team A', total: 1, levels: { bronze: 0, silver: 1, none: 0 } }]);

    server.requests.length = 0;
    const csv = await call(c => c.getScorecardOverviewCsv({ scorecard: 'ready' }));
    expect(csv.request).toMatchObject({ method: 'GET', path: '/overview/scorecards?scorecard=ready&format=csv' });
    const lines = (await csv.result.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^entity,title,kind,type,lifecycle,tier,owner,system,level,passing,total/);
    expect(lines.slice(1).map(l => l.split(',')[0]).sort()).toEqual(['component:default/checkout', 'component:default/legacy-batch']);
  });

  it('getExemptions: the filters as query parameters, empty ones left out', async () => {
    const path = '/overview/exemptions?status=active';
    const { result, request } = await call(c => c.getExemptions({ status: 'active', owner: '' }));
    expect(request).toMatchObject({ method: 'GET', path });
    expect(result).toEqual(bodyOf('GET', path));
    expect(result.exemptions.map(e => [e.entityRef, e.checkId, e.exemption.reason])).toEqual([['component:default/checkout', 'dashboard', 'Dashboard being built']]);
    expect(result.counts.active).toBe(1);
  });

  it('getTeamPortfolio: the group path; each service with its level and last deploy', async () => {
    const { result, request } = await call(c => c.getTeamPortfolio(teamA));
    expect(request).toMatchObject({ method: 'GET', path: '/groups/default/team-a/portfolio' });
    expect(result).toEqual(bodyOf('GET', '/groups/default/team-a/portfolio'));
    expect(result.services.map(s => [s.entityRef, s.level?.id, s.lastDeploy?.version])).toEqual([['component:default/checkout', 'silver', 'v1.5.1']]);
  });
});

describe('OpsfolioClient campaigns against recorded backend answers', () => {
  const NEW_CAMPAIGN = () => recorded('POST', '/campaigns').request.body as CampaignDefinition;

  it('getCampaigns and getCampaign: the list with counts, and one campaign with its burn-up and CSV', async () => {
    const list = await call(c => c.getCampaigns({ state: undefined, owner: '' }));
    expect(list.request).toMatchObject({ method: 'GET', path: '/campaigns' });
    // The ended one first: by target date.
    expect(list.result.campaigns.map(s => [s.campaign.id, s.campaign.state, s.counts])).toEqual([
      ['dashboards-done', 'ended', { total: 2, done: 0, exempt: 1, notDone: 1 }],
      ['dashboards', 'active', { total: 2, done: 0, exempt: 1, notDone: 1 }],
    ]);

    server.requests.length = 0;
    const one = await call(c => c.getCampaign('dashboards'));
    expect(one.request).toMatchObject({ method: 'GET', path: '/campaigns/dashboards' });
    expect(one.result).toEqual(bodyOf('GET', '/campaigns/dashboards'));
    expect(one.result.lagging.map(t => [t.ownerRef, t.entities.map(e => e.remaining.map(r => r.checkId))])).toEqual([['user:default/ada', [['dashboard']]]]);

    server.requests.length = 0;
    const csv = await call(c => c.getCampaignCsv('dashboards'));
    expect(csv.request).toMatchObject({ method: 'GET', path: '/campaigns/dashboards?format=csv' });
    expect((await csv.result.text()).split('\r\n')[0]).toBe('entity,title,owner,status,checks left,fixes');
  });

  it('getCampaignPromotion: the level as a query; the change and a diff adding the promoted scorecard', async () => {
    const { result, request } = await call(c => c.getCampaignPromotion('dashboards-done', { level: 'bronze' }));
    expect(request).toMatchObject({ method: 'GET', path: '/campaigns/dashboards-done/promotion?level=bronze' });
    expect(result).toMatchObject({ source: { kind: 'config', path: 'opsfolio.scorecards.definitions[0]' }, level: { id: 'bronze', title: 'Bronze' }, changes: ['Dashboard linked: from Silver to Bronze'], file: 'scorecards/ready.yaml' });
    expect(result.diff.split('\n').slice(0, 2)).toEqual(['--- /dev/null', '+++ b/scorecards/ready.yaml']);
  });

  it('getEntityCampaigns: the entity path; each running campaign with what the entity has left', async () => {
    const { result, request } = await call(c => c.getEntityCampaigns(checkout));
    expect(request).toMatchObject({ method: 'GET', path: `${CHECKOUT}/campaigns` });
    expect(result.campaigns.map(c => [c.campaign.id, c.status, c.remaining])).toEqual([['dashboards', 'exempt', []]]);
  });

  it('createCampaign, updateCampaign and changeCampaignState: JSON bodies to POST, PUT and the action path', async () => {
    const created = await call(c => c.createCampaign(NEW_CAMPAIGN()));
    expect(created.request).toMatchObject({ method: 'POST', path: '/campaigns', body: NEW_CAMPAIGN() });
    expect(created.request.headers['content-type']).toBe('application/json');
    expect(created.result.campaign).toMatchObject({ id: 'runbooks', state: 'draft', source: 'api' });

    server.requests.length = 0;
    const edited = await call(c => c.updateCampaign('runbooks', { ...NEW_CAMPAIGN(), title: 'A runbook for every service' }));
    expect(edited.request).toMatchObject({ method: 'PUT', path: '/campaigns/runbooks' });
    expect(edited.result.campaign.title).toBe('A runbook for every service');

    server.requests.length = 0;
    const published = await call(c => c.changeCampaignState('runbooks', 'publish'));
    expect(published.request).toMatchObject({ method: 'POST', path: '/campaigns/runbooks/publish' });
    expect(published.result.campaign.state).toBe('active');
  });

  it('rejects a campaign that does not fit with the 400 naming the problem, and one without permission with a 403', async () => {
    const invalid = await clientOf(server)
      .createCampaign({ ...NEW_CAMPAIGN(), id: 'gold', checks: ['no-such-check'] })
      .catch(e => e);
    expect(invalid).toBeInstanceOf(ResponseError);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body.error.message).toBe("Invalid campaign: checks[0]: 'no-such-check' is not a check of ready");
    const refused = await clientOf(denied).createCampaign(NEW_CAMPAIGN()).catch(e => e);
    expect(refused.statusCode).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: opsfolio.campaigns.manage');
  });
});

describe('OpsfolioClient set up for a script', () => {
  it("asks discovery for the opsfolio plugin's URL", async () => {
    const getBaseUrl = vi.fn(async () => server.baseUrl);
    await clientOf(server, { discoveryApi: { getBaseUrl } }).getHealth();
    expect(getBaseUrl).toHaveBeenCalledWith('opsfolio');
  });

  it('without a fetchApi, sends with the global fetch and no credentials', async () => {
    const client = new OpsfolioClient({ discoveryApi: { getBaseUrl: async () => server.baseUrl } });
    expect((await client.getHealth()).status).toBe('ok');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });
});

describe('OpsfolioClient when the backend says no', () => {
  it("rejects a 404 with a ResponseError carrying the backend's message", async () => {
    const error = await clientOf(server).getEntitySummary({ kind: 'component', namespace: 'default', name: 'no-such-service' }).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, message: 'Request failed with 404 Not Found' });
    expect(error.cause).toMatchObject({ name: 'NotFoundError', message: 'No entity component:default/no-such-service in the catalog' });
  });

  it('rejects a 400 naming the bad parameter', async () => {
    const error = await clientOf(server).getDeployments(checkout, { limit: 1000 }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause).toMatchObject({ name: 'InputError', message: expect.stringMatching(/^limit: /) });
  });

  it('rejects a 403 as NotAllowedError, which the cost views read as "no permission", for the JSON and the CSV', async () => {
    const client = clientOf(denied);
    for (const error of [await client.getCostOverview().catch(e => e), await client.getCostOverviewCsv().catch(e => e)]) {
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause).toMatchObject({ name: 'NotAllowedError', message: 'Not allowed: opsfolio.cost.read' });
    }
    expect(denied.requests.map(r => r.path)).toEqual(['/overview/cost?groupBy=owner', '/overview/cost?groupBy=owner&format=csv']);
  });
});

describe('OpsfolioClient summary cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares one request between the cards of a page asking at once, whatever the spelling of the ref', async () => {
    const client = clientOf(server);
    const answers = await Promise.all([
      client.getEntitySummary(checkout),
      client.getEntitySummary({ kind: 'component', namespace: 'default', name: 'checkout' }),
      client.getEntitySummary(checkout),
    ]);
    expect(server.requests.map(r => r.path)).toEqual([`${CHECKOUT}/summary`]);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('asks again once the cache time has passed (5 seconds by default)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
    const client = clientOf(server);
    await client.getEntitySummary(checkout);
    vi.setSystemTime(new Date('2026-01-01T12:00:04.999Z'));
    await client.getEntitySummary(checkout);
    expect(server.requests).toHaveLength(1);
    vi.setSystemTime(new Date('2026-01-01T12:00:05Z'));
    await client.getEntitySummary(checkout);
    expect(server.requests).toHaveLength(2);
  });

  it('shares nothing with cacheMs 0, and never keeps a failed answer', async () => {
    const uncached = clientOf(server, { cacheMs: 0 });
    await uncached.getEntitySummary(checkout);
    await uncached.getEntitySummary(checkout);
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    const client = clientOf(server);
    const missing = { kind: 'component', namespace: 'default', name: 'no-such-service' };
    await expect(client.getEntitySummary(missing)).rejects.toThrow('Request failed with 404');
    await expect(client.getEntitySummary(missing)).rejects.toThrow('Request failed with 404');
    expect(server.requests).toHaveLength(2);
  });
});
