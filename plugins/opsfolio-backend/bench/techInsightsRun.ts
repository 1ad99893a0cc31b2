/**
 * Part 2 of the scorecards benchmark (scorecards.bench.ts): Tech Insights' JSON rules engine on the same facts. The
 * default scorecard's checks become json-rules-engine checks for `JsonRulesEngineFactChecker`, served by an in-memory
 * `TechInsightsStore` holding each entity's reported facts (one fact retriever per pillar); `benchTechInsights` runs
 * them for every entity BENCH_TI_CONCURRENCY at a time, prints the time and the ratio to our full evaluation, and
 * how TI's answers compare with ours.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  JsonRulesEngineFactChecker,
  type JsonRuleBooleanCheckResult,
  type JsonRulesEngineFactCheckerOptions,
  type TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { CheckOperator, CheckState, EntityScorecardResult, Scorecard } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer } from '@opsfolio/backstage-plugin-node';
import { performance } from 'node:perf_hooks';
import { CHECK_STATES } from '../src/scorecards/engine';
import { PRODUCTION_READINESS } from '../src/scorecards/productionReadiness';
import { best, median, ms, n } from './benchFormat';
import { describedFact, int, noopLogger, type Subject } from './scorecardsWorld';

const TI_CONCURRENCY = int('BENCH_TI_CONCURRENCY', 100);
const TARGET_RATIO = 10;

type TechInsightsStore = JsonRulesEngineFactCheckerOptions['repository'];
type FactRow = Awaited<ReturnType<TechInsightsStore['getLatestFactsByIds']>>[string];
type FactSchema = Awaited<ReturnType<TechInsightsStore['getLatestSchemas']>>[number];

const JSON_RULES_OPERATORS: Partial<Record<CheckOperator, string>> = {
  '=': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  in: 'in',
};
/** A fact retriever per pillar, as TI deployments usually have; its facts keep their ids (`oncall.mapped`). */
const retrieverOf = (factId: string) => `opsfolio-${factId.split('.')[0]}`;

/** The default scorecard's checks as json-rules-engine checks: one condition each, the same fact and threshold. */
function techInsightsChecks(scorecard: Scorecard): TechInsightJsonRuleCheck[] {
  return scorecard.checks.map(c => {
    const operator = JSON_RULES_OPERATORS[c.operator];
    if (!operator) throw new Error(`no json-rules-engine operator for ${c.operator}`);
    return {
      id: c.id,
      type: JSON_RULE_ENGINE_CHECK_TYPE,
      name: c.title,
      description: c.description,
      factIds: [retrieverOf(c.fact)],
      rule: { conditions: { all: [{ fact: c.fact, operator, value: c.threshold as never }] } },
    };
  });
}

function techInsightsSchemas(scorecard: Scorecard): Map<string, FactSchema> {
  const schemas = new Map<string, FactSchema>();
  for (const c of scorecard.checks) {
    const f = describedFact(c.fact);
    const type = f.type === 'boolean' ? 'boolean' : f.type === 'string' ? 'string' : f.type === 'number' ? 'integer' : 'float';
    const schema = schemas.get(retrieverOf(f.id)) ?? schemas.set(retrieverOf(f.id), {}).get(retrieverOf(f.id))!;
    schema[f.id] = { type, description: f.description };
  }
  return schemas;
}

/** The reported values of each entity's facts as TI fact rows; a not-reported fact is left out (TI has no such state). */
function techInsightsRows(subjects: Subject[], facts: Map<string, Record<string, FactAnswer>>): Map<string, Record<string, FactRow>> {
  const rows = new Map<string, Record<string, FactRow>>();
  for (const s of subjects) {
    const entity = { namespace: 'default', kind: s.entity.kind, name: s.entity.metadata.name };
    const byRetriever: Record<string, FactRow> = {};
    for (const [id, answer] of Object.entries(facts.get(s.entityRef) ?? {})) {
      if ('notReported' in answer || 'notApplicable' in answer) continue;
      const retriever = retrieverOf(id);
      const row = byRetriever[retriever] ?? (byRetriever[retriever] = { id: retriever, entity, facts: {} });
      row.facts[id] = answer.value as FactRow['facts'][string];
    }
    rows.set(stringifyEntityRef(s.entity), byRetriever);
  }
  return rows;
}

function inMemoryTechInsightsStore(rows: Map<string, Record<string, FactRow>>, schemas: Map<string, FactSchema>): TechInsightsStore {
  const notUsed = () => Promise.reject(new Error('not used by the benchmark'));
  return {
    insertFacts: notUsed,
    getEntities: notUsed,
    getFactsBetweenTimestampsByIds: notUsed,
    insertFactSchema: notUsed,
    async getLatestFactsByIds(ids, entity) {
      const all = rows.get(entity) ?? {};
      return Object.fromEntries([...new Set(ids)].filter(id => all[id]).map(id => [id, all[id]]));
    },
    async getLatestSchemas(ids) {
      return [...new Set(ids ?? schemas.keys())].flatMap(id => (schemas.has(id) ? [schemas.get(id)!] : []));
    },
  };
}

