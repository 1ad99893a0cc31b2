import type { Knex } from 'knex';
import type { NotificationItem, NotificationTopic } from './items';
import type { NotificationOutbox, OutboxEntry } from './NotificationOutbox';

const OUTBOX = 'opsfolio_notification_outbox';
const BATCH = 200;
/** What `sent_at` holds for an entry given up on: never claimed again, pruned with the rest. */
const GAVE_UP = 'gave-up';

type Row = { event_key: string; user_ref: string; topic: string; item: string; created_at: string };

const toEntry = (r: Row): OutboxEntry => ({
  eventKey: r.event_key,
  userRef: r.user_ref,
  topic: r.topic as NotificationTopic,
  item: JSON.parse(r.item) as NotificationItem,
  createdAt: r.created_at,
});

/** {@link NotificationOutbox} on the plugin's database; claims are single UPDATEs, atomic on SQLite and PostgreSQL alike. */
export class DatabaseNotificationOutbox implements NotificationOutbox {
  constructor(private readonly db: Knex) {}

  async add(entries: OutboxEntry[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < entries.length; i += BATCH) {
      const rows = entries.slice(i, i + BATCH).map(e => ({
        event_key: e.eventKey,
        user_ref: e.userRef,
        topic: e.topic,
        item: JSON.stringify(e.item),
        created_at: e.createdAt,
      }));
      const inserted = await this.db(OUTBOX)
        .insert(rows)
        .onConflict(['event_key', 'user_ref'])
        .ignore()
        .returning('event_key');
      added += inserted.length;
    }
    return added;
  }

  async claim(
    runId: string,
    now: string,
    opts: { createdBefore: string; staleClaimMs: number }
  ): Promise<OutboxEntry[]> {
    const staleBefore = new Date(Date.parse(now) - opts.staleClaimMs).toISOString();
    await this.db(OUTBOX)
      .whereNull('sent_at')
      .andWhere('created_at', '<', opts.createdBefore)
      .andWhere(q => q.whereNull('claimed_by').orWhere('claimed_at', '<', staleBefore))
      .update({ claimed_by: runId, claimed_at: now });
    const rows: Row[] = await this.db(OUTBOX)
      .where({ claimed_by: runId })
      .whereNull('sent_at')
      .orderBy([{ column: 'created_at' }, { column: 'event_key' }]);
    return rows.map(toEntry);
  }

  async recent(userRef: string, topic: NotificationTopic, fromAt: string): Promise<OutboxEntry[]> {
    const rows: Row[] = await this.db(OUTBOX)
      .where({ user_ref: userRef, topic })
      .andWhere('created_at', '>=', fromAt)
      .andWhere(q => q.whereNull('sent_at').orWhereNot('sent_at', GAVE_UP))
      .orderBy([{ column: 'created_at' }, { column: 'event_key' }]);
    return rows.map(toEntry);
  }

  async markSent(runId: string, userRef: string, eventKeys: string[], at: string): Promise<void> {
    for (let i = 0; i < eventKeys.length; i += BATCH) {
      await this.db(OUTBOX)
        .where({ claimed_by: runId, user_ref: userRef })
        .whereIn('event_key', eventKeys.slice(i, i + BATCH))
        .update({ sent_at: at });
    }
  }

  async release(runId: string, userRef: string, eventKeys: string[], maxAttempts: number): Promise<void> {
    for (let i = 0; i < eventKeys.length; i += BATCH) {
      const mine = () =>
        this.db(OUTBOX)
          .where({ claimed_by: runId, user_ref: userRef })
          .whereIn('event_key', eventKeys.slice(i, i + BATCH));
      await mine().update({ attempts: this.db.raw('attempts + 1') });
      await mine().andWhere('attempts', '>=', maxAttempts).update({ sent_at: GAVE_UP });
      await mine().whereNull('sent_at').update({ claimed_by: null, claimed_at: null });
    }
  }

  async prune(beforeAt: string): Promise<void> {
    await this.db(OUTBOX).where('created_at', '<', beforeAt).delete();
  }
}
