import type { CheckOperator, FactValue } from '@opsfolio/backstage-plugin-common';

const formatNumber = (n: number) => {
  const abs = Math.abs(n);
  // Whole numbers for counts and big figures, two decimals for hours, three for small ratios such as 0.125.
  const digits = Number.isInteger(n) || abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  return new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(n);
};

/** A fact as people read it: yes/no, a rounded number, a list; `null` (known to have no value) is "none". */
export function formatValue(value: FactValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return value;
}

/** The check's condition as configured: ">= 2", "in elite, high", "exists", "matches /^v\d+/". */
export function formatThreshold(check: { operator: CheckOperator; threshold?: FactValue }): string {
  switch (check.operator) {
    case 'exists':
      return 'exists';
    case 'matches':
      return `matches /${String(check.threshold ?? '')}/`;
    case 'in':
      return `in ${formatValue(check.threshold)}`;
    default:
      return `${check.operator} ${formatValue(check.threshold)}`;
  }
}
