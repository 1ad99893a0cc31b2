import type { SimulatorContext } from '../../context';
import { AWS_SERVICES, type AwsServiceCode } from '../../scenario/awsServices';
import type { Scenario } from '../../scenario/schema';
import { utcDayIndex } from '../../time';
import { jumpDay } from './jump';
import { dailyLevel, noise, serviceShares, weekdayFactor } from './level';
import { isEstimated, reportedShare } from './reporting';

// The daily cost model: what every spender (a component with a `cost` section, the `untaggedCost` pool)
// spends per AWS service per UTC day over the `historyDays` up to today, as Cost Explorer reports it at
// `now`. Vendor-neutral: the Cost Explorer route groups, filters and pages these lines.

/** The spender name of the scenario's `untaggedCost` pool. */
export const UNTAGGED_POOL = '(untagged)';

/** One spender's spend in one AWS service on one day (AmortizedCost, in the scenario currency). */
export interface CostLine {
  /** the component, or UNTAGGED_POOL */
  spender: string;
  /** the cost allocation tag on its resources (`tag: key=value`); none when untagged */
  tag?: { key: string; value: string };
  /** the Cost Category its spend falls in (`costCategory: name=value`); none when uncategorised */
  costCategory?: { key: string; value: string };
  serviceCode: AwsServiceCode;
  /** the name Cost Explorer's SERVICE dimension reports */
  service: string;
  amount: number;
}

interface Spender {
  name: string;
  tag?: { key: string; value: string };
  costCategory?: { key: string; value: string };
  monthly: number;
  trendPctPerMonth: number;
  shares: [AwsServiceCode, number][];
  /** from this day on the full level; before it, the level / (1 + pct/100) */
  jump?: { day: number; pct: number };
}

export interface CostModel {
  today: number;
  /** the first day with spend: `historyDays` before today */
  firstDay: number;
  currency: string;
  /** every line of the day, [] outside [firstDay, today]; computed once per model */
  linesOn(day: number): CostLine[];
  isEstimated(day: number): boolean;
}

/** The model at `ctx.now()`; shared while the day and Cost Explorer's refresh slot (8 hours) stay the same. */
export function costModel(ctx: SimulatorContext): CostModel {
  const now = ctx.now();
  const key = `${utcDayIndex(now)}:${Math.floor(now.getUTCHours() / 8)}`;
  let memo = memos.get(ctx.scenario);
  if (!memo) memos.set(ctx.scenario, (memo = new Map()));
  let model = memo.get(key);
  if (!model) {
    model = buildModel(ctx, now);
    if (memo.size >= 8) memo.delete(memo.keys().next().value!);
    memo.set(key, model);
  }
  return model;
}

const memos = new WeakMap<Scenario, Map<string, CostModel>>();

function buildModel(ctx: SimulatorContext, now: Date): CostModel {
  const { scenario } = ctx;
  const today = utcDayIndex(now);
  const firstDay = today - scenario.historyDays;
  const spenders = spendersOf(ctx);
  const days = new Map<number, CostLine[]>();

  const compute = (day: number): CostLine[] => {
    if (day < firstDay || day > today) return [];
    const reported = reportedShare(day, now);
    const lines: CostLine[] = [];
    for (const s of spenders) {
      const jumpFactor = s.jump && day < s.jump.day ? 1 / (1 + s.jump.pct / 100) : 1;
      const level = dailyLevel(s.monthly, s.trendPctPerMonth, day, today) * weekdayFactor(day) * jumpFactor * reported;
      for (const [code, share] of s.shares) {
        const amount = level * share * noise(scenario.seed, s.name, code, day);
        lines.push({
          spender: s.name,
          ...(s.tag ? { tag: s.tag } : {}),
          ...(s.costCategory ? { costCategory: s.costCategory } : {}),
          serviceCode: code,
          service: AWS_SERVICES[code],
          amount,
        });
      }
    }
    return lines;
  };

  return {
    today,
    firstDay,
    currency: scenario.currency,
    linesOn(day) {
      let lines = days.get(day);
      if (!lines) days.set(day, (lines = compute(day)));
      return lines;
    },
    isEstimated: (day) => isEstimated(day, now),
  };
}

function spendersOf(ctx: SimulatorContext): Spender[] {
  const spenders: Spender[] = [];
  for (const [name, c] of Object.entries(ctx.scenario.components)) {
    if (!c.cost) continue;
    const [key, value] = c.cost.tagged && c.cost.tag ? c.cost.tag.split('=') : [];
    const [category, categoryValue] = c.cost.costCategory ? c.cost.costCategory.split('=') : [];
    const day = c.cost.jumpAfterDeploy ? jumpDay(ctx, name) : undefined;
    spenders.push({
      name,
      ...(key && value ? { tag: { key, value } } : {}),
      ...(category && categoryValue ? { costCategory: { key: category, value: categoryValue } } : {}),
      monthly: c.cost.monthly,
      trendPctPerMonth: c.cost.trendPctPerMonth,
      shares: serviceShares(c.cost.services),
      ...(day !== undefined ? { jump: { day, pct: c.cost.jumpAfterDeploy!.pct } } : {}),
    });
  }
  const pool = ctx.scenario.untaggedCost;
  if (pool) {
    spenders.push({
      name: UNTAGGED_POOL,
      monthly: pool.monthly,
      trendPctPerMonth: pool.trendPctPerMonth,
      shares: serviceShares(pool.services),
    });
  }
  return spenders;
}
