import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { DAY_MS, dayOf, HOUR_MS, MINUTE_MS, startOfDay } from '@opsfolio/backstage-plugin-common';
import { randomUUID } from 'node:crypto';
import type { OwnerPeople } from '../ownership/OwnershipService';
import { composeDigest, composeNotification } from './compose';
import type { NotificationEvent, NotificationItem, NotificationTopic } from './items';
import type { NotificationOutbox, OutboxEntry } from './NotificationOutbox';
import type { NotificationSettings } from './settings';

/** Events looked for again on every run; the outbox remembers longer, so none is sent twice. */
export const LOOKBACK_MS = 24 * HOUR_MS;
const KEEP_MS = 14 * DAY_MS;
/** A claim older than this belongs to a run that died: another run takes its entries over. */
const STALE_CLAIM_MS = 10 * MINUTE_MS;
const MAX_ATTEMPTS = 5;

/** Finds events from `now`; each pillar has one. */
export type NotificationCollector = { id: string; collect(now: Date): Promise<NotificationEvent[]> };

export interface NotificationRunResult {
  events: number;
  /** Entries (event × person) new to the outbox. */
  added: number;
  /** Notifications sent: one per person and topic (or per person, for the digest). */
  sent: number;
  failed: string[];
}

/**
 * One notification run: every collector's events, addressed to people (a group is its members), put in the
 * outbox, then what is due claimed and sent, one notification per person and topic. Runs take turns on the
 * scheduler; the outbox makes a second run, or a second replica, find nothing left to send.
 */
export class NotificationRun {
  constructor(
    private readonly deps: {
      outbox: NotificationOutbox;
      notifications: NotificationService;
      collectors: NotificationCollector[];
      people: () => Promise<OwnerPeople>;
      settings: NotificationSettings;
      logger: LoggerService;
      now?: () => Date;
    }
  ) {}

  async run(): Promise<NotificationRunResult> {
    const now = this.deps.now?.() ?? new Date();
    const at = now.toISOString();
    const failed: string[] = [];
    const events: NotificationEvent[] = [];
    for (const collector of this.deps.collectors) {
      try {
        events.push(...(await collector.collect(now)));
      } catch (e) {
        // One pillar's trouble must not hold back the others' notifications.
        this.deps.logger.warn(`Opsfolio notifications: ${collector.id} failed: ${e}`);
        failed.push(`${collector.id}: ${(e as Error).message}`);
      }
    }
    const people = await this.deps.people();
    const entries: OutboxEntry[] = [];
    for (const event of events) {
      const users = new Set(event.ownerRefs.flatMap(ref => people.usersOf(ref)));
      for (const userRef of users)
        entries.push({ eventKey: event.key, userRef, topic: event.topic, item: event.item, createdAt: at });
    }
    const added = await this.deps.outbox.add(entries);
    const sent = await this.deliver(now, failed);
    await this.deps.outbox.prune(new Date(now.getTime() - KEEP_MS).toISOString());
    return { events: events.length, added, sent, failed };
  }

  private async deliver(now: Date, failed: string[]): Promise<number> {
    const { outbox, settings } = this.deps;
    const runId = randomUUID();
    const at = now.toISOString();
    const today = dayOf(now);
    let due = new Date(now.getTime() + 1).toISOString();
    if (settings.delivery === 'daily') {
      const digestAt = startOfDay(today) + settings.dailyHour * HOUR_MS;
      if (now.getTime() < digestAt) return 0;
      due = new Date(digestAt).toISOString();
    }
    const claimed = await outbox.claim(runId, at, { createdBefore: due, staleClaimMs: STALE_CLAIM_MS });
    const byUser = new Map<string, OutboxEntry[]>();
    for (const e of claimed) byUser.set(e.userRef, [...(byUser.get(e.userRef) ?? []), e]);
    let sent = 0;
    for (const [userRef, mine] of byUser) {
      const byTopic = new Map<NotificationTopic, OutboxEntry[]>();
      for (const e of mine) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
      const sends =
        settings.delivery === 'daily'
          ? [
              {
                entries: mine,
                payload: composeDigest(new Map([...byTopic].map(([t, es]) => [t, es.map(e => e.item)])), today),
              },
            ]
          : await Promise.all(
              [...byTopic].map(async ([topic, es]) => ({
                entries: es,
                payload: composeNotification(topic, await this.itemsOfDay(userRef, topic, es, today), today),
              }))
            );
      for (const { entries, payload } of sends) {
        const keys = entries.map(e => e.eventKey);
        try {
          await this.deps.notifications.send({ recipients: { type: 'entity', entityRef: userRef }, payload });
          await outbox.markSent(runId, userRef, keys, at);
          sent += 1;
        } catch (e) {
          await outbox.release(runId, userRef, keys, MAX_ATTEMPTS);
          failed.push(`sending ${payload.topic} to ${userRef}: ${(e as Error).message}`);
        }
      }
    }
    return sent;
  }

  /**
   * What a person's notification of a topic lists: the day's events so far, since a later run the same day
   * replaces it (same scope). A reminder lists only the current ones: it replaces the last reminder whatever its day.
   */
  private async itemsOfDay(
    userRef: string,
    topic: NotificationTopic,
    claimed: OutboxEntry[],
    today: string
  ): Promise<NotificationItem[]> {
    if (topic === 'campaign-reminder') return claimed.map(e => e.item);
    const earlier = await this.deps.outbox.recent(userRef, topic, new Date(startOfDay(today)).toISOString());
    const keys = new Set(claimed.map(e => e.eventKey));
    return [...earlier.filter(e => !keys.has(e.eventKey)), ...claimed].map(e => e.item);
  }
}
