import type { OnCallNow } from '@opsfolio/backstage-plugin-common';
import { DAY_MS } from '@opsfolio/backstage-plugin-common';
import { coverageGaps } from '../oncall/coverage';
import { COVERAGE_DAYS } from '../oncall/describeAnswer';
import type { NotificationEvent } from './items';

/** Entities a gap names; the on-call tab shows the rest. */
const GAP_ENTITIES = 5;

/**
 * Gaps nobody is on call for that start within `aheadDays` of `now`, in the schedules behind each entity's
 * escalation levels as last read, to the owners of the entities they leave uncovered. A gap already under way is
 * not "ahead" (the on-call card shows it), and leaving it out keeps the key stable: a gap is keyed by its start,
 * which a later read does not move.
 */
export function onCallGapEvents(
  reads: Map<string, OnCallNow[]>,
  owners: { ownerOf(entityRef: string): string | undefined; titleOf(ref: string): string | undefined },
  now: Date,
  aheadDays: number
): NotificationEvent[] {
  const schedules = new Map<
    string,
    {
      name: string;
      url?: string;
      from: Date;
      to: Date;
      entries: Array<{ start: string; end: string }>;
      entityRefs: Set<string>;
    }
  >();
  for (const [entityRef, answers] of reads) {
    for (const read of answers) {
      for (const s of read.schedules ?? []) {
        const key = `${read.source}|${s.id}`;
        const known = schedules.get(key);
        if (known) {
          known.entityRefs.add(entityRef);
          continue;
        }
        // The entries a read holds reach COVERAGE_DAYS past it: past that, no entry is not a gap.
        const from = new Date(Math.max(now.getTime(), Date.parse(read.readAt)));
        const to = new Date(
          Math.min(now.getTime() + aheadDays * DAY_MS, Date.parse(read.readAt) + COVERAGE_DAYS * DAY_MS)
        );
        schedules.set(key, {
          name: s.name,
          ...(s.url ? { url: s.url } : {}),
          from,
          to,
          entries: s.entries,
          entityRefs: new Set([entityRef]),
        });
      }
    }
  }
  const events: NotificationEvent[] = [];
  for (const [key, s] of schedules) {
    if (s.to <= s.from) continue;
    const ownerRefs = [
      ...new Set([...s.entityRefs].map(ref => owners.ownerOf(ref)).filter((o): o is string => Boolean(o))),
    ];
    if (ownerRefs.length === 0) continue;
    const entities = [...s.entityRefs]
      .sort()
      .slice(0, GAP_ENTITIES)
      .map(entityRef => {
        const title = owners.titleOf(entityRef);
        return { entityRef, ...(title ? { entityTitle: title } : {}) };
      });
    for (const gap of coverageGaps(s.entries, { from: s.from, to: s.to }).gaps) {
      if (Date.parse(gap.start) <= s.from.getTime()) continue;
      events.push({
        key: `oncall-gap|${key}|${gap.start}`,
        topic: 'oncall-gap',
        ownerRefs,
        item: {
          kind: 'oncall-gap',
          scheduleName: s.name,
          ...(s.url ? { scheduleUrl: s.url } : {}),
          start: gap.start,
          end: gap.end,
          entities,
        },
      });
    }
  }
  return events;
}
