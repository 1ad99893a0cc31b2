/**
 * Topics users can mute in their notification settings: stable, since a renamed topic would lose everyone's choice.
 * `daily-digest` carries every other topic when `opsfolio.notifications.delivery` is `daily`.
 */
export const NOTIFICATION_TOPICS = [
  'readiness-check-failing',
  'readiness-level-drop',
  'campaign-milestone',
  'campaign-reminder',
  'oncall-gap',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export const DIGEST_TOPIC = 'daily-digest';

interface EntityNamed {
  entityRef: string;
  entityTitle?: string;
}

/** What one event says, stored in the outbox as it was found so a later run composes the same text. */
export type NotificationItem =
  | (EntityNamed & {
      kind: 'check-failing';
      scorecardTitle: string;
      checkTitle: string;
      fix: { text: string; url?: string };
    })
  | (EntityNamed & { kind: 'level-drop'; scorecardTitle: string; from: string; to: string | null })
  | {
      kind: 'milestone';
      campaignId: string;
      campaignTitle: string;
      date: string;
      share: number;
      status: 'reached' | 'missed';
      done: number;
      total: number;
    }
  | {
      kind: 'reminder';
      campaignId: string;
      campaignTitle: string;
      targetDate: string;
      overdue: boolean;
      notDone: number;
      /** The first few not-done entities of the recipient's team, by title. */
      entities: string[];
    }
  | {
      kind: 'oncall-gap';
      scheduleName: string;
      scheduleUrl?: string;
      start: string;
      end: string;
      entities: EntityNamed[];
    };

/** One thing worth telling someone, found by a collector: the owners it concerns are turned into people later. */
export interface NotificationEvent {
  /** Unique for the event whatever run or replica finds it: the outbox keeps each once per person. */
  key: string;
  topic: NotificationTopic;
  /** Group or user refs; a group stands for its members. */
  ownerRefs: string[];
  item: NotificationItem;
}
