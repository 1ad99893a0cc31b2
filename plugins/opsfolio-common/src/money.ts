import type { Money } from './cost';

/**
 * Money is an amount per currency. Currencies are kept apart and never converted: a sum of euros and
 * dollars stays two amounts.
 */

/** Adds `amount` in `currency` into `into` (mutates it, for loops over many rows) and returns it. @internal */
export function addMoney(into: Money, currency: string, amount: number): Money {
  into[currency] = (into[currency] ?? 0) + amount;
  return into;
}

/** The sum of several Money values, currency by currency. @internal */
export function sumMoney(values: Iterable<Money>): Money {
  const total: Money = {};
  for (const value of values) for (const [currency, amount] of Object.entries(value)) addMoney(total, currency, amount);
  return total;
}

/** Rounded to cents: sums of floats otherwise print as 1234.5600000001. @internal */
export function roundMoney(money: Money): Money {
  return Object.fromEntries(Object.entries(money).map(([c, a]) => [c, Math.round(a * 100) / 100]));
}

/** The largest amount in any one currency: enough to rank spend without adding currencies together. @internal */
export const largestAmount = (money: Money): number => Math.max(0, ...Object.values(money));

/** Whether every amount rounds to nothing (below a cent), as formatted money shows it. @internal */
export const isZeroMoney = (money: Money): boolean => Object.values(money).every(amount => Math.abs(amount) < 0.005);

/**
 * (after − before) / before, when both are in one and the same currency; null when there are several
 * currencies (they are never converted) or nothing before.
 * @internal
 */
export function changeRatio(after: Money, before: Money): number | null {
  const currencies = new Set([...Object.keys(after), ...Object.keys(before)]);
  if (currencies.size !== 1) return null;
  const [currency] = currencies;
  const from = before[currency] ?? 0;
  return from > 0 ? ((after[currency] ?? 0) - from) / from : null;
}
