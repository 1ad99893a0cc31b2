import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';
import { TEST_NOW } from '../../testing/fixtures';
import { DAY_MS } from '../../time';
import { componentOnCall, coveragePercent, finalShifts, gapWindows, incidentHistory, policyOnCalls } from './index';

// The on-call stories examples/scenario.yaml tells, as the simulator serves them.

const scenario = loadScenario(fileURLToPath(new URL('../../../../../examples/scenario.yaml', import.meta.url)));
const NOW = TEST_NOW.getTime();
const setup = (component: string) => componentOnCall(scenario, component)!;

describe('examples/scenario.yaml on-call', () => {
  it('payments-api (PPAYAPI) has three levels: primary and secondary schedules, then the manager', () => {
    const entries = policyOnCalls(setup('payments-api').policy, NOW, NOW, NOW);
    expect(entries.map((e) => e.level)).toEqual([1, 2, 3]);
    expect(entries[0]!.user).not.toBe(entries[1]!.user);
    expect(entries[2]!.schedule).toBeUndefined();
    expect(entries[2]!.user.user).toBe('ada.okafor');
  });

  it('checkout-api (PCHKOUT) has a 12-hour hole in next week\'s primary schedule', () => {
    const [primary] = setup('checkout-api').pagerduty!.schedules;
    const [gap] = gapWindows(primary!, NOW);
    expect(gap!.start - NOW).toBeGreaterThan(3 * DAY_MS);
    expect(gap!.start - NOW).toBeLessThan(5 * DAY_MS);
    const next14 = [NOW, NOW + 14 * DAY_MS] as const;
    expect(coveragePercent(finalShifts(primary!, NOW, ...next14), ...next14)).toBeLessThan(100);
    for (const other of ['payments-api', 'cart-service', 'product-catalog', 'api-gateway']) {
      const [schedule] = setup(other).pagerduty!.schedules;
      expect(coveragePercent(finalShifts(schedule!, NOW, ...next14), ...next14), other).toBe(100);
    }
  });

  it('product-catalog (PPRODCT) puts kofi.mensah of team-growth on call within five weeks', () => {
    const [primary] = setup('product-catalog').pagerduty!.schedules;
    const people = finalShifts(primary!, NOW, NOW, NOW + 35 * DAY_MS).map((s) => s.user.user);
    expect(people).toContain('kofi.mensah');
  });

  it('invoice-renderer (PINVREN) has a single-level policy', () => {
    expect(setup('invoice-renderer').policy.levels).toHaveLength(1);
  });

  it('fraud-scoring (PFRAUDS) has over 60 incidents in any 90 days, and one open', () => {
    for (let day = -30; day <= 365; day += 7) {
      const now = NOW + day * DAY_MS;
      const h = incidentHistory({ scenario, now: () => new Date(now) }, 'fraud-scoring')!;
      expect(h.filter((i) => i.createdAt >= now - 90 * DAY_MS).length, `${day} days on`).toBeGreaterThanOrEqual(60);
    }
    const open = incidentHistory({ scenario, now: () => TEST_NOW }, 'fraud-scoring')!.filter((i) => i.status !== 'resolved');
    expect(open.length).toBeGreaterThanOrEqual(1);
  });
});
