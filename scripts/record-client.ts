/**
 * Records the real Opsfolio backend's answers for the client's replay tests
 * (plugins/opsfolio-common/src/client/OpsfolioClient.test.ts):
 *
 *   npm run record:client      (tsx scripts/record-client.ts)
 *
 * It lives here, not in opsfolio-common, so that common does not depend on the backend it describes.
 *
 * Starts the backend plugin with @opsfolio/backstage-plugin-backend-test-utils (in-memory SQLite, an in-memory
 * catalog holding the entities below), pushes deployments and incidents as a CI would (POST /deployments and
 * /incidents with a service token), runs the ownership and scorecard syncs, then sends each request of EXCHANGES
 * as a signed-in user and writes request → status, headers and body to opsfolio-backend.json. The requests of a
 * user without permissions go to a second backend whose policy denies everything. Each exchange must get the
 * status it names, or nothing is written.
 *
 * Re-record when a route's answer changes (or a client method is added: add its request here) and commit the
 * file; the replay tests then show which client calls no longer read what the backend sends. Dates in the file
 * are relative to the day of recording; the tests do not depend on them.
 */
import { writeFileSync } from 'node:fs';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';
import { RECORDINGS_FILE, type RecordedExchange, type Recordings } from '../plugins/opsfolio-common/src/client/__recordings__/recordings';

const now = Date.now();
/** `hour` o'clock UTC `days` days ago (ahead, when negative). */
const daysAgo = (days: number, hour = 10) => new Date(Math.floor((now - days * DAY_MS) / DAY_MS) * DAY_MS + hour * HOUR_MS).toISOString();
const monthStart = (monthsAgo: number) => {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);
};

// The in-memory catalog does not compute relations: they are written out as the catalog would.
const rel = (type: string, targetRef: string) => ({ type, targetRef });
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a', title: 'Team A' },
    spec: { type: 'team', children: [], profile: { email: 'team-a@acme.example' } },
    relations: [rel('hasMember', 'user:default/ada')],
  },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'ada' }, spec: { profile: { displayName: 'Ada Okafor', email: 'ada@acme.example' } }, relations: [rel('memberOf', 'group:default/team-a')] },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      links: [{ url: 'https://runbooks.acme.example/checkout', type: 'runbook' }],
      annotations: {
        'opsfolio.io/tier': '1',
        'opsfolio.io/exemptions': `- check: ready/dashboard\n  reason: Dashboard being built\n  until: '${daysAgo(-60).slice(0, 10)}'\n`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    relations: [rel('ownedBy', 'group:default/team-a')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'legacy-batch' },
    spec: { type: 'service', lifecycle: 'production', owner: 'user:ada' },
    relations: [rel('ownedBy', 'user:default/ada')],
  },
];

// A small scorecard of its own instead of the shipped one, whose definition would be most of the file.
const check = (id: string, title: string, fact: string, operator: string, threshold: boolean | number, level: string) =>
  ({ id, title, fact, operator, threshold, level, description: `${title}.`, fix: { text: `Fix: ${title.toLowerCase()}.` } });
const config = {
  opsfolio: {
    scorecards: {
      includeDefault: false,
      backfillDays: 7,
      definitions: [
        {
          id: 'ready',
          title: 'Ready to run',
          filter: { kind: ['component'], lifecycle: ['production'] },
          levels: [{ id: 'bronze', title: 'Bronze' }, { id: 'silver', title: 'Silver' }],
          targets: { '1': 'silver' },
          checks: [
            check('owned-by-team', 'Owned by a team', 'ownership.ownerIsGroup', '=', true, 'bronze'),
            check('runbook', 'Runbook linked', 'catalog.runbook', '=', true, 'bronze'),
            check('deployed-recently', 'Deployed in the last 30 days', 'deployments.productionDeploys30d', '>=', 1, 'silver'),
            check('dashboard', 'Dashboard linked', 'catalog.dashboard', '=', true, 'silver'),
          ],
        },
      ],
    },
    campaigns: {
      definitions: [
        {
          id: 'dashboards',
          title: 'A dashboard for every service',
          owner: 'team-a',
          scorecardId: 'ready',
          checks: ['dashboard'],
          startDate: daysAgo(7).slice(0, 10),
          targetDate: daysAgo(-30).slice(0, 10),
          milestones: [{ date: daysAgo(-10).slice(0, 10), share: 0.5 }],
        },
        {
          id: 'dashboards-done',
          title: 'Dashboards, done',
          owner: 'team-a',
          scorecardId: 'ready',
          checks: ['dashboard'],
          startDate: daysAgo(30).slice(0, 10),
          targetDate: daysAgo(10).slice(0, 10),
          endedOn: daysAgo(9).slice(0, 10),
        },
      ],
    },
  },
};

