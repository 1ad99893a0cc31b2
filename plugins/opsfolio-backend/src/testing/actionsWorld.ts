import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { addDays, DAY_MS, dayOf, eachDay, HOUR_MS, type FactValue } from '@opsfolio/backstage-plugin-common';
import {
  opsfolioCostSourcesExtensionPoint,
  opsfolioOnCallSourcesExtensionPoint,
  opsfolioScorecardsExtensionPoint,
  type CostRecord,
  type FactProvider,
  type OnCallRead,
} from '@opsfolio/backstage-plugin-node';
import { type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { z } from 'zod/v3';

/** The organisation, sources and MCP client the actions tests share: one world, read through the MCP endpoint. */
export const TODAY = dayOf(new Date());
const NOW = Date.now();
const ago = (ms: number) => new Date(NOW - ms).toISOString();

const rel = (type: string, targetRef: string) => ({ type, targetRef });
const service = (name: string, owner: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: `group:default/${owner}` },
  relations: [rel('ownedBy', `group:default/${owner}`)],
});
export const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', title: 'Payments' },
    spec: { type: 'team', children: [], profile: { email: 'payments@acme.example' } },
    relations: [rel('hasMember', 'user:default/ada.okafor')],
  },
  // A team nobody has joined: what it owns has an unhealthy owner.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-search', title: 'Search' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada.okafor' },
    spec: { profile: { displayName: 'Ada Okafor', email: 'ada.okafor@acme.example' } },
    relations: [rel('memberOf', 'group:default/team-payments')],
  },
  service('payments-api', 'team-payments', { 'pagerduty.com/service-id': 'PPAYAPI', 'opsfolio.io/tier': '1' }),
  service('search-api', 'team-search'),
];

// On call for payments-api: Ada (of team-payments) at level 1 until 2099, Victor (of no team here) at level 2.
// Incidents: one resolved two days ago (acknowledged after 10 minutes, resolved after an hour), one open.
export const readAt = new Date(NOW - 60_000);
const onCallRead = (): OnCallRead => ({
  service: { id: 'PPAYAPI', name: 'Payments API' },
  escalationPolicy: { id: 'PEP1', name: 'Payments', levels: 2 },
  shifts: [
    {
      level: 1,
      person: { name: 'Ada Okafor', email: 'ada.okafor@acme.example' },
      start: ago(DAY_MS),
      end: '2099-01-01T00:00:00.000Z',
    },
    { level: 2, person: { name: 'Victor Nguyen', email: 'victor.nguyen@acme.example' } },
  ],
  readAt: readAt.toISOString(),
});
export const onCallModule = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'fake-oncall',
  register(env) {
    env.registerInit({
      deps: { oncall: opsfolioOnCallSourcesExtensionPoint },
      async init({ oncall }) {
        oncall.addOnCallSource({
          id: 'pagerduty',
          vendor: 'pagerduty',
          annotations: ['pagerduty.com/service-id'],
          readOnCall: async () => onCallRead(),
          async sync(context) {
            await context.saveOnCall('component:default/payments-api', onCallRead());
            await context.saveIncidents('component:default/payments-api', [
              {
                externalId: 'Q1',
                title: 'Card auth errors',
                status: 'resolved',
                createdAt: ago(2 * DAY_MS),
                acknowledgedAt: ago(2 * DAY_MS - 600_000),
                resolvedAt: ago(2 * DAY_MS - HOUR_MS),
              },
              { externalId: 'Q2', title: 'Latency', status: 'triggered', createdAt: ago(HOUR_MS) },
            ]);
            return { items: 2 };
          },
        });
      },
    });
  },
});

// payments-api costs 10 USD a day (6 on RDS, 4 on EC2), every day from 100 days ago through today.
export const costModule = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'fake-cost',
  register(env) {
    env.registerInit({
      deps: { cost: opsfolioCostSourcesExtensionPoint },
      async init({ cost }) {
        const first = addDays(TODAY, -100);
        const records = (): CostRecord[] =>
          eachDay(first, addDays(TODAY, 1)).flatMap(day => [
            { day, tagValue: 'payments-api', cloudService: 'Amazon RDS', currency: 'USD', amount: 6, estimated: false },
            { day, tagValue: 'payments-api', cloudService: 'Amazon EC2', currency: 'USD', amount: 4, estimated: false },
          ]);
        cost.addCostSource({
          id: 'fake-cost',
          vendor: 'aws',
          async sync(context) {
            await context.replaceDays({ from: first, to: addDays(TODAY, 1) }, records());
            return { items: 1 };
          },
        });
      },
    });
  },
});

