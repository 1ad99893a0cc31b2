import type { CostTag, Money } from './cost';
import type { Deployment } from './deployments';
import type { OwnershipFacts, OwnershipProblem, OwnershipProblemKind } from './ownership';
import type { EscalationFacts, Incident, OnCallDrift, OnCallNow, ResponseTimes, ScheduleCoverage } from './oncall';
import type { PillarId, PillarSetup } from './pillars';

/** One recorded run of a sync source. @public */
export interface SyncRun {
  /** The source that ran. */
  sourceId: string;
  /** How the run went; `running` until it ends. */
  status: 'running' | 'succeeded' | 'failed';
  /** ISO instant the run started. */
  startedAt: string;
  /** ISO instant the run ended. */
  finishedAt?: string;
  /** How many items (deployments, incidents, cost records) the run stored. */
  items?: number;
  /** Why the run failed. */
  error?: string;
  /** What the run read and left out, when its source reports it. */
  details?: SyncRunDetails;
  /** How far a running run has got, as its source last reported it; only while `running`. */
  progress?: SyncProgress;
}

/**
 * How far a running sync has got: "12 of 40 repositories". Sources report it as they go; the run log keeps
 * the latest report (written at most about once a second), so every replica serves it. @public
 */
export interface SyncProgress {
  /** What is counted, plural: `repositories`, `projects`, `services`, `months`, `files`, `entities`. */
  unit: string;
  /** How many of them are done. */
  done: number;
  /** How many there are in all, when the source knows. */
  total?: number;
  /** The step the run is on, when a source has several (e.g. `incidents` after `on-call`). */
  phase?: string;
  /** ISO instant of the report. */
  at: string;
}

/** What one sync run read, left out and replaced: the data-quality line of a source. @public */
export interface SyncRunDetails {
  /** Rows (or records) read from the vendor. */
  read?: number;
  /** Rows left out because they were malformed. */
  leftOut?: number;
  /** The first rows left out: the file and line, and why. */
  problems?: Array<{ file?: string; line?: number; message: string }>;
  /** The days the run replaced, `to` exclusive. */
  days?: Array<{ from: string; to: string }>;
  /** Set when nothing changed since an earlier run: these are that run's figures, read at this instant. */
  readAt?: string;
  /** Work left for later runs, e.g. deploys still waiting for their lead time. */
  pending?: { count: number; description: string };
}

/** A registered sync source and how fresh its data is. @public */
export interface SourceHealth {
  /** The source id, e.g. `github` or `focus-azure`. */
  id: string;
  /** The pillar the source feeds. */
  pillar: PillarId;
  /** The vendor it reads, e.g. `github`. */
  vendor: string;
  /** The source's latest run. */
  lastRun?: SyncRun;
  /** When the source last finished without error: the age of its data. */
  lastSuccessAt?: string;
}

/**
 * `GET /health`. Without a token it is a liveness answer, `{ status: 'ok' }` and nothing else: vendor
 * errors name repositories and files. A signed-in user or a service gets every source. @public
 */
export interface HealthResponse {
  /** `ok` when the backend answers and no source's last run failed; `degraded` (signed-in callers) when one did. */
  status: 'ok' | 'degraded';
  /** The sources whose last run failed (signed-in callers only). */
  degraded?: string[];
  /** Every registered sync source with its last run (signed-in callers only). */
  sources?: SourceHealth[];
}

/** One pillar in `GET /entities/:kind/:namespace/:name/summary`. @public */
export interface PillarSummary extends PillarSetup {
  /** The installed sources that feed this pillar, with how fresh their data is. */
  sources: SourceHealth[];
}

/** `GET /entities/:kind/:namespace/:name/summary` @public */
export interface EntitySummaryResponse {
  /** The entity summarised. */
  entityRef: string;
  /** Every pillar, set up or not. */
  pillars: Record<PillarId, PillarSummary>;
}

/** `GET /entities/:kind/:namespace/:name/deployments` @public */
export interface DeploymentsPage {
  /** The page's deployments, newest first, each with the times of the commits it shipped. */
  items: Array<Deployment & { commitTimestamps: string[] }>;
  /** Deployments matching the filters, over every page. */
  total: number;
  /** The page size asked for. */
  limit: number;
  /** How many matching deployments come before this page. */
  offset: number;
}

