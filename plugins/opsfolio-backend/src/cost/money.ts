import type { Money } from '@opsfolio/backstage-plugin-common';

/** Adds `amount` in `currency` into `into` (mutates it): currencies are kept apart, never converted. */
export function addTo(into: Money, currency: string, amount: number): Money {
  into[currency] = (into[currency] ?? 0) + amount;
  return into;
}

/** The sum of several Money values, currency by currency. */
export function sum(values: Iterable<Money>): Money {
  const total: Money = {};
  for (const value of values) for (const [currency, amount] of Object.entries(value)) addTo(total, currency, amount);
  return total;
}

/** Rounds to cents for the API: sums of floats otherwise print as 1234.5600000001. */
export function rounded(money: Money): Money {
  return Object.fromEntries(Object.entries(money).map(([c, a]) => [c, Math.round(a * 100) / 100]));
}

/** For sorting: the largest amount in any currency. */
export const largest = (money: Money) => Math.max(0, ...Object.values(money));
