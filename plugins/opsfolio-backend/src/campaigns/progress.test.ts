import { eachDay, type CampaignDefinition, type CheckState, type Scorecard } from '@opsfolio/backstage-plugin-common';
import type { DailyChecksRow, StoredEvaluation } from '../scorecards/ScorecardStore';
import { campaignProgress, LAGGING_ENTITIES, visibleEntities } from './progress';
import { scopeCampaign } from './scope';

const check = (id: string, level: string) => ({ id, title: `Check ${id}`, fact: 'f', operator: 'exists' as const, level, description: 'd', fix: { text: `Fix ${id}` } });
const scorecard: Scorecard = {
  id: 'ready',
  title: 'Ready',
  filter: {},
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  checks: [check('owned', 'bronze'), check('runbook', 'bronze'), check('drill', 'silver'), check('gap', 'gold')],
};

const ref = (name: string) => `component:default/${name}`;
/** An entity's stored result: states of owned, runbook, drill, gap in that order. */
function evaluation(name: string, owner: string, lifecycle: string, [owned, runbook, drill, gap]: CheckState[]): StoredEvaluation {
  const states = { owned, runbook, drill, gap };
  return {
    entityRef: ref(name),
    level: null,
    passing: 0,
    total: 4,
    info: { entityRef: ref(name), kind: 'component', lifecycle, ownerRef: `group:default/${owner}`, title: name.toUpperCase() },
    results: Object.entries(states).map(([checkId, state]) => ({ checkId, state, reason: 'r', since: '2026-11-01T00:00:00.000Z' })),
    exemptionProblems: [],
    evaluatedAt: '2026-11-10T08:00:00.000Z',
  };
}

// Six production services of two teams and one experimental one, which the level campaign's filter leaves out.
const evaluations = [
  evaluation('a', 'team-a', 'production', ['pass', 'pass', 'pass', 'pass']), // done
  evaluation('b', 'team-a', 'production', ['pass', 'pass', 'exempt', 'fail']), // exempt
  evaluation('c', 'team-a', 'production', ['pass', 'pass', 'fail', 'pass']), // not done: drill
  evaluation('d', 'team-b', 'production', ['pass', 'fail', 'fail', 'fail']), // not done: runbook, drill
  evaluation('e', 'team-b', 'production', ['pass', 'pass', 'pass', 'fail']), // done (gap is gold: not counted)
  evaluation('f', 'team-b', 'production', ['not-applicable', 'pass', 'not-reported', 'pass']), // not done: drill
  evaluation('g', 'team-c', 'experimental', ['pass', 'pass', 'pass', 'pass']),
];

const silver: CampaignDefinition = {
  id: 'silver-by-november',
  title: 'Silver by November',
  owner: 'group:default/team-sre',
  scorecardId: 'ready',
  targetLevel: 'silver',
  filter: { lifecycle: ['production'] },
  startDate: '2026-11-01',
  targetDate: '2026-11-30',
  milestones: [
    { date: '2026-11-05', share: 0.4 },
    { date: '2026-11-08', share: 0.6 },
    { date: '2026-11-20', share: 0.9 },
  ],
};

/** Snapshots of one entity from `from` to `to` (inclusive), each with these failing and exempt checks. */
const days = (name: string, from: string, to: string, failing: string[] | null, exempt: string[] = [], level: string | null = null): DailyChecksRow[] =>
  [...eachDay(from, to), to].map(day => ({ entityRef: ref(name), day, level, passing: 0, total: 4, failing, exempt: failing && exempt }));

// Per entity, the first day it was complete: a from the start (its first two snapshots predate the failing lists
// and count by level), b from 11-04 (exempt), e from 11-06; c and d never. f joins the catalog on 11-05.
const daily: DailyChecksRow[] = [
  ...days('a', '2026-11-01', '2026-11-02', null, [], 'silver'),
  ...days('a', '2026-11-03', '2026-11-09', ['gap']),
  ...days('b', '2026-10-25', '2026-11-03', ['drill', 'gap']),
  ...days('b', '2026-11-04', '2026-11-09', ['gap'], ['drill']),
  ...days('c', '2026-11-01', '2026-11-09', ['drill']),
  ...days('d', '2026-11-01', '2026-11-09', ['runbook', 'drill', 'gap']),
  ...days('e', '2026-11-01', '2026-11-05', ['drill', 'gap'], [], 'bronze'),
  ...days('e', '2026-11-06', '2026-11-09', ['gap'], [], 'silver'),
  ...days('f', '2026-11-05', '2026-11-09', ['drill']),
  ...days('g', '2026-11-01', '2026-11-09', []),
];

