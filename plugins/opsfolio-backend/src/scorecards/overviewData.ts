import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import { addDays, dayOf } from '../cost/days';
import type { OwnershipFactsLoader } from '../ownership/ownershipFactsLoader';
import type { OverviewData } from './overview';
import type { ScorecardStore } from './store';

/** Days of trend the overview shows. */
export const TREND_DAYS = 90;

/**
 * The overview's data per scorecard, read once per evaluation (this replica's writes) or minute (another
 * replica's): at 10,000 entities the stored results and 90 days of snapshots take a second to read, and
 * filtering them in memory takes milliseconds.
 */
export class OverviewDataLoader {
  private cached = new Map<string, { version: number; at: number; data: Promise<OverviewData> }>();

  constructor(private readonly deps: { store: ScorecardStore; ownership: OwnershipFactsLoader; ttlMs?: number; now?: () => Date }) {}

  get(scorecard: Scorecard): Promise<OverviewData> {
    const c = this.cached.get(scorecard.id);
    const now = Date.now();
    if (c && c.version === this.deps.store.version && now - c.at < (this.deps.ttlMs ?? 60_000)) return c.data;
    const data = this.load(scorecard);
    this.cached.set(scorecard.id, { version: this.deps.store.version, at: now, data });
    data.catch(() => {
      if (this.cached.get(scorecard.id)?.data === data) this.cached.delete(scorecard.id);
    });
    return data;
  }

  private async load(scorecard: Scorecard): Promise<OverviewData> {
    const today = dayOf(this.deps.now?.() ?? new Date());
    const from = addDays(today, -(TREND_DAYS - 1));
    const days: string[] = [];
    for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const levelsByDay = new Map<string, Array<string | null | undefined>>();
    for (const row of await this.deps.store.daily(scorecard.id, from)) {
      const i = dayIndex.get(row.day);
      if (i === undefined) continue;
      const list = levelsByDay.get(row.entityRef) ?? levelsByDay.set(row.entityRef, new Array(days.length)).get(row.entityRef)!;
      list[i] = row.level;
    }
    const { index } = await this.deps.ownership.catalog();
    const groupTitles = new Map<string, string | undefined>([...index.groups].map(([ref, g]) => [ref, g.title]));
    for (const [ref, u] of index.users) groupTitles.set(ref, u.title);
    return { scorecard, evaluations: [...(await this.deps.store.entities(scorecard.id)).values()], days, levelsByDay, groupTitles };
  }
}
