/**
 * Ownership at scale (issue 6): the time to compute ownership facts for 10,000 entities and 500 groups, and
 * the p95 of GET /overview/ownership.
 *
 *   npx tsx plugins/opsfolio-backend/bench/ownership.bench.ts
 *
 * A generated organisation (BENCH_ENTITIES components, BENCH_GROUPS groups in a 3-level tree, 10 users per
 * team, a few planted problems of each kind) is served by the test catalog; the plugin runs on in-memory
 * SQLite. Printed: the pure computation (index + facts for every entity, timed in-process), catalog requests
 * of one snapshot read (pages of 500), and the overview route's latency over HTTP, cold (snapshot read) and
 * warm (snapshot cached for a minute).
 */
import type { Entity } from '@backstage/catalog-model';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { ownershipFacts } from '../src/ownership/facts';
import { buildOwnershipIndex } from '../src/ownership/ownershipIndex';
import { startOpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';

const int = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
const ENTITIES = int('BENCH_ENTITIES', 10_000);
const GROUPS = int('BENCH_GROUPS', 500);
const REQUESTS = int('BENCH_REQUESTS', 200);

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));

/** Group 0 is the organisation, 1-20 departments, the rest teams under them; every 50th team is empty. */
function organisation(): Entity[] {
  const entities: Entity[] = [];
  const parentOf = (g: number) => (g === 0 ? undefined : g <= 20 ? 0 : 1 + ((g - 21) % 20));
  for (let g = 0; g < GROUPS; g++) {
    const children = Array.from({ length: GROUPS }, (_, c) => c).filter(c => c > 0 && parentOf(c) === g);
    const team = g > 20;
    const members = team && g % 50 !== 0 ? Array.from({ length: 10 }, (_, u) => `user:default/u${g}-${u}`) : [];
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `g${g}` },
      spec: { type: team ? 'team' : 'department', children: children.map(c => `g${c}`), profile: { email: `g${g}@example.com` } },
      relations: [
        ...rel('parentOf', ...children.map(c => `group:default/g${c}`)),
        ...(parentOf(g) !== undefined ? rel('childOf', `group:default/g${parentOf(g)}`) : []),
        ...rel('hasMember', ...members),
      ],
    });
    for (const m of members) entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: m.split('/')[1] }, spec: {} });
  }
  const teams = GROUPS - 21;
  for (let i = 0; i < ENTITIES; i++) {
    // Planted: every 100th has no owner, every 101st a missing owner, every 97th a user owner.
    const owner = i % 100 === 0 ? undefined : i % 101 === 0 ? 'group:default/gone' : i % 97 === 0 ? `user:default/u${21 + (i % teams)}-0` : `group:default/g${21 + (i % teams)}`;
    entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: `svc-${i}` }, spec: owner ? { type: 'service', owner } : { type: 'service' } });
  }
  return entities;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const entities = organisation();
  console.log(`ownership: ${ENTITIES} components, ${GROUPS} groups, ${entities.length} entities in all; Node ${process.version}`);

  const times: number[] = [];
  let problems = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const index = buildOwnershipIndex(entities);
    problems = 0;
    for (const ref of [...index.owned.keys(), ...index.groups.keys()]) problems += ownershipFacts(index, ref)!.problems.length;
    times.push(performance.now() - start);
  }
  console.log(`compute (index + facts for every entity): ${times.map(t => t.toFixed(0)).join(', ')} ms over 5 runs; ${problems} problems`);

  const backend = await startOpsfolioTestBackend({ features: [], entities });
  try {
    const get = () => request(backend.server).get('/api/opsfolio/overview/ownership?problem=owner-missing').set('Authorization', backend.userHeader);
    let start = performance.now();
    const cold = await get();
    const coldMs = performance.now() - start;
    console.log(`overview, cold (reads the catalog): ${coldMs.toFixed(0)} ms, status ${cold.status}, ${cold.body.problems?.length} owner-missing rows, counts ${JSON.stringify(cold.body.counts)}`);
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      start = performance.now();
      await get();
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    console.log(`overview, warm: ${REQUESTS} requests p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
  } finally {
    await backend.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
