import type { CheckOperator, Scorecard } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';

const CHECK_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'exists', 'matches'] as const satisfies readonly CheckOperator[];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (at most 63)');
const list = z.array(z.union([z.string(), z.number()]).transform(String)).min(1);
const filter = z
  .object({ kind: list.optional(), type: list.optional(), lifecycle: list.optional(), tier: list.optional() })
  .strict();
const factValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]).transform(String))]);

const check = z
  .object({
    id,
    title: z.string().min(1),
    fact: z.string().min(1),
    operator: z.enum(CHECK_OPERATORS),
    threshold: factValue.optional(),
    level: z.string().min(1),
    description: z.string().min(1),
    fix: z.object({ text: z.string().min(1), url: z.string().url().optional() }).strict(),
    filter: filter.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', path: ['threshold'], message });
    if (c.operator === 'exists') {
      if (c.threshold !== undefined) problem('exists takes no threshold');
    } else if (c.threshold === undefined) {
      problem(`${c.operator} needs a threshold`);
    } else if (c.operator === 'in' && !Array.isArray(c.threshold)) {
      problem('in needs a list');
    } else if (['<', '<=', '>', '>='].includes(c.operator) && typeof c.threshold !== 'number') {
      problem(`${c.operator} needs a number`);
    } else if (c.operator === 'matches') {
      try {
        new RegExp(String(c.threshold));
      } catch (error) {
        problem(`not a regular expression: ${(error as Error).message}`);
      }
    }
  });

const level = z.object({ id, title: z.string().min(1) }).strict();

const DEFAULT_LEVELS = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

/** One scorecard as written in app-config or a YAML file; checks and targets must name its levels. */
export const scorecardSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    filter: filter.default({}),
    levels: z.array(level).min(1).default(DEFAULT_LEVELS),
    checks: z.array(check).min(1),
    targets: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const levels = new Set(s.levels.map(l => l.id));
    if (levels.size !== s.levels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level ids must be unique' });
    const seen = new Set<string>();
    s.checks.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `'${c.id}' is used twice` });
      seen.add(c.id);
      if (!levels.has(c.level)) {
        ctx.addIssue({ code: 'custom', path: ['checks', i, 'level'], message: `'${c.level}' is not a level of this scorecard (${[...levels].join(', ')})` });
      }
    });
    for (const [tier, target] of Object.entries(s.targets ?? {})) {
      if (!levels.has(target)) ctx.addIssue({ code: 'custom', path: ['targets', tier], message: `'${target}' is not a level of this scorecard` });
    }
  }) as unknown as z.ZodType<Scorecard>;

