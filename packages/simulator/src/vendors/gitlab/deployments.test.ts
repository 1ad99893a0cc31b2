import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { deployHistory } from '../../data/deployHistory';
import { gitlabProjects } from '../../data/gitlabProjects';
import { createSimulator } from '../../server';
import { testScenario, TEST_NOW } from '../../testing/fixtures';

const scenario = testScenario();
const ctx = { scenario, now: () => TEST_NOW };
const app = () => createSimulator(ctx);
const HOST = 'sim.test:7081';
const get = (simulator: ReturnType<typeof app>, path: string) => request(simulator).get(path).set('Host', HOST);
const ENCODED = 'acme%2Fpayments%2Fpayouts-worker';
const LIST = `/gitlab/api/v4/projects/${ENCODED}/deployments`;
const model = () => deployHistory(ctx, 'payouts-worker')!;

type Item = { id: number; updated_at: string; status: string; environment: { name: string } };

describe('GitLab GET /projects/:id', () => {
  it('finds a project by URL-encoded path or by its stable numeric id', async () => {
    const simulator = app();
    const byPath = await get(simulator, `/gitlab/api/v4/projects/${ENCODED}`).expect(200);
    expect(byPath.body).toMatchObject({
      id: gitlabProjects(ctx)[0]!.id,
      path_with_namespace: 'acme/payments/payouts-worker',
      web_url: 'https://gitlab.example.com/acme/payments/payouts-worker',
      default_branch: 'main',
    });
    const byId = await get(simulator, `/gitlab/api/v4/projects/${byPath.body.id}`).expect(200);
    expect(byId.body).toEqual(byPath.body);
    const again = createSimulator({ scenario: testScenario(), now: () => TEST_NOW });
    expect((await get(again, `/gitlab/api/v4/projects/${ENCODED}`)).body.id).toBe(byPath.body.id);
  });

  it('answers 404 Project Not Found for unknown projects', async () => {
    const simulator = app();
    for (const path of ['/gitlab/api/v4/projects/acme%2Fnope', '/gitlab/api/v4/projects/1/deployments']) {
      const res = await get(simulator, path).expect(404);
      expect(res.body).toEqual({ message: '404 Project Not Found' });
    }
  });
});