/** `GET /entities/:kind/:namespace/:name/deployments/current` @public */
export interface CurrentDeploymentsResponse {
  /** The entity's production environments. */
  productionEnvironments: string[];
  /** Per environment the newest deployment and the one running there now (the newest successful one). */
  environments: Array<{ environment: string; latest: Deployment; running?: Deployment }>;
  /** The newest deployment to any environment. */
  lastDeployment?: Deployment;
}

/** `GET /entities/:kind/:namespace/:name/deployments/weekly` @public */
export interface WeeklyDeploymentsResponse {
  /** The production environments counted. */
  environments: string[];
  /** Oldest first; `weekStart` is the ISO instant the week starts (Monday, 00:00 UTC). */
  weeks: Array<{ weekStart: string; success: number; failure: number; rollback: number }>;
}

/** One on-call source's answer in `GET /entities/:kind/:namespace/:name/oncall`. @public */
export interface OnCallSourceAnswer {
  /** The on-call source id, e.g. `pagerduty`. */
  source: string;
  /** Who is on call, live or (when `stale`) as last stored. */
  onCall?: OnCallNow;
  /** True when the vendor could not be read and `onCall` is the last stored read (see its `readAt`). */
  stale: boolean;
  /** Why the vendor could not be read. */
  error?: string;
  /** The shape of the escalation at the time of the read. */
  escalation?: EscalationFacts;
  /** Gaps in each schedule over the next 14 days. */
  coverage?: ScheduleCoverage[];
}

/** `GET /entities/:kind/:namespace/:name/oncall` @public */
export interface OnCallResponse {
  /** The entity asked about. */
  entityRef: string;
  /** One answer per on-call source set up for the entity. */
  sources: OnCallSourceAnswer[];
  /** Whether the people on the rota belong to the owning group (`ownerFound`: the owner is in the catalog). */
  drift?: OnCallDrift & { ownerFound: boolean };
  /** MTTA and MTTR over the last 30 and 90 days. */
  responseTimes: { days30: ResponseTimes; days90: ResponseTimes };
}

/** One service of a team in `GET /groups/:namespace/:name/oncall`. @public */
export interface TeamOnCallService {
  /** The service. */
  entityRef: string;
  /** The service's `metadata.title`. */
  title?: string;
  /** The group that owns it: the team or one of its sub-teams. */
  ownerRef: string;
  /** Empty when the service has no on-call annotation. Schedules' entries are left out; their gaps are in `coverage`. */
  sources: Array<Omit<OnCallSourceAnswer, 'onCall'> & { onCall?: Omit<OnCallNow, 'schedules'> }>;
  /** Whether the people on the rota belong to the owning group. */
  drift?: OnCallDrift;
  /** MTTA and MTTR over the last 30 days. */
  responseTimes30d: ResponseTimes;
}

/** `GET /groups/:namespace/:name/oncall`: a team's services and who is on call for each. @public */
export interface TeamOnCallResponse {
  /** The group asked about. */
  groupRef: string;
  /** The group and its sub-groups, whose services are listed. */
  groupRefs: string[];
  /** The services the groups own. */
  services: TeamOnCallService[];
}

/** `GET /entities/:kind/:namespace/:name/incidents` @public */
export interface IncidentsPage {
  /** The page's incidents, newest first. */
  items: Incident[];
  /** Incidents matching the filters, over every page. */
  total: number;
  /** The page size asked for. */
  limit: number;
  /** How many matching incidents come before this page. */
  offset: number;
}

/** Month to date, last month and where this month will end, per currency. @public */
export interface CostFigures {
  /** Spend from the first of this month through the last known day. */
  monthToDate: Money;
  /** Spend of the whole of last month. */
  lastMonth: Money;
  /** Where this month will end at the daily run rate of the last 7 known days; compare it with `lastMonth`. */
  forecast: Money;
}

/** What readiness checks read about an entity's cost (ratios: 0.15 = 15% more). @public */
export interface CostFacts {
  /** Some spend is attributed to the entity this month or last. */
  known: boolean;
  /** The share of the organisation's spend this month that reaches an entity, in its main currency. */
  taggedShare: number | null;
  /** Last month against the month before, in their one shared currency. */
  monthOverMonth: number | null;
  /** This month's forecast against last month. */
  forecastVsLastMonth: number | null;
}

