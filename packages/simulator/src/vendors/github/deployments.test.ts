import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { deployHistory } from '../../data/deployHistory';
import { createSimulator } from '../../server';
import { testScenario, TEST_NOW } from '../../testing/fixtures';

const scenario = testScenario();
const app = () => createSimulator({ scenario, now: () => TEST_NOW });
const model = (component: string) => deployHistory({ scenario, now: () => TEST_NOW }, component)!;
const LIST = '/github/repos/acme/payments-api/deployments';
const HOST = 'sim.test:7081';
/** supertest gives each request a new port: a fixed Host keeps URLs (and so ETags) comparable */
const get = (simulator: ReturnType<typeof app>, path: string) => request(simulator).get(path).set('Host', HOST);

/** rel -> URL from a Link header */
function links(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(', ').filter(Boolean)) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    expect(match, part).not.toBeNull();
    out[match![2]!] = match![1]!;
  }
  return out;
}

const REQUIRED = [
  'id', 'node_id', 'sha', 'ref', 'task', 'environment', 'creator', 'payload', 'description',
  'statuses_url', 'repository_url', 'url', 'created_at', 'updated_at',
];

describe('GitHub GET /repos/:owner/:repo/deployments', () => {
  it('lists deployments newest first in GitHub shape', async () => {
    const res = await get(app(), LIST).expect(200).expect('Content-Type', /application\/json/);
    expect(res.body).toHaveLength(30);
    const newest = model('payments-api').deploys.at(-1)!;
    const item = res.body[0];
    for (const key of REQUIRED) expect(item, key).toHaveProperty(key);
    expect(item).toMatchObject({
      id: newest.id,
      node_id: Buffer.from(`010:Deployment${newest.id}`).toString('base64'),
      sha: newest.sha,
      ref: 'main',
      task: 'deploy',
      payload: {},
      environment: newest.environment,
      original_environment: newest.environment,
      production_environment: newest.production,
      transient_environment: false,
      created_at: newest.createdAt.toISOString().replace('.000Z', 'Z'),
      creator: { login: 'ada-okafor', type: 'User', site_admin: false, id: expect.any(Number) },
    });
    const host = HOST;
    expect(item.url).toBe(`http://${host}/github/repos/acme/payments-api/deployments/${newest.id}`);
    expect(item.statuses_url).toBe(`${item.url}/statuses`);
    expect(item.repository_url).toBe(`http://${host}/github/repos/acme/payments-api`);
    const created = res.body.map((d: { created_at: string }) => d.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('sends commit_sha instead of sha with X-GitHub-Api-Version 2026-03-10', async () => {
    const simulator = app();
    const old = await get(simulator, `${LIST}?per_page=1`).set('X-GitHub-Api-Version', '2022-11-28');
    const next = await get(simulator, `${LIST}?per_page=1`).set('X-GitHub-Api-Version', '2026-03-10');
    expect(old.body[0].sha).toMatch(/^[0-9a-f]{40}$/);
    expect(old.body[0]).not.toHaveProperty('commit_sha');
    expect(next.body[0].commit_sha).toBe(old.body[0].sha);
    expect(next.body[0]).not.toHaveProperty('sha');
    expect(next.headers['x-github-api-version-selected']).toBe('2026-03-10');
    const single = await get(simulator, `${LIST}/${old.body[0].id}`)
      .set('X-GitHub-Api-Version', '2026-03-10')
      .expect(200);
    expect(single.body.commit_sha).toBe(old.body[0].sha);
  });

  it('paginates with a Link header like GitHub, and the pages add up to the model', async () => {
    const simulator = app();
    const expected = model('payments-api').deploys.map((d) => d.id).reverse();
    const first = await get(simulator, `${LIST}?per_page=100`).expect(200);
    const lastPage = Math.ceil(expected.length / 100);
    const rels = links(first.headers.link);
    expect(Object.keys(rels)).toEqual(['next', 'last']);
    const host = HOST;
    expect(rels.next).toBe(`http://${host}${LIST}?per_page=100&page=2`);
    expect(rels.last).toBe(`http://${host}${LIST}?per_page=100&page=${lastPage}`);

    const ids: number[] = first.body.map((d: { id: number }) => d.id);
    let next: string | undefined = rels.next;
    let pages = 1;
    while (next) {
      const res = await get(simulator, next.slice(`http://${HOST}`.length)).expect(200);
      ids.push(...res.body.map((d: { id: number }) => d.id));
      pages++;
      const pageLinks = links(res.headers.link);
      expect(pageLinks.prev).toBeDefined();
      expect(pageLinks.first).toBe(`http://${host}${LIST}?per_page=100&page=1`);
      next = pageLinks.next;
      if (!next) expect(res.body.length).toBe(expected.length - 100 * (lastPage - 1));
    }
    expect(pages).toBe(lastPage);
    expect(ids).toEqual(expected);
  });

  it('caps per_page at 100, pages past the end are empty, one page has no Link', async () => {
    const simulator = app();
    expect((await get(simulator, `${LIST}?per_page=500`)).body).toHaveLength(100);
    const beyond = await get(simulator, `${LIST}?page=999`).expect(200);
    expect(beyond.body).toEqual([]);
    const single = await get(simulator, '/github/repos/acme/invoice-renderer/deployments').expect(200);
    expect(single.body.length).toBeGreaterThan(0);
    expect(single.headers.link).toBeUndefined();
  });

  it('filters by environment, sha, ref and task', async () => {
    const simulator = app();
    const production = await get(simulator, `${LIST}?environment=production&per_page=100`);
    expect(production.body.every((d: { environment: string }) => d.environment === 'production')).toBe(true);
    const sha = model('payments-api').deploys.find((d) => d.environment === 'staging')!.sha;
    const bySha = await get(simulator, `${LIST}?sha=${sha}`);
    expect(bySha.body.map((d: { environment: string }) => d.environment).sort()).toContain('staging');
    expect(bySha.body.every((d: { sha: string }) => d.sha === sha)).toBe(true);
    expect((await get(simulator, `${LIST}?ref=main&task=deploy&per_page=5`)).body).toHaveLength(5);
    expect((await get(simulator, `${LIST}?task=migrate`)).body).toEqual([]);
    expect((await get(simulator, `${LIST}?ref=release`)).body).toEqual([]);
  });

  it('sends an ETag per page; If-None-Match gives a 304 that the rate limit does not count', async () => {
    const simulator = app();
    const first = await get(simulator, LIST).expect(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const used = Number(first.headers['x-ratelimit-used']);
    const again = await get(simulator, LIST).set('If-None-Match', etag).expect(304);
    expect(again.headers['x-ratelimit-used']).toBe(String(used));
    const page2 = await get(simulator, `${LIST}?page=2`).set('If-None-Match', etag).expect(200);
    expect(page2.headers.etag).not.toBe(etag);
    expect(page2.headers['x-ratelimit-used']).toBe(String(used + 1));
  });

  it('answers 404 in GitHub shape for unknown repositories and deployments', async () => {
    const simulator = app();
    for (const path of [
      '/github/repos/acme/unknown/deployments',
      '/github/repos/acme/payouts-worker/deployments',
      `${LIST}/12345`,
      `${LIST}/12345/statuses`,
      '/github/repos/acme/unknown/deployments/1/statuses',
    ]) {
      const res = await get(simulator, path).expect(404);
      expect(res.body).toMatchObject({ message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com') });
    }
  });

  it('fails page 3 of a listing when a fault says so', async () => {
    const simulator = app();
    await request(simulator)
      .post('/_control/faults')
      .send({ vendor: 'github', path: '/repos/*/*/deployments', status: 500, onNth: 3 })
      .expect(201);
    expect((await get(simulator, `${LIST}?per_page=100&page=1`)).status).toBe(200);
    expect((await get(simulator, `${LIST}?per_page=100&page=2`)).status).toBe(200);
    const failed = await get(simulator, `${LIST}?per_page=100&page=3`).expect(500);
    expect(failed.body).toMatchObject({ message: 'Internal Server Error', status: '500' });
    const retried = await get(simulator, `${LIST}?per_page=100&page=3`).expect(200);
    expect(retried.body).toHaveLength(100);
  });
});

describe('GitHub GET /repos/:owner/:repo/deployments/:id/statuses', () => {
  it('lists statuses newest first, ending in the final state', async () => {
    const deploys = model('payments-api').deploys;
    const staging = deploys.filter((d) => d.environment === 'staging').at(-2)!;
    const res = await get(app(), `${LIST}/${staging.id}/statuses`).expect(200);
    expect(res.body.map((s: { state: string }) => s.state)).toEqual(['inactive', 'success', 'in_progress', 'queued']);
    const ids = res.body.map((s: { id: number }) => s.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(res.body[0]).toMatchObject({
      environment: 'staging',
      deployment_url: expect.stringMatching(new RegExp(`/github/repos/acme/payments-api/deployments/${staging.id}$`)),
      log_url: expect.stringContaining('https://github.com/acme/payments-api/actions/runs/'),
      creator: { login: staging.creator.githubLogin },
      node_id: expect.any(String),
    });
    expect(res.body[0].target_url).toBe(res.body[0].log_url);
    expect(res.body[0].created_at).toBe(staging.statuses.at(-1)!.createdAt.toISOString().replace('.000Z', 'Z'));

    const failed = model('fraud-scoring').deploys.find((d) => d.finalState === 'failure')!;
    const failedStatuses = await get(app(), `/github/repos/acme/fraud-scoring/deployments/${failed.id}/statuses`);
    expect(failedStatuses.body[0].state).toBe('failure');
    expect(failedStatuses.body[0].environment_url).toBe('');
  });

  it('keeps production deploys active and paginates statuses', async () => {
    const production = model('payments-api').deploys.filter((d) => d.production && d.finalState === 'success').at(-2)!;
    const simulator = app();
    const res = await get(simulator, `${LIST}/${production.id}/statuses?per_page=2`).expect(200);
    expect(res.body.map((s: { state: string }) => s.state)).toEqual(['success', 'in_progress']);
    expect(res.body[0].environment_url).toBe('https://payments-api.acme.example');
    const rels = links(res.headers.link);
    expect(Object.keys(rels)).toEqual(['next', 'last']);
    const rest = await get(simulator, `${LIST}/${production.id}/statuses?per_page=2&page=2`);
    expect(rest.body.map((s: { state: string }) => s.state)).toEqual(['queued']);
  });
});
