import {
  addDays,
  type CampaignBurnUpDay,
  type CampaignEntity,
  type CampaignProgressResponse,
} from '@opsfolio/backstage-plugin-common';
import { isReadable, type ReadableRefs } from '../platform/catalog/CatalogVisibility';
import { COMPLETE, countsOf, UNKNOWN, type CampaignScope } from './scope';

/** Days the projection's rate is measured over (fewer while the campaign is younger). */
const PROJECTION_DAYS = 14;

/** Entities listed per lagging team; the CSV has every one. Keeps the page's answer small at 10,000 entities. */
export const LAGGING_ENTITIES = 10;

const CHECK_COUNTS = {
  pass: 'passing',
  exempt: 'exempt',
  fail: 'failing',
  stale: 'failing',
  'not-reported': 'failing',
} as const;

const completeShare = (c: { total: number; done: number; exempt: number }) =>
  c.total === 0 ? 1 : (c.done + c.exempt) / c.total;

/** How many entities make up `share` of `total`: 60% of 12 is 8 (7.2 rounded up: a milestone is never met early). */
const neededFor = (share: number, total: number) => Math.ceil(share * total - 1e-9);

/**
 * Where a campaign stands for a caller who may read `readable` (undefined: everything): counts, teams, checks,
 * the burn-up, milestones judged by it, the projected finish and what lagging teams must fix. Pure.
 */
export function campaignProgress(
  scope: CampaignScope,
  options: { today: string; readable?: ReadableRefs; groupTitles: Map<string, string | undefined> }
): Omit<CampaignProgressResponse, 'campaign'> {
  const { campaign, scorecard, days } = scope;
  const visible = scope.entities.filter(s => isReadable(options.readable, s.entity.entityRef));
  const entities = visible.map(s => s.entity);
  const counts = countsOf(entities);

  // Entity by entity, each history read front to back: 10,000 entities over 180 days stay a few milliseconds.
  const done = new Int32Array(days.length);
  const total = new Int32Array(days.length);
  for (const s of visible) {
    const history = s.history;
    for (let d = 0; d < history.length; d++) {
      const cell = history[d];
      if (cell === UNKNOWN) continue;
      total[d] += 1;
      if (cell === COMPLETE) done[d] += 1;
    }
  }
  const burnUp: CampaignBurnUpDay[] = days.map((day, d) => ({ day, done: done[d], total: total[d] }));

  const byTeam = new Map<string, CampaignEntity[]>();
  for (const e of entities) {
    const key = e.ownerRef ?? '';
    const members = byTeam.get(key);
    if (members) members.push(e);
    else byTeam.set(key, [e]);
  }
  const teams = [...byTeam.entries()]
    .map(([ownerRef, members]): CampaignProgressResponse['teams'][number] => ({
      ownerRef,
      ...withTitle(options.groupTitles.get(ownerRef)),
      ...countsOf(members),
    }))
    .sort(
      (a, b) => completeShare(a) - completeShare(b) || b.notDone - a.notDone || a.ownerRef.localeCompare(b.ownerRef)
    );

  const checks = scope.checkIds.map(checkId => {
    const check = scorecard.checks.find(c => c.id === checkId)!;
    return { checkId, title: check.title, level: check.level, passing: 0, failing: 0, exempt: 0, fix: check.fix };
  });
  const checkRow = new Map(checks.map(c => [c.checkId, c]));
  for (const s of visible) {
    for (const { checkId, state } of s.states) {
      const column = CHECK_COUNTS[state as keyof typeof CHECK_COUNTS];
      if (column) checkRow.get(checkId)![column] += 1;
    }
  }

  const lagging = teams
    .filter(t => t.notDone > 0)
    .map(t => {
      const notDone = byTeam
        .get(t.ownerRef)!
        .filter(e => e.status === 'not-done')
        .sort(byRef);
      return {
        ownerRef: t.ownerRef,
        ...withTitle(t.title),
        notDone: t.notDone,
        entities: notDone.slice(0, LAGGING_ENTITIES),
        more: Math.max(0, notDone.length - LAGGING_ENTITIES),
      };
    });

  return {
    ...titlesOf(scope),
    counts,
    teams,
    checks,
    burnUp,
    milestones: milestonesOf(campaign.milestones ?? [], burnUp, counts.total, options.today),
    projection: projectionOf(burnUp, counts, campaign.targetDate, options.today),
    lagging,
  };
}

const byRef = (a: CampaignEntity, b: CampaignEntity) =>
  a.entityRef < b.entityRef ? -1 : a.entityRef > b.entityRef ? 1 : 0;

/** The titles a campaign's target reads with: "Silver on Production readiness". */
export function titlesOf({
  campaign,
  scorecard,
}: Pick<CampaignScope, 'campaign' | 'scorecard'>): Pick<
  CampaignProgressResponse,
  'scorecardTitle' | 'targetLevelTitle'
> {
  const level = campaign.targetLevel && scorecard.levels.find(l => l.id === campaign.targetLevel)?.title;
  return { scorecardTitle: scorecard.title, ...(level ? { targetLevelTitle: level } : {}) };
}

/** Every entity the caller may read, not done first: the CSV's lines. */
export function visibleEntities(scope: CampaignScope, readable?: ReadableRefs): CampaignEntity[] {
  const order = (e: CampaignEntity) => (e.status === 'not-done' ? 0 : 1);
  return scope.entities
    .filter(s => isReadable(readable, s.entity.entityRef))
    .map(s => s.entity)
    .sort((a, b) => order(a) - order(b) || byRef(a, b));
}

function withTitle(title: string | undefined, key = 'title'): Record<string, string> {
  return title ? { [key]: title } : {};
}

/** Each milestone with the first day the burn-up met its share: reached by its date, missed, or still ahead. */
function milestonesOf(
  milestones: Array<{ date: string; share: number }>,
  burnUp: CampaignBurnUpDay[],
  total: number,
  today: string
): CampaignProgressResponse['milestones'] {
  return milestones.map(m => {
    const reachedOn = burnUp.find(b => b.total > 0 && b.done >= neededFor(m.share, b.total))?.day;
    const status = reachedOn !== undefined && reachedOn <= m.date ? 'reached' : m.date < today ? 'missed' : 'upcoming';
    return { ...m, needed: neededFor(m.share, total), status, ...(reachedOn ? { reachedOn } : {}) };
  });
}

/**
 * Entities completed per day over the last {@link PROJECTION_DAYS} days of the burn-up that have snapshots, and
 * the day the rest would be done at that rate: `onTrack` when that is by the target date; null while there is
 * not a day of history (days before the first snapshot say nothing about the rate).
 */
function projectionOf(
  burnUp: CampaignBurnUpDay[],
  counts: { total: number; done: number; exempt: number },
  targetDate: string,
  today: string
): CampaignProgressResponse['projection'] {
  const left = counts.total - counts.done - counts.exempt;
  const first = burnUp.findIndex(b => b.total > 0);
  const window = first < 0 ? 0 : Math.min(PROJECTION_DAYS, burnUp.length - 1 - first);
  const perDay =
    window > 0 ? Math.round(((burnUp.at(-1)!.done - burnUp[burnUp.length - 1 - window].done) / window) * 100) / 100 : 0;
  if (left === 0) return { perDay, finishDate: today, onTrack: true };
  if (window < 1) return { perDay: 0, finishDate: null, onTrack: null };
  if (perDay <= 0) return { perDay: 0, finishDate: null, onTrack: false };
  const finishDate = addDays(today, Math.ceil(left / perDay));
  return { perDay, finishDate, onTrack: finishDate <= targetDate };
}
