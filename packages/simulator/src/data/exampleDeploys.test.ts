import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { TEST_NOW } from '../testing/fixtures';
import { DAY_MS, isWeekend, utcDayIndex } from '../time';
import { deployHistory, type Deploy } from './deployHistory';

// The deploy stories examples/scenario.yaml tells, as the simulator serves them.

const scenario = loadScenario(fileURLToPath(new URL('../../../../examples/scenario.yaml', import.meta.url)));
const history = (component: string) => deployHistory({ scenario, now: () => TEST_NOW }, component)!;
const production = (component: string) => history(component).deploys.filter((d) => d.production);
const failed = (d: Deploy) => d.finalState === 'failure' || d.finalState === 'error';
const weekdays = (() => {
  const today = utcDayIndex(TEST_NOW);
  let n = 0;
  for (let day = today - scenario.historyDays; day < today; day++) if (!isWeekend(day)) n++;
  return n;
})();

describe('examples/scenario.yaml deploy histories', () => {
  it('payments-api (GitHub) ships to production several times a day and rarely fails', () => {
    expect(history('payments-api').vendor).toBe('github');
    const deploys = production('payments-api');
    expect(deploys.length / weekdays).toBeGreaterThan(3);
    expect(deploys.filter(failed).length / deploys.length).toBeLessThan(0.06);
  });

  it('invoice-renderer has not been deployed for about 150 days', () => {
    const deploys = history('invoice-renderer').deploys;
    expect(deploys.length).toBeGreaterThan(0);
    const ageDays = (TEST_NOW.getTime() - deploys.at(-1)!.createdAt.getTime()) / DAY_MS;
    expect(ageDays).toBeGreaterThan(146);
    expect(ageDays).toBeLessThanOrEqual(151);
  });

  it('fraud-scoring fails often and gets rolled back', () => {
    const deploys = production('fraud-scoring');
    expect(deploys.filter(failed).length / deploys.length).toBeGreaterThan(0.2);
    expect(deploys.filter((d) => d.isRollback).length).toBeGreaterThan(10);
  });

  it('payouts-worker (GitLab) deploys regularly, never leaving a month without a release', () => {
    expect(history('payouts-worker').vendor).toBe('gitlab');
    const deploys = production('payouts-worker').filter((d) => d.finalState === 'success');
    expect(deploys.length).toBeGreaterThan(30);
    const gaps = deploys.slice(1).map((d, i) => (d.createdAt.getTime() - deploys[i]!.createdAt.getTime()) / DAY_MS);
    expect(Math.max(...gaps)).toBeLessThan(21);
  });
});
