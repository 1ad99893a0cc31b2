import type { CheckOperator, FactValue } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';

const formatNumber = (text: OpsfolioText, n: number) => {
  const abs = Math.abs(n);
  // Whole numbers for counts and big figures, two decimals for hours, three for small ratios such as 0.125.
  const digits = Number.isInteger(n) || abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  return text.format.number(n, digits);
};

/** A fact as people read it: yes/no, a rounded number, a list; `null` (known to have no value) is "none". */
export function formatValue(text: OpsfolioText, value: FactValue | undefined): string {
  const { t } = text;
  if (value === undefined) return '—';
  if (value === null) return t('scorecards.fact.none');
  if (typeof value === 'boolean') return value ? t('scorecards.fact.yes') : t('scorecards.fact.no');
  if (typeof value === 'number') return formatNumber(text, value);
  if (Array.isArray(value))
    return value.length ? value.join(t('scorecards.fact.listSeparator')) : t('scorecards.fact.none');
  return value;
}

/** The check's condition as configured: ">= 2", "in elite, high", "exists", "matches /^v\d+/". */
export function formatThreshold(text: OpsfolioText, check: { operator: CheckOperator; threshold?: FactValue }): string {
  const { t } = text;
  switch (check.operator) {
    case 'exists':
      return t('scorecards.fact.exists');
    case 'matches':
      return t('scorecards.fact.matches', { pattern: String(check.threshold ?? '') });
    case 'in':
      return t('scorecards.fact.in', { values: formatValue(text, check.threshold) });
    default:
      return t('scorecards.fact.compare', { operator: check.operator, value: formatValue(text, check.threshold) });
  }
}
