import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Response as SuperagentResponse } from 'superagent';
import { createSimulator } from '../server';
import { testScenario, TEST_NOW } from '../testing/fixtures';
import { pathPattern } from './faultRule';

const REPO = '/github/repos/acme/payments-api';

let app: Express;
beforeEach(() => {
  app = createSimulator({ scenario: testScenario(), now: () => TEST_NOW });
});

async function addFault(rule: Record<string, unknown>) {
  const res = await request(app).post('/_control/faults').send(rule);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

async function statuses(path: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await request(app).get(path)).status);
  return out;
}

/** Keep the body as text: supertest would otherwise fail on the (deliberately) broken JSON. */
const rawText = (res: SuperagentResponse, done: (err: Error | null, body: unknown) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
};

describe('fault injection', () => {
  it('answers with a status and Retry-After in the vendor own error shape', async () => {
    const fault = await addFault({ vendor: 'github', path: '/repos/*/*', status: 429, retryAfter: 30 });
    expect(fault.id).toMatch(/^fault-\d+$/);

    const res = await request(app).get(REPO).expect(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toMatchObject({ message: 'Too Many Requests', documentation_url: expect.any(String) });

    const log = await request(app).get('/_control/requests?vendor=github');
    expect(log.body.requests[0]).toMatchObject({ status: 429, faultId: fault.id });

    await addFault({ vendor: 'pagerduty', path: '/**', status: 503 });
    const pd = await request(app).get('/pagerduty/oncalls').expect(503);
    expect(pd.body).toEqual({ error: { message: 'Service Unavailable', errors: [] } });
  });

  it('can replace the body and add headers', async () => {
    await addFault({
      vendor: 'github',
      path: REPO, // the vendor prefix is accepted too
      status: 403,
      body: { message: 'API rate limit exceeded for installation.' },
      headers: { 'x-ratelimit-remaining': '0' },
    });
    const res = await request(app).get(REPO).expect(403);
    expect(res.body).toEqual({ message: 'API rate limit exceeded for installation.' });
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('headers alone pass through to the vendor and win over its own headers', async () => {
    await addFault({ vendor: 'github', path: '/repos/*/*', headers: { 'x-ratelimit-remaining': '0' } });
    const res = await request(app).get(REPO).expect(200);
    expect(res.body.full_name).toBe('acme/payments-api');
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    expect(res.headers['x-ratelimit-used']).toBe('1');
  });

  it('delays the response, and logs a client that gave up', async () => {
    await addFault({ vendor: 'github', path: '/repos/*/*', delayMs: 300 });
    const started = Date.now();
    const res = await request(app).get(REPO).expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.body.name).toBe('payments-api');

    await expect(request(app).get(REPO).timeout(50)).rejects.toThrow(/timeout/i);
    await new Promise((r) => setTimeout(r, 400));
    const log = await request(app).get('/_control/requests?vendor=github');
    expect(log.body.requests[1]).toMatchObject({ aborted: true });
  });

  it('sends a truncated, invalid JSON body with 200', async () => {
    await addFault({ vendor: 'github', path: '/repos/*/*', malformedBody: true });
    const res = await request(app).get(REPO).buffer(true).parse(rawText).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const text = res.body as string;
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"id":')).toBe(true);

    await request(app).delete('/_control/faults').expect(204);
    const whole = await request(app).get(REPO).buffer(true).parse(rawText);
    expect((whole.body as string).startsWith(text)).toBe(true);
  });

  it('applies to the next N requests only (times)', async () => {
    const fault = await addFault({ vendor: 'github', path: '/repos/*/*', status: 503, times: 2 });
    expect(await statuses(REPO, 4)).toEqual([503, 503, 200, 200]);
    const listed = await request(app).get('/_control/faults');
    expect(listed.body.faults).toEqual([
      expect.objectContaining({ id: fault.id, matched: 4, applied: 2, exhausted: true }),
    ]);
  });

  it('applies to the Nth matching request only (onNth), e.g. page 3', async () => {
    await addFault({ vendor: 'github', path: '/repos/*/*', status: 500, onNth: 3 });
    expect(await statuses(REPO, 5)).toEqual([200, 200, 500, 200, 200]);

    await request(app).delete('/_control/faults');
    await addFault({ vendor: 'github', path: '/repos/*/*', query: { page: '3' }, status: 502 });
    expect((await request(app).get(`${REPO}?page=2`)).status).toBe(200);
    expect((await request(app).get(`${REPO}?page=3`)).status).toBe(502);
  });

  it('matches method, path pattern and request headers', async () => {
    await addFault({ vendor: 'github', method: 'post', path: '/repos/*/*', status: 500 });
    await addFault({ vendor: 'github', path: '/repos/*/*', requestHeaders: { 'x-test': 'yes' }, status: 418 });
    await request(app).get(REPO).expect(200);
    await request(app).get(REPO).set('X-Test', 'yes').expect(418);
    await request(app).get('/github/repos/acme').expect(404); // one segment short: no match, plain 404
    await request(app).post(REPO).expect(500);
  });

  it('lists, deletes one and deletes all rules', async () => {
    const a = await addFault({ vendor: 'github', path: '/repos/*/*', status: 500 });
    const b = await addFault({ vendor: 'gitlab', path: '/projects/**', status: 500 });
    expect((await request(app).get('/_control/faults')).body.faults.map((f: { id: string }) => f.id)).toEqual([a.id, b.id]);

    await request(app).delete(`/_control/faults/${a.id}`).expect(204);
    await request(app).delete(`/_control/faults/${a.id}`).expect(404);
    await request(app).get(REPO).expect(200);
    await request(app).get('/gitlab/api/v4/projects/42/deployments').expect(500);

    await request(app).delete('/_control/faults').expect(204);
    expect((await request(app).get('/_control/faults')).body.faults).toEqual([]);
  });

  it('rejects a bad rule with 400 listing what is wrong', async () => {
    const res = await request(app)
      .post('/_control/faults')
      .send({ vendor: 'bitbucket', path: 'repos', status: 99, times: 0, colour: 'red' })
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['vendor', 'path', 'status', 'times']));
    expect(res.body.error.message).toMatch(/^Invalid fault rule: /);
    expect(res.body.error.message).toContain('colour');

    const noEffect = await request(app).post('/_control/faults').send({ vendor: 'github', path: '/x' }).expect(400);
    expect(noEffect.body.error.message).toContain('give at least one effect');

    const retryWithoutStatus = await request(app)
      .post('/_control/faults')
      .send({ vendor: 'github', path: '/x', retryAfter: 5 })
      .expect(400);
    expect(retryWithoutStatus.body.error.issues).toEqual([{ path: 'retryAfter', message: 'needs a status, e.g. 429 or 503' }]);

    const notJson = await request(app)
      .post('/_control/faults')
      .set('Content-Type', 'application/json')
      .send('{"vendor":')
      .expect(400);
    expect(notJson.body.error.name).toBe('InputError');
  });
});

describe('pathPattern', () => {
  it('treats * as one segment and ** as anything', () => {
    expect(pathPattern('/repos/*/*').test('/repos/acme/payments-api')).toBe(true);
    expect(pathPattern('/repos/*/*').test('/repos/acme/payments-api/deployments')).toBe(false);
    expect(pathPattern('/repos/**').test('/repos/acme/payments-api/deployments')).toBe(true);
    expect(pathPattern('/repos/*/*/deployments').test('/repos/acme/x/deployments/')).toBe(true);
    expect(pathPattern('/a.b').test('/aXb')).toBe(false);
    expect(pathPattern('/').test('/')).toBe(true);
  });
});
