import type { CampaignDefinition } from '@opsfolio/backstage-plugin-common';
import { applyAction, campaignState } from './state';

const campaign: CampaignDefinition = {
  id: 'rollback-drills',
  title: 'Rollback drills',
  owner: 'group:default/team-sre',
  scorecardId: 'ready',
  targetLevel: 'silver',
  startDate: '2027-01-10',
  targetDate: '2027-01-31',
};

describe('a campaign state', () => {
  it('follows its dates once published: scheduled, active through the target day, then overdue or ended', () => {
    expect(campaignState(campaign, '2027-01-09', false)).toBe('scheduled');
    expect(campaignState(campaign, '2027-01-10', false)).toBe('active');
    expect(campaignState(campaign, '2027-01-31', true)).toBe('active');
    expect(campaignState(campaign, '2027-02-01', false)).toBe('overdue');
    expect(campaignState(campaign, '2027-02-01', true)).toBe('ended');
  });

  it('is draft, ended or archived when set so, whatever the dates', () => {
    expect(campaignState({ ...campaign, draft: true }, '2027-01-15', false)).toBe('draft');
    expect(campaignState({ ...campaign, endedOn: '2027-01-20' }, '2027-01-20', false)).toBe('ended');
    expect(campaignState({ ...campaign, endedOn: '2027-01-20' }, '2027-01-19', false)).toBe('active');
    expect(campaignState({ ...campaign, endedOn: '2027-01-20', archived: true }, '2027-03-01', false)).toBe('archived');
  });

  it('moves by actions only from the states they apply to', () => {
    const draft = { ...campaign, draft: true };
    expect(campaignState(applyAction(draft, 'draft', 'publish', '2027-01-05'), '2027-01-05', false)).toBe('scheduled');
    const ended = applyAction(campaign, 'overdue', 'end', '2027-02-03');
    expect(ended.endedOn).toBe('2027-02-03');
    expect(campaignState(ended, '2027-02-03', false)).toBe('ended');
    expect(applyAction(ended, 'ended', 'archive', '2027-02-04').archived).toBe(true);
    expect(applyAction(draft, 'draft', 'archive', '2027-01-05').archived).toBe(true);

    expect(() => applyAction(campaign, 'active', 'publish', '2027-01-15')).toThrow("Campaign 'rollback-drills' is active: it can be published only when draft");
    expect(() => applyAction(campaign, 'active', 'archive', '2027-01-15')).toThrow('it can be archived only when ended or draft');
    expect(() => applyAction(draft, 'draft', 'end', '2027-01-15')).toThrow('it can be ended only when scheduled or active or overdue');
    expect(() => applyAction(campaign, 'archived', 'end', '2027-01-15')).toThrow(expect.objectContaining({ name: 'ConflictError' }));
  });
});
