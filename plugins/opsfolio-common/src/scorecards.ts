/** How a check compares its fact with its threshold. @public */
export const CHECK_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'exists', 'matches'] as const;

/** @public */
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

/**
 * The state of one check on one entity:
 * - `pass` / `fail`: the fact was compared with the threshold;
 * - `exempt`: an unexpired exemption in the entity's `opsfolio.io/exemptions` annotation (counts as passing);
 * - `not-applicable`: the check's filter leaves the entity out (counts as passing);
 * - `not-reported`: the fact's source is not set up for the entity or has no data yet (never a failure,
 *   but the level it guards is not reached either);
 * - `stale`: the fact is older than its source's schedule allows (the value is shown, the level not reached).
 * @public
 */
export const CHECK_STATES = ['pass', 'fail', 'exempt', 'not-applicable', 'not-reported', 'stale'] as const;

/** @public */
export type CheckState = (typeof CHECK_STATES)[number];

/** A fact's value: what checks compare. `null` is a fact known to have no value (no system declared). @public */
export type FactValue = string | number | boolean | null | string[];

/** Which entities a scorecard or a check applies to; each list is "any of", all given lists must match. @public */
export interface ScorecardFilter {
  kind?: string[];
  type?: string[];
  lifecycle?: string[];
  /** Values of the `opsfolio.io/tier` annotation. */
  tier?: string[];
}

/** @public */
export interface ScorecardLevel {
  id: string;
  title: string;
}

/** One check of a scorecard, as configured. @public */
export interface ScorecardCheck {
  id: string;
  title: string;
  /** A fact id, e.g. `oncall.escalationLevels`. */
  fact: string;
  operator: CheckOperator;
  /** Absent for `exists`; a list for `in`; a regular expression (source) for `matches`. */
  threshold?: FactValue;
  /** The id of the level this check guards. */
  level: string;
  description: string;
  fix: { text: string; url?: string };
  filter?: ScorecardFilter;
}

/** A scorecard, as configured. @public */
export interface Scorecard {
  id: string;
  title: string;
  description?: string;
  filter: ScorecardFilter;
  /** Lowest first. */
  levels: ScorecardLevel[];
  checks: ScorecardCheck[];
  /** The level each tier should reach (the gate's default level), e.g. `{ '1': 'gold' }`. */
  targets?: Record<string, string>;
}

/** A fact a check can read, described for people writing scorecards. @public */
export interface FactDescription {
  id: string;
  pillar: string;
  title: string;
  /** e.g. `boolean`, `number`, `hours`, `ratio`, `string`, `string[]`. */
  type: string;
  description: string;
}

/** An exemption read from the entity's `opsfolio.io/exemptions` annotation. @public */
export interface Exemption {
  /** `<checkId>` (every scorecard with that check) or `<scorecardId>/<checkId>`. */
  check: string;
  reason: string;
  /** Last day it counts, YYYY-MM-DD. */
  until: string;
  approvedBy?: string;
  expired: boolean;
}

/** One check's result on one entity, with its evidence. @public */
export interface CheckResult {
  checkId: string;
  state: CheckState;
  /** The fact as read; absent when not reported. */
  value?: FactValue;
  /** One sentence explaining the state, e.g. `Escalation levels: 1 (needs >= 2).` */
  reason: string;
  /** The check's threshold as people read it, e.g. `>= 2`, `in elite, high`, `yes`. */
  condition?: string;
  /** When the fact's data was read from its source (ISO); absent for catalog facts read on evaluation. */
  observedAt?: string;
  /** When the check entered its current state (ISO). */
  since: string;
  exemption?: Exemption;
}

/** One scorecard evaluated for one entity. @public */
export interface EntityScorecardResult {
  scorecard: Scorecard;
  entityRef: string;
  applicable: boolean;
  /** The highest level reached; null when not even the first one is. */
  level: ScorecardLevel | null;
  /** The level the entity's tier should reach, when the scorecard sets targets. */
  target?: ScorecardLevel;
  /** The next level up: how many of its checks (and the ones below it) already count as passing. */
  next?: { level: ScorecardLevel; passing: number; total: number };
  results: CheckResult[];
  /** Exemptions in the annotation that name no check of this scorecard, expired ones, or malformed entries. */
  exemptionProblems: string[];
  evaluatedAt: string;
}

