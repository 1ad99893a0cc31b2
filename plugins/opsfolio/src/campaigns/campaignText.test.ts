import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { englishText } from '../translation/testing/englishText';
import { projectionText, targetText } from './campaignText';
import { campaignList, rollbackProgress } from './testing/campaignTestData';

const withProjection = (
  projection: CampaignProgressResponse['projection'],
  changes: Partial<CampaignProgressResponse> = {},
): CampaignProgressResponse => ({ ...rollbackProgress, projection, ...changes });

describe('projectionText', () => {
  const text = englishText();

  it('says how many days before or after the target date the pace finishes, in the singular for one', () => {
    expect(projectionText(text, rollbackProgress)).toBe(
      'At 1.5 entities a day, done by Jan 20, 2027: 11 days before the target.',
    );
    expect(projectionText(text, withProjection({ perDay: 0.25, finishDate: '2027-02-01', onTrack: false }))).toBe(
      'At 0.3 entities a day, done by Feb 1, 2027: 1 day after the target.',
    );
    expect(projectionText(text, withProjection({ perDay: 2, finishDate: '2027-01-31', onTrack: true }))).toBe(
      'At 2 entities a day, done by Jan 31, 2027: on the target date.',
    );
  });

  it('says over how many days nothing moved: the backend looks back 14 days, fewer in a young campaign', () => {
    const stalled = { perDay: 0, finishDate: null, onTrack: false };
    // Eleven daily snapshots: ten days between the first and the last.
    expect(projectionText(text, withProjection(stalled))).toBe(
      'No progress in the last 10 days: no finish date can be projected.',
    );
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: `2027-01-${String(i + 1).padStart(2, '0')}`,
      done: 3,
      total: 12,
    }));
    expect(projectionText(text, withProjection(stalled, { burnUp: days }))).toBe(
      'No progress in the last 14 days: no finish date can be projected.',
    );
  });

  it('waits for a day of history, and says when every entity is done', () => {
    expect(projectionText(text, withProjection({ perDay: 0, finishDate: null, onTrack: null }))).toBe(
      'Not enough history yet to project when it will be done.',
    );
    const complete = withProjection(
      { perDay: 1, finishDate: '2027-01-11', onTrack: true },
      { counts: { total: 12, done: 10, exempt: 2, notDone: 0 } },
    );
    expect(projectionText(text, complete)).toBe('Every entity is done.');
  });
});

describe('targetText', () => {
  const text = englishText();
  const [runbooks, rollback] = campaignList.campaigns;

  it('names the level and the scorecard by their titles, or counts the checks', () => {
    expect(targetText(text, rollback)).toBe('Gold on Production readiness');
    expect(targetText(text, rollbackProgress)).toBe('Gold on Production readiness');
    expect(targetText(text, runbooks)).toBe('3 checks of Production readiness');
    const oneCheck = { ...runbooks, campaign: { ...runbooks.campaign, checks: ['runbook'] } };
    expect(targetText(text, oneCheck)).toBe('1 check of Production readiness');
  });

  it('names a level by its id when the scorecard no longer defines it', () => {
    expect(targetText(text, { ...rollback, targetLevelTitle: undefined })).toBe('gold on Production readiness');
  });
});
