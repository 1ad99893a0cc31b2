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

  /**
   * Batches of events, some with one broken event: a batch with a broken event is a 400 that stores nothing, a
   * valid one is a 200 and every value is read back as written. `tag` makes a batch's events findable.
   */
  async function batchProperty<E extends Record<string, unknown>>(options: {
    kind: 'deployments' | 'incidents';
    event: fc.Arbitrary<E>;
    mutations: Mutation[];
    /** The event as sent when valid: on the fuzz entity, findable by `tag`. */
    place(event: E, tag: string, index: number): Record<string, unknown>;
    /** The stored events of a batch. */
    readBack(tag: string): Promise<Array<Record<string, unknown>>>;
    /** The fields compared after a read back. */
    fields: string[];
  }) {
    let batchNo = 0;
    const run = Date.now();
    // One event in four carries a defect: about half the batches are refused, half stored and read back.
    const defect = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...options.mutations) });
    const batch = fc.array(fc.tuple(options.event, defect), { minLength: 1, maxLength: 4 });
    const pick = (o: Record<string, unknown> | undefined) => o && Object.fromEntries(options.fields.map(f => [f, o[f]]));
    await fc.assert(
      fc.asyncProperty(batch, async items => {
        const tag = `fuzz-${run}-${batchNo++}`;
        const events = items.map(([e, mutation], i) => {
          // Through JSON, as the server sees it: undefined fields are left out.
          const valid = JSON.parse(JSON.stringify(options.place(e, tag, i)));
          return { valid, sent: mutation ? mutation.apply(valid) : valid, mutation: mutation?.name };
        });
        const broken = events.filter(e => e.mutation);
        const label = options.kind.slice(0, -1);
        for (const e of events) count(`${label}: ${e.mutation ?? (broken.length ? 'valid, in a refused batch' : 'valid, stored and read back')}`);
        const res = await api(`${label} batches`, `/${options.kind}`, {
          token: target.pushToken,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ [options.kind]: events.map(e => e.sent) }),
        });
        const stored = await options.readBack(tag);
        if (broken.length) {
          if (res.status !== 400) throw new Error(`batch with ${broken.map(b => b.mutation).join(', ')}: ${res.status} ${res.text.slice(0, 300)}`);
          if (stored.length) throw new Error(`a refused batch left ${stored.length} ${options.kind} behind`);
          return;
        }
        if (res.status !== 200) throw new Error(`valid batch refused: ${res.status} ${res.text.slice(0, 500)}`);
        if (stored.length !== events.length) throw new Error(`stored ${stored.length} of ${events.length}`);
        for (const { valid } of events) {
          const got = stored.find(d => d.externalId === valid.externalId);
          if (JSON.stringify(pick(got)) !== JSON.stringify(pick(valid))) throw new Error(`read back ${JSON.stringify(pick(got))}, wrote ${JSON.stringify(pick(valid))}`);
        }
      }),
      settings,
    );
  }

  /** Deployment batches; a batch's events share an environment of their own. */
  function deploymentBatches() {
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
    return batchProperty({
      kind: 'deployments',
      event,
      mutations: [
        ...commonMutations('version', 'startedAt'),
        { name: 'finished before started', apply: e => ({ ...e, status: 'success', finishedAt: new Date(Date.parse(String(e.startedAt)) - 60_000).toISOString() }) },
        { name: 'running with finishedAt', apply: e => ({ ...e, status: 'in_progress', finishedAt: e.startedAt }) },
        { name: 'bad commit sha', apply: e => ({ ...e, commitSha: 'not-hex' }) },
      ],
      // The tag in the id too: a random id met again in a later batch would be an update of that deployment (a
      // finished one keeps its status), not the new one the check reads back.
      place: (e, tag, i) => ({ ...e, entityRef: FUZZ_ENTITY, environment: tag, externalId: `${tag}#${i}#${e.externalId}` }),
      readBack: async tag => (await api('read back', `${FUZZ_PATH}/deployments?limit=100&environment=${encodeURIComponent(tag)}`, { token: target.readToken })).json().items,
      fields: ['version', 'status', 'startedAt', 'finishedAt', 'url', 'actor', 'commitSha'],
    });
  }

  /** Incident batches; a batch's events share an externalId prefix. */
  function incidentBatches() {
    const event = fc
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
        const acked = Math.min(Date.parse(e.createdAt) + ackMs, Date.now());
        return {
          ...e,
          acknowledgedAt: e.status === 'triggered' ? undefined : new Date(acked).toISOString(),
          resolvedAt: e.status === 'resolved' ? new Date(Math.min(acked + resolveMs, Date.now())).toISOString() : undefined,
        };
      });
    return batchProperty({
      kind: 'incidents',
      event,
      mutations: [
        ...commonMutations('title', 'createdAt'),
        { name: 'resolved before created', apply: e => ({ ...e, status: 'resolved', resolvedAt: new Date(Date.parse(String(e.createdAt)) - 60_000).toISOString() }) },
        { name: 'open with resolvedAt', apply: e => ({ ...e, status: 'triggered', resolvedAt: e.createdAt }) },
        { name: 'resolved without resolvedAt', apply: e => ({ ...e, status: 'resolved', resolvedAt: undefined }) },
        { name: 'bad urgency', apply: e => ({ ...e, urgency: 'urgent' }) },
      ],
      place: (e, tag, i) => ({ ...e, entityRef: FUZZ_ENTITY, externalId: `${tag}#${i}#${e.externalId}` }),
      readBack: incidentsTagged,
      fields: ['title', 'status', 'urgency', 'severity', 'createdAt', 'acknowledgedAt', 'resolvedAt', 'url'],
    });
  }

  async function incidentsTagged(tag: string): Promise<Array<Record<string, unknown>>> {
    const found: any[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await api('read back', `${FUZZ_PATH}/incidents?limit=100&offset=${offset}`, { token: target.readToken })).json();
      found.push(...page.items.filter((i: { externalId: string }) => i.externalId.startsWith(`${tag}#`)));
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
