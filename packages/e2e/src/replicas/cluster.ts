import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { Client } from 'pg';
import { dropDatabases } from '../install/databases';

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
const BACKEND_DIR = join(REPO_ROOT, 'packages/backend');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

/** A static token without the demo CI token's restriction to Opsfolio: it reads the catalog as a service would. */
/** A static token without access restrictions. */
export const SERVICE_TOKEN = 'opsfolio-replicas-service-token';
/** The demo's CI token (app-config.yaml), restricted to Opsfolio: what a pipeline pushes deployments with. */
export const CI_TOKEN = 'opsfolio-demo-ci-token';

export interface ClusterOptions {
  replicas: number;
  /** Where the replicas' and the simulator's logs and configs go. */
  outDir: string;
  /** How often every source syncs. */
  syncSeconds: number;
  /** How often the scorecards are evaluated. */
  scorecardSeconds: number;
  /** How often the notification task (`opsfolio-sync:notifications`) runs; app-config.yaml's schedule when unset. */
  notificationSeconds?: number;
  /** First port: the simulator takes it, the replicas the ones after. */
  basePort?: number;
}

export interface Cluster {
  /** Each replica's base URL, as a load balancer would send traffic to it. */
  urls: string[];
  /** The PostgreSQL database of one plugin, as Backstage names it (`<prefix><pluginId>`). */
  database(pluginId: string): string;
  /** Resolves once every source has synced and the scorecards have been evaluated with what the syncs stored. */
  untilSyncedAndEvaluated(timeoutMs?: number): Promise<void>;
  /** Calls a replica's API with the service token. */
  api(replica: number, path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  stop(): Promise<void>;
}

interface Child {
  name: string;
  process: ChildProcess;
}

function launch(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, outDir: string): Child {
  const log = createWriteStream(join(outDir, `${name}.log`));
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { name, process: child };
}

async function stopChild({ process: child }: Child) {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) await sleep(250);
  signal('SIGKILL');
}

async function waitUntil(what: string, ok: () => Promise<boolean>, children: Child[], timeoutMs: number, outDir: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find(c => c.process.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited with ${dead.process.exitCode} before ${what} (see ${join(outDir, `${dead.name}.log`)})`);
    if (await ok().catch(() => false)) return;
    await sleep(500);
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (logs in ${outDir})`);
}

/**
 * A scorecard of the test's own beside the shipped one: the demo's libraries never deploy, so a deployment pushed
 * for one turns its only check from fail to pass and its level from none to `shipped`, a change the test controls.
 */
export const SHIPPED_SCORECARD = {
  id: 'shipped',
  title: 'Shipped',
  filter: { kind: ['component'], type: ['library'] },
  levels: [{ id: 'shipped', title: 'Shipped' }],
  checks: [
    {
      id: 'deployed-recently',
      title: 'Deployed to production in the last 30 days',
      fact: 'deployments.productionDeploys30d',
      operator: '>=',
      threshold: 1,
      level: 'shipped',
      description: 'A production deploy was recorded in the last 30 days.',
      fix: { text: 'Ship it.' },
    },
  ],
};

/** Every source the demo backend registers, besides the scorecards' evaluation. */
export const SOURCES = ['aws', 'codeowners', 'focus', 'github', 'gitlab', 'opsgenie', 'pagerduty'];

/** A sync that started before `since` (the catalog serving the example files) may have found no entities yet. */
async function untilSyncedAndEvaluated(database: string, since: string, timeoutMs = 180_000) {
  const db = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
  await db.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.query<{ source_id: string; first: string }>(
        "select source_id, min(finished_at) as first from opsfolio_sync_runs where status = 'succeeded' and started_at > $1 group by source_id",
        [since],
      );
      const synced = new Map(rows.map(r => [r.source_id, r.first]));
      if (SOURCES.every(s => synced.has(s))) {
        const lastFirstSync = SOURCES.map(s => synced.get(s)!).sort().at(-1);
        const { rows: evaluated } = await db.query(
          "select 1 from opsfolio_sync_runs where source_id = 'scorecards' and status = 'succeeded' and started_at > $1",
          [lastFirstSync],
        );
        if (evaluated.length > 0) return;
      }
      if (Date.now() > deadline) throw new Error(`The replicas did not sync and evaluate in time; synced: ${[...synced.keys()].join(', ')}`);
      await sleep(1000);
    }
  } finally {
    await db.end();
  }
}

/** The environment a user's shell gives `npm start`: vitest's NODE_ENV=test would change how the backend runs. */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}

