import type { Config } from '@backstage/config';
import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import { readDefinitionFile } from '../platform/definitionFiles';
import { describeIssues } from '../platform/zodIssues';
import { scorecardSchema } from './schema';

/** Where a scorecard is defined: what a campaign's promotion edits. */
export type ScorecardOrigin =
  | { kind: 'file'; path: string; index?: number }
  | { kind: 'config'; path: string }
  | { kind: 'shipped' };

export interface ScorecardSettings {
  scorecards: Scorecard[];
  /** Each scorecard's origin, by id. */
  origins: Map<string, ScorecardOrigin>;
  /** Daily snapshots and transitions older than this are pruned. */
  historyDays: number;
  /** Days of history a new install evaluates from stored deploys, incidents and cost, so trends start filled. */
  backfillDays: number;
}

/** A scorecard configuration that cannot be used: every problem, each naming its file or config path. */
export class ScorecardConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Opsfolio scorecards are misconfigured:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScorecardConfigError';
  }
}

/**
 * Reads `opsfolio.scorecards` (inline `definitions` and YAML `files`, paths relative to the backend's working
 * directory) over the scorecards modules ship (the default one unless `includeDefault: false`). A configured
 * scorecard replaces a shipped one with the same id. Every check must name a fact some provider offers.
 * Throws one {@link ScorecardConfigError} listing every problem, so start-up fails with all of them.
 */
export function readScorecardSettings(
  config: Config,
  shipped: { builtIn: Scorecard; fromModules: Scorecard[] },
  knownFacts: ReadonlySet<string>,
): ScorecardSettings {
  const root = config.getOptionalConfig('opsfolio.scorecards');
  const problems: string[] = [];
  const raw: Array<{ value: unknown; where: string; origin: ScorecardOrigin }> = [];
  (root?.getOptional<unknown[]>('definitions') ?? []).forEach((value, i) => {
    const where = `opsfolio.scorecards.definitions[${i}]`;
    raw.push({ value, where, origin: { kind: 'config', path: where } });
  });
  for (const path of root?.getOptionalStringArray('files') ?? []) {
    for (const d of readDefinitionFile(path, problems)) raw.push({ ...d, origin: { kind: 'file', path, ...(d.index === undefined ? {} : { index: d.index }) } });
  }

  // Modules' scorecards are checked like configured ones: a bad one fails start-up naming its module's id.
  const moduleProblems: string[] = [];
  const fromModuleList: Scorecard[] = [];
  shipped.fromModules.forEach((s, i) => {
    const parsed = scorecardSchema.safeParse(s);
    if (parsed.success) fromModuleList.push(parsed.data);
    else moduleProblems.push(...describeIssues(parsed.error).map(p => `scorecard '${s.id ?? i}' from a module: ${p}`));
  });
  problems.push(...moduleProblems);
  for (const s of fromModuleList) {
    s.checks.forEach((check, i) => {
      if (!knownFacts.has(check.fact)) problems.push(`scorecard '${s.id}' from a module: checks[${i}].fact: unknown fact '${check.fact}'`);
    });
  }

  const configured: Scorecard[] = [];
  const origins = new Map<string, ScorecardOrigin>();
  for (const { value, where, origin } of raw) {
    const parsed = scorecardSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error, { under: where.endsWith(':') ? '' : where }).map(p => (where.endsWith(':') ? `${where} ${p}` : p)));
      continue;
    }
    parsed.data.checks.forEach((check, i) => {
      if (!knownFacts.has(check.fact)) {
        problems.push(`${where}${where.endsWith(':') ? ' ' : '.'}checks[${i}].fact: unknown fact '${check.fact}' (known: ${[...knownFacts].sort().join(', ')})`);
      }
    });
    if (configured.some(s => s.id === parsed.data.id)) problems.push(`${where}: scorecard id '${parsed.data.id}' is configured twice`);
    configured.push(parsed.data);
    origins.set(parsed.data.id, origin);
  }
  const includeDefault = root?.getOptionalBoolean('includeDefault') ?? true;
  const fromModules = [...(includeDefault ? [shipped.builtIn] : []), ...fromModuleList].filter(s => !configured.some(c => c.id === s.id));
  const historyDays = root?.getOptionalNumber('historyDays') ?? 365;
  const backfillDays = root?.getOptionalNumber('backfillDays') ?? 30;
  if (!Number.isInteger(historyDays) || historyDays < 1) problems.push('opsfolio.scorecards.historyDays: must be a whole number of days, at least 1');
  if (!Number.isInteger(backfillDays) || backfillDays < 0 || backfillDays > historyDays) {
    problems.push('opsfolio.scorecards.backfillDays: must be a whole number of days between 0 and historyDays');
  }
  if (problems.length) throw new ScorecardConfigError(problems);
  for (const s of fromModules) origins.set(s.id, { kind: 'shipped' });
  return { scorecards: [...fromModules, ...configured], origins, historyDays, backfillDays };
}