// payments-api drilled rollbacks but has one escalation level (Bronze, not Silver); search-api never drilled.
const FACTS: Record<string, Record<string, FactValue>> = {
  'payments-api': { 'test.drilled': true, 'test.levels': 1 },
  'search-api': { 'test.drilled': false, 'test.levels': 3 },
};
export const factsModule = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'test-facts',
  register(env) {
    env.registerInit({
      deps: { scorecards: opsfolioScorecardsExtensionPoint },
      async init({ scorecards }) {
        const provider: FactProvider = {
          id: 'test',
          facts: [
            { id: 'test.drilled', pillar: 'deployments', title: 'Rollback drilled', type: 'boolean', description: 'd' },
            { id: 'test.levels', pillar: 'oncall', title: 'Escalation levels', type: 'number', description: 'd' },
          ],
          async collect(subjects) {
            return new Map(
              subjects.map(s => [
                s.entityRef,
                Object.fromEntries(
                  Object.entries(FACTS[s.entityRef.split('/')[1]] ?? {}).map(([k, v]) => [k, { value: v }])
                ),
              ])
            );
          },
        };
        scorecards.addFactProvider(provider);
      },
    });
  },
});

export const config = {
  backend: { actions: { pluginSources: ['opsfolio'] } },
  opsfolio: {
    scorecards: {
      includeDefault: false,
      backfillDays: 0,
      definitions: [
        {
          id: 'ready',
          title: 'Ready',
          filter: { kind: ['component'] },
          targets: { '1': 'silver' },
          checks: [
            {
              id: 'drill',
              title: 'Rollback drilled',
              fact: 'test.drilled',
              operator: '=',
              threshold: true,
              level: 'bronze',
              description: 'd',
              fix: { text: 'Run a rollback drill', url: 'https://docs.example/drills' },
            },
            {
              id: 'levels',
              title: 'Two escalation levels',
              fact: 'test.levels',
              operator: '>=',
              threshold: 2,
              level: 'silver',
              description: 'd',
              fix: { text: 'Add a second escalation level' },
            },
          ],
        },
      ],
    },
    campaigns: {
      definitions: [
        {
          id: 'drills',
          title: 'Rollback drills',
          owner: 'team-payments',
          scorecardId: 'ready',
          checks: ['drill'],
          startDate: addDays(TODAY, -5),
          targetDate: addDays(TODAY, 20),
        },
      ],
    },
  },
};

/** A deploy of payments-api pushed by CI, started `daysAgo` days ago and finished five minutes later. */
export const deploy = (externalId: string, environment: string, version: string, status: string, daysAgo: number) => ({
  entityRef: 'component:default/payments-api',
  externalId,
  environment,
  version,
  status,
  startedAt: ago(daysAgo * DAY_MS),
  finishedAt: ago(daysAgo * DAY_MS - 300_000),
});

/** An MCP client of the backend's MCP endpoint, signed in with `authorization`, as an AI agent connects. */
export async function connect(backend: OpsfolioTestBackend, authorization: string): Promise<Client> {
  const client = new Client({ name: 'opsfolio-actions-test', version: '1.0.0' });
  const url = new URL(`http://localhost:${backend.server.port()}/api/mcp-actions/v1`);
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization } } }));
  return client;
}

type CallResult = { content: Array<{ type: string; text?: string }>; structuredContent?: unknown; isError?: boolean };

/** Calls a tool and returns its output, checked against the action's own output schema, as a client would. */
export async function call<T extends z.ZodTypeAny>(
  client: Client,
  name: string,
  output: (zod: typeof z) => T,
  args: object
) {
  const result = (await client.callTool({ name: `opsfolio.${name}`, arguments: { ...args } })) as CallResult;
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  // The structured output and the text an agent reads are the same JSON.
  expect(JSON.parse(result.content[0].text!)).toEqual(result.structuredContent);
  const parsed = output(z).safeParse(result.structuredContent);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  return (parsed as z.SafeParseSuccess<z.infer<T>>).data;
}

/** Calls a tool that must fail, and returns the error text an agent reads. */
export async function callFailing(client: Client, name: string, args: object): Promise<string> {
  const result = (await client.callTool({ name: `opsfolio.${name}`, arguments: { ...args } })) as CallResult;
  expect(result.isError).toBe(true);
  return result.content.map(c => c.text).join('\n');
}
