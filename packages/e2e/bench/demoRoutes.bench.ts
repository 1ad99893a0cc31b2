/**
 * Latency of the service-page routes on the running demo (issue 15: "entity cost over 12 months on SQLite"), as
 * a signed-in user sees it: real token checks, the catalog and the permission policy on every request, and the
 * demo's own syncs running in the background. Unlike bench:cost-routes (10,000 services on a test backend with
 * mocked auth), this is the whole request path on the small demo organisation.
 *
 *   npm start            # in another terminal, until the backend answers
 *   npm run bench:demo-routes
 *
 * Signs in as the guest, then per route BENCH_REQUESTS (100) sequential requests after BENCH_WARMUP (10), and
 * prints p50/p95/max. Environment: BENCH_BACKEND (http://localhost:7007), BENCH_ENTITY (component/default/payments-api).
 */
const BACKEND = process.env.BENCH_BACKEND ?? 'http://localhost:7007';
const ENTITY = process.env.BENCH_ENTITY ?? 'component/default/payments-api';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const TARGET_P95_MS = 50;

const monthsBack = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
};

const ROUTES: Array<[string, string]> = [
  ['catalog entity (for comparison)', `/api/catalog/entities/by-name/${ENTITY}`],
  ['entity summary', `/api/opsfolio/entities/${ENTITY}/summary`],
  ['entity cost (day, 30 days)', `/api/opsfolio/entities/${ENTITY}/cost`],
  ['entity cost (month, 12 months)', `/api/opsfolio/entities/${ENTITY}/cost?granularity=month&from=${monthsBack(11)}&to=${monthsBack(-1)}`],
  ['entity DORA', `/api/opsfolio/entities/${ENTITY}/dora`],
  ['entity scorecards', `/api/opsfolio/entities/${ENTITY}/scorecards`],
  ['cost overview by owner', '/api/opsfolio/overview/cost'],
];

async function guestToken(): Promise<string> {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}; is the demo running (npm start)?`);
  return ((await res.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];

async function main() {
  const token = await guestToken();
  const rows: string[] = [];
  for (const [name, path] of ROUTES) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const start = performance.now();
      const res = await fetch(BACKEND + path, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      if (i >= WARMUP) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const [p50, p95, max] = [percentile(times, 0.5), percentile(times, 0.95), times[times.length - 1]].map(v => v.toFixed(1));
    rows.push(`| ${name} | ${REQUESTS} | ${p50} | ${p95} | ${max} | ${Number(p95) < TARGET_P95_MS ? 'yes' : '**no**'} |`);
  }
  console.log(`Demo at ${BACKEND}, ${ENTITY}, guest user; Node ${process.version}\n`);
  console.log(`| route | requests | p50 ms | p95 ms | max ms | p95 < ${TARGET_P95_MS} ms |`);
  console.log('|---|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
