import type { CheckResult, CheckTransition, LevelChange } from '@opsfolio/backstage-plugin-common';
import type { EntityInfo } from './filter';

/** One entity's latest evaluation of one scorecard, as stored. */
export interface StoredEvaluation {
  entityRef: string;
  level: string | null;
  passing: number;
  total: number;
  info: EntityInfo;
  results: CheckResult[];
  exemptionProblems: string[];
  evaluatedAt: string;
}

export interface DailyRow {
  entityRef: string;
  day: string;
  level: string | null;
  passing: number;
  total: number;
  /** Ids of the checks that did not count as passing; absent on snapshots from before campaigns. */
  failing?: string[];
  /** Ids of the checks that were exempt. */
  exempt?: string[];
}

/** A daily snapshot with the checks it held: what a campaign's burn-up is drawn from. */
export type DailyChecksRow = Omit<DailyRow, 'failing' | 'exempt'> & { failing: string[] | null; exempt: string[] | null };

/** What one evaluation run writes for a scorecard, in one transaction. */
export interface EvaluationWrite {
  upserts: StoredEvaluation[];
  /** Entities the scorecard no longer applies to (or gone from the catalog). */
  deletes: string[];
  transitions: Array<CheckTransition & { entityRef: string }>;
  levelChanges: Array<LevelChange & { entityRef: string }>;
  daily: DailyRow[];
}

/** Transitions and level changes of every scorecard, each naming its scorecard and entity. */
export interface RecentChanges {
  transitions: Array<CheckTransition & { scorecardId: string; entityRef: string }>;
  levelChanges: Array<Omit<LevelChange, 'because'> & { scorecardId: string; entityRef: string }>;
}

/** Latest results, transitions, level changes and daily snapshots of every scorecard. */
export interface ScorecardStore {
  /** Every entity's latest evaluation of a scorecard, by entity ref key. */
  entities(scorecardId: string): Promise<Map<string, StoredEvaluation>>;
  entity(scorecardId: string, entityRef: string): Promise<StoredEvaluation | undefined>;
  /**
   * Stores one evaluation of a scorecard, for every entity (`'all'`: entities not in it are deleted) or the ones
   * named. `build` is given the stored results it compares with, read inside the write transaction; evaluations
   * take turns (across replicas too), an entity whose stored result is newer than `evaluatedAt` is left alone, and
   * a transition or level change is never recorded twice. Returns what was written.
   */
  writeEvaluation(
    scorecardId: string,
    scope: 'all' | { entityRefs: string[] },
    evaluatedAt: string,
    build: (previous: Map<string, StoredEvaluation>) => EvaluationWrite,
  ): Promise<EvaluationWrite>;
  /** Daily snapshots alone (the history backfill). */
  writeDaily(scorecardId: string, daily: DailyRow[]): Promise<void>;
  /** Daily snapshots from `fromDay` on, for one entity or all. */
  daily(scorecardId: string, fromDay: string, entityRef?: string): Promise<DailyRow[]>;
  /** As {@link ScorecardStore.daily} for every entity, with each snapshot's failing and exempt checks. */
  dailyChecks(scorecardId: string, fromDay: string): Promise<DailyChecksRow[]>;
  /** The days from `fromDay` on that have snapshots. */
  daysWithSnapshots(scorecardId: string, fromDay: string): Promise<Set<string>>;
  /** An entity's transitions and level changes from `fromAt` on. */
  history(scorecardId: string, entityRef: string, fromAt: string): Promise<{ transitions: CheckTransition[]; levelChanges: LevelChange[] }>;
  /** Every scorecard's transitions and level changes recorded at `fromAt` or later: what notifications read. */
  changesSince(fromAt: string): Promise<RecentChanges>;
  /** Drops snapshots, transitions and level changes from before `beforeDay`. */
  prune(beforeDay: string): Promise<void>;
}
