/**
 * The world of the cost routes benchmark (costRoutes.bench.ts): a year of daily cost for many services as
 * a pure function of (service, cloud service, day), the catalog that maps it, the routes, an HTTP client.
 */
import type { Entity } from '@backstage/catalog-model';
import { Agent, request as httpRequest } from 'node:http';
import { addDays, addMonths, eachDay, monthStart } from '@opsfolio/backstage-plugin-common';

export const SOURCE = 'aws';
export const CURRENCY = 'USD';
const CLOUD_SERVICES = [
  'Amazon Elastic Compute Cloud - Compute',
  'Amazon Relational Database Service',
  'Amazon Simple Storage Service',
  'AWS Lambda',
  'Amazon DynamoDB',
  'Amazon ElastiCache',
  'Amazon CloudFront',
];
const UNTAGGED_SERVICES = ['Amazon Virtual Private Cloud', 'AWS Data Transfer', 'AmazonCloudWatch', 'Amazon Simple Storage Service'];
/** Tag values no catalog entity carries (renamed or retired services): the overview lists them as unmapped. */
const UNMAPPED = ['legacy-billing', 'legacy-search', 'old-reports', 'notifications', 'tmp-migration'];

/** Services per team (the group cost route's team), teams per area, areas per department; services per system, systems per domain. */
const TEAM_SIZE = 20;
const TEAMS_PER_AREA = 10;
const AREAS_PER_DEPARTMENT = 10;
const SYSTEM_SIZE = 10;
const SYSTEMS_PER_DOMAIN = 50;