const groupTitles = new Map([['group:default/team-a', 'Team A']]);
const TODAY = '2026-11-10';

describe('a level campaign', () => {
  const scope = scopeCampaign(silver, scorecard, evaluations, daily, TODAY);
  const progress = campaignProgress(scope, { today: TODAY, groupTitles });

  it('counts the entities in scope as done, exempt and not done, over the checks up to its level', () => {
    expect(progress.counts).toEqual({ total: 6, done: 2, exempt: 1, notDone: 3 });
    expect(progress.targetLevelTitle).toBe('Silver');
    expect(visibleEntities(scope).map(e => [e.entityRef.slice(-1), e.status])).toEqual([
      ['c', 'not-done'],
      ['d', 'not-done'],
      ['f', 'not-done'],
      ['a', 'done'],
      ['b', 'exempt'],
      ['e', 'done'],
    ]);
  });

  it('draws the burn-up from the daily snapshots since the start date, today from the stored results', () => {
    expect(progress.burnUp).toEqual([
      { day: '2026-11-01', done: 1, total: 5 },
      { day: '2026-11-02', done: 1, total: 5 },
      { day: '2026-11-03', done: 1, total: 5 },
      { day: '2026-11-04', done: 2, total: 5 },
      { day: '2026-11-05', done: 2, total: 6 },
      { day: '2026-11-06', done: 3, total: 6 },
      { day: '2026-11-07', done: 3, total: 6 },
      { day: '2026-11-08', done: 3, total: 6 },
      { day: '2026-11-09', done: 3, total: 6 },
      { day: '2026-11-10', done: 3, total: 6 },
    ]);
  });

  it('judges milestones by the burn-up: 40% (2 of 5) met on 11-04, 60% never by 11-08, 90% still ahead', () => {
    expect(progress.milestones).toEqual([
      { date: '2026-11-05', share: 0.4, needed: 3, status: 'reached', reachedOn: '2026-11-04' },
      { date: '2026-11-08', share: 0.6, needed: 4, status: 'missed' },
      { date: '2026-11-20', share: 0.9, needed: 6, status: 'upcoming' },
    ]);
  });

  it('projects the finish from the rate since the start: 2 more in 9 days, 3 left, 14 days', () => {
    // (3 - 1) / 9 = 0.22 a day; 3 / 0.222 = 13.5, so 14 days after 11-10: 11-24, before the 11-30 target.
    expect(progress.projection).toEqual({ perDay: 0.22, finishDate: '2026-11-24', onTrack: true });
  });

  it('lists teams least done first, each check, and what the lagging teams must fix', () => {
    expect(progress.teams).toEqual([
      { ownerRef: 'group:default/team-b', total: 3, done: 1, exempt: 0, notDone: 2 },
      { ownerRef: 'group:default/team-a', title: 'Team A', total: 3, done: 1, exempt: 1, notDone: 1 },
    ]);
    expect(progress.checks.map(c => [c.checkId, c.passing, c.failing, c.exempt])).toEqual([
      ['owned', 5, 0, 0],
      ['runbook', 5, 1, 0],
      ['drill', 2, 3, 1],
    ]);
    expect(progress.lagging.map(t => t.more)).toEqual([0, 0]);
    expect(progress.lagging.map(t => [t.ownerRef, t.notDone, t.entities.map(e => [e.entityRef.slice(-1), e.remaining.map(r => `${r.checkId}:${r.state}:${r.fix.text}`)])])).toEqual([
      ['group:default/team-b', 2, [['d', ['runbook:fail:Fix runbook', 'drill:fail:Fix drill']], ['f', ['drill:not-reported:Fix drill']]]],
      ['group:default/team-a', 1, [['c', ['drill:fail:Fix drill']]]],
    ]);
  });

  it(`lists the first ${LAGGING_ENTITIES} entities of a lagging team and counts the rest`, () => {
    const many = Array.from({ length: LAGGING_ENTITIES + 3 }, (_, i) => evaluation(`x${String(i).padStart(2, '0')}`, 'team-x', 'production', ['pass', 'fail', 'pass', 'pass']));
    const big = campaignProgress(scopeCampaign(silver, scorecard, many, [], TODAY), { today: TODAY, groupTitles });
    expect(big.lagging).toHaveLength(1);
    expect(big.lagging[0]).toMatchObject({ notDone: LAGGING_ENTITIES + 3, more: 3 });
    expect(big.lagging[0].entities.map(e => e.entityRef.split('/')[1])).toEqual(Array.from({ length: LAGGING_ENTITIES }, (_, i) => `x${String(i).padStart(2, '0')}`));
  });

  it('counts only what the caller may read', () => {
    const readable = new Set([ref('a'), ref('c'), ref('d')]);
    const seen = campaignProgress(scope, { today: TODAY, groupTitles, readable });
    expect(seen.counts).toEqual({ total: 3, done: 1, exempt: 0, notDone: 2 });
    expect(seen.burnUp[0]).toEqual({ day: '2026-11-01', done: 1, total: 3 });
    expect(visibleEntities(scope, readable).map(e => e.entityRef)).toEqual([ref('c'), ref('d'), ref('a')]);
    // The campaign's state is judged on every entity, whoever asks.
    expect(scope.counts.notDone).toBe(3);
  });
});

