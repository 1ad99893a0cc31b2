import type { CampaignSummary } from './campaigns';
/** How a check compares its fact with its threshold. @public */
export type CheckOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'exists' | 'matches';

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
export type CheckState = 'pass' | 'fail' | 'exempt' | 'not-applicable' | 'not-reported' | 'stale';

/** A fact's value: what checks compare. `null` is a fact known to have no value (no system declared). @public */
export type FactValue = string | number | boolean | null | string[];

/** Which entities a scorecard or a check applies to; each list is "any of", all given lists must match. @public */
export interface ScorecardFilter {
  /** Entity kinds, e.g. `component`. */
  kind?: string[];
  /** Values of `spec.type`, e.g. `service`. */
  type?: string[];
  /** Values of `spec.lifecycle`, e.g. `production`. */
  lifecycle?: string[];
  /** Values of the `opsfolio.io/tier` annotation. */
  tier?: string[];
}

/** One level of a scorecard, e.g. Bronze. @public */
export interface ScorecardLevel {
  /** Unique within the scorecard, e.g. `bronze`. */
  id: string;
  /** As shown, e.g. `Bronze`. */
  title: string;
}

/** One check of a scorecard, as configured. @public */
export interface ScorecardCheck {
  /** Unique within the scorecard, e.g. `rollback-exercised`. */
  id: string;
  /** As shown. */
  title: string;
  /** A fact id, e.g. `oncall.escalationLevels`. */
  fact: string;
  /** How the fact is compared with `threshold`. */
  operator: CheckOperator;
  /** Absent for `exists`; a list for `in`; a regular expression (source) for `matches`. */
  threshold?: FactValue;
  /** The id of the level this check guards. */
  level: string;
  /** What the check asks for and why. */
  description: string;
  /** How to make the check pass, with an optional link. */
  fix: { text: string; url?: string };
  /** Narrows the scorecard's filter for this check; entities left out read `not-applicable`. */
  filter?: ScorecardFilter;
}

/** A scorecard, as configured. @public */
export interface Scorecard {
  /** Unique, e.g. `production-readiness`. */
  id: string;
  /** As shown. */
  title: string;
  /** What the scorecard is for. */
  description?: string;
  /** Which entities it applies to. */
  filter: ScorecardFilter;
  /** Lowest first. */
  levels: ScorecardLevel[];
  /** Every check, each guarding one level. */
  checks: ScorecardCheck[];
  /** The level each tier should reach (the gate's default level), e.g. `{ '1': 'gold' }`. */
  targets?: Record<string, string>;
}

/** A fact a check can read, described for people writing scorecards. @public */
export interface FactDescription {
  /** Unique, prefixed by its pillar, e.g. `oncall.escalationLevels`. */
  id: string;
  /** The pillar (or other area) it belongs to, e.g. `oncall`. */
  pillar: string;
  /** As shown. */
  title: string;
  /** e.g. `boolean`, `number`, `hours`, `ratio`, `string`, `string[]`. */
  type: string;
  /** What the fact is and where it comes from. */
  description: string;
}

/** An exemption read from the entity's `opsfolio.io/exemptions` annotation. @public */
export interface Exemption {
  /** `<checkId>` (every scorecard with that check) or `<scorecardId>/<checkId>`. */
  check: string;
  /** Why the entity is exempt. */
  reason: string;
  /** Last day it counts, YYYY-MM-DD. */
  until: string;
  /** Who approved it, e.g. `group:default/team-sre`. */
  approvedBy?: string;
  /** True once `until` has passed: the exemption no longer counts. */
  expired: boolean;
}

/** One check's result on one entity, with its evidence. @public */
export interface CheckResult {
  /** The check's id. */
  checkId: string;
  /** The check's state on the entity. */
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
  /** The exemption that applies to the check, also when it has expired. */
  exemption?: Exemption;
}