/** At most `concurrency` at a time, like the p-limit TI's bulk route uses. */
async function eachLimited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

export async function benchTechInsights(subjects: Subject[], facts: Map<string, Record<string, FactAnswer>>, ours: EntityScorecardResult[], oursFullMs: number[]) {
  const checks = techInsightsChecks(PRODUCTION_READINESS);
  const store = inMemoryTechInsightsStore(techInsightsRows(subjects, facts), techInsightsSchemas(PRODUCTION_READINESS));
  const checker = new JsonRulesEngineFactChecker({ checks, repository: store, logger: noopLogger });
  const validations = await Promise.all(checks.map(c => checker.validate(c)));
  const invalid = validations.map((v, i) => (v.valid ? undefined : `${checks[i].id}: ${v.message}`)).filter(Boolean);
  if (invalid.length) throw new Error(`Tech Insights rejects the checks: ${invalid.join('; ')}`);

  const refs = subjects.map(s => stringifyEntityRef(s.entity));
  const runOnce = async () => {
    const results = new Map<string, JsonRuleBooleanCheckResult[]>();
    const errors: string[] = [];
    const start = performance.now();
    await eachLimited(refs, TI_CONCURRENCY, async ref => {
      try {
        results.set(ref, await checker.runChecks(ref));
      } catch (error) {
        errors.push(`${ref}: ${(error as Error).message}`);
        results.set(ref, []);
      }
    });
    return { ms: performance.now() - start, results, errors };
  };
  const first = await runOnce();
  const runs = [first];
  const tiRuns = int('BENCH_TI_RUNS', first.ms < 10_000 ? 3 : 1);
  while (runs.length < tiRuns) runs.push(await runOnce());
  const times = runs.map(r => r.ms);
  const { results, errors } = runs[runs.length - 1];

  console.log(
    `\n## Tech Insights: JsonRulesEngineFactChecker.runChecks, the same ${checks.length} checks as json-rules-engine rules, ` +
      `${n(refs.length)} entities, ${TI_CONCURRENCY} at a time, in-memory TechInsightsStore, ${runs.length} run${runs.length > 1 ? 's' : ''}`,
  );
  console.log(`  time: best ${ms(best(times))}, median ${ms(median(times))} (${times.map(t => t.toFixed(0)).join(', ')} ms)`);
  console.log(
    `  ratio TI / ours (full evaluation): ${(median(times) / median(oursFullMs)).toFixed(1)}x on medians, ${(best(times) / best(oursFullMs)).toFixed(1)}x on bests; ` +
      `target >= ${TARGET_RATIO}x: ${median(times) / median(oursFullMs) >= TARGET_RATIO ? 'yes' : '**no**'}`,
  );

  // How TI's answers compare with ours, check by check.
  const byOurState = new Map<CheckState, { tiPass: number; tiFail: number; tiNone: number }>();
  let returned = 0;
  let entitiesMissingChecks = 0;
  subjects.forEach((_, i) => {
    const ti = new Map((results.get(refs[i]) ?? []).map(r => [r.check.id, r.result]));
    returned += ti.size;
    if (ti.size < checks.length) entitiesMissingChecks += 1;
    for (const r of ours[i].results) {
      const row = byOurState.get(r.state) ?? byOurState.set(r.state, { tiPass: 0, tiFail: 0, tiNone: 0 }).get(r.state)!;
      const answer = ti.get(r.checkId);
      if (answer === undefined) row.tiNone += 1;
      else if (answer) row.tiPass += 1;
      else row.tiFail += 1;
    }
  });
  const expected = refs.length * checks.length;
  console.log(
    `  TI results: ${n(returned)} of ${n(expected)} check results returned; ${n(expected - returned)} checks silently skipped (a fact missing: not reported to us) ` +
      `on ${n(entitiesMissingChecks)} entities; ${n(errors.length)} entities errored${errors.length ? ` (first: ${errors[0]})` : ''}`,
  );
  for (const [state, c] of [...byOurState].sort(([a], [b]) => CHECK_STATES.indexOf(a) - CHECK_STATES.indexOf(b))) {
    console.log(`  where ours is ${state.padEnd(12)}: TI pass ${n(c.tiPass)}, TI fail ${n(c.tiFail)}, TI no result ${n(c.tiNone)}`);
  }
  return { times };
}
