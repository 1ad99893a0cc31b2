import type { CampaignDefinition, Scorecard } from '@opsfolio/backstage-plugin-common';
import { isDay } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';
import { refOf } from '../scorecards/overview';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (at most 63)');
const day = z.string().refine(isDay, 'must be a date, YYYY-MM-DD');
// Bounds keep a hostile body from storing megabytes that every progress computation would then read.
const LIST_MAX = 100;
const list = z
  .array(z.union([z.string().min(1).max(255), z.number()]).transform(String))
  .min(1)
  .max(LIST_MAX);

const filter = z
  .object({
    kind: list.optional(),
    type: list.optional(),
    lifecycle: list.optional(),
    tier: list.optional(),
    owner: list.optional(),
    system: list.optional(),
  })
  .strict();

const milestone = z
  .object({ date: day, share: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1') })
  .strict();

/** One campaign as written in config, a YAML file or an API request body; checked against its scorecard by {@link checkAgainstScorecards}. */
export const campaignSchema = z
  .object({
    id,
    title: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    owner: z
      .string()
      .min(1)
      .max(255)
      .transform(owner => refOf(owner, 'group')),
    scorecardId: z.string().min(1).max(255),
    targetLevel: z.string().min(1).max(255).optional(),
    checks: z.array(z.string().min(1).max(255)).min(1).max(LIST_MAX).optional(),
    filter: filter.optional(),
    startDate: day,
    targetDate: day,
    milestones: z.array(milestone).max(20).optional(),
    link: z.string().url().max(2000).optional(),
    supportChannel: z.string().min(1).max(200).optional(),
    reminders: z.object({ everyDays: z.number().int().min(1).max(90) }).strict().optional(),
    draft: z.boolean().optional(),
    endedOn: day.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((c.targetLevel === undefined) === (c.checks === undefined))
      problem(['targetLevel'], 'give either targetLevel or checks, not both');
    // A date that is not one has its own problem already; comparing it would only add noise.
    if (!isDay(c.startDate) || !isDay(c.targetDate)) return;
    if (c.startDate > c.targetDate) problem(['targetDate'], `is before the start date ${c.startDate}`);
    c.milestones?.forEach((m, i) => {
      if (m.date < c.startDate || m.date > c.targetDate)
        problem(
          ['milestones', i, 'date'],
          `must be between the start and target dates (${c.startDate} to ${c.targetDate})`
        );
      const before = c.milestones![i - 1];
      if (before && (m.date <= before.date || m.share < before.share))
        problem(
          ['milestones', i],
          'milestones must be in date order, each asking for at least the share of the one before'
        );
    });
    if (c.endedOn && c.endedOn < c.startDate) problem(['endedOn'], `is before the start date ${c.startDate}`);
    if (c.checks && new Set(c.checks).size !== c.checks.length) problem(['checks'], 'a check is listed twice');
  }) as unknown as z.ZodType<CampaignDefinition>;

/** What a campaign names that its scorecard lacks: an unknown scorecard, level or check. `[]` when it fits. */
export function checkAgainstScorecards(
  c: CampaignDefinition,
  scorecards: Scorecard[]
): Array<{ path: string; message: string }> {
  const scorecard = scorecards.find(s => s.id === c.scorecardId);
  if (!scorecard)
    return [
      {
        path: 'scorecardId',
        message: `unknown scorecard '${c.scorecardId}' (known: ${scorecards.map(s => s.id).join(', ')})`,
      },
    ];
  const problems: Array<{ path: string; message: string }> = [];
  if (c.targetLevel !== undefined && !scorecard.levels.some(l => l.id === c.targetLevel)) {
    problems.push({
      path: 'targetLevel',
      message: `'${c.targetLevel}' is not a level of ${scorecard.id} (${scorecard.levels.map(l => l.id).join(', ')})`,
    });
  }
  c.checks?.forEach((checkId, i) => {
    if (!scorecard.checks.some(k => k.id === checkId))
      problems.push({ path: `checks[${i}]`, message: `'${checkId}' is not a check of ${scorecard.id}` });
  });
  return problems;
}
