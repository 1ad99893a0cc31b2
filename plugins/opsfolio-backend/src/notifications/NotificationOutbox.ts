import type { NotificationItem, NotificationTopic } from './items';

/** An event as one person is to be told it. */
export interface OutboxEntry {
  eventKey: string;
  userRef: string;
  topic: NotificationTopic;
  item: NotificationItem;
  createdAt: string;
}

/**
 * Events waiting to be sent, one row per event and person. Adding an event twice (a later run, another replica)
 * adds nothing, and a claim takes rows no other run holds: so each person hears of each event once.
 */
export interface NotificationOutbox {
  /** Adds the entries not known yet; returns how many were new. */
  add(entries: OutboxEntry[]): Promise<number>;
  /**
   * Takes the unsent entries created before `createdBefore` for run `runId` and returns them. Entries another run
   * claimed longer than `staleClaimMs` ago (a replica that died mid-run) are taken over.
   */
  claim(runId: string, now: string, opts: { createdBefore: string; staleClaimMs: number }): Promise<OutboxEntry[]>;
  /** Entries of one person and topic created from `fromAt` on, sent or not: what an updated notification lists. */
  recent(userRef: string, topic: NotificationTopic, fromAt: string): Promise<OutboxEntry[]>;
  /** Marks a run's claimed entries of one person sent. */
  markSent(runId: string, userRef: string, eventKeys: string[], at: string): Promise<void>;
  /** Gives a run's claimed entries of one person back after a failed send; entries tried `maxAttempts` times are dropped. */
  release(runId: string, userRef: string, eventKeys: string[], maxAttempts: number): Promise<void>;
  /** Forgets entries created before `beforeAt`: an event older than that is no longer looked for. */
  prune(beforeAt: string): Promise<void>;
}
