import fc from 'fast-check';
import { commonMutations, httpUrl, oneLineText, parameterValue, queryShape, recentInstant, type Mutation } from './arbitraries';
import { fillPath, knownPathValues, OPERATIONS, type Operation } from './operations';

/** A resource of the demo's catalog with no vendor mapping: pushed events are the only data it has. */
const FUZZ_ENTITY = 'resource:default/ledger-db';
const FUZZ_PATH = '/entities/resource/default/ledger-db';

export interface FuzzTarget {
  baseUrl: string;
  /** A token that reads every route: a user's, or an unrestricted service token. */
  readToken: string;
  /** A service token that may push. */
  pushToken: string;
  scorecardId: string;
  /** Bounds: runs per property, and the time after which a property stops early. */
  runs: number;
  timeLimitMs: number;
}

/** What the suite saw, for the closing note: requests per class and the slowest answer. */
interface FuzzReport {
  requests: Record<string, number>;
  statuses: Record<string, number>;
  /** Broken events sent, per kind of breakage, and valid events stored and read back. */
  cases: Record<string, number>;
  slowestMs: number;
}

const SLOW_MS = 2000;

export function fuzzer(target: FuzzTarget) {
  const report: FuzzReport = { requests: {}, statuses: {}, cases: {}, slowestMs: 0 };
  const count = (kind: string) => (report.cases[kind] = (report.cases[kind] ?? 0) + 1);
  const api = async (kind: string, path: string, init: RequestInit & { token: string }) => {
    const started = performance.now();
    const res = await fetch(`${target.baseUrl}/api/opsfolio${path}`, { ...init, headers: { authorization: `Bearer ${init.token}`, ...init.headers } });
    const text = await res.text();
    const ms = performance.now() - started;
    report.requests[kind] = (report.requests[kind] ?? 0) + 1;
    report.statuses[String(res.status)] = (report.statuses[String(res.status)] ?? 0) + 1;
    report.slowestMs = Math.max(report.slowestMs, ms);
    return { status: res.status, text, ms, json: () => JSON.parse(text) };
  };
  const settings = { numRuns: target.runs, interruptAfterTimeLimit: target.timeLimitMs, markInterruptAsFailure: false, endOnFailure: true };

  /** Every GET route with parameters from its schema and hostile ones: never a 5xx, never slower than 2 s. */
  async function routeParameters() {
    const gets = OPERATIONS.filter(op => op.method === 'GET');
    const request = fc.constantFrom(...gets).chain(op => {
      const known = knownPathValues(op, target.scorecardId);
      const values = op.parameters.map(p => parameterValue(p, p.in === 'path' ? known[p.name] : undefined));
      return fc.tuple(fc.constant(op), fc.tuple(...values), fc.array(queryShape, { minLength: op.parameters.length, maxLength: op.parameters.length }));
    });
    await fc.assert(
      fc.asyncProperty(request, async ([op, values, shapes]) => {
        const url = urlOf(op, values, shapes);
        const res = await api('route parameters', url, { token: target.readToken });
        if (res.status >= 500) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.ms > SLOW_MS) throw new Error(`${url}: answered in ${Math.round(res.ms)} ms`);
      }),
      settings,
    );
  }

  /** Batches of deployments, some with one broken event: 400 and nothing stored, or 200 and every value read back. */
  async function deploymentBatches() {
    let batchNo = 0;
    const mutations: Mutation[] = [
      ...commonMutations('version', 'startedAt'),
      { name: 'finished before started', apply: e => ({ ...e, status: 'success', finishedAt: new Date(Date.parse(String(e.startedAt)) - 60_000).toISOString() }) },
      { name: 'running with finishedAt', apply: e => ({ ...e, status: 'in_progress', finishedAt: e.startedAt }) },
      { name: 'bad commit sha', apply: e => ({ ...e, commitSha: 'not-hex' }) },
    ];
    const event = fc
      .record({
        version: oneLineText(255),
        status: fc.constantFrom('pending', 'in_progress', 'success', 'failure', 'cancelled'),
        startedAt: recentInstant(),
        durationMs: fc.integer({ min: 0, max: 6 * 3_600_000 }),
        url: fc.option(httpUrl, { nil: undefined }),
        actor: fc.option(oneLineText(255), { nil: undefined }),
        commitSha: fc.option(fc.stringMatching(/^[0-9a-f]{7,40}$/), { nil: undefined }),
        externalId: oneLineText(200),
      })
      .map(({ durationMs, ...e }) => ({
        ...e,
        finishedAt: e.status === 'pending' || e.status === 'in_progress' ? undefined : new Date(Math.min(Date.parse(e.startedAt) + durationMs, Date.now())).toISOString(),
      }));
    const batch = fc.array(fc.tuple(event, fc.option(fc.constantFrom(...mutations), { nil: undefined, freq: 3 })), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(batch, async items => {
        const environment = `fuzz-${Date.now()}-${batchNo++}`;
        const events = items.map(([e, mutation], i) => {
          const valid = JSON.parse(JSON.stringify({ ...e, entityRef: FUZZ_ENTITY, environment, externalId: `${e.externalId}#${i}` }));
          return { valid, sent: mutation ? mutation.apply(valid) : valid, mutation: mutation?.name };
        });
        const broken = events.filter(e => e.mutation);
        for (const e of events) count(e.mutation ? `deployment: ${e.mutation}` : broken.length ? 'deployment: valid, in a refused batch' : 'deployment: valid, stored and read back');
        const res = await api('deployment batches', '/deployments', {
          token: target.pushToken,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deployments: events.map(e => e.sent) }),
        });
        const stored = (await api('read back', `${FUZZ_PATH}/deployments?limit=100&environment=${encodeURIComponent(environment)}`, { token: target.readToken })).json();
        if (broken.length) {
          if (res.status !== 400) throw new Error(`batch with ${broken.map(b => b.mutation).join(', ')}: ${res.status} ${res.text.slice(0, 300)}`);
          if (stored.total !== 0) throw new Error(`a refused batch left ${stored.total} deployments behind`);
          return;
        }
        if (res.status !== 200) throw new Error(`valid batch refused: ${res.status} ${res.text.slice(0, 500)}`);
        if (stored.total !== events.length) throw new Error(`stored ${stored.total} of ${events.length}`);
        for (const { valid } of events) {
          const got = stored.items.find((d: { externalId: string }) => d.externalId === valid.externalId);
          const want = { version: valid.version, status: valid.status, startedAt: valid.startedAt, finishedAt: valid.finishedAt, url: valid.url, actor: valid.actor, commitSha: valid.commitSha };
          const have = got && { version: got.version, status: got.status, startedAt: got.startedAt, finishedAt: got.finishedAt, url: got.url, actor: got.actor, commitSha: got.commitSha };
          if (JSON.stringify(have) !== JSON.stringify(want)) throw new Error(`read back ${JSON.stringify(have)}, wrote ${JSON.stringify(want)}`);
        }
      }),
      settings,
    );
  }

  /** Batches of incidents, the same way. */
  async function incidentBatches() {
    let batchNo = 0;
    const mutations: Mutation[] = [
      ...commonMutations('title', 'createdAt'),
      { name: 'resolved before created', apply: e => ({ ...e, status: 'resolved', resolvedAt: new Date(Date.parse(String(e.createdAt)) - 60_000).toISOString() }) },
      { name: 'open with resolvedAt', apply: e => ({ ...e, status: 'triggered', resolvedAt: e.createdAt }) },
      { name: 'resolved without resolvedAt', apply: e => ({ ...e, status: 'resolved', resolvedAt: undefined }) },
      { name: 'bad urgency', apply: e => ({ ...e, urgency: 'urgent' }) },
    ];
    const incident = fc
      .record({
        title: oneLineText(2000),
        status: fc.constantFrom('triggered', 'acknowledged', 'resolved'),
        urgency: fc.option(fc.constantFrom('high', 'low'), { nil: undefined }),
        severity: fc.option(oneLineText(32), { nil: undefined }),
        createdAt: recentInstant(),
        ackMs: fc.integer({ min: 0, max: 3_600_000 }),
        resolveMs: fc.integer({ min: 0, max: 24 * 3_600_000 }),
        url: fc.option(httpUrl, { nil: undefined }),
        externalId: oneLineText(200),
      })
      .map(({ ackMs, resolveMs, ...e }) => {
        const created = Date.parse(e.createdAt);
        const acked = Math.min(created + ackMs, Date.now());
        return {
          ...e,
          acknowledgedAt: e.status === 'triggered' ? undefined : new Date(acked).toISOString(),
          resolvedAt: e.status === 'resolved' ? new Date(Math.min(acked + resolveMs, Date.now())).toISOString() : undefined,
        };
      });
    const batch = fc.array(fc.tuple(incident, fc.option(fc.constantFrom(...mutations), { nil: undefined, freq: 3 })), { minLength: 1, maxLength: 3 });
    const run = `fuzz-${Date.now()}`;
    await fc.assert(
      fc.asyncProperty(batch, async items => {
        const prefix = `${run}-${batchNo++}`;
        const events = items.map(([e, mutation], i) => {
          const valid = JSON.parse(JSON.stringify({ ...e, entityRef: FUZZ_ENTITY, externalId: `${prefix}#${i}#${e.externalId}` }));
          return { valid, sent: mutation ? mutation.apply(valid) : valid, mutation: mutation?.name };
        });
        const broken = events.filter(e => e.mutation);
        for (const e of events) count(e.mutation ? `incident: ${e.mutation}` : broken.length ? 'incident: valid, in a refused batch' : 'incident: valid, stored and read back');
        const res = await api('incident batches', '/incidents', {
          token: target.pushToken,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ incidents: events.map(e => e.sent) }),
        });
        const stored = await incidentsWithPrefix(prefix);
        if (broken.length) {
          if (res.status !== 400) throw new Error(`batch with ${broken.map(b => b.mutation).join(', ')}: ${res.status} ${res.text.slice(0, 300)}`);
          if (stored.length) throw new Error(`a refused batch left ${stored.length} incidents behind`);
          return;
        }
        if (res.status !== 200) throw new Error(`valid batch refused: ${res.status} ${res.text.slice(0, 500)}`);
        for (const { valid } of events) {
          const got = stored.find(i => i.externalId === valid.externalId);
          const fields = ['title', 'status', 'urgency', 'severity', 'createdAt', 'acknowledgedAt', 'resolvedAt', 'url'];
          const pick = (o: any) => o && Object.fromEntries(fields.map(f => [f, o[f]]));
          if (JSON.stringify(pick(got)) !== JSON.stringify(pick(valid))) throw new Error(`read back ${JSON.stringify(pick(got))}, wrote ${JSON.stringify(pick(valid))}`);
        }
      }),
      settings,
    );
  }

  async function incidentsWithPrefix(prefix: string): Promise<any[]> {
    const found: any[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await api('read back', `${FUZZ_PATH}/incidents?limit=100&offset=${offset}`, { token: target.readToken })).json();
      found.push(...page.items.filter((i: { externalId: string }) => i.externalId.startsWith(`${prefix}#`)));
      if (offset + 100 >= page.total) return found;
    }
  }

  return { routeParameters, deploymentBatches, incidentBatches, report };
}

/** The request path of an operation with these values, each query value written in its shape. */
function urlOf(op: Operation, values: string[], shapes: string[]): string {
  const pathValues = Object.fromEntries(op.parameters.map((p, i) => [p.name, values[i]]));
  const query = op.parameters
    .map((p, i) => ({ p, value: values[i], shape: shapes[i] }))
    .filter(({ p }) => p.in === 'query')
    .flatMap(({ p, value, shape }) => {
      const v = encodeURIComponent(value);
      if (shape === 'array') return [`${p.name}[]=${v}`];
      if (shape === 'repeated') return [`${p.name}=${v}`, `${p.name}=${v}`];
      if (shape === 'object') return [`${p.name}[a]=${v}`];
      return [`${p.name}=${v}`];
    });
  return `${fillPath(op, pathValues)}${query.length ? `?${query.join('&')}` : ''}`;
}