/** A campaign created through the API: a draft until published. */
const NEW_CAMPAIGN = {
  id: 'runbooks',
  title: 'Runbooks everywhere',
  owner: 'group:default/team-a',
  scorecardId: 'ready',
  checks: ['runbook'],
  startDate: daysAgo(0).slice(0, 10),
  targetDate: daysAgo(-14).slice(0, 10),
};

const deployment = (externalId: string, environment: string, version: string, days: number, status = 'success') => ({
  entityRef: 'component:default/checkout',
  environment,
  version,
  status,
  startedAt: daysAgo(days),
  finishedAt: daysAgo(days, 11),
  externalId,
  actor: 'ci-bot',
});
const deployments = [
  deployment('run-1', 'staging', 'v1.4.0', 9),
  deployment('run-2', 'production', 'v1.4.0', 8),
  deployment('run-3', 'production', 'v1.5.0', 3, 'failure'),
  deployment('run-4', 'production', 'v1.5.1', 2),
];
const incidents = [
  { entityRef: 'component:default/checkout', externalId: 'inc-1', title: 'Checkout errors after v1.5.0', status: 'resolved', urgency: 'high', createdAt: daysAgo(3, 11), acknowledgedAt: daysAgo(3, 12), resolvedAt: daysAgo(3, 13) },
];

interface Exchange {
  name: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT';
  /** Sent as JSON. */
  body?: object;
  /** The status the backend must answer; anything else stops the recording. */
  status: number;
  permissions?: 'allow' | 'deny';
}

const CHECKOUT = '/entities/component/default/checkout';
const EXCHANGES: Exchange[] = [
  { name: 'health of every sync source', path: '/health', status: 200 },
  { name: 'pillar summary', path: `${CHECKOUT}/summary`, status: 200 },
  { name: 'summary of an entity not in the catalog', path: '/entities/component/default/no-such-service/summary', status: 404 },
  { name: 'production deployments, first page of 2', path: `${CHECKOUT}/deployments?environment=production&limit=2`, status: 200 },
  { name: 'a page size over the limit', path: `${CHECKOUT}/deployments?limit=1000`, status: 400 },
  { name: 'what runs in each environment', path: `${CHECKOUT}/deployments/current`, status: 200 },
  { name: 'DORA over 30 days', path: `${CHECKOUT}/dora?window=30d`, status: 200 },
  { name: 'production deploys per week', path: `${CHECKOUT}/deployments/weekly?weeks=4`, status: 200 },
  { name: 'on-call of an entity without an on-call source', path: `${CHECKOUT}/oncall`, status: 200 },
  { name: 'on-call of a team', path: '/groups/default/team-a/oncall', status: 200 },
  { name: 'resolved incidents', path: `${CHECKOUT}/incidents?status=resolved&limit=5`, status: 200 },
  { name: 'monthly cost', path: `${CHECKOUT}/cost?from=${monthStart(2)}&to=${monthStart(-1)}&granularity=month`, status: 200 },
  { name: 'cost overview by owner', path: '/overview/cost?groupBy=owner', status: 200 },
  { name: 'cost overview by owner as CSV', path: '/overview/cost?groupBy=owner&format=csv', status: 200 },
  { name: 'ownership of an entity', path: `${CHECKOUT}/ownership`, status: 200 },
  { name: 'entities owned by a user', path: '/overview/ownership?problem=owned-by-user', status: 200 },
  { name: 'ownership problems as CSV', path: '/overview/ownership?format=csv', status: 200 },
  { name: 'scorecards of an entity', path: `${CHECKOUT}/scorecards`, status: 200 },
  { name: 'scorecards evaluated now', method: 'POST', path: `${CHECKOUT}/scorecards/refresh`, status: 200 },
  { name: 'a scorecard history of 7 days', path: `${CHECKOUT}/scorecards/ready/history?days=7`, status: 200 },
  { name: 'scorecard overview of a team', path: '/overview/scorecards?scorecard=ready&owner=team-a', status: 200 },
  { name: 'scorecard overview as CSV', path: '/overview/scorecards?scorecard=ready&format=csv', status: 200 },
  { name: 'active exemptions', path: '/overview/exemptions?status=active', status: 200 },
  { name: 'portfolio of a team', path: '/groups/default/team-a/portfolio', status: 200 },
  { name: 'running campaigns', path: '/campaigns', status: 200 },
  { name: 'a campaign with its burn-up', path: '/campaigns/dashboards', status: 200 },
  { name: 'a campaign as CSV', path: '/campaigns/dashboards?format=csv', status: 200 },
  { name: 'an unknown campaign', path: '/campaigns/nope', status: 404 },
  { name: 'campaigns of an entity', path: `${CHECKOUT}/campaigns`, status: 200 },
  { name: 'an ended campaign promoted to a level', path: '/campaigns/dashboards-done/promotion?level=bronze', status: 200 },
  { name: 'a campaign created as a draft', method: 'POST', path: '/campaigns', body: NEW_CAMPAIGN, status: 201 },
  { name: 'a campaign edited', method: 'PUT', path: '/campaigns/runbooks', body: { ...NEW_CAMPAIGN, title: 'A runbook for every service' }, status: 200 },
  { name: 'a draft published', method: 'POST', path: '/campaigns/runbooks/publish', status: 200 },
  { name: 'a campaign that does not fit its scorecard', method: 'POST', path: '/campaigns', body: { ...NEW_CAMPAIGN, id: 'gold', checks: ['no-such-check'] }, status: 400 },
  { name: 'cost overview, denied by the permission policy', path: '/overview/cost?groupBy=owner', status: 403, permissions: 'deny' },
  { name: 'cost overview CSV, denied by the permission policy', path: '/overview/cost?groupBy=owner&format=csv', status: 403, permissions: 'deny' },
  { name: 'a campaign created without opsfolio.campaigns.manage', method: 'POST', path: '/campaigns', body: NEW_CAMPAIGN, status: 403, permissions: 'deny' },
];

