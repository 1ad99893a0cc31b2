import { describe, expect, it } from 'vitest';
import type { SimulatorContext } from '../../context';
import { parseScenario, ScenarioError } from '../../scenario/load';
import { costScenario, COST_SCENARIO_YAML } from '../../testing/costScenario';
import { DAY_MS, isWeekend, utcDayIndex } from '../../time';
import { deployHistory } from '../deployHistory';
import {
  costModel,
  dailyLevel,
  daysInMonth,
  dayString,
  isEstimated,
  jumpDay,
  monthStart,
  parseDay,
  reportedShare,
  UNTAGGED_POOL,
  weekdayFactor,
  type CostLine,
} from './index';

const NOW = new Date('2026-04-12T10:30:00Z');
const TODAY = utcDayIndex(NOW);
const scenario = costScenario();
const at = (now: Date): SimulatorContext => ({ scenario, now: () => now });
const day = (text: string) => parseDay(text)!;
const sum = (lines: CostLine[]) => lines.reduce((s, l) => s + l.amount, 0);
const spenderOn = (d: number, spender: string, now = NOW) => costModel(at(now)).linesOn(d).filter((l) => l.spender === spender);

describe('cost days', () => {
  it('parses strict calendar days and steps through months', () => {
    expect(dayString(day('2026-04-12'))).toBe('2026-04-12');
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-4-1')).toBeUndefined();
    expect(dayString(monthStart(day('2026-03-31'), 1))).toBe('2026-04-01');
    expect(dayString(monthStart(day('2026-01-15'), -12))).toBe('2025-01-01');
    expect(daysInMonth(day('2028-02-10'))).toBe(29);
  });
});

describe('cost level', () => {
  it('adds up to `monthly` over this month and grows by the trend a month', () => {
    const first = monthStart(TODAY);
    let month = 0;
    for (let d = first; d < first + daysInMonth(TODAY); d++) month += dailyLevel(3000, 10, d, TODAY);
    expect(month).toBeCloseTo(3000, -1);
    const flat = Array.from({ length: 30 }, (_, i) => dailyLevel(3000, 0, first + i, TODAY)).reduce((a, b) => a + b);
    expect(flat).toBeCloseTo(3000, 6);
    expect(dailyLevel(3000, 10, TODAY + 365.25 / 12, TODAY) / dailyLevel(3000, 10, TODAY, TODAY)).toBeCloseTo(1.1, 6);
  });

  it('is lower at weekends, averaging 1 over a week', () => {
    const week = Array.from({ length: 7 }, (_, i) => weekdayFactor(TODAY + i));
    expect(week.reduce((a, b) => a + b) / 7).toBeCloseTo(1, 9);
    expect(isWeekend(TODAY)).toBe(true); // 2026-04-12 is a Sunday
    expect(weekdayFactor(TODAY)).toBeLessThan(weekdayFactor(TODAY + 1));
  });
});

describe('what Cost Explorer reports at now', () => {
  it('marks the current month and the two days before today estimated', () => {
    expect(isEstimated(day('2026-04-01'), NOW)).toBe(true);
    expect(isEstimated(day('2026-03-31'), NOW)).toBe(false);
    const early = new Date('2026-04-02T09:00:00Z');
    expect(isEstimated(day('2026-03-31'), early)).toBe(true);
    expect(isEstimated(day('2026-03-30'), early)).toBe(false);
    expect(isEstimated(day('2026-03-30'), new Date('2026-04-01T09:00:00Z'))).toBe(true);
  });

  it('reports part of today (in 8-hour steps) and most of yesterday', () => {
    expect(reportedShare(TODAY, NOW)).toBe(0.5);
    expect(reportedShare(TODAY, new Date('2026-04-12T07:59:00Z'))).toBe(0.25);
    expect(reportedShare(TODAY, new Date('2026-04-12T23:00:00Z'))).toBe(0.75);
    expect(reportedShare(TODAY - 1, NOW)).toBe(0.9);
    expect(reportedShare(TODAY - 2, NOW)).toBe(1);
    expect(reportedShare(TODAY + 1, NOW)).toBe(0);
  });
});