/** One scorecard evaluated for one entity. @public */
export interface EntityScorecardResult {
  /** The scorecard evaluated. */
  scorecard: Scorecard;
  /** The entity evaluated. */
  entityRef: string;
  /** False when the scorecard's filter leaves the entity out. */
  applicable: boolean;
  /** The highest level reached; null when not even the first one is. */
  level: ScorecardLevel | null;
  /** The level the entity's tier should reach, when the scorecard sets targets. */
  target?: ScorecardLevel;
  /** The next level up: how many of its checks (and the ones below it) already count as passing. */
  next?: { level: ScorecardLevel; passing: number; total: number };
  /** One result per check. */
  results: CheckResult[];
  /** Exemptions in the annotation that name no check of this scorecard, expired ones, or malformed entries. */
  exemptionProblems: string[];
  /** ISO instant of the evaluation. */
  evaluatedAt: string;
}

/** `GET /entities/:kind/:namespace/:name/scorecards`. @public */
export interface EntityScorecardsResponse {
  /** The entity asked about. */
  entityRef: string;
  /** Every scorecard, applicable or not. */
  scorecards: EntityScorecardResult[];
}

/** A check changing state on an entity. @public */
export interface CheckTransition {
  /** ISO instant of the evaluation that saw the change. */
  at: string;
  /** The check that changed. */
  checkId: string;
  /** The state before; `null` for the first evaluation. */
  from: CheckState | null;
  /** The state after. */
  to: CheckState;
  /** The fact as read then. */
  value?: FactValue;
  /** One sentence explaining the new state. */
  reason: string;
}

/** The entity's level changing, with the checks that caused it. @public */
export interface LevelChange {
  /** ISO instant of the evaluation that saw the change. */
  at: string;
  /** The level id before; `null` below the first level. */
  from: string | null;
  /** The level id after; `null` below the first level. */
  to: string | null;
  /** Checks whose transitions at that evaluation moved the level. */
  because: CheckTransition[];
}

/** `GET /entities/:kind/:namespace/:name/scorecards/:id/history?days=`. @public */
export interface ScorecardHistoryResponse {
  /** The entity asked about. */
  entityRef: string;
  /** The scorecard asked about. */
  scorecardId: string;
  /** One row per day evaluated, oldest first. */
  days: Array<{ day: string; level: string | null; passing: number; total: number }>;
  /** Every check transition in the window. */
  transitions: CheckTransition[];
  /** Every level change in the window, with its cause. */
  levelChanges: LevelChange[];
}

/** `GET /entities/:kind/:namespace/:name/scorecards/:id/gate?level=`: 200 when it passes, 412 when not. @public */
export interface ScorecardGateResponse {
  /** The entity asked about. */
  entityRef: string;
  /** The scorecard asked about. */
  scorecardId: string;
  /** True when the entity reaches `required`. */
  pass: boolean;
  /** The level asked for, or the target of the entity's tier. */
  required: ScorecardLevel;
  /** The highest level reached; null when not even the first one is. */
  reached: ScorecardLevel | null;
  /** Checks at or below the required level that do not count as passing. */
  failing: Array<{ checkId: string; title: string; level: string; state: CheckState; reason: string; fix: { text: string; url?: string } }>;
  /** ISO instant of the evaluation (done for the request). */
  evaluatedAt: string;
}

/** One entity's row in the overview. @public */
export interface ScorecardOverviewEntity {
  /** The entity. */
  entityRef: string;
  /** Its `metadata.title`. */
  title?: string;
  /** Its kind. */
  kind: string;
  /** Its `spec.type`. */
  type?: string;
  /** Its `spec.lifecycle`. */
  lifecycle?: string;
  /** Its `opsfolio.io/tier` annotation. */
  tier?: string;
  /** Its owner, as a full ref. */
  ownerRef?: string;
  /** Its system, as a full ref. */
  system?: string;
  /** The highest level id reached; null when not even the first one is. */
  level: string | null;
  /** Checks that count as passing. */
  passing: number;
  /** Checks that apply. */
  total: number;
  /** Ids of checks failing, stale or not reported. */
  failing: string[];
  /** ISO instant of the evaluation the row comes from. */
  evaluatedAt: string;
}

