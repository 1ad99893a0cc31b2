import {
  type CostFigures,
  type EntityCostResponse,
  isZeroMoney,
  type Money,
  sumMoney,
} from '@opsfolio/backstage-plugin-common';

export const isEmptyFigures = (f: CostFigures) =>
  isZeroMoney(f.monthToDate) && isZeroMoney(f.lastMonth) && isZeroMoney(f.forecast);

/** Same amounts in every currency (so a team without sub-team spend shows one figure, not two). */
function sameMoney(a: Money, b: Money): boolean {
  return Object.keys({ ...a, ...b }).every(currency => Math.abs((a[currency] ?? 0) - (b[currency] ?? 0)) < 0.005);
}

export const sameFigures = (a: CostFigures, b: CostFigures) =>
  sameMoney(a.monthToDate, b.monthToDate) && sameMoney(a.lastMonth, b.lastMonth) && sameMoney(a.forecast, b.forecast);

/** Spend per entity over the response's window; a single service has no `byEntity`, so its series is summed. */
export function spendByEntity(cost: EntityCostResponse): Array<{ entityRef: string; amounts: Money; tag?: string }> {
  if (cost.byEntity) return cost.byEntity;
  if (cost.tags.length === 0) return [];
  const [tag] = cost.tags;
  return [
    { entityRef: tag.entityRef, amounts: sumMoney(cost.series.map(p => p.amounts)), tag: `${tag.key}=${tag.value}` },
  ];
}
