import type { CheckState, ScorecardFilter } from './scorecards';

/**
 * Where a campaign is in its life:
 * - `draft`: written, not published; only its owner's managers see it in lists;
 * - `scheduled`: published, its start date not reached;
 * - `active`: between its start and target dates;
 * - `overdue`: past its target date with entities not done;
 * - `ended`: ended by its owner, or past its target date with every entity done;
 * - `archived`: put away; kept for its history.
 * @public
 */
export type CampaignState = 'draft' | 'scheduled' | 'active' | 'overdue' | 'ended' | 'archived';

/** A share of the campaign's entities that should be done by a date. @public */
export interface CampaignMilestone {
  /** YYYY-MM-DD, between the start and target dates. */
  date: string;
  /** Between 0 (exclusive) and 1, e.g. `0.5` for half of the entities. */
  share: number;
}

/** Which entities a campaign covers, within its scorecard's: every list given must match. @public */
export interface CampaignFilter extends ScorecardFilter {
  /** Owners, as group refs or names (`team-payments`). */
  owner?: string[];
  /** Systems, as refs or names. */
  system?: string[];
}

/**
 * A campaign as written in config, YAML or through the API: a scorecard's target level, or some of its
 * checks, to reach on a set of entities by a date. @public
 */
export interface CampaignDefinition {
  /** Unique, lower-case letters, digits and dashes, e.g. `rollback-drills-2027`. */
  id: string;
  /** As shown. */
  title: string;
  /** What the campaign asks for and why. */
  description?: string;
  /** The group that runs it, e.g. `group:default/team-sre`. */
  owner: string;
  /** The scorecard whose results count. */
  scorecardId: string;
  /** Done when the entity reaches this level of the scorecard; exactly one of `targetLevel` and `checks`. */
  targetLevel?: string;
  /** Done when every one of these checks of the scorecard counts as passing. */
  checks?: string[];
  /** Narrows the scorecard's entities; absent for all of them. */
  filter?: CampaignFilter;
  /** YYYY-MM-DD: progress counts from this day on. */
  startDate: string;
  /** YYYY-MM-DD: the day every entity should be done by. */
  targetDate: string;
  /** Intermediate goals, by date. */
  milestones?: CampaignMilestone[];
  /** A page about the campaign (a brief, a ticket). */
  link?: string;
  /** Where to ask for help, e.g. `#rollback-drills`. */
  supportChannel?: string;
  /**
   * Reminders to the owners of entities not done yet, while the campaign runs: every `everyDays` days from the
   * start date (the start date included). Unset: no reminders.
   */
  reminders?: { everyDays: number };
  /** Set: not published yet. */
  draft?: boolean;
  /** YYYY-MM-DD the owner ended it. */
  endedOn?: string;
  /** Set: archived. */
  archived?: boolean;
}

/** A campaign as the API returns it: its definition, where it stands and where it was defined. @public */
export interface Campaign extends CampaignDefinition {
  /** Its state today. */
  state: CampaignState;
  /** `config`: app-config or a YAML file, read-only through the API; `api`: created through the API. */
  source: 'config' | 'api';
  /** Who last changed it through the API. */
  updatedBy?: string;
  /** When it was last changed through the API (ISO). */
  updatedAt?: string;
}

/** Entities in a campaign by how far they are. @public */
export interface CampaignCounts {
  /** Entities in scope. */
  total: number;
  /** Every campaign check passes (or does not apply). */
  done: number;
  /** Done, with at least one check exempt. */
  exempt: number;
  /** At least one campaign check does not count as passing. */
  notDone: number;
}

/** A campaign in the list, with its progress. @public */
export interface CampaignSummary {
  /** The campaign, with its state. */
  campaign: Campaign;
  /** Its entities the caller may read, by how far they are. */
  counts: CampaignCounts;
  /** The scorecard's title. */
  scorecardTitle: string;
  /** The target level's title, for a level campaign. */
  targetLevelTitle?: string;
}

/** `GET /campaigns`. @public */
export interface CampaignsResponse {
  /** By target date. */
  campaigns: CampaignSummary[];
}

