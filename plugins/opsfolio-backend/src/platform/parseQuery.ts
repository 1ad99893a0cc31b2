import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import { describeIssues } from './zodIssues';

/** A request's query checked against its schema; a 400 naming every bad parameter otherwise. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new InputError(describeIssues(parsed.error, { whole: 'query', dotted: true }).join('; '));
  return parsed.data;
}
