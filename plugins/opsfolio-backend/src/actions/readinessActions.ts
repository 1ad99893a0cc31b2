import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CheckState } from '@opsfolio/backstage-plugin-common';
import { costRedaction } from '../scorecards/costRedaction';
import type { ScorecardsService } from '../scorecards/ScorecardsService';
import { ENTITY_ERRORS, entityRefInput, READ_ONLY, readEntity, type Zod } from './shared';

export const READINESS_ACTION = 'get-entity-readiness';

/** States that count as passing a check: everything else holds its level back. */
const PASSING: ReadonlySet<CheckState> = new Set(['pass', 'exempt', 'not-applicable']);

export const readinessOutput = (z: Zod) => {
  const level = z.object({ id: z.string(), title: z.string() });
  return z.object({
    entityRef: z.string(),
    scorecards: z.array(
      z.object({
        scorecardId: z.string(),
        title: z.string(),
        applicable: z
          .boolean()
          .describe("False when the scorecard's filter leaves the entity out: nothing else applies."),
        levels: z.array(level).describe("The scorecard's levels, lowest first, e.g. Bronze, Silver, Gold."),
        level: level.nullable().describe('The highest level the entity reaches; null when not even the first one.'),
        target: level.optional().describe("The level the entity's tier should reach, when the scorecard sets targets."),
        meetsTarget: z.boolean().nullable().describe('Whether `level` is at or above `target`; null without a target.'),
        next: z
          .object({ level, passing: z.number(), total: z.number() })
          .optional()
          .describe('The next level up, and how many of the checks up to it already count as passing.'),
        passing: z.number().describe('Checks that count as passing (pass, exempt, not applicable).'),
        total: z.number().describe('Every check of the scorecard.'),
        notPassing: z
          .array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              level: z.string().describe('The id of the level this check guards.'),
              state: z
                .enum(['fail', 'not-reported', 'stale'])
                .describe(
                  'fail: the fact misses the threshold; not-reported: its source is not set up or has no data; ' +
                    'stale: its data is older than the source schedule allows.'
                ),
              reason: z.string().describe('Why, with the evidence, in one sentence.'),
              since: z.string().describe('ISO instant the check entered this state.'),
              fix: z.object({ text: z.string(), url: z.string().optional() }).describe('How to make the check pass.'),
            })
          )
          .describe('The checks holding the entity back, lowest level first, each with its fix.'),
        evaluatedAt: z.string().describe('ISO instant of the evaluation.'),
      })
    ),
  });
};

/** An entity's readiness level, failing checks and fixes: the scorecard card's answer. */
export function registerReadinessAction(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService; permissions: PermissionsService; scorecards: ScorecardsService }
): void {
  registry.register({
    name: READINESS_ACTION,
    title: "An entity's readiness level, failing checks and fixes",
    description: [
      'Answers how production-ready a Backstage catalog entity is: for each readiness scorecard (e.g. the built-in',
      '"Production readiness" with levels Bronze, Silver, Gold), the highest level it reaches, the level its tier',
      'should reach and whether it does, and every check holding it back (failing, not reported or stale) with the',
      'evidence and how to fix it. A level is reached when every check up to it passes, is exempt or does not apply.',
      'Results are those of the last scheduled evaluation (an entity not evaluated yet is evaluated now). Cost checks',
      `keep their state but lose their evidence for callers without \`opsfolio.cost.read\`. ${ENTITY_ERRORS}`,
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          scorecardId: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe('Only this scorecard, e.g. `production-readiness`; default every scorecard.'),
        }),
      output: readinessOutput,
    },
    action: async ({ input, credentials }) => {
      const entity = await readEntity(deps.catalog, input.entityRef, credentials);
      const entityRef = stringifyEntityRef(entity);
      const known = deps.scorecards.definitions().scorecards.map(s => s.id);
      if (input.scorecardId !== undefined && !known.includes(input.scorecardId)) {
        throw new NotFoundError(`No scorecard ${input.scorecardId}; the scorecards are: ${known.join(', ')}`);
      }
      const [results, redact] = await Promise.all([
        deps.scorecards.entityResults(entity),
        costRedaction(deps.permissions, credentials, entityRef),
      ]);
      return {
        output: {
          entityRef,
          scorecards: results
            .filter(r => input.scorecardId === undefined || r.scorecard.id === input.scorecardId)
            .map(r => {
              const checks = new Map(r.scorecard.checks.map(c => [c.id, c]));
              const rank = new Map(r.scorecard.levels.map((l, i) => [l.id, i]));
              const checkResults = redact.results(r.scorecard, r.results);
              const level = r.level && { id: r.level.id, title: r.level.title };
              const target = r.target && { id: r.target.id, title: r.target.title };
              return {
                scorecardId: r.scorecard.id,
                title: r.scorecard.title,
                applicable: r.applicable,
                levels: r.scorecard.levels.map(l => ({ id: l.id, title: l.title })),
                level,
                target,
                meetsTarget: target ? !!level && rank.get(level.id)! >= rank.get(target.id)! : null,
                next: r.next && {
                  level: { id: r.next.level.id, title: r.next.level.title },
                  passing: r.next.passing,
                  total: r.next.total,
                },
                passing: checkResults.filter(c => PASSING.has(c.state)).length,
                total: checkResults.length,
                notPassing: checkResults
                  .filter(c => !PASSING.has(c.state))
                  .map(c => {
                    const check = checks.get(c.checkId);
                    return {
                      checkId: c.checkId,
                      title: check?.title ?? c.checkId,
                      level: check?.level ?? '',
                      state: c.state as 'fail' | 'not-reported' | 'stale',
                      reason: c.reason,
                      since: c.since,
                      fix: check?.fix ?? { text: '' },
                    };
                  })
                  .sort((a, b) => (rank.get(a.level) ?? 0) - (rank.get(b.level) ?? 0)),
                evaluatedAt: r.evaluatedAt,
              };
            }),
        },
      };
    },
  });
}
