import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../server';
import { testScenario, TEST_NOW } from '../../testing/fixtures';

const app = () => createSimulator({ scenario: testScenario(), now: () => TEST_NOW });

describe('GitHub GET /repos/:owner/:repo', () => {
  it('returns the repository in GitHub shape', async () => {
    const res = await request(app())
      .get('/github/repos/acme/payments-api')
      .set('Authorization', 'Bearer test-token')
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'created_at',
        'default_branch',
        'full_name',
        'html_url',
        'id',
        'name',
        'node_id',
        'owner',
        'private',
        'pushed_at',
        'updated_at',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      name: 'payments-api',
      full_name: 'acme/payments-api',
      private: true,
      owner: { login: 'acme', type: 'Organization' },
      html_url: 'https://github.com/acme/payments-api',
      default_branch: 'main',
    });
    expect(res.body.id).toEqual(expect.any(Number));
    expect(res.body.owner.id).toEqual(expect.any(Number));
    expect(Buffer.from(res.body.node_id, 'base64').toString()).toBe(`010:Repository${res.body.id}`);
    for (const key of ['created_at', 'updated_at', 'pushed_at']) {
      expect(res.body[key]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(res.headers['x-github-api-version-selected']).toBe('2022-11-28');
  });

  it('matches owner and name case-insensitively, like GitHub', async () => {
    const res = await request(app()).get('/github/repos/ACME/Payments-API').expect(200);
    expect(res.body.full_name).toBe('acme/payments-api');
  });

  it('answers GitHub-style 404s for unknown and GitLab-only repositories', async () => {
    const simulator = app();
    for (const path of ['/github/repos/acme/unknown', '/github/repos/acme/payouts-worker']) {
      const res = await request(simulator).get(path).expect(404);
      expect(res.body).toMatchObject({
        message: 'Not Found',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
      });
    }
    const unknownRoute = await request(simulator).get('/github/nope').expect(404);
    expect(unknownRoute.body.message).toBe('Not Found');
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const simulator = app();
    const first = await request(simulator).get('/github/repos/acme/payments-api').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const again = await request(simulator).get('/github/repos/acme/payments-api').set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);

    await request(simulator).get('/github/repos/acme/payments-api').set('If-None-Match', `W/${etag}`).expect(304);
    await request(simulator).get('/github/repos/acme/payments-api').set('If-None-Match', '"other", ' + etag).expect(304);
    await request(simulator).get('/github/repos/acme/payments-api').set('If-None-Match', '"stale"').expect(200);
  });

  it('gives a new ETag when the data moves with the date', async () => {
    let now = TEST_NOW;
    const simulator = createSimulator({ scenario: testScenario(), now: () => now });
    const today = await request(simulator).get('/github/repos/acme/payments-api');
    now = new Date(TEST_NOW.getTime() + 86_400_000);
    const tomorrow = await request(simulator).get('/github/repos/acme/payments-api').set('If-None-Match', today.headers.etag!);
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers.etag).not.toBe(today.headers.etag);
  });

  it('sends the rate-limit headers; a 304 does not count', async () => {
    const simulator = app();
    const first = await request(simulator).get('/github/repos/acme/payments-api');
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.ceil(TEST_NOW.getTime() / 1000) + 3600),
    });
    const notModified = await request(simulator)
      .get('/github/repos/acme/payments-api')
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
    expect(notModified.headers['x-ratelimit-used']).toBe('1');
    const notFound = await request(simulator).get('/github/repos/acme/unknown').expect(404);
    expect(notFound.headers['x-ratelimit-remaining']).toBe('4998');
  });

  it('rejects an unknown X-GitHub-Api-Version', async () => {
    const res = await request(app()).get('/github/repos/acme/payments-api').set('X-GitHub-Api-Version', '1999-01-01');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('X-GitHub-Api-Version');
  });
});
