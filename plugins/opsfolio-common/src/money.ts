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

/**
 * Rounds parts of a whole to cents so that the rounded parts add up to the rounded whole (the largest
 * remainder method), currency by currency: each part moves by less than a cent, and the cents the rounding
 * gains or loses go to the parts with the largest fractions. Shown side by side with their total, parts
 * rounded one by one can miss it by a cent per few parts. @internal
 */
export function roundToWhole(parts: Money[]): Money[] {
  const rounded = parts.map((): Money => ({}));
  const currencies = new Set(parts.flatMap(part => Object.keys(part)));
  for (const currency of currencies) {
    const held = parts.flatMap((part, i) => (part[currency] === undefined ? [] : [i]));
    // In cents, without the float noise of ×100 (1.005 × 100 = 100.49999…).
    const cents = held.map(i => Math.round(parts[i][currency] * 100 * 1e6) / 1e6);
    const floors = cents.map(Math.floor);
    let left = Math.round(cents.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
    const byRemainder = cents.map((_, k) => k).sort((a, b) => cents[b] - floors[b] - (cents[a] - floors[a]) || a - b);
    for (const k of byRemainder) {
      if (left <= 0) break;
      floors[k]++;
      left--;
    }
    held.forEach((i, k) => (rounded[i][currency] = floors[k] / 100));
  }
  return rounded;
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
