import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Control characters (NUL, line breaks, tabs, DEL): they break one-line displays, CSV rows and PostgreSQL text. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f]/;
import { describeIssues } from './zodIssues';

/** A request's query checked against its schema; a 400 naming every bad parameter otherwise. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new InputError(describeIssues(parsed.error, { whole: 'query', dotted: true }).join('; '));
  return parsed.data;
}

/**
 * A whole number in a query string, written as digits only: `limit[]=1`, `offset=` or `limit=1e1` are 400s,
 * not read as 1, 0 or 10.
 */
export const queryInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/**
 * A text filter in a query string: trimmed, 1–255 characters, no control characters (PostgreSQL refuses a
 * NUL byte in text, which would be a 500 on one database and a 200 on the other).
 */
export const queryText = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(s => !CONTROL.test(s), 'must not contain control characters');