/** The overview's filters; each narrows the entities listed, counted and trended. @public */
export interface ScorecardOverviewFilters {
  /** `team-a` reads as `group:default/team-a`. */
  owner?: string;
  /** `payments` reads as `system:default/payments`. */
  system?: string;
  /** An entity kind, e.g. `component`. */
  kind?: string;
  /** A `spec.type`, e.g. `service`. */
  type?: string;
  /** A `spec.lifecycle`, e.g. `production`. */
  lifecycle?: string;
  /** An `opsfolio.io/tier` value, e.g. `1`. */
  tier?: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
}

/** `GET /overview/scorecards?scorecard=&owner=&system=&kind=&type=&lifecycle=&tier=&level=&format=csv`. @public */
export interface ScorecardOverviewResponse {
  /** The scorecard shown. */
  scorecard: Scorecard;
  /** Every configured scorecard, to pick another. */
  scorecards: Array<{ id: string; title: string }>;
  /** The filters applied, as given. */
  filters: Record<string, string>;
  /** Every entity the filters keep, with its level. */
  entities: ScorecardOverviewEntity[];
  /** Per owner: how many entities at each level id, and at none (`none`). */
  byTeam: Array<{ ownerRef: string; title?: string; total: number; levels: Record<string, number> }>;
  /** Per check over the filtered entities; the pass rate counts exempt as passing and leaves out not applicable. */
  checks: Array<{ checkId: string; title: string; level: string; counts: Record<CheckState, number>; passRate: number | null }>;
  /** Entities at each level per day (from the daily snapshots), oldest first. */
  trend: Array<{ day: string; levels: Record<string, number> }>;
  /** ISO instant of the newest evaluation shown. */
  evaluatedAt?: string;
}

/** One service on a team's portfolio card. @public */
export interface PortfolioService {
  /** The service. */
  entityRef: string;
  /** Its `metadata.title`. */
  title?: string;
  /** The group that owns it: the team or one of its sub-teams. */
  ownerRef?: string;
  /** Its level on `scorecardId`; null when not even the first one is reached. */
  level: ScorecardLevel | null;
  /** The scorecard the level is on. */
  scorecardId?: string;
  /** Level 1 of its on-call now, per source. */
  onCallNow: Array<{ name: string; email?: string; source: string }>;
  /** Its newest deployment. */
  lastDeploy?: { at: string; environment: string; version?: string; status: string };
  /** Absent when the caller may not read cost (`opsfolio.cost.read`). */
  costThisMonth?: Record<string, number>;
}

/** `GET /groups/:namespace/:name/portfolio`: the group's and its sub-groups' services. @public */
export interface TeamPortfolioResponse {
  /** The group asked about. */
  groupRef: string;
  /** The services the group and its sub-groups own. */
  services: PortfolioService[];
  /** False when the caller may not read cost: the card says so instead of showing zeros. */
  costVisible: boolean;
  /** The running campaigns that cover some of these services, counted over them alone. */
  campaigns: CampaignSummary[];
}

/** One exemption in the catalog, where it applies and whether it still counts. @public */
export interface ExemptionRow {
  /** The exempt entity. */
  entityRef: string;
  /** Its `metadata.title`. */
  title?: string;
  /** Its owner, as a full ref. */
  ownerRef?: string;
  /** The scorecard of the check. */
  scorecardId: string;
  /** The check the entity is exempt from. */
  checkId: string;
  /** The check's title. */
  checkTitle: string;
  /** The exemption as written in the annotation. */
  exemption: Exemption;
  /** Days until it stops counting (0 on its last day); negative once expired. */
  daysLeft: number;
}

/** `GET /overview/exemptions?scorecard=&owner=&status=active|expired&format=csv`: needs `opsfolio.exemptions.read`. @public */
export interface ExemptionsOverviewResponse {
  /** Every exemption the filters keep, soonest to end first. */
  exemptions: ExemptionRow[];
  /** How many are active, expired and ending within 30 days. */
  counts: { active: number; expired: number; expiringIn30Days: number };
}
