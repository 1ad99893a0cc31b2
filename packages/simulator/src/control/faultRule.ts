import { z } from 'zod';
import { VENDOR_NAMES } from '../vendors/types';

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name');

/** A fault rule as POSTed to /_control/faults. */
export const faultRuleSchema = z
  .strictObject({
    vendor: z.enum(VENDOR_NAMES),
    // -- which requests
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, 'must be an HTTP method')
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z.string().regex(/^\//, 'must start with "/"; "*" matches one segment, "**" any number'),
    query: z.record(z.string(), z.string()).optional(),
    requestHeaders: z.record(headerName, z.string()).optional(),
    // -- what happens
    status: z.number().int().min(100).max(599).optional(),
    retryAfter: z.number().int().min(0).optional(),
    headers: z.record(headerName, z.string()).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    malformedBody: z.literal(true).optional(),
    body: z.unknown().optional(),
    /** with `status`: the vendor's error name where the vendor names errors (AWS `__type`, e.g. DataUnavailableException) */
    errorType: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be an error name such as DataUnavailableException')
      .optional(),
    // -- how often
    times: z.number().int().min(1).optional(),
    onNth: z.number().int().min(1).optional(),
  })
  .superRefine((rule, ctx) => {
    const effects = [rule.status, rule.retryAfter, rule.headers, rule.delayMs, rule.malformedBody];
    if (effects.every((e) => e === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give at least one effect: status, retryAfter, headers, delayMs or malformedBody',
      });
    }
    if (rule.retryAfter !== undefined && rule.status === undefined) {
      ctx.addIssue({ code: 'custom', path: ['retryAfter'], message: 'needs a status, e.g. 429 or 503' });
    }
    if (rule.errorType !== undefined && (rule.status === undefined || rule.malformedBody || rule.body !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['errorType'], message: 'needs a status, and no body or malformedBody' });
    }
    if (rule.body !== undefined && (rule.status === undefined || rule.malformedBody)) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'needs a status and no malformedBody' });
    }
  });

export type FaultRule = z.output<typeof faultRuleSchema>;

/** "/repos/*\/*": "*" is one path segment, "**" any run of characters including "/". */
export function pathPattern(pattern: string): RegExp {
  const source = pattern
    .replace(/\/+$/, '')
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

export interface RequestFacts {
  method: string;
  path: string;
  query: Record<string, unknown>;
  header(name: string): string | undefined;
}

export function matchesRequest(rule: FaultRule, pattern: RegExp, req: RequestFacts): boolean {
  if (rule.method !== undefined && rule.method !== req.method.toUpperCase()) return false;
  if (!pattern.test(req.path)) return false;
  for (const [key, wanted] of Object.entries(rule.query ?? {})) {
    const actual = req.query[key];
    const values = Array.isArray(actual) ? actual : [actual];
    if (!values.includes(wanted)) return false;
  }
  for (const [name, wanted] of Object.entries(rule.requestHeaders ?? {})) {
    if (req.header(name) !== wanted) return false;
  }
  return true;
}
