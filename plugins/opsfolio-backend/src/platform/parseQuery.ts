import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/** A request's query checked against its schema; a 400 naming every bad parameter otherwise. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new InputError(parsed.error.issues.map(i => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  return parsed.data;
}