/** A campaign check not passing on an entity, with what fixes it. @public */
export interface CampaignRemainingCheck {
  /** The check's id. */
  checkId: string;
  /** As shown. */
  title: string;
  /** Why it does not count as passing: fail, stale or not reported. */
  state: CheckState;
  /** How to make the check pass. */
  fix: { text: string; url?: string };
}

/** One entity of a campaign. @public */
export interface CampaignEntity {
  /** The entity. */
  entityRef: string;
  /** Its `metadata.title`. */
  title?: string;
  /** Its owner, as a full ref. */
  ownerRef?: string;
  /** Done, done with an exemption, or not done. */
  status: 'done' | 'exempt' | 'not-done';
  /** Campaign checks that do not count as passing. */
  remaining: CampaignRemainingCheck[];
}

/** One day of the burn-up. @public */
export interface CampaignBurnUpDay {
  /** YYYY-MM-DD. */
  day: string;
  /** Entities done (exempt included) at the day's last evaluation. */
  done: number;
  /** Entities in scope with a result that day. */
  total: number;
}

/** `GET /campaigns/:id`: where a campaign stands, per team and per check, and how it got there. @public */
export interface CampaignProgressResponse extends CampaignSummary {
  /** One row per owning team, least done first. */
  teams: Array<CampaignCounts & { ownerRef: string; title?: string }>;
  /** One row per campaign check. */
  checks: Array<{
    checkId: string;
    title: string;
    level: string;
    passing: number;
    failing: number;
    exempt: number;
    fix: { text: string; url?: string };
  }>;
  /** One row per day from the start date to today (or the day it ended), from the daily snapshots. */
  burnUp: CampaignBurnUpDay[];
  /** Each milestone, judged by the burn-up. */
  milestones: Array<
    CampaignMilestone & { needed: number; status: 'reached' | 'missed' | 'upcoming'; reachedOn?: string }
  >;
  /** Entities done per day over the recent days, and the day the rest would be done at that rate. */
  projection: { perDay: number; finishDate: string | null; onTrack: boolean | null };
  /**
   * Teams with entities not done, least done first, with what each entity must fix: the first few entities of
   * each, `more` counting the rest (the CSV lists every entity).
   */
  lagging: Array<{ ownerRef: string; title?: string; notDone: number; entities: CampaignEntity[]; more: number }>;
}

/** `GET /entities/:kind/:namespace/:name/campaigns`: the running campaigns the entity is part of. @public */
export interface EntityCampaignsResponse {
  /** The entity asked about. */
  entityRef: string;
  /** Each running campaign it is part of, soonest due first, with its status and what it has left. */
  campaigns: Array<{ campaign: Campaign; status: CampaignEntity['status']; remaining: CampaignRemainingCheck[] }>;
}

/**
 * `GET /campaigns/:id/promotion`: an ended campaign's checks (or target level) made part of the standing
 * scorecard, as a change to its YAML that a pull request can carry. @public
 */
export interface CampaignPromotionResponse {
  /** The campaign promoted. */
  campaignId: string;
  /** The standing scorecard it is promoted into. */
  scorecardId: string;
  /**
   * Where the scorecard is defined now: a YAML file of `opsfolio.scorecards.files` (the diff edits it, comments
   * kept), inline in `opsfolio.scorecards.definitions` (the diff adds a file to use instead), or shipped by
   * Opsfolio or a module (the diff adds a file whose scorecard replaces the shipped one, same id).
   */
  source: { kind: 'file'; path: string } | { kind: 'config'; path: string } | { kind: 'shipped' };
  /** A check campaign's checks guard this level from now on (the one asked for, else the lowest). */
  level?: { id: string; title: string };
  /** The scorecard's levels, lowest first: what `level` may be. */
  levels: Array<{ id: string; title: string }>;
  /** What changes, one line each, e.g. `Rollback exercised: from Gold to Bronze`; empty when nothing would. */
  changes: string[];
  /** The file the diff writes, relative to the backend's working directory. */
  file: string;
  /** A unified diff (`git apply` takes it); empty when nothing would change. */
  diff: string;
  /** What else to do, e.g. add the new file to `opsfolio.scorecards.files`. */
  followUp: string[];
}
