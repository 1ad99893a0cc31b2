import { parseEntityRef } from '@backstage/catalog-model';
import { daysBetween, type CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import type { CampaignsService } from '../campaigns/CampaignsService';
import type { NotificationEvent } from './items';

/** Not-done entities a reminder names; the campaign's page lists them all. */
const REMINDER_ENTITIES = 5;

/**
 * Milestones reached or missed since `fromDay`, to the campaign's owner; and the reminders the campaigns ask for
 * (`reminders.everyDays`), one per team with entities not done. A reminder's key is its period, so it is sent once
 * per period however often the run comes.
 */
export async function campaignEvents(
  campaigns: CampaignsService,
  today: string,
  fromDay: string
): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  for (const summary of await campaigns.list({})) {
    const { campaign } = summary;
    if (!['active', 'overdue', 'ended'].includes(campaign.state)) continue;
    const progress = await campaigns.progress(campaign.id);
    events.push(...milestoneEvents(progress, today, fromDay));
    const every = campaign.reminders?.everyDays;
    if (!every || campaign.state === 'ended' || today < campaign.startDate) continue;
    const period = Math.floor(daysBetween(campaign.startDate, today) / every);
    for (const team of progress.lagging) {
      events.push({
        key: `campaign-reminder|${campaign.id}|${period}|${team.ownerRef}`,
        topic: 'campaign-reminder',
        ownerRefs: [team.ownerRef],
        item: {
          kind: 'reminder',
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          targetDate: campaign.targetDate,
          overdue: campaign.state === 'overdue',
          notDone: team.notDone,
          entities: team.entities.slice(0, REMINDER_ENTITIES).map(e => e.title ?? parseEntityRef(e.entityRef).name),
        },
      });
    }
  }
  return events;
}

function milestoneEvents(progress: CampaignProgressResponse, today: string, fromDay: string): NotificationEvent[] {
  const { campaign, counts } = progress;
  return progress.milestones.flatMap((m): NotificationEvent[] => {
    // Judged on the day: a milestone reached long ago, or missed before notifications ran, is old news.
    const on = m.status === 'reached' ? m.reachedOn : m.status === 'missed' ? m.date : undefined;
    if (!on || on < fromDay || on > today) return [];
    return [
      {
        key: `campaign-milestone|${campaign.id}|${m.date}|${m.status}`,
        topic: 'campaign-milestone',
        ownerRefs: [campaign.owner],
        item: {
          kind: 'milestone',
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          date: m.date,
          share: m.share,
          status: m.status as 'reached' | 'missed',
          done: counts.done + counts.exempt,
          total: counts.total,
        },
      },
    ];
  });
}