/** `GET /entities/:kind/:namespace/:name/cost` @public */
export interface EntityCostResponse {
  /** The entity asked about. */
  entityRef: string;
  /**
   * The tag values whose spend is counted: the entity's own (by whatever key its annotation names), or for a
   * group, system or domain those of what it owns or contains by the organisation's allocation key.
   */
  tags: Array<CostTag & { entityRef: string }>;
  /**
   * The organisation's allocation key: a tag key, or a Cost Category's name. A tag with another key is the
   * entity's own, read for it alone: the organisation's figures count that spend as untagged or under another value.
   */
  allocationKey: string;
  /** Why the entity's tag is not used (a malformed annotation). */
  tagProblem?: string;
  /** Whether `series` is per day or per month. */
  granularity: 'day' | 'month';
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, exclusive. */
  to: string;
  /** Spend per day (`YYYY-MM-DD`) or month (`YYYY-MM`), oldest first; `estimated` while the vendor may still change it. */
  series: Array<{ period: string; amounts: Money; estimated: boolean }>;
  /** Spend over [from, to) by cloud service, largest first. */
  byCloudService: Array<{ cloudService: string; amounts: Money }>;
  /** For more than one tag (a team, a system): spend over [from, to) per entity, largest first. */
  byEntity?: Array<{ entityRef: string; amounts: Money }>;
  /** Month to date, last month and the month-end forecast. */
  figures: CostFigures;
  /** What no entity carries, this month, organisation-wide: shown as what the figures leave out. */
  notIncluded: { untagged: Money; unmapped: Money };
  /** The last day a cost source has data for. */
  lastDay?: string;
  /** What readiness checks read about the entity's cost. */
  facts: CostFacts;
}

/** One row of `GET /overview/cost`. @public */
export interface CostOverviewRow {
  /** An owner (group or user), system or domain ref; `''` for spend whose entity has none. */
  key: string;
  /** The entity's `metadata.title`. */
  title?: string;
  /** For groups: the parent group in the hierarchy, when it is in the table. */
  parentRef?: string;
  /** Spend of the entities it owns or contains itself. */
  direct: CostFigures;
  /** With everything below it (sub-teams); equal to `direct` for systems and domains. */
  total: CostFigures;
  /** How many entities it owns or contains. */
  entities: number;
}

/** `GET /overview/cost?groupBy=owner|system|domain` @public */
export interface CostOverviewResponse {
  /** What the rows are: owners, systems or domains. */
  groupBy: 'owner' | 'system' | 'domain';
  /** The current month, `YYYY-MM`. */
  month: string;
  /** The day the figures run to (exclusive), `YYYY-MM-DD`. */
  asOf: string;
  /** One row per owner, system or domain with spend. */
  rows: CostOverviewRow[];
  /** Spend without the tag. */
  untagged: CostFigures;
  /** Tag values that match no entity, largest first. */
  unmapped: { figures: CostFigures; values: Array<{ tagValue: string; monthToDate: Money; lastMonth: Money }> };
  /** Everything: the sum of every row's `direct`, `unmapped` and `untagged`. */
  organisation: CostFigures;
  /** The organisation's cost allocation tag key, `opsfolio.cost.tagKey`. */
  tagKey: string;
  /**
   * `permitted` when the permission policy lets the caller read the cost of only some entities: the rows are
   * those, `organisation` is their sum, and untagged and unmapped spend are left out (empty).
   */
  scope?: 'permitted';
}

/** `GET /entities/:kind/:namespace/:name/ownership` @public */
export interface EntityOwnershipResponse extends OwnershipFacts {
  /** The entity's CODEOWNERS as last read: whether its rule names the owner, and who it names. */
  codeowners?: {
    status: 'agrees' | 'drift' | 'no-rule' | 'unowned' | 'no-file' | 'no-owner';
    url?: string;
    /** The deciding rule's line. */
    line?: number;
    owners: string[];
    readAt: string;
    /** Why the last read failed; the file read before is still used. */
    error?: string;
  };
  /** Level 1 of the stored on-call reads, when the entity has on-call: who answers for the owner now. */
  onCallNow?: Array<{ name: string; email?: string; until?: string; source: string; readAt: string }>;
}

/** `GET /overview/ownership` @public */
export interface OwnershipOverviewResponse {
  /** Entities checked (owned kinds and groups). */
  entities: number;
  /** Problems per kind, over everything checked (before the filters). */
  counts: Record<OwnershipProblemKind, number>;
  /** Per owner (the `''` row: entities without an owner), how many entities and problems. */
  byTeam: Array<{ ownerRef: string; title?: string; entities: number; problems: number }>;
  /** One row per problem, filtered by `problem` and `owner`. */
  problems: Array<{ entityRef: string; kind: string; title?: string; ownerRef?: string; problem: OwnershipProblem }>;
}
