import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import type { CampaignsService } from '../campaigns/CampaignsService';
import { campaignEvents } from './campaignEvents';

const progress = {
  campaign: {
    id: 'drills',
    title: 'Rollback drills',
    owner: 'group:default/team-sre',
    scorecardId: 'pr',
    checks: ['drills'],
    startDate: '2026-11-15',
    targetDate: '2027-01-17',
    reminders: { everyDays: 7 },
    state: 'active',
    source: 'config',
  },
  counts: { total: 10, done: 5, exempt: 1, notDone: 4 },
  scorecardTitle: 'Production readiness',
  teams: [],
  checks: [],
  burnUp: [],
  milestones: [
    { date: '2026-11-22', share: 0.1, needed: 1, status: 'reached', reachedOn: '2026-11-20' },
    { date: '2026-12-05', share: 0.5, needed: 5, status: 'reached', reachedOn: '2026-12-05' },
    { date: '2026-12-05', share: 0.9, needed: 9, status: 'missed' },
    { date: '2027-01-10', share: 1, needed: 10, status: 'upcoming' },
  ],
  projection: { perDay: 0.5, finishDate: '2026-12-14', onTrack: true },
  lagging: [
    {
      ownerRef: 'group:default/team-a',
      notDone: 7,
      more: 0,
      entities: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map(n => ({
        entityRef: `component:default/${n}`,
        status: 'not-done',
        remaining: [],
      })),
    },
    {
      ownerRef: 'group:default/team-b',
      notDone: 1,
      more: 0,
      entities: [{ entityRef: 'component:default/b1', title: 'B one', status: 'not-done', remaining: [] }],
    },
  ],
} as unknown as CampaignProgressResponse;

const service = (state: string) =>
  ({
    list: async () => [{ ...progress, campaign: { ...progress.campaign, state } }],
    progress: async () => ({ ...progress, campaign: { ...progress.campaign, state } }),
  } as unknown as CampaignsService);

describe('campaignEvents', () => {
  it("tells the owner of milestones of the last days, and each lagging team of the period's reminder", async () => {
    const events = await campaignEvents(service('active'), '2026-12-06', '2026-12-04');
    // 21 days since the start, a reminder every 7: period 3.
    expect(events.map(e => [e.key, e.ownerRefs.join()])).toEqual([
      ['campaign-milestone|drills|2026-12-05|reached', 'group:default/team-sre'],
      ['campaign-milestone|drills|2026-12-05|missed', 'group:default/team-sre'],
      ['campaign-reminder|drills|3|group:default/team-a', 'group:default/team-a'],
      ['campaign-reminder|drills|3|group:default/team-b', 'group:default/team-b'],
    ]);
    expect(events[0].item).toEqual({
      kind: 'milestone',
      campaignId: 'drills',
      campaignTitle: 'Rollback drills',
      date: '2026-12-05',
      share: 0.5,
      status: 'reached',
      done: 6,
      total: 10,
    });
    expect(events[2].item).toEqual({
      kind: 'reminder',
      campaignId: 'drills',
      campaignTitle: 'Rollback drills',
      targetDate: '2027-01-17',
      overdue: false,
      notDone: 7,
      entities: ['a1', 'a2', 'a3', 'a4', 'a5'],
    });
    expect(events[3].item).toMatchObject({ entities: ['B one'] });
    // One day later: still period 3, the same keys.
    expect(
      (await campaignEvents(service('active'), '2026-12-07', '2026-12-05'))
        .filter(e => e.topic === 'campaign-reminder')
        .map(e => e.key)
    ).toEqual(['campaign-reminder|drills|3|group:default/team-a', 'campaign-reminder|drills|3|group:default/team-b']);
  });

  it('sends no reminders for an ended campaign', async () => {
    const events = await campaignEvents(service('ended'), '2026-12-06', '2026-12-04');
    expect(events.map(e => e.topic)).toEqual(['campaign-milestone', 'campaign-milestone']);
  });
});
