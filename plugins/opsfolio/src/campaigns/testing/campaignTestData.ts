import type {
  Campaign,
  CampaignProgressResponse,
  CampaignsResponse,
  EntityCampaignsResponse,
} from '@opsfolio/backstage-plugin-common';

// Hand-written figures the tests read back: 12 entities, 7 done and 2 exempt (9 complete), 3 not done, all Search's.

export const rollbackDrills: Campaign = {
  id: 'rollback-drills-2027',
  title: 'Rollback drills 2027',
  description: 'Every production service rehearses a rollback before the peak season.',
  owner: 'group:default/team-sre',
  scorecardId: 'production',
  targetLevel: 'gold',
  startDate: '2027-01-01',
  targetDate: '2027-01-31',
  milestones: [
    { date: '2027-01-05', share: 0.25 },
    { date: '2027-01-10', share: 0.5 },
    { date: '2027-01-20', share: 0.9 },
  ],
  link: 'https://wiki.example.com/rollback-drills',
  supportChannel: '#rollback-drills',
  state: 'active',
  source: 'config',
};

const runbooks: Campaign = {
  id: 'runbooks-q1',
  title: 'Runbooks everywhere',
  owner: 'group:default/team-platform',
  scorecardId: 'production',
  checks: ['runbook', 'dashboards', 'alerts'],
  startDate: '2026-10-01',
  targetDate: '2026-12-31',
  state: 'overdue',
  source: 'api',
};

const onCall: Campaign = {
  id: 'on-call-2027',
  title: 'On-call for tier 1',
  owner: 'group:default/team-sre',
  scorecardId: 'production',
  checks: ['escalation-levels'],
  startDate: '2027-03-01',
  targetDate: '2027-04-30',
  state: 'scheduled',
  source: 'config',
};

export const campaignList: CampaignsResponse = {
  campaigns: [
    {
      campaign: runbooks,
      counts: { total: 20, done: 10, exempt: 0, notDone: 10 },
      scorecardTitle: 'Production readiness',
    },
    {
      campaign: rollbackDrills,
      counts: { total: 12, done: 7, exempt: 2, notDone: 3 },
      scorecardTitle: 'Production readiness',
      targetLevelTitle: 'Gold',
    },
    { campaign: onCall, counts: { total: 1, done: 0, exempt: 0, notDone: 1 }, scorecardTitle: 'Production readiness' },
  ],
};

const rollbackDrill = {
  checkId: 'rollback-drill',
  title: 'Rollback drill',
  fix: { text: 'Run a rollback drill and record it', url: 'https://runbooks.example.com/rollback' },
};
const runbook = { checkId: 'runbook', title: 'Runbook', fix: { text: 'Link a runbook in catalog-info.yaml' } };

/** Eleven days of snapshots: 1 entity done on the first day, 9 by the last. */
const DONE_BY_DAY = [1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9];

export const rollbackProgress: CampaignProgressResponse = {
  campaign: rollbackDrills,
  scorecardTitle: 'Production readiness',
  targetLevelTitle: 'Gold',
  counts: { total: 12, done: 7, exempt: 2, notDone: 3 },
  teams: [
    { ownerRef: 'group:default/team-search', title: 'Search', total: 4, done: 1, exempt: 0, notDone: 3 },
    { ownerRef: 'group:default/team-payments', title: 'Payments', total: 8, done: 6, exempt: 2, notDone: 0 },
  ],
  checks: [
    { ...rollbackDrill, level: 'gold', passing: 8, failing: 3, exempt: 1 },
    { ...runbook, level: 'silver', passing: 10, failing: 1, exempt: 1 },
  ],
  burnUp: DONE_BY_DAY.map((done, i) => ({ day: `2027-01-${String(i + 1).padStart(2, '0')}`, done, total: 12 })),
  milestones: [
    { date: '2027-01-05', share: 0.25, needed: 3, status: 'missed' },
    { date: '2027-01-10', share: 0.5, needed: 6, status: 'reached', reachedOn: '2027-01-08' },
    { date: '2027-01-20', share: 0.9, needed: 11, status: 'upcoming' },
  ],
  projection: { perDay: 1.5, finishDate: '2027-01-20', onTrack: true },
  lagging: [
    {
      ownerRef: 'group:default/team-search',
      title: 'Search',
      notDone: 3,
      entities: [
        {
          entityRef: 'component:default/search-api',
          ownerRef: 'group:default/team-search',
          status: 'not-done',
          remaining: [
            { ...rollbackDrill, state: 'fail' },
            { ...runbook, state: 'not-reported' },
          ],
        },
        {
          entityRef: 'component:default/search-indexer',
          title: 'Search indexer',
          ownerRef: 'group:default/team-search',
          status: 'not-done',
          remaining: [{ ...rollbackDrill, state: 'stale' }],
        },
        {
          entityRef: 'component:default/search-ui',
          ownerRef: 'group:default/team-search',
          status: 'not-done',
          remaining: [{ ...rollbackDrill, state: 'fail' }],
        },
      ],
      more: 0,
    },
  ],
};

/** payments-api's campaigns: two checks left in one, done in another, done with an exemption in a third. */
export const paymentsCampaigns: EntityCampaignsResponse = {
  entityRef: 'component:default/payments-api',
  campaigns: [
    {
      campaign: rollbackDrills,
      status: 'not-done',
      remaining: [
        { ...rollbackDrill, state: 'fail' },
        { ...runbook, state: 'not-reported' },
      ],
    },
    { campaign: { ...onCall, state: 'active' }, status: 'done', remaining: [] },
    { campaign: { ...runbooks, state: 'active' }, status: 'exempt', remaining: [] },
  ],
};