describe('cost model', () => {
  it('splits each spender by service weight with mild noise, over historyDays up to today', () => {
    const model = costModel(at(NOW));
    expect(model.currency).toBe('EUR');
    expect(model.linesOn(TODAY - 60)).not.toEqual([]);
    expect(model.linesOn(TODAY - 61)).toEqual([]);
    expect(model.linesOn(TODAY + 1)).toEqual([]);
    const d = TODAY - 5;
    const payments = spenderOn(d, 'payments-api');
    expect(payments.map((l) => [l.service, l.tag])).toEqual([
      ['Amazon Elastic Compute Cloud - Compute', { key: 'service', value: 'payments-api' }],
      ['Amazon Relational Database Service', { key: 'service', value: 'payments-api' }],
    ]);
    const expected = dailyLevel(3000, 10, d, TODAY) * weekdayFactor(d);
    expect(payments[0]!.amount / (expected * (2 / 3))).toBeGreaterThan(0.96);
    expect(payments[0]!.amount / (expected * (2 / 3))).toBeLessThan(1.04);
    expect(sum(spenderOn(TODAY - 1, 'payments-api')) / (dailyLevel(3000, 10, TODAY - 1, TODAY) * weekdayFactor(TODAY - 1))).toBeCloseTo(0.9, 1);
  });

  it('is deterministic, and a past day keeps its figure as the clock moves within the month', () => {
    const d = TODAY - 4;
    const later = new Date(NOW.getTime() + 3 * DAY_MS);
    expect(spenderOn(d, 'payments-api', later)).toEqual(spenderOn(d, 'payments-api'));
    expect(costModel(at(new Date(NOW))).linesOn(d)).toEqual(costModel({ scenario: costScenario(), now: () => NOW }).linesOn(d));
  });

  it('leaves untagged spend without a tag: tagged: false and the untaggedCost pool', () => {
    const lines = costModel(at(NOW)).linesOn(TODAY - 3);
    expect(lines.filter((l) => !l.tag).map((l) => l.spender)).toEqual([
      'reporting-service',
      'reporting-service',
      UNTAGGED_POOL,
      UNTAGGED_POOL,
    ]);
    expect(lines.find((l) => l.spender === 'billing-batch')!.tag).toEqual({ key: 'team', value: 'billing' });
  });

  it('steps search-service up by 60 % from its last production deploy at least 10 days old', () => {
    const jump = jumpDay(at(NOW), 'search-service')!;
    const deploys = deployHistory(at(new Date(TODAY * DAY_MS)), 'search-service')!.deploys.filter(
      (d) => d.production && d.finalState === 'success' && d.kind !== 'rollback',
    );
    const days = deploys.map((d) => utcDayIndex(d.finishedAt!));
    expect(days).toContain(jump);
    expect(jump).toBeLessThanOrEqual(TODAY - 10);
    expect(days.filter((d) => d > jump && d <= TODAY - 10)).toEqual([]);
    // Level-adjusted spend: about 1 from the jump on, 1/1.6 before it.
    const relative = (d: number) => sum(spenderOn(d, 'search-service')) / (dailyLevel(1600, 0, d, TODAY) * weekdayFactor(d));
    for (const d of [jump, jump + 1, jump + 2]) expect(relative(d)).toBeCloseTo(1, 1);
    for (const d of [jump - 1, jump - 2, jump - 3]) expect(relative(d)).toBeCloseTo(1 / 1.6, 1);
    expect(jumpDay(at(NOW), 'payments-api')).toBeUndefined();
  });

  it('refuses a jump without deploys', () => {
    const yaml = COST_SCENARIO_YAML.replace('tag: service=payments-api }', 'tag: service=payments-api, jumpAfterDeploy: { pct: 20 } }');
    expect(() => parseScenario(yaml)).toThrow(ScenarioError);
    expect(() => parseScenario(yaml)).toThrow(/components\.payments-api\.cost\.jumpAfterDeploy.*add a deploys section/);
  });
});
