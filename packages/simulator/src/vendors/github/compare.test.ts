import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { deployHistory } from '../../data/deployHistory';
import { createSimulator } from '../../server';
import { testScenario, TEST_NOW } from '../../testing/fixtures';

const scenario = testScenario();
const app = createSimulator({ scenario, now: () => TEST_NOW });
const history = deployHistory({ scenario, now: () => TEST_NOW }, 'payments-api')!;
const compare = (basehead: string) => request(app).get(`/github/repos/acme/payments-api/compare/${basehead}`);
const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

describe('GitHub GET /repos/:owner/:repo/compare/:base...:head', () => {
  it('returns the commits a production deploy shipped since the previous one (lead time input)', async () => {
    const production = history.deploys.filter((d) => d.production && d.finalState === 'success');
    const current = production.filter((d) => d.kind === 'change' && d.commits.length > 1).at(-1)!;
    const previous = production.filter((d) => d.createdAt < current.createdAt).at(-1)!;

    const res = await compare(`${previous.sha}...${current.sha}`).expect(200);
    expect(res.body).toMatchObject({
      status: 'ahead',
      ahead_by: current.commits.length,
      behind_by: 0,
      total_commits: current.commits.length,
      base_commit: { sha: previous.sha },
      merge_base_commit: { sha: previous.sha },
    });
    expect(res.body.commits.map((c: { sha: string }) => c.sha)).toEqual(current.commits.map((c) => c.sha));
    const head = res.body.commits.at(-1);
    const commit = current.commits.at(-1)!;
    expect(head.sha).toBe(current.sha);
    expect(head.commit).toMatchObject({
      author: { name: commit.author.name, email: commit.author.email, date: iso(commit.timestamp) },
      committer: { date: iso(commit.timestamp) },
      message: commit.message,
    });
    expect(head.parents).toEqual([expect.objectContaining({ sha: res.body.commits.at(-2).sha })]);
    for (const c of res.body.commits) expect(Date.parse(c.commit.author.date)).toBeLessThan(current.createdAt.getTime());
  });

  it('accepts short shas and main, and says behind or identical', async () => {
    const [a, b] = [history.commits.at(-10)!, history.commits.at(-1)!];
    const ahead = await compare(`${a.sha.slice(0, 7)}...main`).expect(200);
    expect(ahead.body).toMatchObject({ status: 'ahead', ahead_by: 9, total_commits: 9 });
    const behind = await compare(`${b.sha}...${a.sha}`).expect(200);
    expect(behind.body).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 9, total_commits: 0, commits: [] });
    const same = await compare(`${a.sha}...acme:${a.sha}`).expect(200);
    expect(same.body).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0, commits: [] });
  });

  it('lists at most 250 commits, or pages through them all with per_page', async () => {
    const first = history.commits[0]!;
    expect(history.commits.length).toBeGreaterThan(300);
    const res = await compare(`${first.sha}...main`).expect(200);
    expect(res.body.total_commits).toBe(history.commits.length - 1);
    expect(res.body.commits).toHaveLength(250);
    expect(res.body.commits[0].sha).toBe(history.commits[1]!.sha);
    const page2 = await compare(`${first.sha}...main?per_page=100&page=2`).expect(200);
    expect(page2.body.commits.map((c: { sha: string }) => c.sha)).toEqual(history.commits.slice(101, 201).map((c) => c.sha));
    expect(page2.headers.link).toContain('rel="next"');
  });

  it('answers 404 for unknown commits and repositories', async () => {
    await compare(`${'0'.repeat(40)}...main`).expect(404);
    await compare('main').expect(404);
    const res = await request(app).get('/github/repos/acme/unknown/compare/a...b').expect(404);
    expect(res.body.message).toBe('Not Found');
  });
});
