import { describe, expect, it } from 'vitest';
import { testScenario, TEST_NOW } from '../testing/fixtures';
import { addDays, DAY_MS } from '../time';
import { githubRepos } from './githubRepos';

describe('githubRepos (determinism)', () => {
  const scenario = testScenario();

  it('is a pure function of scenario, seed and now', () => {
    const a = githubRepos({ scenario, now: () => TEST_NOW });
    const b = githubRepos({ scenario, now: () => new Date(TEST_NOW) });
    expect(a).toEqual(b);
    expect(a.map((r) => r.fullName)).toEqual(['acme/payments-api', 'acme/invoice-renderer', 'acme/fraud-scoring']);
  });

  it('is stable within a day, so ETags do not churn', () => {
    const morning = githubRepos({ scenario, now: () => new Date('2026-04-12T00:05:00Z') });
    const evening = githubRepos({ scenario, now: () => new Date('2026-04-12T23:55:00Z') });
    expect(evening).toEqual(morning);
  });

  it('moves every date with now and keeps ids', () => {
    const today = githubRepos({ scenario, now: () => TEST_NOW });
    const later = githubRepos({ scenario, now: () => addDays(TEST_NOW, 3) });
    for (const [i, repo] of today.entries()) {
      const moved = later[i]!;
      expect(moved.id).toBe(repo.id);
      expect(moved.nodeId).toBe(repo.nodeId);
      for (const key of ['createdAt', 'updatedAt', 'pushedAt'] as const) {
        expect(moved[key].getTime() - repo[key].getTime()).toBe(3 * DAY_MS);
      }
    }
  });

  it('changes with the seed and never dates anything in the future', () => {
    const a = githubRepos({ scenario, now: () => TEST_NOW });
    const b = githubRepos({ scenario: { ...scenario, seed: scenario.seed + 1 }, now: () => TEST_NOW });
    expect(b[0]!.id).not.toBe(a[0]!.id);
    for (const repo of a) {
      expect(repo.createdAt.getTime()).toBeLessThan(repo.pushedAt.getTime());
      expect(repo.pushedAt.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
    }
  });

  it('dates a stale repository by its last deploy', () => {
    const stale = githubRepos({ scenario, now: () => TEST_NOW }).find((r) => r.name === 'invoice-renderer')!;
    const ageDays = (TEST_NOW.getTime() - stale.pushedAt.getTime()) / DAY_MS;
    expect(ageDays).toBeGreaterThan(60);
    expect(ageDays).toBeLessThan(61.5);
  });
});
