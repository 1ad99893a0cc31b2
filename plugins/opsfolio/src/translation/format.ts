import { DAY_MS, HOUR_MS, monthStart, startOfDay, type Money } from '@opsfolio/backstage-plugin-common';
import type { TranslationFunction } from '@backstage/frontend-plugin-api';
import type { opsfolioTranslationRef } from './opsfolioTranslationRef';

/** The translation function of Opsfolio's texts. */
export type OpsfolioT = TranslationFunction<(typeof opsfolioTranslationRef)['T']>;

/** A usable Intl locale for the app's language; the app may name one Intl does not know. */
function intlLocale(language: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(language || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const AGE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', 60_000],
];

const cache = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string, cents: boolean): Intl.NumberFormat {
  const key = `${locale}:${currency}:${cents}`;
  if (!cache.has(key)) {
    const digits = { maximumFractionDigits: cents ? 2 : 0, minimumFractionDigits: cents ? 2 : 0 };
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits });
    } catch {
      // Not an ISO 4217 code Intl knows: show the code after the number.
      format = new Intl.NumberFormat(locale, digits);
    }
    cache.set(key, format);
  }
  return cache.get(key)!;
}

/**
 * Numbers, money, dates and ages in the app's language. Everything Opsfolio shows goes through one of
 * these, so a German user reads "1.234,50 €" and "vor 5 Minuten" without Opsfolio knowing German.
 */
export function createFormat(language: string, t: OpsfolioT) {
  const locale = intlLocale(language);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = (n: number, maximumFractionDigits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);
  return {
    locale,
    /** "1,234"; `digits` is the most fraction digits shown ("3.2", never "3.20"). */
    number,
    /** A ratio as a percentage: 0.125 → "12.5%". */
    percent: (ratio: number, maximumFractionDigits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio),
    /** "$1,234", or "$1,234 + €56" with several currencies (never added together); "$0" when empty. */
    money(money: Money, options: { cents?: boolean; currency?: string } = {}): string {
      const entries = Object.entries(money).filter(([, amount]) => Math.abs(amount) >= 0.005);
      if (entries.length === 0) return currencyFormat(locale, options.currency ?? 'USD', false).format(0);
      return entries
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, amount]) => {
          const text = currencyFormat(locale, currency, options.cents ?? Math.abs(amount) < 100).format(amount);
          return /^[A-Z]{3}$/.test(currency) && !/[^\d\s.,'\u00a0\u202f-]/.test(text) ? `${text} ${currency}` : text;
        })
        .join(' + ');
    },
    /** A date and time as the browser shows them in this language. */
    dateTime: (iso: string | number | Date) => new Date(iso).toLocaleString(locale),
    /** "Jun 5" in English, "5. Juni" in German; days are UTC dates. */
    dayMonth: (iso: string | number | Date) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso)),
    /** "Jun 5, 2026" in English, "5. Juni 2026" in German; days are UTC dates. */
    day: (iso: string | number | Date) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(iso)
      ),
    /** "Jun 2026" from `2026-06` or `2026-06-01`. */
    month: (periodOrDay: string) =>
      new Date(startOfDay(monthStart(periodOrDay))).toLocaleString(locale, {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    /** "5 minutes ago", "3 days ago": how old a timestamp is, for freshness lines and last deploys. */
    age(iso: string | undefined, now: Date = new Date()): string {
      if (!iso) return t('common.age.never');
      const elapsed = now.getTime() - Date.parse(iso);
      if (elapsed < 60_000) return t('common.age.justNow');
      // Days up to three months read better than "1 month ago" for deploy history.
      for (const [unit, ms] of AGE_UNITS) {
        if (unit === 'month' && elapsed < 90 * DAY_MS) continue;
        if (unit === 'year' && elapsed < 730 * DAY_MS) continue;
        if (elapsed >= ms) return relative.format(-Math.floor(elapsed / ms), unit);
      }
      return t('common.age.justNow');
    },
  };
}

/** Formatting bound to the app's language: see {@link createFormat}. */
export type OpsfolioFormat = ReturnType<typeof createFormat>;

/** What every text-producing helper takes: the translation function and the language's formats. */
export interface OpsfolioText {
  t: OpsfolioT;
  format: OpsfolioFormat;
}
