import { addMoney, changeRatio, type CostFacts, type CostFigures, isZeroMoney, type Money } from '@opsfolio/backstage-plugin-common';

/**
 * What readiness checks read about an entity's cost. Pure.
 * - `known`: some spend is attributed to it this month or last.
 * - `taggedShare`: the organisation's spend this month that reaches an entity (tagged, and the value is
 *   carried by an entity), in its main currency; a property of the tagging, shown on every entity.
 * - `monthOverMonth`: last month against the month before; `forecastVsLastMonth`: this month's forecast
 *   against last month.
 */
export function costFacts(input: {
  figures: CostFigures;
  monthBeforeLast: Money;
  organisation: { total: Money; untagged: Money; unmapped: Money };
}): CostFacts {
  const { figures, organisation } = input;
  const [main] = Object.entries(organisation.total).sort((a, b) => b[1] - a[1]);
  const taggedShare =
    main && main[1] > 0 ? (main[1] - (organisation.untagged[main[0]] ?? 0) - (organisation.unmapped[main[0]] ?? 0)) / main[1] : null;
  return {
    known: !isZeroMoney(figures.monthToDate) || !isZeroMoney(figures.lastMonth),
    taggedShare,
    monthOverMonth: changeRatio(figures.lastMonth, input.monthBeforeLast),
    forecastVsLastMonth: changeRatio(figures.forecast, figures.lastMonth),
  };
}

/**
 * The organisation's spend this month from every tag value's figures: in all, untagged (`''`) and under
 * values no entity carries (unmapped). What `taggedShare` and the cost page's "not included" read.
 */
export function organisationSpend(byTag: Map<string, CostFigures>, carried: (tagValue: string) => boolean): { total: Money; untagged: Money; unmapped: Money } {
  const spend = { total: {} as Money, untagged: {} as Money, unmapped: {} as Money };
  for (const [tagValue, f] of byTag) {
    for (const [currency, amount] of Object.entries(f.monthToDate)) {
      addMoney(spend.total, currency, amount);
      if (tagValue === '') addMoney(spend.untagged, currency, amount);
      else if (!carried(tagValue)) addMoney(spend.unmapped, currency, amount);
    }
  }
  return spend;
}