// Kept: what a client reads. Left out: dates, ETags, connection and security headers, which change on every run.
const KEPT_HEADERS = ['content-type', 'content-disposition'];

async function push(backend: OpsfolioTestBackend, path: string, body: object): Promise<void> {
  const response = await fetch(`${baseUrl(backend)}${path}`, {
    method: 'POST',
    headers: { authorization: mockCredentials.service.header(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

const baseUrl = (backend: OpsfolioTestBackend) => `http://127.0.0.1:${backend.server.port()}/api/opsfolio`;

async function record(backend: OpsfolioTestBackend, exchange: Exchange): Promise<RecordedExchange> {
  const method = exchange.method ?? 'GET';
  const headers: Record<string, string> = { authorization: backend.userHeader, ...(exchange.body ? { 'content-type': 'application/json' } : {}) };
  const response = await fetch(`${baseUrl(backend)}${exchange.path}`, { method, headers, ...(exchange.body ? { body: JSON.stringify(exchange.body) } : {}) });
  const text = await response.text();
  if (response.status !== exchange.status) {
    throw new Error(`${method} ${exchange.path}: expected ${exchange.status}, the backend answered ${response.status} ${text}`);
  }
  const kept = Object.fromEntries(KEPT_HEADERS.flatMap(h => (response.headers.has(h) ? [[h, response.headers.get(h)!]] : [])));
  let body: unknown = text;
  if (kept['content-type']?.startsWith('application/json')) {
    body = JSON.parse(text);
    // Production answers carry no stack; the recording should not carry this machine's paths either.
    delete (body as { error?: { stack?: string } }).error?.stack;
  }
  return {
    name: exchange.name,
    permissions: exchange.permissions ?? 'allow',
    request: { method, path: exchange.path, ...(exchange.body ? { body: exchange.body } : {}) },
    response: { status: response.status, statusText: response.statusText, headers: kept, body },
  };
}

async function main() {
  const recorded: RecordedExchange[] = [];
  for (const permissions of ['allow', 'deny'] as const) {
    const backend = await startOpsfolioTestBackend({ features: [], entities, config, ...(permissions === 'deny' ? { permissions } : {}) });
    try {
      if (permissions === 'allow') {
        await push(backend, '/deployments', { deployments });
        await push(backend, '/incidents', { incidents });
        await backend.runSync('codeowners');
        await backend.runSync('scorecards');
      }
      for (const exchange of EXCHANGES.filter(e => (e.permissions ?? 'allow') === permissions)) recorded.push(await record(backend, exchange));
    } finally {
      await backend.stop();
    }
  }
  const recordings: Recordings = { recordedAt: new Date(now).toISOString(), exchanges: recorded };
  writeFileSync(RECORDINGS_FILE, `${JSON.stringify(recordings, null, 2)}\n`);
  process.stdout.write(`${recorded.length} exchanges written to ${RECORDINGS_FILE}\n`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
