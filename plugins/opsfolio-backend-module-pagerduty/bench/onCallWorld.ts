/**
 * The world of the on-call benchmark (onCallRequests.bench.ts): its scenario, catalog, request tallies and
 * HTTP helpers.
 */
import type { Entity } from '@backstage/catalog-model';
import { Agent, request as httpRequest } from 'node:http';
import { parseScenario, type ComponentScenario, type LoggedRequest, type Scenario } from 'simulator';

/** Services per team: a team shares one rota (the same five people) across its services. */
export const TEAM_SIZE = 5;
const TIME_ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo'];

export const serviceName = (i: number) => `bench-svc-${i}`;
/** P + 6: 'B' then i in base 36, so it cannot clash with the ids the simulator hands out (seeded, random). */
const serviceId = (i: number) => `PB${i.toString(36).toUpperCase().padStart(5, '0')}`;
const teamName = (team: number) => `bench-team-${team}`;
const memberName = (team: number, j: number) => `bench-t${team}-u${j}`;

export function scenarioOf(services: number, seed: number, rateLimitPerMinute: number): Scenario {
  const components: Record<string, ComponentScenario> = {};
  for (let i = 0; i < services; i++) {
    const team = Math.floor(i / TEAM_SIZE);
    components[serviceName(i)] = {
      repo: { github: `bench/svc-${i}` },
      // Most services are quiet; one in ten is noisy. One in four has an incident open now.
      incidents: {
        perMonth: i % 10 === 0 ? 8 : 2,
        severity: { P1: 1, P2: 2, P3: 4, P4: 3 },
        mttrHours: 4,
        openNow: i % 4 === 0 ? 1 : 0,
      },
      oncall: {
        vendor: 'pagerduty',
        serviceId: serviceId(i),
        rota: Array.from({ length: TEAM_SIZE }, (_, j) => memberName(team, j)),
        rotationDays: 7,
        escalationLevels: 2,
        timeZone: TIME_ZONES[team % TIME_ZONES.length],
        // One team in ten has dropped a shift next week.
        gaps: team % 10 === 0 ? [{ inDays: 3, fromHour: 20, hours: 10 }] : [],
      },
    };
  }
  const scenario: Pick<Scenario, 'seed' | 'historyDays' | 'components'> & { vendors: { pagerduty: Scenario['vendors']['pagerduty'] } } = {
    seed,
    // More than the module's 90 days of incidents, so its first window is full.
    historyDays: 120,
    vendors: { pagerduty: { subdomain: 'bench', rateLimitPerMinute } },
    components,
  };
  // Through the simulator's own parser, so the benchmark fails early if the scenario shape moves on.
  return parseScenario(JSON.stringify(scenario), `bench scenario (${services} PagerDuty services)`);
}

/** Components annotated with their service, owned by their team; teams with members, as drift reads them. */
export function catalogOf(services: number): Entity[] {
  const entities: Entity[] = [];
  const teams = Math.ceil(services / TEAM_SIZE);
  for (let i = 0; i < services; i++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: serviceName(i), annotations: { 'pagerduty.com/service-id': serviceId(i) } },
      spec: { type: 'service', lifecycle: 'production', owner: `group:default/${teamName(Math.floor(i / TEAM_SIZE))}` },
    });
  }
  for (let team = 0; team < teams; team++) {
    const members = Array.from({ length: TEAM_SIZE }, (_, j) => memberName(team, j));
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: teamName(team) },
      spec: { type: 'team', children: [], members },
      // The catalog mock does not run processors, so the relations are written out.
      relations: members.map(m => ({ type: 'hasMember', targetRef: `user:default/${m}` })),
    });
    for (const m of members) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: m },
        // The simulator's rota email: <name>@<first repository owner>.example.
        spec: { profile: { displayName: m, email: `${m}@bench.example` }, memberOf: [teamName(team)] },
      });
    }
  }
  return entities;
}

const KINDS = ['services', 'escalation_policies', 'oncalls', 'schedules', 'incidents', 'log_entries', 'other'] as const;
type Kind = (typeof KINDS)[number];

export interface Tally {
  total: number;
  byKind: Record<Kind, number>;
  /** 429s: counted in total, not in a kind */
  rateLimited: number;
  otherErrors: number;
}

function kindOf(path: string): Kind {
  if (/^\/incidents\/[^/]+\/log_entries$/.test(path)) return 'log_entries';
  const first = path.split('/')[1] ?? '';
  return (KINDS as readonly string[]).includes(first) ? (first as Kind) : 'other';
}

export function tally(requests: LoggedRequest[]): Tally {
  const t: Tally = { total: requests.length, byKind: Object.fromEntries(KINDS.map(k => [k, 0])) as Record<Kind, number>, rateLimited: 0, otherErrors: 0 };
  for (const r of requests) {
    if (r.status === 429) t.rateLimited++;
    else {
      if (r.status >= 400) t.otherErrors++;
      t.byKind[kindOf(r.path)]++;
    }
  }
  return t;
}

export const describeTally = (t: Tally) =>
  `${t.total} requests (${KINDS.filter(k => k !== 'other' || t.byKind.other > 0)
    .map(k => `${k} ${t.byKind[k]}`)
    .join(', ')}; rate-limited 429 ${t.rateLimited}${t.otherErrors ? `, other errors ${t.otherErrors}` : ''})`;

/** Sequential GETs over one keep-alive connection, as routes.bench.ts makes them. */
export function httpClient(port: number, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers }, res => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/**
 * Waits for a fresh PagerDuty rate-limit window when fewer than `needed` requests are left in this one:
 * a page view reads live with a 10 s timeout, so one parked behind a 429 would come back stale.
 */
export async function ensureRateLimitRoom(simulatorUrl: string, token: string, needed: number): Promise<number> {
  const res = await fetch(`${simulatorUrl}/pagerduty/users?limit=1`, { headers: { authorization: `Token token=${token}` } });
  await res.arrayBuffer();
  const remaining = Number(res.headers.get('ratelimit-remaining') ?? Infinity);
  if (remaining >= needed) return 0;
  const waitMs = Number(res.headers.get('ratelimit-reset') ?? 60) * 1000 + 200;
  await new Promise(resolve => setTimeout(resolve, waitMs));
  return waitMs;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