describe('GitLab GET /projects/:id/deployments', () => {
  it('lists deployments in GitLab shape, oldest first by default', async () => {
    const res = await get(app(), LIST).expect(200);
    expect(res.body).toHaveLength(20);
    const first = model().deploys[0]!;
    const item = res.body[0];
    expect(item).toMatchObject({
      id: first.id,
      iid: expect.any(Number),
      ref: 'main',
      sha: first.sha,
      created_at: first.createdAt.toISOString(),
      status: 'success',
      user: { username: first.creator.gitlabUsername, name: first.creator.name, state: 'active' },
      environment: { id: expect.any(Number), name: first.environment, external_url: expect.stringMatching(/^https:\/\//) },
      deployable: {
        status: 'success',
        stage: 'deploy',
        commit: { id: first.sha, short_id: first.sha.slice(0, 8), created_at: expect.any(String) },
        pipeline: { id: first.run.id, sha: first.sha, ref: 'main', status: expect.any(String) },
        finished_at: first.finishedAt!.toISOString(),
      },
    });
    const ids = res.body.map((d: Item) => d.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const iids = res.body.map((d: { iid: number }) => d.iid);
    expect(new Set(iids).size).toBe(iids.length);
  });

  it('sends offset pagination headers and Link; the pages add up to the model', async () => {
    const simulator = app();
    const total = model().deploys.length;
    const pages = Math.ceil(total / 50);
    const first = await get(simulator, `${LIST}?per_page=50`).expect(200);
    expect(first.headers).toMatchObject({
      'x-total': String(total),
      'x-total-pages': String(pages),
      'x-page': '1',
      'x-per-page': '50',
      'x-next-page': '2',
      'x-prev-page': '',
    });
    const base = `http://${HOST}${LIST}?id=${ENCODED}&order_by=id`;
    expect(first.headers.link).toBe(
      `<${base}&page=2&per_page=50&sort=asc>; rel="next", <${base}&page=1&per_page=50&sort=asc>; rel="first", ` +
        `<${base}&page=${pages}&per_page=50&sort=asc>; rel="last"`,
    );
    const ids: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const res = await get(simulator, `${LIST}?per_page=50&page=${page}`).expect(200);
      expect(res.headers['x-page']).toBe(String(page));
      expect(res.headers['x-next-page']).toBe(page < pages ? String(page + 1) : '');
      expect(res.headers['x-prev-page']).toBe(page > 1 ? String(page - 1) : '');
      ids.push(...res.body.map((d: Item) => d.id));
    }
    expect(ids).toEqual(model().deploys.map((d) => d.id));
    expect((await get(simulator, `${LIST}?per_page=1000`)).headers['x-per-page']).toBe('100');
    const beyond = await get(simulator, `${LIST}?per_page=50&page=${pages + 1}`);
    expect(beyond.body).toEqual([]);
    expect(beyond.headers).toMatchObject({ 'x-next-page': '', 'x-prev-page': '' });
  });

  it('sorts, and filters by environment and status', async () => {
    const simulator = app();
    const desc = await get(simulator, `${LIST}?sort=desc&per_page=5`).expect(200);
    expect(desc.body[0].id).toBe(model().deploys.at(-1)!.id);
    const production = await get(simulator, `${LIST}?environment=production&per_page=100`);
    expect(production.body.every((d: Item) => d.environment.name === 'production')).toBe(true);
    const failed = await get(simulator, `${LIST}?status=failed&per_page=100`).expect(200);
    expect(failed.body.length).toBeGreaterThan(0);
    expect(failed.body.every((d: Item) => d.status === 'failed')).toBe(true);
    const finished = await get(simulator, `${LIST}?order_by=finished_at&status=success&sort=desc&per_page=3`).expect(200);
    expect(finished.body).toHaveLength(3);
  });

  it('supports incremental sync: updated_after with the last updated_at brings nothing new', async () => {
    const simulator = app();
    const seen = new Map<number, string>();
    for (let page = 1; ; page++) {
      const res = await get(simulator, `${LIST}?order_by=updated_at&sort=asc&per_page=100&page=${page}`).expect(200);
      for (const d of res.body as Item[]) seen.set(d.id, d.updated_at);
      if (!res.headers['x-next-page']) break;
    }
    expect(seen.size).toBe(model().deploys.length);
    const latest = [...seen.values()].sort().at(-1)!;
    const again = await get(simulator, `${LIST}?order_by=updated_at&updated_after=${latest}`).expect(200);
    // GitLab's bound is inclusive: only what was already seen at exactly that instant comes back
    expect(again.body.length).toBeGreaterThan(0);
    for (const d of again.body as Item[]) expect(seen.get(d.id)).toBe(d.updated_at);
    expect(again.body.every((d: Item) => d.updated_at === latest)).toBe(true);
    const after = new Date(Date.parse(latest) + 1).toISOString();
    expect((await get(simulator, `${LIST}?order_by=updated_at&updated_after=${after}`)).body).toEqual([]);
    const before = await get(simulator, `${LIST}?order_by=updated_at&updated_before=${latest}&per_page=100`);
    expect(Number(before.headers['x-total'])).toBe(seen.size);
  });

  it('keeps updated_at stable between calls', async () => {
    const a = await get(app(), `${LIST}?per_page=100&sort=desc`);
    const b = await get(app(), `${LIST}?per_page=100&sort=desc`);
    expect(b.body).toEqual(a.body);
  });

  it('rejects what GitLab rejects', async () => {
    const simulator = app();
    expect((await get(simulator, `${LIST}?order_by=name`).expect(400)).body).toEqual({
      error: 'order_by does not have a valid value',
    });
    expect((await get(simulator, `${LIST}?status=done`).expect(400)).body).toEqual({
      error: 'status does not have a valid value',
    });
    expect((await get(simulator, `${LIST}?order_by=updated_at&updated_after=yesterday`).expect(400)).body).toEqual({
      error: 'updated_after is invalid',
    });
    expect((await get(simulator, `${LIST}?updated_after=2026-01-01T00:00:00Z`).expect(400)).body).toEqual({
      message: '400 Bad request - `updated_at` filter requires `updated_at` sort',
    });
  });

  it('fails a page when a fault says so', async () => {
    const simulator = app();
    await request(simulator)
      .post('/_control/faults')
      .send({ vendor: 'gitlab', path: '/projects/*/deployments', query: { page: '3' }, status: 502, times: 1 })
      .expect(201);
    await get(simulator, `${LIST}?page=2`).expect(200);
    expect((await get(simulator, `${LIST}?page=3`).expect(502)).body).toEqual({ message: '502 Bad Gateway' });
    await get(simulator, `${LIST}?page=3`).expect(200);
  });
});
