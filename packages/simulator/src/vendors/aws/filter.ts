import type { CostLine } from '../../data/cost';
import { AwsError, validation } from './errors';

// Cost Explorer's Filter expression: exactly one of And | Or | Not | Dimensions | Tags | CostCategories.
// Evaluated on the model's lines. Every simulated cost is a `Usage` record of one account, so the usual
// `Not RECORD_TYPE [Credit, Refund, Tax]` keeps everything; a cost category matches a component's
// `costCategory` (uncategorised spend is ABSENT). A dimension the lines don't carry is refused (400) rather than silently ignored.

interface Leaf {
  Key: string;
  Values: string[];
  MatchOptions: string[];
}

export type Expression =
  | { And: Expression[] }
  | { Or: Expression[] }
  | { Not: Expression }
  | { Dimensions: Leaf }
  | { Tags: Leaf }
  | { CostCategories: Leaf };

const FILTER_DIMENSIONS = ['SERVICE', 'SERVICE_CODE', 'LINKED_ACCOUNT', 'RECORD_TYPE'];
const MATCH_OPTIONS = ['EQUALS', 'ABSENT', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'CASE_SENSITIVE', 'CASE_INSENSITIVE'];
const KINDS = ['And', 'Or', 'Not', 'Dimensions', 'Tags', 'CostCategories'] as const;

export function checkExpression(value: unknown, path: string): Expression {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validation(value, path, 'Member must be a structure');
  }
  const present = KINDS.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (present.length !== 1) {
    throw new AwsError('ValidationException', `Expression at ${path} must have exactly one of ${KINDS.join(', ')}`);
  }
  const kind = present[0]!;
  const inner = (value as Record<string, unknown>)[kind];
  if (kind === 'And' || kind === 'Or') {
    if (!Array.isArray(inner) || inner.length < 2) {
      throw new AwsError('ValidationException', `${kind} at ${path} needs a list of at least 2 expressions`);
    }
    return { [kind]: inner.map((e, i) => checkExpression(e, `${path}.${kind.toLowerCase()}.${i + 1}`)) } as Expression;
  }
  if (kind === 'Not') return { Not: checkExpression(inner, `${path}.not`) };
  const leaf = checkLeaf(inner, `${path}.${kind.toLowerCase()}`);
  if (kind === 'Dimensions' && !FILTER_DIMENSIONS.includes(leaf.Key)) {
    throw new AwsError(
      'ValidationException',
      `Filter on dimension ${leaf.Key} is not simulated; use one of ${FILTER_DIMENSIONS.join(', ')}`,
    );
  }
  return { [kind]: leaf } as Expression;
}

function checkLeaf(value: unknown, path: string): Leaf {
  const leaf = (value ?? {}) as Record<string, unknown>;
  if (typeof leaf.Key !== 'string' || leaf.Key === '') throw validation(leaf.Key, `${path}.key`, 'Member must not be null');
  const values = leaf.Values ?? [];
  const options = leaf.MatchOptions ?? [];
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    throw validation(values, `${path}.values`, 'Member must be a list of strings');
  }
  if (!Array.isArray(options) || options.some((o) => !MATCH_OPTIONS.includes(o))) {
    throw validation(options, `${path}.matchOptions`, `Member must satisfy enum value set: [${MATCH_OPTIONS.join(', ')}]`);
  }
  return { Key: leaf.Key, Values: values, MatchOptions: options };
}

/** Whether the line passes the filter; `accountId` is the one linked account. */
export function matches(expr: Expression, line: CostLine, accountId: string): boolean {
  if ('And' in expr) return expr.And.every((e) => matches(e, line, accountId));
  if ('Or' in expr) return expr.Or.some((e) => matches(e, line, accountId));
  if ('Not' in expr) return !matches(expr.Not, line, accountId);
  if ('Dimensions' in expr) {
    const value = { SERVICE: line.service, SERVICE_CODE: line.serviceCode, LINKED_ACCOUNT: accountId, RECORD_TYPE: 'Usage' }[
      expr.Dimensions.Key
    ];
    return valueMatches(expr.Dimensions, value);
  }
  if ('Tags' in expr) return valueMatches(expr.Tags, line.tag?.key === expr.Tags.Key ? line.tag.value : undefined);
  return valueMatches(
    expr.CostCategories,
    line.costCategory?.key === expr.CostCategories.Key ? line.costCategory.value : undefined,
  );
}

function valueMatches(leaf: Leaf, value: string | undefined): boolean {
  // A missing tag is ABSENT, and also the empty value ("key$" when grouped).
  if (value === undefined) return leaf.MatchOptions.includes('ABSENT') || leaf.Values.includes('');
  const fold = leaf.MatchOptions.includes('CASE_INSENSITIVE') ? (s: string) => s.toLowerCase() : (s: string) => s;
  const have = fold(value);
  return leaf.Values.some((wanted) => {
    const w = fold(wanted);
    if (leaf.MatchOptions.includes('STARTS_WITH')) return have.startsWith(w);
    if (leaf.MatchOptions.includes('ENDS_WITH')) return have.endsWith(w);
    if (leaf.MatchOptions.includes('CONTAINS')) return have.includes(w);
    return have === w;
  });
}
