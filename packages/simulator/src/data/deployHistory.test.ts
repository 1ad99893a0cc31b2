import { describe, expect, it } from 'vitest';
import type { SimulatorContext } from '../context';
import { testScenario, TEST_NOW } from '../testing/fixtures';
import { addDays, DAY_MS, localTimeOf, HOUR_MS } from '../time';
import { deployHistories, deployHistory, type Deploy } from './deployHistory';

const scenario = testScenario();
const at = (now: Date): SimulatorContext => ({ scenario, now: () => now });
const history = (component: string, now = TEST_NOW) => deployHistory(at(now), component)!;
const isFailed = (d: Deploy) => d.finalState === 'failure' || d.finalState === 'error';

describe('deployHistory', () => {
  it('is a pure function of scenario, seed and now', () => {
    const a = deployHistories(at(TEST_NOW));
    const b = deployHistories({ scenario: testScenario(), now: () => new Date(TEST_NOW) });
    expect(b).toEqual(a);
    expect(a.map((h) => h.component)).toEqual(['payments-api', 'invoice-renderer', 'payouts-worker', 'fraud-scoring']);
    const reseeded = deployHistory({ scenario: { ...scenario, seed: 8 }, now: () => TEST_NOW }, 'payments-api')!;
    expect(reseeded.deploys[0]!.sha).not.toBe(a[0]!.deploys[0]!.sha);
  });

  it('keeps ids, shas and times of past deploys as the clock moves on', () => {
    const today = history('payments-api');
    const later = history('payments-api', addDays(TEST_NOW, 2));
    const byId = new Map(later.deploys.map((d) => [d.id, d]));
    const settled = today.deploys.filter((d) => d.createdAt.getTime() > TEST_NOW.getTime() - 60 * DAY_MS);
    for (const d of settled.filter((d) => d.finalState !== 'queued' && d.finalState !== 'in_progress')) {
      const same = byId.get(d.id);
      expect(same, `deploy ${d.id}`).toBeDefined();
      expect(same!.sha).toBe(d.sha);
      expect(same!.createdAt).toEqual(d.createdAt);
    }
    expect(later.deploys.at(-1)!.createdAt.getTime()).toBeGreaterThan(TEST_NOW.getTime());
  });

  it('has stable unique ids that grow with time, 40-hex shas, and nothing outside the window', () => {
    const all = deployHistories(at(TEST_NOW)).flatMap((h) => h.deploys);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    const windowStart = Math.floor(TEST_NOW.getTime() / DAY_MS - scenario.historyDays) * DAY_MS;
    for (const h of deployHistories(at(TEST_NOW))) {
      for (const [i, d] of h.deploys.entries()) {
        expect(d.sha).toMatch(/^[0-9a-f]{40}$/);
        expect(d.createdAt.getTime()).toBeGreaterThanOrEqual(windowStart);
        expect(d.createdAt.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
        expect(d.statuses.at(-1)!.createdAt.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
        if (i > 0) expect(d.id).toBeGreaterThan(h.deploys[i - 1]!.id);
      }
      for (const c of h.commits) expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('deploys each change to staging first, then production, in working hours, by the team', () => {
    const h = history('payments-api');
    const team = new Set(['ada-okafor']);
    const firstSeen = new Map<string, Deploy>();
    for (const d of h.deploys) {
      if (d.kind === 'change' && !firstSeen.has(d.sha)) firstSeen.set(d.sha, d);
      expect(team.has(d.creator.githubLogin)).toBe(true);
    }
    const settled = h.deploys[0]!.createdAt.getTime() + DAY_MS; // a change may have started before the window
    const firsts = [...firstSeen.values()].filter((d) => d.createdAt.getTime() > settled);
    expect(firsts.every((d) => d.environment === 'staging')).toBe(true);
    const starts = h.deploys.filter((d) => d.environment === 'staging' && d.kind === 'change');
    const inHours = starts.filter((d) => {
      const { msIntoDay } = localTimeOf(d.createdAt, 'UTC');
      return msIntoDay >= 8 * HOUR_MS && msIntoDay <= 19 * HOUR_MS;
    });
    expect(inHours.length / starts.length).toBeGreaterThan(0.9);
    // several a day: 20 a week
    const production = h.deploys.filter((d) => d.production && d.kind === 'change');
    expect(production.length / (scenario.historyDays / 7)).toBeGreaterThan(14);
  });

  it('follows statuses queued -> in_progress -> final, and retires superseded staging deploys', () => {
    const h = history('payments-api');
    for (const d of h.deploys) {
      expect(d.statuses[0]!.state).toBe('queued');
      expect(d.statuses[0]!.createdAt).toEqual(d.createdAt);
      expect(d.finalState).toBe(d.statuses.at(-1)!.state);
      expect(d.updatedAt).toEqual(d.statuses.at(-1)!.createdAt);
      if (d.production) expect(d.finalState).not.toBe('inactive');
    }
    const staging = h.deploys.filter((d) => d.environment === 'staging');
    expect(staging.slice(0, -1).every((d) => d.finalState === 'inactive')).toBe(true);
  });

  it('dates commits before their deploy, with the lead time the scenario asks for', () => {
    const h = history('payouts-worker');
    const leadHours: number[] = [];
    for (const d of h.deploys.filter((d) => d.production && d.kind === 'change' && d.finalState === 'success')) {
      for (const c of d.commits) {
        expect(c.timestamp.getTime()).toBeLessThan(d.createdAt.getTime());
        leadHours.push((d.createdAt.getTime() - c.timestamp.getTime()) / HOUR_MS);
      }
    }
    leadHours.sort((a, b) => a - b);
    const median = leadHours[Math.floor(leadHours.length / 2)]!;
    expect(median).toBeGreaterThan(10);
    expect(median).toBeLessThan(40);
  });

  it('shows a stale service with nothing since lastDeployDaysAgo', () => {
    const h = history('invoice-renderer');
    expect(h.deploys.length).toBeGreaterThan(0);
    const ageDays = (TEST_NOW.getTime() - h.deploys.at(-1)!.createdAt.getTime()) / DAY_MS;
    expect(ageDays).toBeGreaterThan(58);
    expect(ageDays).toBeLessThan(61);
  });

  it('gives a flaky service failures followed by a retry or a fix, and rollbacks to the previous good sha', () => {
    const h = history('fraud-scoring');
    const production = h.deploys.filter((d) => d.production);
    const failures = production.filter(isFailed);
    expect(failures.length / production.length).toBeGreaterThan(0.15);
    // after a failure the next production deploy is a retry of the same sha or a fix with new commits
    for (const failed of failures) {
      const next = production.find((d) => d.createdAt > failed.createdAt);
      if (!next) continue;
      expect(next.kind === 'retry' ? next.sha === failed.sha : next.sha !== failed.sha).toBe(true);
    }
    const rollbacks = production.filter((d) => d.isRollback);
    expect(rollbacks.length).toBeGreaterThan(2);
    const settled = production[0]!.createdAt.getTime() + 7 * DAY_MS; // the target may have shipped before the window
    for (const rollback of rollbacks.filter((d) => d.createdAt.getTime() > settled)) {
      const before = production.filter((d) => d.createdAt < rollback.createdAt);
      const previous = before.at(-1)!;
      expect(previous.sha).not.toBe(rollback.sha);
      // the same sha had shipped successfully before
      expect(before.some((d) => d.sha === rollback.sha && d.finalState === 'success')).toBe(true);
      expect(rollback.commits).toEqual([]);
    }
  });

  it('can show a deploy in progress at now', () => {
    const done = history('payments-api');
    const target = done.deploys.filter((d) => d.production).at(-3)!;
    const during = new Date(target.statuses[1]!.createdAt.getTime() + 1000);
    const live = history('payments-api', during);
    const same = live.deploys.find((d) => d.id === target.id)!;
    expect(same.finalState).toBe('in_progress');
    expect(same.finishedAt).toBeUndefined();
    expect(live.deploys.at(-1)!.id).toBe(target.id);
  });
});
