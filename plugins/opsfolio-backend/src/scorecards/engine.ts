import type {
  CheckResult,
  CheckState,
  EntityScorecardResult,
  Exemption,
  Scorecard,
  ScorecardCheck,
} from '@opsfolio/backstage-plugin-common';
import type { FactAnswer } from '@opsfolio/backstage-plugin-node';
import { exemptionFor } from './exemptions';
import { compileFilter, type EntityInfo } from './filter';
import { formatCondition, formatFactValue, meets } from './operators';

/** Every check state, in the order they are listed. */
export const CHECK_STATES = [
  'pass',
  'fail',
  'exempt',
  'not-applicable',
  'not-reported',
  'stale',
] as const satisfies readonly CheckState[];

/** States that let a level be reached: exempt and not applicable count as passing. */
export const COUNTS_AS_PASSING: ReadonlySet<CheckState> = new Set(['pass', 'exempt', 'not-applicable']);

/** A scorecard prepared once for many entities: levels indexed, regular expressions compiled. */
export interface CompiledScorecard {
  scorecard: Scorecard;
  levelIndex: Map<string, number>;
  applies: (info: EntityInfo) => boolean;
  checks: Array<{ check: ScorecardCheck; level: number; pattern?: RegExp; condition: string; applies: (info: EntityInfo) => boolean }>;
  /** Lower-case `<checkId>` and `<scorecardId>/<checkId>`: what an exemption of this scorecard may name. */
  exemptionNames: Set<string>;
}

export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  const levelIndex = new Map(scorecard.levels.map((l, i) => [l.id, i]));
  return {
    scorecard,
    levelIndex,
    applies: compileFilter(scorecard.filter),
    checks: scorecard.checks.map(check => ({
      applies: compileFilter(check.filter),
      check,
      level: levelIndex.get(check.level) ?? 0,
      pattern: check.operator === 'matches' ? new RegExp(String(check.threshold)) : undefined,
      condition: formatCondition(check.operator, check.threshold),
    })),
    exemptionNames: new Set(scorecard.checks.flatMap(c => [c.id.toLowerCase(), `${scorecard.id}/${c.id}`.toLowerCase()])),
  };
}

export interface EvaluationInput {
  info: EntityInfo;
  facts: Record<string, FactAnswer> | undefined;
  exemptions: Exemption[];
  /** Names of facts (`id` → title) for the evidence sentences. */
  factTitles: ReadonlyMap<string, string>;
  now: Date;
}

// Runs 10,000 entities × every check in a bulk evaluation: nothing here is computed per check that can be computed once.
function checkResult(c: CompiledScorecard['checks'][number], input: EvaluationInput, scorecardId: string, since: string): CheckResult {
  const { check } = c;
  if (!c.applies(input.info)) {
    return { checkId: check.id, state: 'not-applicable', reason: 'The check does not apply to this entity.', condition: c.condition, since };
  }
  const answer = input.facts?.[check.fact];
  const title = input.factTitles.get(check.fact) ?? check.fact;
  const exemption = input.exemptions.length ? exemptionFor(input.exemptions, scorecardId, check.id) : undefined;
  let result: CheckResult;
  if (answer && 'notApplicable' in answer) {
    return { checkId: check.id, state: 'not-applicable', reason: `${title}: nothing to judge (${answer.notApplicable}).`, condition: c.condition, since };
  }
  if (!answer || 'notReported' in answer) {
    result = {
      checkId: check.id,
      state: 'not-reported',
      reason: answer ? `${title}: not reported (${answer.notReported}).` : `${title}: not reported (no provider answered for this entity).`,
      condition: c.condition,
      since,
    };
  } else {
    const ok = meets(answer.value, check.operator, check.threshold, c.pattern);
    const stale =
      answer.observedAt !== undefined && answer.maxAgeMs !== undefined && input.now.getTime() - Date.parse(answer.observedAt) > answer.maxAgeMs;
    const evidence = `${title}: ${formatFactValue(answer.value)} (needs ${c.condition})`;
    result = {
      checkId: check.id,
      state: stale ? 'stale' : ok ? 'pass' : 'fail',
      value: answer.value,
      reason: stale ? `${evidence}; the data is older than its source's schedule allows.` : `${evidence}.`,
      observedAt: answer.observedAt,
      condition: c.condition,
      since,
    };
  }
  if (exemption) {
    result.exemption = exemption;
    // An expired exemption stops counting: the real state shows, with the exemption reported beside it.
    if (!exemption.expired && result.state !== 'pass') {
      result = { ...result, state: 'exempt', reason: `Exempt until ${exemption.until}: ${exemption.reason} (${result.reason})` };
    }
  }
  return result;
}

/** The level reached by a scorecard's results (in check order) and the progress toward the next one. Pure. */
export function levelOf(compiled: CompiledScorecard, results: CheckResult[]): Pick<EntityScorecardResult, 'level' | 'next'> {
  const { scorecard } = compiled;
  const state = new Map(results.map(r => [r.checkId, r.state]));
  const passes = (checkId: string) => COUNTS_AS_PASSING.has(state.get(checkId) ?? 'not-reported');
  const failingAt = scorecard.levels.map(() => 0);
  for (const c of compiled.checks) if (!passes(c.check.id)) failingAt[c.level] += 1;
  let reached = -1;
  while (reached + 1 < scorecard.levels.length && failingAt[reached + 1] === 0) reached += 1;
  const nextIndex = reached + 1;
  let next: EntityScorecardResult['next'];
  if (nextIndex < scorecard.levels.length) {
    const counted = compiled.checks.filter(c => c.level <= nextIndex && state.get(c.check.id) !== 'not-applicable');
    next = { level: scorecard.levels[nextIndex], passing: counted.filter(c => passes(c.check.id)).length, total: counted.length };
  }
  return { level: reached >= 0 ? scorecard.levels[reached] : null, next };
}

/**
 * One scorecard on one entity. Pure. A level is reached when every check of that level and of the levels
 * below counts as passing (pass, exempt, not applicable); the entity's level is the highest level reached
 * with no gap below it. `since` is the evaluation time: the store keeps the earlier one while the state holds.
 */
export function evaluateScorecard(compiled: CompiledScorecard, input: EvaluationInput): EntityScorecardResult {
  const { scorecard } = compiled;
  const evaluatedAt = input.now.toISOString();
  const applicable = compiled.applies(input.info);
  const target = input.info.tier !== undefined ? scorecard.targets?.[input.info.tier] : undefined;
  const base = {
    scorecard,
    entityRef: input.info.entityRef,
    target: target ? scorecard.levels.find(l => l.id === target) : undefined,
    evaluatedAt,
  };
  if (!applicable) return { ...base, applicable, level: null, results: [], exemptionProblems: [] };

  const since = evaluatedAt;
  const results = compiled.checks.map(c => checkResult(c, input, scorecard.id, since));
  const { level, next } = levelOf(compiled, results);
  const exemptionProblems = input.exemptions
    .filter(e => e.expired && compiled.exemptionNames.has(e.check.toLowerCase()))
    .map(e => `The exemption for ${e.check} expired on ${e.until} and no longer counts.`);
  return {
    ...base,
    applicable,
    level,
    next,
    results,
    exemptionProblems,
  };
}
