import type {
  CheckState,
  Scorecard,
  ScorecardOverviewEntity,
  ScorecardOverviewFilters,
  ScorecardOverviewResponse,
} from '@opsfolio/backstage-plugin-common';
import { CHECK_STATES, COUNTS_AS_PASSING } from './engine';
import { isReadable, type ReadableRefs } from '../platform/catalog/CatalogVisibility';
import type { StoredEvaluation } from './ScorecardStore';

/** What the overview is computed from: every stored evaluation and each entity's level per day. */
export interface OverviewData {
  scorecard: Scorecard;
  evaluations: StoredEvaluation[];
  /** Days, oldest first. */
  days: string[];
  /**
   * Per evaluation (same order), its level on each day as an index into the scorecard's levels, with
   * `levels.length` for none and -1 when not evaluated that day: typed arrays keep a 90-day trend over
   * 10,000 entities to a tight loop.
   */
  trendLevels: Int8Array[];
  groupTitles: Map<string, string | undefined>;
}

export type OverviewFilters = ScorecardOverviewFilters;

const lower = (s: string) => s.toLowerCase();

/** `team-a` → `group:default/team-a`; full refs stay as they are. */
export function refOf(value: string, defaultKind: string): string {
  let ref = lower(value.trim());
  if (!ref.includes(':')) ref = `${defaultKind}:${ref}`;
  if (!ref.includes('/')) ref = ref.replace(':', ':default/');
  return ref;
}

const NOT_PASSING: ReadonlySet<CheckState> = new Set(['fail', 'stale', 'not-reported']);

/** The managers' view of one scorecard over the filtered entities. Pure. */
export function buildOverview(
  data: OverviewData,
  filters: OverviewFilters,
  all: Array<{ id: string; title: string }>,
  seen: {
    /** Checks left out of the per-check counts and the failing lists: cost checks for callers without opsfolio.cost.read. */
    hiddenChecks?: ReadonlySet<string>;
    /** The entities the caller may read in the catalog; undefined for all. */
    readable?: ReadableRefs;
  } = {},
): ScorecardOverviewResponse {
  const hiddenChecks = seen.hiddenChecks ?? new Set<string>();
  const { scorecard } = data;
  const owner = filters.owner ? refOf(filters.owner, 'group') : undefined;
  const system = filters.system ? refOf(filters.system, 'system') : undefined;
  const eq = (want: string | undefined, have: string | undefined) => want === undefined || (have !== undefined && lower(have) === lower(want));
  const titles = new Map(scorecard.checks.map(c => [c.id, c.title]));
  const selectedIndexes: number[] = [];
  const selected = data.evaluations.filter(
    (e, i) =>
      isReadable(seen.readable, e.entityRef) &&
      (!owner || e.info.ownerRef === owner) &&
      (!system || e.info.system === system) &&
      eq(filters.kind, e.info.kind) &&
      eq(filters.type, e.info.type) &&
      eq(filters.lifecycle, e.info.lifecycle) &&
      eq(filters.tier, e.info.tier) &&
      (!filters.level || (filters.level === 'none' ? e.level === null : e.level === filters.level)) &&
      selectedIndexes.push(i) > 0,
  );

  const levelKeys = [...scorecard.levels.map(l => l.id), 'none'];
  const emptyLevels = () => Object.fromEntries(levelKeys.map(k => [k, 0])) as Record<string, number>;
  const teams = new Map<string, { total: number; levels: Record<string, number> }>();
  const checks = new Map(scorecard.checks.map(c => [c.id, Object.fromEntries(CHECK_STATES.map(s => [s, 0])) as Record<CheckState, number>]));
  const entities: ScorecardOverviewEntity[] = [];
  let evaluatedAt: string | undefined;
  for (const e of selected) {
    const key = e.info.ownerRef ?? '';
    const team = teams.get(key) ?? teams.set(key, { total: 0, levels: emptyLevels() }).get(key)!;
    team.total += 1;
    team.levels[e.level ?? 'none'] = (team.levels[e.level ?? 'none'] ?? 0) + 1;
    for (const r of e.results) {
      const counts = checks.get(r.checkId);
      if (counts) counts[r.state] += 1;
    }
    if (!evaluatedAt || e.evaluatedAt > evaluatedAt) evaluatedAt = e.evaluatedAt;
    entities.push({
      entityRef: e.entityRef,
      title: e.info.title,
      kind: e.info.kind,
      type: e.info.type,
      lifecycle: e.info.lifecycle,
      tier: e.info.tier,
      ownerRef: e.info.ownerRef,
      system: e.info.system,
      level: e.level,
      passing: e.passing,
      total: e.total,
      failing: e.results.filter(r => NOT_PASSING.has(r.state) && !hiddenChecks.has(r.checkId)).map(r => r.checkId),
      evaluatedAt: e.evaluatedAt,
    });
  }
  const rank = new Map(levelKeys.map((k, i) => [k, i]));
  entities.sort((a, b) => (rank.get(a.level ?? 'none')! - rank.get(b.level ?? 'none')!) || b.failing.length - a.failing.length || a.entityRef.localeCompare(b.entityRef));

  const width = levelKeys.length;
  const counts = new Int32Array(data.days.length * width);
  const evaluated = new Uint8Array(data.days.length);
  for (const i of selectedIndexes) {
    const row = data.trendLevels[i];
    for (let d = 0; d < row.length; d++) {
      const level = row[d];
      if (level < 0) continue;
      counts[d * width + level] += 1;
      evaluated[d] = 1;
    }
  }
  const trend = data.days.map((day, d) =>
    evaluated[d] ? { day, levels: Object.fromEntries(levelKeys.map((k, l) => [k, counts[d * width + l]])) as Record<string, number> } : undefined,
  );

  return {
    scorecard,
    scorecards: all,
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>,
    entities,
    byTeam: [...teams]
      .map(([ownerRef, t]) => ({ ownerRef, title: data.groupTitles.get(ownerRef), ...t }))
      .sort((a, b) => a.ownerRef.localeCompare(b.ownerRef)),
    checks: scorecard.checks.filter(c => !hiddenChecks.has(c.id)).map(c => {
      const counts = checks.get(c.id)!;
      const scored = CHECK_STATES.filter(s => s !== 'not-applicable').reduce((n, s) => n + counts[s], 0);
      const passing = [...COUNTS_AS_PASSING].filter(s => s !== 'not-applicable').reduce((n, s) => n + counts[s], 0);
      return { checkId: c.id, title: titles.get(c.id)!, level: c.level, counts, passRate: scored ? passing / scored : null };
    }),
    trend: trend.filter((t): t is NonNullable<typeof t> => t !== undefined),
    evaluatedAt,
  };
}
