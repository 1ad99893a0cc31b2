import { inspect } from 'node:util';
import { z } from 'zod';
import { createVendorClient } from './client';
import { VendorHttpError } from './errors';
import type { VendorClient, VendorClientOptions } from './types';
import { type TestHandler, type TestServer, sendJson, startServer } from './testServer';

const TOKEN = 'Token token=pd-s3cr3t-abcdef123456';

let server: TestServer | undefined;
let client: VendorClient | undefined;
let sleeps: number[];
let warnings: string[];

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

beforeEach(() => {
  sleeps = [];
  warnings = [];
});

async function setup(handler: TestHandler, options: Partial<VendorClientOptions> = {}) {
  server = await startServer(handler);
  client = createVendorClient({
    vendor: 'pagerduty',
    baseUrl: server.origin,
    headers: { Authorization: TOKEN },
    minDelayMs: 10,
    maxDelayMs: 100,
    // Records the waits the client asks for instead of waiting; real-time tests pass their own.
    sleep: async ms => void sleeps.push(ms),
    logger: {
      warn: (message: string) => void warnings.push(message),
      info: () => {},
      debug: () => {},
    },
    ...options,
  });
  return { server, client };
}

async function failure(promise: Promise<unknown>): Promise<VendorHttpError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorHttpError);
  return err as VendorHttpError;
}

