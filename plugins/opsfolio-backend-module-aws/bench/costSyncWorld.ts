/**
 * The world of the Cost Explorer benchmark (costExplorerRequests.bench.ts): its scenario, catalog,
 * request tally and memory sampler.
 */
import type { Entity } from '@backstage/catalog-model';
import { parseScenario, type AwsServiceCode, type ComponentScenario, type LoggedRequest, type Scenario } from 'simulator';

const serviceName = (i: number) => `bench-svc-${i}`;
/** Spend under a tag value no catalog entity carries: Opsfolio reports it as unmapped. */
const UNMAPPED = 'bench-legacy';

/** Two AWS services per tagged service, varied so that days hold differently named groups. */
const MIXES: Array<Partial<Record<AwsServiceCode, number>>> = [
  { AmazonEC2: 2, AmazonRDS: 1 },
  { AWSLambda: 3, AmazonDynamoDB: 1 },
  { AmazonEKS: 2, AmazonS3: 1 },
  { AmazonES: 1, AmazonEC2: 1 },
  { AmazonElastiCache: 1, AmazonCloudFront: 2 },
];

/**
 * `tagged` services, each with a `cost` section tagged `service=<name>` (2 AWS services), one spender
 * under a tag value outside the catalog, and an untagged pool: (2 x tagged + 4) groups a day.
 */
export function scenarioOf(tagged: number, opts: { seed: number; historyDays: number; pageSize: number }): Scenario {
  const components: Record<string, ComponentScenario> = {};
  const cost = (i: number, tag: string) => ({
    monthly: 300 + (i % 37) * 40,
    trendPctPerMonth: (i % 7) - 2,
    services: MIXES[i % MIXES.length],
    tagged: true,
    tag: `service=${tag}`,
  });
  for (let i = 0; i < tagged; i++) components[serviceName(i)] = { repo: { github: `bench/svc-${i}` }, cost: cost(i, serviceName(i)) } as ComponentScenario;
  components[UNMAPPED] = { repo: { github: `bench/${UNMAPPED}` }, cost: cost(tagged, UNMAPPED) } as ComponentScenario;
  const scenario = {
    seed: opts.seed,
    historyDays: opts.historyDays,
    vendors: { aws: { accountId: '123456789012', accountName: 'bench', pageSize: opts.pageSize } },
    untaggedCost: { monthly: 20_000, services: { AmazonVPC: 1, AWSDataTransfer: 2 } },
    components,
  };
  // Through the simulator's own parser, so the benchmark fails early if the scenario shape moves on.
  return parseScenario(JSON.stringify(scenario), `bench scenario (${tagged} tagged services)`);
}

/** `entities` components named like the scenario's services (their default tag is service=<name>). */
export function catalogOf(entities: number): Entity[] {
  const list: Entity[] = Array.from({ length: entities }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: serviceName(i) },
    spec: { type: 'service', lifecycle: 'production', owner: `group:default/bench-team-${Math.floor(i / 20)}` },
  }));
  for (let t = 0; t < Math.ceil(entities / 20); t++) {
    list.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: `bench-team-${t}` }, spec: { type: 'team', children: [] } });
  }
  return list;
}

export interface AwsTally {
  requests: number;
  /** by X-Amz-Target, e.g. AWSInsightsIndexService.GetCostAndUsage */
  byTarget: Record<string, number>;
  /** 200 answers of GetCostAndUsage: the pages read */
  pages: number;
  errors: number;
  /** time the simulator spent answering, summed; the first page includes building the whole answer */
  simulatorMs: number;
  firstPageMs: number;
  /** epoch ms the last answer was complete: what follows is the module merging and storing */
  lastAnswerAt: number;
}

export function tally(requests: LoggedRequest[]): AwsTally {
  const t: AwsTally = { requests: requests.length, byTarget: {}, pages: 0, errors: 0, simulatorMs: 0, firstPageMs: requests[0]?.durationMs ?? 0, lastAnswerAt: 0 };
  for (const r of requests) {
    const target = r.headers['x-amz-target'] ?? '(none)';
    t.byTarget[target] = (t.byTarget[target] ?? 0) + 1;
    t.simulatorMs += r.durationMs;
    t.lastAnswerAt = Math.max(t.lastAnswerAt, Date.parse(r.time) + r.durationMs);
    if (r.status >= 400) t.errors++;
    else if (target.endsWith('.GetCostAndUsage')) t.pages++;
  }
  return t;
}

export const describeTargets = (t: AwsTally) =>
  Object.entries(t.byTarget)
    .map(([target, n]) => `${target} ${n}`)
    .join(', ') || 'none';

/**
 * Heap after a full GC before `fn` (with --expose-gc, as bench:cost-sync runs it), peak heap while it runs
 * (sampled every 50 ms: a long synchronous stretch is missed) and the process's peak RSS so far
 * (kernel-tracked, so nothing is missed, but it never goes down between runs).
 */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; startMb: number; heapMb: number; rssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().heapUsed;
  let heap = start;
  const sampler = setInterval(() => void (heap = Math.max(heap, process.memoryUsage().heapUsed)), 50);
  try {
    const value = await fn();
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    return { value, startMb: start / 2 ** 20, heapMb: heap / 2 ** 20, rssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    clearInterval(sampler);
  }
}