/**
 * The demo backend (packages/backend, all modules) as several replicas behind no load balancer: one PostgreSQL
 * server (a database per plugin, under a prefix of this run), Backstage's cache in Redis, and one simulator for
 * the vendors. Each replica is its own process, started the way the demo's backend is, with the demo's
 * app-config.yaml and an overlay for the ports, database, cache and schedules.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { replicas, outDir, syncSeconds, scorecardSeconds, notificationSeconds } = options;
  const basePort = options.basePort ?? 7180;
  mkdirSync(outDir, { recursive: true });
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const prefix = `opsfolio_replicas_${run}_`;
  const simulatorUrl = `http://127.0.0.1:${basePort}`;
  const urls = Array.from({ length: replicas }, (_, i) => `http://127.0.0.1:${basePort + 1 + i}`);
  const env = userEnvironment();
  const children: Child[] = [];

  const focusExport = join(REPO_ROOT, '.demo/focus/acme.focus.csv');
  const campaignsFile = join(REPO_ROOT, '.demo/campaigns.yaml');
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await dropDatabases(prefix).catch(() => undefined);
  };

  try {
    if (!existsSync(focusExport)) {
      const generate = launch('focus-export', TSX, ['examples/focus/generate.ts', '--out', focusExport], REPO_ROOT, env, outDir);
      await new Promise(resolve => generate.process.on('exit', resolve));
    }
    if (!existsSync(campaignsFile)) {
      const generate = launch('campaigns', TSX, ['examples/campaigns/generate.ts', '--out', campaignsFile], REPO_ROOT, env, outDir);
      await new Promise(resolve => generate.process.on('exit', resolve));
    }
    children.push(launch('simulator', TSX, ['packages/simulator/src/main.ts'], REPO_ROOT, { ...env, SIMULATOR_PORT: String(basePort) }, outDir));
    await waitUntil('the simulator answering', async () => (await fetch(`${simulatorUrl}/_control/health`)).ok, children, 60_000, outDir);

    // `minutes: 0`: app-config.yaml's schedules are in minutes, and an overlay merges into them key by key.
    const schedule = (seconds: number, delay: number) => ({
      frequency: { minutes: 0, seconds },
      timeout: { minutes: 2 },
      initialDelay: { minutes: 0, seconds: delay },
    });
    const sourceSchedules = Object.fromEntries(SOURCES.map((id, i) => [id, { schedule: schedule(syncSeconds, 2 + (i % 3)) }]));
    const configs = urls.map((url, i) => {
      const overlay = join(outDir, `replica-${i}.yaml`);
      writeFileSync(
        overlay,
        stringify({
          backend: {
            baseUrl: url,
            listen: { port: basePort + 1 + i, host: '127.0.0.1' },
            database: { client: 'pg', connection: { host: '127.0.0.1', port: 5432, user: 'postgres' }, prefix },
            cache: { store: 'redis', connection: 'redis://127.0.0.1:6379', redis: { client: { namespace: `opsfolio-replicas-${run}` } } },
            auth: {
              externalAccess: [
                { type: 'static', options: { token: CI_TOKEN, subject: 'ci-deploy-events' }, accessRestrictions: [{ plugin: 'opsfolio' }] },
                { type: 'static', options: { token: SERVICE_TOKEN, subject: 'replica-test' } },
              ],
            },
          },
          integrations: {
            github: [{ host: 'github.com', apiBaseUrl: `${simulatorUrl}/github`, token: 'demo-github-token' }],
            gitlab: [{ host: 'gitlab.com', apiBaseUrl: `${simulatorUrl}/gitlab/api/v4`, token: 'demo-gitlab-token' }],
          },
          opsfolio: {
            pagerduty: { baseUrl: `${simulatorUrl}/pagerduty` },
            opsgenie: { baseUrl: `${simulatorUrl}/opsgenie` },
            cost: { aws: { endpoint: `${simulatorUrl}/aws` }, focus: { exports: [{ location: focusExport }] } },
            sources: {
              ...sourceSchedules,
              scorecards: { schedule: schedule(scorecardSeconds, 6) },
              ...(notificationSeconds ? { notifications: { schedule: schedule(notificationSeconds, 8) } } : {}),
            },
            scorecards: { definitions: [SHIPPED_SCORECARD] },
          },
        }),
      );
      return overlay;
    });

    let servingSince = '';
    const cluster: Cluster = {
      urls,
      database: pluginId => `${prefix}${pluginId}`,
      api(replica, path, init = {}) {
        const { token = SERVICE_TOKEN, headers, ...rest } = init;
        return fetch(`${urls[replica]}${path}`, { ...rest, headers: { authorization: `Bearer ${token}`, ...headers } });
      },
      untilSyncedAndEvaluated: timeoutMs => untilSyncedAndEvaluated(`${prefix}opsfolio`, servingSince, timeoutMs),
      stop,
    };
    // One after the other, as a rollout does: Backstage's own plugins (the catalog, the scheduler) fail to start when
    // two processes create their tables in an empty database at the same moment. Up when the replica's catalog
    // serves the example files (the catalog's processing is shared).
    for (let i = 0; i < replicas; i++) {
      children.push(
        // In production mode, as deployed: error bodies carry no stack.
        launch(`replica-${i}`, TSX, ['src/index.ts', '--config', '../../app-config.yaml', '--config', configs[i]], BACKEND_DIR, { ...env, NODE_ENV: 'production' }, outDir),
      );
      await waitUntil(
        `replica ${i} serving the catalog`,
        async () => (await cluster.api(i, '/api/catalog/entities/by-name/component/default/payments-api')).ok,
        children,
        180_000,
        outDir,
      );
    }
    servingSince = new Date().toISOString();
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}
