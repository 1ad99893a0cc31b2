import type { CheckOperator, FactValue } from '@opsfolio/backstage-plugin-common';

const isEmpty = (v: FactValue | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const asNumber = (v: FactValue | undefined): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

/** Equal as numbers when both read as numbers (YAML may give `1` or `'1'` for a tier), else as text. */
function same(a: FactValue | undefined, b: FactValue | undefined): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) return x === y;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return String(a).toLowerCase() === String(b).toLowerCase();
}

/**
 * Whether a fact's value meets a check. Pure. A missing value (null) only meets `= null` and `!=` something
 * else; the ordering operators need numbers; `in` needs the value (or every value of a list) in the
 * threshold's list; `matches` tests the threshold as a regular expression (any value of a list may match).
 */
export function meets(value: FactValue | undefined, operator: CheckOperator, threshold: FactValue | undefined, pattern?: RegExp): boolean {
  switch (operator) {
    case 'exists':
      return !isEmpty(value);
    case '=':
      return value === null || threshold === null ? value === threshold : same(value, threshold);
    case '!=':
      return value === null || threshold === null ? value !== threshold : !same(value, threshold);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [x, y] = [asNumber(value), asNumber(threshold)];
      if (x === undefined || y === undefined) return false;
      return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
    }
    case 'in': {
      const list = Array.isArray(threshold) ? threshold : [threshold];
      const values = Array.isArray(value) ? value : [value];
      return !isEmpty(value) && values.every(v => list.some(t => same(v, t as FactValue)));
    }
    case 'matches': {
      if (isEmpty(value)) return false;
      const re = pattern ?? new RegExp(String(threshold));
      return (Array.isArray(value) ? value : [value]).some(v => re.test(String(v)));
    }
    default:
      return false;
  }
}

/** A value as a person reads it: yes/no, rounded numbers, lists joined, `none` for no value. */
export function formatFactValue(value: FactValue | undefined): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return value;
}

/** `>= 2`, `in elite, high`, `yes`, `a value`: the threshold side of a check, as in "needs >= 2". */
export function formatCondition(operator: CheckOperator, threshold: FactValue | undefined): string {
  if (operator === 'exists') return 'a value';
  return operator === '=' ? formatFactValue(threshold) : `${operator} ${formatFactValue(threshold)}`;
}