/** 32-bit hash of a few integers (murmur3's finaliser over a running mix), as routes.bench.ts uses. */
function hash(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
const unit = (...values: number[]) => hash(...values) / 2 ** 32;

const serviceName = (i: number) => `svc-${i}`;
const teamName = (t: number) => `team-${t}`;

export interface CostRows {
  day: string;
  tagValues: string[];
  cloudServices: string[];
  amounts: number[];
}

/** The 365 days up to and including today. */
export const yearOf = (today: string) => eachDay(addDays(today, -364), addDays(today, 1));

/**
 * One day's rows, in key order: each service spends in `cloudServices` AWS services (a level of 5-500 a
 * day, split 60/30/10, ±5 % noise, lower at weekends), plus the untagged pool and the unmapped values.
 * Today is a quarter reported and yesterday 90 %, as Cost Explorer reports them.
 */
export function rowsOfDay(day: string, dayIndex: number, today: string, services: number, cloudServices: number): CostRows {
  const rows: CostRows = { day, tagValues: [], cloudServices: [], amounts: [] };
  const weekday = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 0.9 : 1.04;
  const reported = day === today ? 0.25 : day === addDays(today, -1) ? 0.9 : 1;
  const push = (tagValue: string, cloudService: string, amount: number) => {
    rows.tagValues.push(tagValue);
    rows.cloudServices.push(cloudService);
    rows.amounts.push(Math.round(amount * weekday * reported * 1e6) / 1e6);
  };
  for (const u of UNTAGGED_SERVICES) push('', u, 800 * (0.95 + 0.1 * unit(dayIndex, u.length)));
  for (let i = 0; i < services; i++) {
    const level = 5 + 495 * unit(i, 1) ** 3;
    for (let k = 0; k < cloudServices; k++) {
      const share = k === 0 ? 0.6 : k === 1 ? 0.3 : 0.1 / Math.max(1, cloudServices - 2);
      push(serviceName(i), CLOUD_SERVICES[(i + k) % CLOUD_SERVICES.length], level * share * (0.95 + 0.1 * unit(i, k, dayIndex)));
    }
  }
  for (const [j, value] of UNMAPPED.entries()) {
    for (const k of [0, 1]) push(value, CLOUD_SERVICES[(j + k) % CLOUD_SERVICES.length], 40 * (0.95 + 0.1 * unit(j, k, dayIndex, 7)));
  }
  return rows;
}

/** Days Cost Explorer still marks estimated: the open month and the two days before today. */
export const isEstimated = (day: string, today: string) => day >= monthStart(today) || day >= addDays(today, -2);

const rel = (type: string, targetRef: string) => ({ type, targetRef });

/**
 * The services (default tag service=<name>), owned by teams of TEAM_SIZE under areas under departments
 * (a 3-level group tree), in systems of SYSTEM_SIZE under domains. The catalog mock runs no processors,
 * so the group tree's relations are written out.
 */
export function catalogOf(services: number): { entities: Entity[]; groups: number; systems: number } {
  const entities: Entity[] = [];
  const teams = Math.ceil(services / TEAM_SIZE);
  const areas = Math.ceil(teams / TEAMS_PER_AREA);
  const departments = Math.ceil(areas / AREAS_PER_DEPARTMENT);
  const systems = Math.ceil(services / SYSTEM_SIZE);
  const domains = Math.ceil(systems / SYSTEMS_PER_DOMAIN);
  for (let i = 0; i < services; i++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: serviceName(i) },
      spec: { type: 'service', lifecycle: 'production', owner: `group:default/${teamName(Math.floor(i / TEAM_SIZE))}`, system: `sys-${Math.floor(i / SYSTEM_SIZE)}` },
    });
  }
  const group = (name: string, type: string, parent: string | undefined, children: string[]): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title: name.replace('-', ' ') },
    spec: { type, children, ...(parent ? { parent } : {}) },
    relations: [
      ...(parent ? [rel('childOf', `group:default/${parent}`)] : []),
      ...children.map(c => rel('parentOf', `group:default/${c}`)),
    ],
  });
  const range = (from: number, to: number, name: (k: number) => string) => Array.from({ length: Math.max(0, to - from) }, (_, k) => name(from + k));
  for (let d = 0; d < departments; d++) {
    entities.push(group(`dept-${d}`, 'department', undefined, range(d * AREAS_PER_DEPARTMENT, Math.min(areas, (d + 1) * AREAS_PER_DEPARTMENT), a => `area-${a}`)));
  }
  for (let a = 0; a < areas; a++) {
    const teamsOf = range(a * TEAMS_PER_AREA, Math.min(teams, (a + 1) * TEAMS_PER_AREA), teamName);
    entities.push(group(`area-${a}`, 'area', `dept-${Math.floor(a / AREAS_PER_DEPARTMENT)}`, teamsOf));
  }
  for (let t = 0; t < teams; t++) entities.push(group(teamName(t), 'team', `area-${Math.floor(t / TEAMS_PER_AREA)}`, []));
  for (let s = 0; s < systems; s++) {
    entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: `sys-${s}` }, spec: { owner: 'group:default/dept-0', domain: `dom-${Math.floor(s / SYSTEMS_PER_DOMAIN)}` } });
  }
  for (let d = 0; d < domains; d++) entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'Domain', metadata: { name: `dom-${d}` }, spec: { owner: 'group:default/dept-0' } });
  return { entities, groups: departments + areas + teams, systems };
}

export interface Route {
  name: string;
  /** the i-th request's path under /api/opsfolio */
  path: (i: number) => string;
  /** same answer every time: fewer requests (BENCH_OVERVIEW_REQUESTS) */
  overview?: boolean;
}

export function routesOf(services: number, today: string): Route[] {
  const teams = Math.ceil(services / TEAM_SIZE);
  // Entities spread over the whole catalog, a different one on each request.
  const svc = (i: number) => serviceName(hash(i, 11) % services);
  const months = `granularity=month&from=${addMonths(today, -11)}&to=${addMonths(today, 1)}`;
  return [
    { name: 'entity cost (day, 30 days)', path: i => `/entities/component/default/${svc(i)}/cost` },
    { name: 'entity cost (month, 12 months)', path: i => `/entities/component/default/${svc(i)}/cost?${months}` },
    { name: `group cost (team of ${TEAM_SIZE})`, path: i => `/entities/group/default/${teamName(hash(i, 13) % teams)}/cost` },
    { name: 'overview by owner', path: () => '/overview/cost?groupBy=owner', overview: true },
    { name: 'overview by system', path: () => '/overview/cost?groupBy=system', overview: true },
    { name: 'overview CSV (owner)', path: () => '/overview/cost?groupBy=owner&format=csv', overview: true },
  ];
}

/** Sequential GETs over one keep-alive connection, as routes.bench.ts makes them. */
export function httpClient(port: number, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/api/opsfolio${path}`, agent, headers }, res => {
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

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
