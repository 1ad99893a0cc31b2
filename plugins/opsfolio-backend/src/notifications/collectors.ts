import { addDays, dayOf, DAY_MS } from '@opsfolio/backstage-plugin-common';
import type { CampaignsService } from '../campaigns/CampaignsService';
import type { OnCallService } from '../oncall/OnCallService';
import type { OwnershipService } from '../ownership/OwnershipService';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import { campaignEvents } from './campaignEvents';
import { LOOKBACK_MS, type NotificationCollector } from './notificationRun';
import { onCallGapEvents } from './onCallGapEvents';
import { readinessEvents } from './readinessEvents';
import type { NotificationSettings } from './settings';

/** Each pillar's events, looked for over the last day (campaign days: two, since milestones are judged by the day). */
export function notificationCollectors(deps: {
  scorecardStore: ScorecardStore;
  scorecards: Scorecard[];
  campaigns: CampaignsService;
  onCall: OnCallService;
  ownership: OwnershipService;
  settings: NotificationSettings;
}): NotificationCollector[] {
  return [
    {
      id: 'readiness',
      collect: now =>
        readinessEvents(
          { store: deps.scorecardStore, scorecards: deps.scorecards },
          new Date(now.getTime() - LOOKBACK_MS).toISOString()
        ),
    },
    {
      id: 'campaigns',
      collect: now =>
        campaignEvents(deps.campaigns, dayOf(now), addDays(dayOf(now), -Math.ceil(LOOKBACK_MS / DAY_MS) - 1)),
    },
    {
      id: 'oncall',
      collect: async now =>
        onCallGapEvents(
          await deps.onCall.allLastReads(),
          await deps.ownership.people(),
          now,
          deps.settings.onCallGapDays
        ),
    },
  ];
}
