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

/**
 * `Date.parse` of the fact times seen last: a bulk evaluation sees the same few (one per source sync) on
 * 130,000 checks. Forgotten when it grows, so odd inputs cannot make it large.
 */
const parsedTimes = new Map<string, number>();
function timeOf(iso: string): number {
  let ms = parsedTimes.get(iso);
  if (ms === undefined) {
    if (parsedTimes.size >= 1000) parsedTimes.clear();
    ms = Date.parse(iso);
    parsedTimes.set(iso, ms);
  }
  return ms;
}

// Runs 10,000 entities × every check in a bulk evaluation: nothing here is computed per check that can be
// computed once, and each result is built in one go (allocation, not arithmetic, is what costs here).
function checkResult(
  c: CompiledScorecard['checks'][number],
  input: EvaluationInput,
  scorecardId: string,
  since: string,
  nowMs: number,
): CheckResult {
  const { check, condition } = c;
  if (!c.applies(input.info)) {
    return { checkId: check.id, state: 'not-applicable', reason: 'The check does not apply to this entity.', condition, since };
  }
  const answer = input.facts?.[check.fact];
  const title = input.factTitles.get(check.fact) ?? check.fact;
  if (answer && 'notApplicable' in answer) {
    return { checkId: check.id, state: 'not-applicable', reason: `${title}: nothing to judge (${answer.notApplicable}).`, condition, since };
  }
  let result: CheckResult;
  if (!answer || 'notReported' in answer) {
    result = {
      checkId: check.id,
      state: 'not-reported',
      reason: answer ? `${title}: not reported (${answer.notReported}).` : `${title}: not reported (no provider answered for this entity).`,
      condition,
      since,
    };
  } else {
    const stale = answer.observedAt !== undefined && answer.maxAgeMs !== undefined && nowMs - timeOf(answer.observedAt) > answer.maxAgeMs;
    const value = formatFactValue(answer.value);
    result = {
      checkId: check.id,
      state: stale ? 'stale' : meets(answer.value, check.operator, check.threshold, c.pattern) ? 'pass' : 'fail',
      value: answer.value,
      reason: stale
        ? `${title}: ${value} (needs ${condition}); the data is older than its source's schedule allows.`
        : `${title}: ${value} (needs ${condition}).`,
      observedAt: answer.observedAt,
      condition,
      since,
    };
  }
  const exemption = input.exemptions.length ? exemptionFor(input.exemptions, scorecardId, check.id) : undefined;
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
  const { scorecard, checks } = compiled;
  // Results fresh from `evaluateScorecard` are in check order; stored ones may not be (the scorecard changed).
  const inOrder = results.length === checks.length && checks.every((c, i) => results[i].checkId === c.check.id);
  const byId = inOrder ? undefined : new Map(results.map(r => [r.checkId, r.state]));
  const states: CheckState[] = checks.map((c, i) => (inOrder ? results[i].state : (byId!.get(c.check.id) ?? 'not-reported')));
  const failingAt = scorecard.levels.map(() => 0);
  for (let i = 0; i < checks.length; i++) if (!COUNTS_AS_PASSING.has(states[i])) failingAt[checks[i].level] += 1;
  let reached = -1;
  while (reached + 1 < scorecard.levels.length && failingAt[reached + 1] === 0) reached += 1;
  const nextIndex = reached + 1;
  let next: EntityScorecardResult['next'];
  if (nextIndex < scorecard.levels.length) {
    let passing = 0;
    let total = 0;
    for (let i = 0; i < checks.length; i++) {
      if (checks[i].level > nextIndex || states[i] === 'not-applicable') continue;
      total += 1;
      if (COUNTS_AS_PASSING.has(states[i])) passing += 1;
    }
    next = { level: scorecard.levels[nextIndex], passing, total };
  }
  return { level: reached >= 0 ? scorecard.levels[reached] : null, next };
}

/** `toISOString` of the evaluation time, once per bulk evaluation rather than once per entity. */
let lastNow: { ms: number; iso: string } | undefined;
function isoOf(now: Date): string {
  const ms = now.getTime();
  if (lastNow?.ms !== ms) lastNow = { ms, iso: now.toISOString() };
  return lastNow.iso;
}

/**
 * One scorecard on one entity. Pure. A level is reached when every check of that level and of the levels
 * below counts as passing (pass, exempt, not applicable); the entity's level is the highest level reached
 * with no gap below it. `since` is the evaluation time: the store keeps the earlier one while the state holds.
 */
export function evaluateScorecard(compiled: CompiledScorecard, input: EvaluationInput): EntityScorecardResult {
  const { scorecard } = compiled;
  const evaluatedAt = isoOf(input.now);
  const applicable = compiled.applies(input.info);
  const target = input.info.tier !== undefined ? scorecard.targets?.[input.info.tier] : undefined;
  const base = {
    scorecard,
    entityRef: input.info.entityRef,
    target: target ? scorecard.levels.find(l => l.id === target) : undefined,
    evaluatedAt,
  };
  if (!applicable) return { ...base, applicable, level: null, results: [], exemptionProblems: [] };

  const nowMs = input.now.getTime();
  const results: CheckResult[] = new Array(compiled.checks.length);
  for (let i = 0; i < compiled.checks.length; i++) results[i] = checkResult(compiled.checks[i], input, scorecard.id, evaluatedAt, nowMs);
  const { level, next } = levelOf(compiled, results);
  const exemptionProblems = input.exemptions.length
    ? input.exemptions
        .filter(e => e.expired && compiled.exemptionNames.has(e.check.toLowerCase()))
        .map(e => `The exemption for ${e.check} expired on ${e.until} and no longer counts.`)
    : [];
  return {
    ...base,
    applicable,
    level,
    next,
    results,
    exemptionProblems,
  };
}
