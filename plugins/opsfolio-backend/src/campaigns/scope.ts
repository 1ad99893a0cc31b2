import {
  addDays,
  eachDay,
  type CampaignCounts,
  type CampaignDefinition,
  type CampaignEntity,
  type CampaignRemainingCheck,
  type CheckState,
  type Scorecard,
} from '@opsfolio/backstage-plugin-common';
import { COUNTS_AS_PASSING } from '../scorecards/engine';
import { compileFilter } from '../scorecards/filter';
import { refOf } from '../scorecards/overview';
import type { DailyChecksRow, StoredEvaluation } from '../scorecards/ScorecardStore';

/** Day cells of an entity's history: complete (done or exempt), not done, or no snapshot that day. */
export const COMPLETE = 1;
const NOT_DONE = 0;
export const UNKNOWN = -1;

/** One entity in a campaign's scope: where it stands now and, per day since the start, whether it was complete. */
interface ScopedEntity {
  entity: CampaignEntity;
  /** The state of each campaign check that applies to it. */
  states: Array<{ checkId: string; state: CheckState }>;
  history: Int8Array;
}

/**
 * A campaign's entities and their history, computed once per stored evaluation (cached by the caller) and
 * then counted per request for whatever the caller may read.
 */
export interface CampaignScope {
  campaign: CampaignDefinition;
  scorecard: Scorecard;
  /** The checks that count: the campaign's, or every check up to its target level. */
  checkIds: string[];
  /** From the start date to today or the day it ended, oldest first; empty before it starts. */
  days: string[];
  entities: ScopedEntity[];
  byRef: Map<string, ScopedEntity>;
  /** Over every entity, whoever asks: what the campaign's state is judged by. */
  counts: CampaignCounts;
}

/** The checks a campaign counts: its own list, or every check at or below its target level. */
function campaignCheckIds(campaign: CampaignDefinition, scorecard: Scorecard): string[] {
  if (campaign.checks) return campaign.checks;
  const rank = new Map(scorecard.levels.map((l, i) => [l.id, i]));
  const target = rank.get(campaign.targetLevel!) ?? scorecard.levels.length;
  return scorecard.checks.filter(c => (rank.get(c.level) ?? Infinity) <= target).map(c => c.id);
}

/** An entity's place in a campaign from its stored results; undefined when no campaign check applies to it. */
function entityOf(
  e: StoredEvaluation,
  checkIds: ReadonlySet<string>,
  scorecard: Scorecard
): Omit<ScopedEntity, 'history'> | undefined {
  const results = e.results.filter(r => checkIds.has(r.checkId) && r.state !== 'not-applicable');
  if (results.length === 0) return undefined;
  const remaining: CampaignRemainingCheck[] = results
    .filter(r => !COUNTS_AS_PASSING.has(r.state))
    .map(r => {
      const check = scorecard.checks.find(c => c.id === r.checkId)!;
      return { checkId: r.checkId, title: check.title, state: r.state, fix: check.fix };
    });
  const status = remaining.length > 0 ? 'not-done' : results.some(r => r.state === 'exempt') ? 'exempt' : 'done';
  return {
    entity: {
      entityRef: e.entityRef,
      ...(e.info.title ? { title: e.info.title } : {}),
      ...(e.info.ownerRef ? { ownerRef: e.info.ownerRef } : {}),
      status,
      remaining,
    },
    states: results.map(r => ({ checkId: r.checkId, state: r.state })),
  };
}

/** The campaign filter's test, over what the scorecard filter already let in. */
function campaignFilter(campaign: CampaignDefinition) {
  const base = compileFilter(campaign.filter);
  const owners = campaign.filter?.owner && new Set(campaign.filter.owner.map(o => refOf(o, 'group')));
  const systems = campaign.filter?.system && new Set(campaign.filter.system.map(s => refOf(s, 'system')));
  return (e: StoredEvaluation) =>
    base(e.info) && (!owners || owners.has(e.info.ownerRef ?? '')) && (!systems || systems.has(e.info.system ?? ''));
}

export function countsOf(entities: Iterable<CampaignEntity>): CampaignCounts {
  const counts = { total: 0, done: 0, exempt: 0, notDone: 0 };
  for (const e of entities) {
    counts.total += 1;
    if (e.status === 'done') counts.done += 1;
    else if (e.status === 'exempt') counts.exempt += 1;
    else counts.notDone += 1;
  }
  return counts;
}

/**
 * Which entities a campaign covers and how each stands, from the scorecard's stored results, and each one's
 * day-by-day history from the daily snapshots since the start date (`daily` may hold earlier days and other
 * entities). A snapshot records which checks held the entity back; one from before that was recorded counts by
 * its level for a level campaign and as unknown for a campaign of checks. Today's cell is the stored result. Pure.
 */
export function scopeCampaign(
  campaign: CampaignDefinition,
  scorecard: Scorecard,
  evaluations: Iterable<StoredEvaluation>,
  daily: DailyChecksRow[],
  today: string
): CampaignScope {
  const checkIds = campaignCheckIds(campaign, scorecard);
  const checkSet = new Set(checkIds);
  const matches = campaignFilter(campaign);
  const last = campaign.endedOn && campaign.endedOn < today ? campaign.endedOn : today;
  const days = campaign.startDate <= last ? eachDay(campaign.startDate, addDays(last, 1)) : [];
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  const entities: ScopedEntity[] = [];
  const byRef = new Map<string, ScopedEntity>();
  for (const e of evaluations) {
    if (!matches(e)) continue;
    const found = entityOf(e, checkSet, scorecard);
    if (!found) continue;
    const scoped = { ...found, history: new Int8Array(days.length).fill(UNKNOWN) };
    entities.push(scoped);
    byRef.set(e.entityRef, scoped);
  }

  const rank = new Map(scorecard.levels.map((l, i) => [l.id, i]));
  const targetRank = campaign.targetLevel === undefined ? undefined : rank.get(campaign.targetLevel);
  for (const row of daily) {
    const d = dayIndex.get(row.day);
    const scoped = d === undefined ? undefined : byRef.get(row.entityRef);
    if (!scoped) continue;
    if (row.failing) scoped.history[d!] = row.failing.some(id => checkSet.has(id)) ? NOT_DONE : COMPLETE;
    else if (targetRank !== undefined)
      scoped.history[d!] = row.level !== null && (rank.get(row.level) ?? -1) >= targetRank ? COMPLETE : NOT_DONE;
  }
  if (days.at(-1) === today) {
    for (const s of entities) s.history[days.length - 1] = s.entity.status === 'not-done' ? NOT_DONE : COMPLETE;
  }
  return { campaign, scorecard, checkIds, days, entities, byRef, counts: countsOf(entities.map(s => s.entity)) };
}