/** `GET /entities/:kind/:namespace/:name/scorecards`. @public */
export interface EntityScorecardsResponse {
  entityRef: string;
  scorecards: EntityScorecardResult[];
}

/** A check changing state on an entity. @public */
export interface CheckTransition {
  at: string;
  checkId: string;
  from: CheckState | null;
  to: CheckState;
  value?: FactValue;
  reason: string;
}

/** The entity's level changing, with the checks that caused it. @public */
export interface LevelChange {
  at: string;
  from: string | null;
  to: string | null;
  /** Checks whose transitions at that evaluation moved the level. */
  because: CheckTransition[];
}

/** `GET /entities/:kind/:namespace/:name/scorecards/:id/history?days=`. @public */
export interface ScorecardHistoryResponse {
  entityRef: string;
  scorecardId: string;
  /** One row per day evaluated, oldest first. */
  days: Array<{ day: string; level: string | null; passing: number; total: number }>;
  transitions: CheckTransition[];
  levelChanges: LevelChange[];
}

/** `GET /entities/:kind/:namespace/:name/scorecards/:id/gate?level=`: 200 when it passes, 412 when not. @public */
export interface ScorecardGateResponse {
  entityRef: string;
  scorecardId: string;
  pass: boolean;
  required: ScorecardLevel;
  reached: ScorecardLevel | null;
  /** Checks at or below the required level that do not count as passing. */
  failing: Array<{ checkId: string; title: string; level: string; state: CheckState; reason: string; fix: { text: string; url?: string } }>;
  evaluatedAt: string;
}

/** One entity's row in the overview. @public */
export interface ScorecardOverviewEntity {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  tier?: string;
  ownerRef?: string;
  system?: string;
  level: string | null;
  passing: number;
  total: number;
  /** Ids of checks failing, stale or not reported. */
  failing: string[];
  evaluatedAt: string;
}

/** The overview's filters; each narrows the entities listed, counted and trended. @public */
export interface ScorecardOverviewFilters {
  /** `team-a` reads as `group:default/team-a`. */
  owner?: string;
  /** `payments` reads as `system:default/payments`. */
  system?: string;
  kind?: string;
  type?: string;
  lifecycle?: string;
  tier?: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
}

/** `GET /overview/scorecards?scorecard=&owner=&system=&kind=&type=&lifecycle=&tier=&level=&format=csv`. @public */
export interface ScorecardOverviewResponse {
  scorecard: Scorecard;
  /** Every configured scorecard, to pick another. */
  scorecards: Array<{ id: string; title: string }>;
  filters: Record<string, string>;
  entities: ScorecardOverviewEntity[];
  /** Per owner: how many entities at each level id, and at none (`none`). */
  byTeam: Array<{ ownerRef: string; title?: string; total: number; levels: Record<string, number> }>;
  /** Per check over the filtered entities; the pass rate counts exempt as passing and leaves out not applicable. */
  checks: Array<{ checkId: string; title: string; level: string; counts: Record<CheckState, number>; passRate: number | null }>;
  /** Entities at each level per day (from the daily snapshots), oldest first. */
  trend: Array<{ day: string; levels: Record<string, number> }>;
  evaluatedAt?: string;
}

/** One service on a team's portfolio card. @public */
export interface PortfolioService {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  level: ScorecardLevel | null;
  scorecardId?: string;
  onCallNow: Array<{ name: string; email?: string; source: string }>;
  lastDeploy?: { at: string; environment: string; version?: string; status: string };
  /** Absent when the caller may not read cost (`opsfolio.cost.read`). */
  costThisMonth?: Record<string, number>;
}

/** `GET /groups/:namespace/:name/portfolio`: the group's and its sub-groups' services. @public */
export interface TeamPortfolioResponse {
  groupRef: string;
  services: PortfolioService[];
  /** False when the caller may not read cost: the card says so instead of showing zeros. */
  costVisible: boolean;
}

/** One exemption in the catalog, where it applies and whether it still counts. @public */
export interface ExemptionRow {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  scorecardId: string;
  checkId: string;
  checkTitle: string;
  exemption: Exemption;
  /** Days until it stops counting (0 on its last day); negative once expired. */
  daysLeft: number;
}

/** `GET /overview/exemptions?scorecard=&owner=&status=active|expired&format=csv`: needs `opsfolio.exemptions.read`. @public */
export interface ExemptionsOverviewResponse {
  exemptions: ExemptionRow[];
  counts: { active: number; expired: number; expiringIn30Days: number };
}
