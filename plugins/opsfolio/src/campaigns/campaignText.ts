import {
  daysBetween,
  type CampaignCounts,
  type CampaignProgressResponse,
  type CampaignSummary,
} from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';

/** Days the backend measures the projection's rate over (its `PROJECTION_DAYS`), fewer while the campaign is younger. */
const PROJECTION_DAYS = 14;

/** Entities that need nothing more: done, or done with an exemption. */
const completeOf = (counts: CampaignCounts) => counts.done + counts.exempt;

/** "Gold on Production readiness" or "3 checks of Production readiness": the titles the backend sends with it. */
export function targetText({ t }: OpsfolioText, summary: CampaignSummary): string {
  const { campaign, scorecardTitle: scorecard } = summary;
  if (campaign.targetLevel) {
    // A level the scorecard no longer defines has no title: its id is all there is.
    return t('campaigns.target.level', { level: summary.targetLevelTitle ?? campaign.targetLevel, scorecard });
  }
  return t('campaigns.target.checks', { count: campaign.checks?.length ?? 0, scorecard });
}

/** "7 of 12 done", exempt entities counted as done. */
export const progressText = ({ t }: OpsfolioText, counts: CampaignCounts) =>
  t('campaigns.progress', { complete: completeOf(counts), total: counts.total });

/** The share of entities complete, 0 to 100; a campaign with no entities has nothing left. */
export const progressPercent = (counts: CampaignCounts) =>
  counts.total === 0 ? 100 : (completeOf(counts) / counts.total) * 100;

/**
 * When the campaign will be done at its recent pace: "At 1.5 entities a day, done by Jan 20, 2027: 11 days before the
 * target.", or why that cannot be said.
 */
export function projectionText(text: OpsfolioText, progress: CampaignProgressResponse): string {
  const { t, format } = text;
  const { projection, counts, campaign, burnUp } = progress;
  if (counts.total > 0 && completeOf(counts) === counts.total) return t('campaigns.detail.projection.complete');
  if (projection.finishDate === null) {
    // The backend says "unknown" (null) until there is a day to compare with, and "not on track" with no progress.
    if (projection.onTrack === null) return t('campaigns.detail.projection.unknown');
    return t('campaigns.detail.projection.stalled', {
      count: Math.max(1, Math.min(PROJECTION_DAYS, burnUp.length - 1)),
    });
  }
  const early = daysBetween(projection.finishDate, campaign.targetDate);
  let when: string;
  if (early > 0) when = t('campaigns.detail.projection.early', { count: early });
  else if (early < 0) when = t('campaigns.detail.projection.late', { count: -early });
  else when = t('campaigns.detail.projection.onTime');
  return t('campaigns.detail.projection.finish', {
    rate: format.number(projection.perDay, 1),
    date: format.day(projection.finishDate),
    when,
  });
}
