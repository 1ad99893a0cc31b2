import { changeRatio, type Money } from '@opsfolio/backstage-plugin-common';

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(currency: string, cents: boolean) {
  const key = `${currency}:${cents}`;
  if (!formatters.has(key)) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: cents ? 2 : 0, minimumFractionDigits: cents ? 2 : 0 });
    } catch {
      // Not an ISO 4217 code Intl knows: show the code after the number.
      format = new Intl.NumberFormat('en-US', { maximumFractionDigits: cents ? 2 : 0 });
    }
    formatters.set(key, format);
  }
  return formatters.get(key)!;
}

/** "$1,234", or "$1,234 + €56" with several currencies (never added together); "$0" when empty. */
export function formatMoney(money: Money, options: { cents?: boolean; currency?: string } = {}): string {
  const entries = Object.entries(money).filter(([, amount]) => Math.abs(amount) >= 0.005);
  if (entries.length === 0) return formatter(options.currency ?? 'USD', false).format(0);
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => {
      const text = formatter(currency, options.cents ?? Math.abs(amount) < 100).format(amount);
      return /^[A-Z]{3}$/.test(currency) && !/[^\d\s.,-]/.test(text) ? `${text} ${currency}` : text;
    })
    .join(' + ');
}

/** The change from `before` to `after` in the one currency both share, as "+12%"; undefined when not comparable. */
export function formatChange(after: Money, before: Money): string | undefined {
  const ratio = changeRatio(after, before);
  if (ratio === null) return undefined;
  const pct = ratio * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}
