import { addDays, dayOf, type Scorecard } from '@opsfolio/backstage-plugin-common';
import type { OwnershipService } from '../ownership/OwnershipService';
import type { OverviewData } from './overview';
import type { ScorecardStore } from './ScorecardStore';
import { StaleWhileReload } from '../platform/staleWhileReload';

/** Days of trend the overview shows. */
const TREND_DAYS = 90;

/**
 * The overview's data per scorecard, read again once any replica stores an evaluation (the scorecards' data
 * generation moves) or a minute has passed (the day turns, entities leave the catalog): at 10,000 entities the
 * stored results and 90 days of snapshots take a second to read, and filtering them in memory milliseconds.
 */
export class OverviewDataLoader {
  private readonly cache: StaleWhileReload<OverviewData>;

  constructor(
    private readonly deps: {
      store: ScorecardStore;
      ownership: Pick<OwnershipService, 'ownerTitles'>;
      /** The scorecards' data generation, shared by every replica. */
      generation: () => Promise<number>;
      ttlMs?: number;
      now?: () => Date;
    },
  ) {
    this.cache = new StaleWhileReload(deps.ttlMs ?? 60_000);
  }

  /**
   * The data last read; once it is out of date, the next call starts reading it again and is still answered
   * with what was read before, so no request waits seconds for a reload (only the very first one).
   */
  async get(scorecard: Scorecard): Promise<OverviewData> {
    return this.cache.get(scorecard.id, { version: String(await this.deps.generation()) }, () => this.load(scorecard));
  }

  private async load(scorecard: Scorecard): Promise<OverviewData> {
    const today = dayOf(this.deps.now?.() ?? new Date());
    const from = addDays(today, -(TREND_DAYS - 1));
    const days: string[] = [];
    for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const levelIndex = new Map<string | null, number>([...scorecard.levels.map((l, i) => [l.id, i] as const), [null, scorecard.levels.length]]);
    const evaluations = [...(await this.deps.store.entities(scorecard.id)).values()];
    const rowOf = new Map(evaluations.map((e, i) => [e.entityRef, i]));
    const trendLevels = evaluations.map(() => new Int8Array(days.length).fill(-1));
    for (const row of await this.deps.store.daily(scorecard.id, from)) {
      const d = dayIndex.get(row.day);
      const i = rowOf.get(row.entityRef);
      const level = levelIndex.get(row.level);
      if (d !== undefined && i !== undefined && level !== undefined) trendLevels[i][d] = level;
    }
    const groupTitles = await this.deps.ownership.ownerTitles();
    return { scorecard, evaluations, days, trendLevels, groupTitles };
  }
}
