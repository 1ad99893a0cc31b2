import { changeRatio, type Money } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioFormat } from '../translation/format';

const changeFormats = new Map<string, Intl.NumberFormat>();
function changeFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  if (!changeFormats.has(key)) {
    changeFormats.set(
      key,
      new Intl.NumberFormat(locale, {
        style: 'percent',
        signDisplay: 'always',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      })
    );
  }
  return changeFormats.get(key)!;
}

/**
 * The change from `before` to `after` in the one currency both share, as "+12%" (one fraction digit under 10%:
 * "-5.0%") in the app's language; undefined when not comparable.
 */
export function formatChange(format: OpsfolioFormat, after: Money, before: Money): string | undefined {
  const ratio = changeRatio(after, before);
  if (ratio === null) return undefined;
  // `+ 0` turns -0 into 0, which reads "+0.0%" rather than "-0.0%".
  return changeFormat(format.locale, Math.abs(ratio * 100) < 10 ? 1 : 0).format(ratio + 0);
}
