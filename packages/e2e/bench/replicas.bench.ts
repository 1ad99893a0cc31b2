/**
 * Load on one backend replica and on two (issue 13): N concurrent users (50, then 200) on the routes a service
 * page calls and on the managers' overviews, spread over the replicas as a load balancer would (round-robin).
 *
 *   npm run bench:replicas
 *
 * Each configuration starts the demo backend (packages/backend, every module) as that many processes on one
 * PostgreSQL server and the Redis cache, with the simulator for the vendors, waits for the first syncs and the
 * scorecards' evaluation, then runs each user count for BENCH_SECONDS after a warm-up. A user opens a service
 * page (summary, scorecards, on-call and deployments at once, as the browser does), and every fourth view the
 * three overviews, again and again without pause. Prints p50/p95 per kind of request, requests per second and
 * errors (any answer but 200, or no answer). Local traffic only; bounded in time. The sources sync and the
 * scorecards are evaluated every 45 seconds, as background work during the load (the first syncs ran before the
 * catalog had read the example files, so a run with the data must come round before the load starts).
 *
 * Environment: BENCH_USERS (default 50,200), BENCH_REPLICAS (default 1,2), BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5).
 * The machine's cores are shared by the replicas, PostgreSQL, Redis and this load generator.
 */
import { cpus } from 'node:os';
import { startCluster, type Cluster } from '../src/replicas/cluster';

const list = (name: string, fallback: number[]) => (process.env[name] ? process.env[name]!.split(',').map(Number) : fallback);
const USERS = list('BENCH_USERS', [50, 200]);
const REPLICAS = list('BENCH_REPLICAS', [1, 2]);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const OUT = new URL('../test-results/replicas-bench/', import.meta.url).pathname;

type Kind = 'entity page' | 'overviews';

interface Sample {
  kind: Kind;
  /** The route, e.g. `/entities/{entity}/summary`. */
  route: string;
  ms: number;
  ok: boolean;
}

const ENTITY_ROUTES = (e: string) => [`/entities/${e}/summary`, `/entities/${e}/scorecards`, `/entities/${e}/oncall`, `/entities/${e}/deployments?limit=10`];
const OVERVIEWS = ['/overview/scorecards', '/overview/cost?groupBy=owner', '/overview/ownership'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

async function timed(cluster: Cluster, replica: number, path: string, kind: Kind, samples: Sample[] | undefined) {
  const start = performance.now();
  let ok = false;
  try {
    const res = await cluster.api(replica, `/api/opsfolio${path}`, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    ok = res.status === 200;
  } catch {
    ok = false;
  }
  const route = path.replace(/^\/entities\/[^/]+\/[^/]+\/[^/?]+/, '/entities/{entity}');
  samples?.push({ kind, route, ms: performance.now() - start, ok });
}

async function load(cluster: Cluster, entities: string[], users: number) {
  let next = 0;
  const replica = () => next++ % cluster.urls.length;
  let samples: Sample[] | undefined;
  let running = true;
  const user = async (u: number) => {
    for (let view = 0; running; view++) {
      const entity = entities[(u * 7 + view) % entities.length];
      await Promise.all(ENTITY_ROUTES(entity).map(path => timed(cluster, replica(), path, 'entity page', samples)));
      if (view % 4 === 3) await Promise.all(OVERVIEWS.map(path => timed(cluster, replica(), path, 'overviews', samples)));
    }
  };
  const done = Promise.all(Array.from({ length: users }, (_, u) => user(u)));
  await new Promise(resolve => setTimeout(resolve, WARMUP_SECONDS * 1000));
  samples = [];
  const measured = samples;
  await new Promise(resolve => setTimeout(resolve, SECONDS * 1000));
  samples = undefined;
  running = false;
  await done;
  return measured;
}

function report(replicas: number, users: number, samples: Sample[]) {
  const rows = (['entity page', 'overviews'] as Kind[]).map(kind => {
    const of = samples.filter(s => s.kind === kind);
    const sorted = of.map(s => s.ms).sort((a, b) => a - b);
    return {
      replicas,
      users,
      requests: kind,
      count: of.length,
      p50_ms: Math.round(percentile(sorted, 50)),
      p95_ms: Math.round(percentile(sorted, 95)),
      errors: of.filter(s => !s.ok).length,
    };
  });
  const routes = [...new Set(samples.map(s => s.route))].map(route => {
    const sorted = samples.filter(s => s.route === route).map(s => s.ms).sort((a, b) => a - b);
    return `${route} ${Math.round(percentile(sorted, 50))}/${Math.round(percentile(sorted, 95))}`;
  });
  return { rows, routes, perSecond: Math.round(samples.length / SECONDS) };
}

async function main() {
  process.stdout.write(`Replica load benchmark: ${cpus().length} cores, ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up\n`);
  const results: Array<ReturnType<typeof report>['rows'][number] & { rps: number }> = [];
  for (const replicas of REPLICAS) {
    const cluster = await startCluster({ replicas, outDir: `${OUT}${replicas}`, syncSeconds: 45, scorecardSeconds: 45, basePort: 7280 });
    try {
      await cluster.untilSyncedAndEvaluated();
      const res = await cluster.api(0, '/api/catalog/entities?filter=kind=component&fields=kind,metadata.namespace,metadata.name');
      const components = (await res.json()) as Array<{ kind: string; metadata: { namespace: string; name: string } }>;
      const entities = components.map(c => `component/${c.metadata.namespace}/${c.metadata.name}`);
      for (const users of USERS) {
        const { rows, routes, perSecond } = report(replicas, users, await load(cluster, entities, users));
        for (const row of rows) results.push({ ...row, rps: perSecond });
        process.stdout.write(`  ${replicas} replica(s), ${users} users: ${perSecond} requests/s; p50/p95 ms per route: ${routes.join(', ')}\n`);
      }
    } finally {
      await cluster.stop();
    }
  }
  console.table(results);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  process.stdout.write(`Errors: ${errors}\n`);
  if (errors > 0) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