describe('createVendorClient', () => {
  it('waits for Retry-After: 2 in real time and then succeeds', async () => {
    const { client } = await setup(
      (_req, res, hit) =>
        hit === 1 ? sendJson(res, 429, { error: { message: 'Too many' } }, { 'retry-after': '2' }) : sendJson(res, 200, { ok: true }),
      { sleep: undefined },
    );
    const started = Date.now();
    const res = await client.getJson<{ ok: boolean }>('/oncalls');
    const elapsed = Date.now() - started;
    expect(res.body).toEqual({ ok: true });
    expect(res.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(elapsed).toBeLessThan(4000);
    expect(client.stats()).toEqual({ requests: 2, retries: 1, byStatus: { 429: 1, 200: 1 }, errors: 0 });
    expect(warnings).toEqual(['pagerduty GET /oncalls: 429 Too Many Requests; retrying in 2000 ms (attempt 2 of 4)']);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.UTC(2026, 0, 5, 12, 0, 0);
    const { client } = await setup(
      (_req, res, hit) =>
        hit === 1
          ? sendJson(res, 503, {}, { 'retry-after': new Date(now + 3000).toUTCString() })
          : sendJson(res, 200, []),
      { now: () => now },
    );
    await client.getJson('/incidents');
    expect(sleeps).toEqual([3000]);
  });

  it('gives up on 5 straight 503s with a clear error', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 503, { error: 'down' }), { maxAttempts: 5 });
    const err = await failure(client.getJson('/oncalls', { query: { 'escalation_policy_ids[]': ['P1', 'P2'] } }));
    expect(err.message).toBe('pagerduty GET /oncalls failed after 5 attempts: 503 Service Unavailable');
    expect(err).toMatchObject({ status: 503, attempts: 5, retryable: true, kind: 'status', route: '/oncalls', detail: 'down' });
    expect(server.hits).toHaveLength(5);
    expect(server.hits[0].url).toBe('/oncalls?escalation_policy_ids%5B%5D=P1&escalation_policy_ids%5B%5D=P2');
    expect(client.stats()).toEqual({ requests: 5, retries: 4, byStatus: { 503: 5 }, errors: 0 });
  });

  it('times out a hung server within bounds', async () => {
    const { client, server } = await setup(() => {}, { timeoutMs: 100, maxAttempts: 2, sleep: undefined });
    const started = Date.now();
    const err = await failure(client.getJson('/schedules'));
    const elapsed = Date.now() - started;
    expect(err.message).toBe('pagerduty GET /schedules failed after 2 attempts: timed out after 100 ms');
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, attempts: 2 });
    expect(server.hits).toHaveLength(2);
    // undici checks its timeouts on a ~0.5 s clock, so each attempt ends between 100 ms and ~1.1 s.
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(3000);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, errors: 2 });
  });

  it('fails on a malformed body naming vendor and route, without retrying', async () => {
    const { client, server } = await setup((req, res) => {
      if (req.url === '/v2/schedules') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [1, 2');
      }
    }, { vendor: 'opsgenie' });
    const empty = await failure(client.getJson('/v2/schedules'));
    expect(empty.message).toBe('opsgenie GET /v2/schedules returned a malformed body: Unexpected end of JSON input');
    expect(empty).toMatchObject({ kind: 'malformed', retryable: false, attempts: 1 });
    const cut = await failure(client.getJson('/v2/teams'));
    expect(cut.message).toMatch(/^opsgenie GET \/v2\/teams returned a malformed body: /);
    expect(server.hits).toHaveLength(2);
    expect(client.stats().retries).toBe(0);
  });

  it('fails on a schema mismatch naming the field', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { oncalls: [{ user: { id: 7 } }] }));
    const schema = z.object({ oncalls: z.array(z.object({ user: z.object({ id: z.string() }) })) });
    const err = await failure(client.getJson('/oncalls', { schema }));
    expect(err.message).toMatch(/^pagerduty GET \/oncalls returned a malformed body: oncalls\[0\]\.user\.id: /);
    expect(err.kind).toBe('malformed');
  });

  it('returns the schema output type on success', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { oncalls: [{ user: { id: 'U1' } }] }));
    const schema = z.object({ oncalls: z.array(z.object({ user: z.object({ id: z.string() }) })) });
    const res = await client.getJson('/oncalls', { schema });
    const id: string = res.body.oncalls[0].user.id;
    expect(id).toBe('U1');
  });

  it('does not retry a 404', async () => {
    const { client, server } = await setup((_req, res) =>
      sendJson(res, 404, { error: { message: 'Not Found', code: 2100 } }),
    );
    const err = await failure(client.getJson('/services/PX'));
    expect(err.message).toBe('pagerduty GET /services/PX failed after 1 attempt: 404 Not Found');
    expect(err).toMatchObject({ status: 404, retryable: false, detail: 'Not Found' });
    expect(server.hits).toHaveLength(1);
    expect(client.stats()).toEqual({ requests: 1, retries: 0, byStatus: { 404: 1 }, errors: 0 });
  });

  it('returns a 304 for a matching ETag as notModified', async () => {
    const { client, server } = await setup((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else sendJson(res, 200, { services: [] }, { etag: '"v1"' });
    });
    const first = await client.getJson('/services');
    expect(first).toMatchObject({ status: 200, notModified: false, body: { services: [] } });
    const second = await client.getJson('/services', { ifNoneMatch: first.headers.etag });
    expect(second).toEqual({ status: 304, headers: expect.objectContaining({ etag: '"v1"' }), body: undefined, notModified: true });
    expect(server.hits).toHaveLength(2);
  });

  it('honours X-RateLimit-Reset (epoch seconds) on a 429', async () => {
    const now = 1_767_614_400_000;
    const { client } = await setup(
      (_req, res, hit) =>
        hit === 1
          ? sendJson(res, 429, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 5) })
          : sendJson(res, 200, {}),
      { now: () => now },
    );
    await client.getJson('/repos/o/r/deployments');
    expect(sleeps).toEqual([5000]);
  });

  it('retries a 403 whose quota is exhausted, using RateLimit-Reset (delta seconds)', async () => {
    const { client } = await setup((_req, res, hit) =>
      hit === 1
        ? sendJson(res, 403, {}, { 'ratelimit-remaining': '0', 'ratelimit-reset': '7' })
        : sendJson(res, 200, {}),
    );
    await client.getJson('/projects/1/deployments');
    expect(sleeps).toEqual([7000]);
  });

  it('does not retry a plain 403', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 403, { message: 'Forbidden' }));
    const err = await failure(client.getJson('/projects/1'));
    expect(err).toMatchObject({ status: 403, retryable: false, attempts: 1 });
    expect(server.hits).toHaveLength(1);
  });

  it('caps server-asked waits at maxRetryAfterMs', async () => {
    const { client } = await setup(
      (_req, res, hit) => (hit === 1 ? sendJson(res, 429, {}, { 'retry-after': '3600' }) : sendJson(res, 200, {})),
      { maxRetryAfterMs: 1500 },
    );
    await client.getJson('/oncalls');
    expect(sleeps).toEqual([1500]);
  });

  it('backs off exponentially with equal jitter within bounds', async () => {
    const randoms = [0, 1, 0.5, 0.25];
    const { client } = await setup((_req, res, hit) => (hit <= 4 ? sendJson(res, 502, {}) : sendJson(res, 200, {})), {
      minDelayMs: 100,
      maxDelayMs: 300,
      maxAttempts: 5,
      random: () => randoms.shift() ?? 0,
    });
    await client.getJson('/incidents');
    // steps 100, 200, 300 (capped), 300; equal jitter waits between half the step and the step.
    expect(sleeps).toEqual([50, 200, 225, 188]);
  });

  it('backs off with full jitter between 0 and the step', async () => {
    const { client } = await setup((_req, res, hit) => (hit <= 3 ? sendJson(res, 500, {}) : sendJson(res, 200, {})), {
      minDelayMs: 100,
      maxDelayMs: 1000,
      jitter: 'full',
      random: () => 0.5,
    });
    await client.getJson('/incidents');
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('retries a reset connection (socket hang up)', async () => {
    const { client } = await setup((_req, res, hit, raw) => (hit === 1 ? raw.socket.destroy() : sendJson(res, 200, { ok: 1 })));
    const res = await client.getJson('/oncalls');
    expect(res.body).toEqual({ ok: 1 });
    expect(client.stats()).toEqual({ requests: 2, retries: 1, byStatus: { 200: 1 }, errors: 1 });
  });

  it('fetches again when a body breaks off after the headers', async () => {
    const { client, server } = await setup((_req, res, hit, raw) => {
      if (hit === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"services": [');
        setTimeout(() => raw.socket.destroy(), 20);
      } else sendJson(res, 200, { services: [] });
    });
    const res = await client.getJson('/services');
    expect(res.body).toEqual({ services: [] });
    expect(server.hits).toHaveLength(2);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('reports a refused connection after its attempts', async () => {
    const { server } = await setup(() => {});
    const origin = server.origin;
    await server.close();
    client = createVendorClient({ vendor: 'gitlab', baseUrl: `${origin}/api/v4`, maxAttempts: 3, sleep: async () => {} });
    const err = await failure(client.getJson('/projects/1/deployments'));
    expect(err.message).toMatch(/^gitlab GET \/projects\/1\/deployments failed after 3 attempts: network error ECONNREFUSED/);
    expect(err).toMatchObject({ kind: 'network', retryable: true });
    expect(client.stats()).toEqual({ requests: 3, retries: 2, byStatus: {}, errors: 3 });
  });

  it('posts JSON and retries a POST on 429 but not on 503', async () => {
    const { client, server } = await setup((req, res, hit) => {
      if (hit === 1) sendJson(res, 429, {}, { 'retry-after': '0' });
      else if (req.url === '/analytics') sendJson(res, 200, { total: 3 });
      else sendJson(res, 503, {});
    });
    const res = await client.postJson<{ total: number }>('/analytics', { filters: { urgency: 'high' } });
    expect(res.body.total).toBe(3);
    expect(server.hits[1]).toMatchObject({ method: 'POST', body: '{"filters":{"urgency":"high"}}' });
    expect(server.hits[1].headers['content-type']).toBe('application/json');
    const err = await failure(client.postJson('/incidents', { title: 'x' }));
    expect(err).toMatchObject({ status: 503, attempts: 1 });
    expect(server.hits).toHaveLength(3);
  });

  it('keeps the base path and refuses other origins', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 200, {}), {});
    const gitlab = createVendorClient({ vendor: 'gitlab', baseUrl: `${server.origin}/api/v4/` });
    await gitlab.getJson('projects/1', { query: { per_page: 100, archived: false, skip: undefined } });
    expect(server.hits[0].url).toBe('/api/v4/projects/1?per_page=100&archived=false');
    await expect(gitlab.getJson('https://evil.example/api/v4/projects')).rejects.toThrow(/refusing to send a request to https:\/\/evil.example/);
    await gitlab.close();
    expect(client.vendor).toBe('pagerduty');
  });

  it('stops waiting when the caller aborts', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 429, {}, { 'retry-after': '30' }), { sleep: undefined });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(client.getJson('/oncalls', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0 });
  });

  it('never lets the token out, in messages, details, logs or causes', async () => {
    const secret = 'pd-s3cr3t-abcdef123456';
    const { client } = await setup(
      (req, res) => {
        const auth = String(req.headers.authorization);
        if (req.url === '/echo-error') sendJson(res, 401, { error: { message: `bad credentials ${auth}` } });
        else if (req.url === '/echo-retry') sendJson(res, 500, { message: auth });
        else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`oops ${'x'.repeat(5)} ${auth} and more text`);
        }
      },
      { maxAttempts: 2 },
    );
    const errors = [
      await failure(client.getJson('/echo-error')),
      await failure(client.getJson('/echo-retry')),
      await failure(client.getJson('/echo-body')),
    ];
    for (const err of errors) {
      const everything = [err.message, err.detail ?? '', inspect(err, { depth: 5 }), JSON.stringify(err)].join('\n');
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(0, 10));
    }
    expect(errors[0].detail).toBe('bad credentials ***');
    expect(errors[2].message).toContain('oops xxxxx ***');
    expect(warnings.join('\n')).not.toContain(secret);
  });

  it('counts every attempt and resets', async () => {
    const { client } = await setup((_req, res, hit) => (hit % 2 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    await client.getJson('/a');
    await client.getJson('/b');
    expect(client.stats()).toEqual({ requests: 4, retries: 2, byStatus: { 503: 2, 200: 2 }, errors: 0 });
    client.resetStats();
    expect(client.stats()).toEqual({ requests: 0, retries: 0, byStatus: {}, errors: 0 });
  });
});