describe('a campaign of checks', () => {
  const drills: CampaignDefinition = { ...silver, id: 'drills', targetLevel: undefined, checks: ['drill'], filter: undefined, milestones: undefined };
  const scope = scopeCampaign(drills, scorecard, evaluations, daily, TODAY);
  const progress = campaignProgress(scope, { today: TODAY, groupTitles });

  it('counts every entity the checks apply to, and snapshots without failing lists as unknown', () => {
    expect(progress.counts).toEqual({ total: 7, done: 3, exempt: 1, notDone: 3 });
    // a's first two days predate the failing lists: not counted. g (experimental) is in this campaign.
    expect(progress.burnUp.slice(0, 6)).toEqual([
      { day: '2026-11-01', done: 1, total: 5 },
      { day: '2026-11-02', done: 1, total: 5 },
      { day: '2026-11-03', done: 2, total: 6 },
      { day: '2026-11-04', done: 3, total: 6 },
      { day: '2026-11-05', done: 3, total: 7 },
      { day: '2026-11-06', done: 4, total: 7 },
    ]);
    expect(progress.checks.map(c => c.checkId)).toEqual(['drill']);
  });

  it('has no projection before a day of history, and none when nothing moved', () => {
    const young = scopeCampaign({ ...drills, startDate: TODAY }, scorecard, evaluations, daily, TODAY);
    expect(campaignProgress(young, { today: TODAY, groupTitles }).projection).toEqual({ perDay: 0, finishDate: null, onTrack: null });
    // Days before the first snapshot say nothing about the rate.
    const unrecorded = scopeCampaign(drills, scorecard, evaluations, [], TODAY);
    expect(campaignProgress(unrecorded, { today: TODAY, groupTitles }).projection).toEqual({ perDay: 0, finishDate: null, onTrack: null });
    const stuck = scopeCampaign({ ...drills, startDate: '2026-11-07' }, scorecard, evaluations, daily, TODAY);
    expect(campaignProgress(stuck, { today: TODAY, groupTitles }).projection).toEqual({ perDay: 0, finishDate: null, onTrack: false });
  });

  it('has no days before its start, and stops its burn-up on the day it ended', () => {
    expect(scopeCampaign({ ...drills, startDate: '2026-11-20', targetDate: '2026-11-30' }, scorecard, evaluations, daily, TODAY).days).toEqual([]);
    const ended = scopeCampaign({ ...drills, endedOn: '2026-11-04' }, scorecard, evaluations, daily, TODAY);
    expect(ended.days.at(-1)).toBe('2026-11-04');
  });
});
