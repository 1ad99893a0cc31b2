import type { CostFigures } from '@opsfolio/backstage-plugin-common';
import { figuresByTag } from './figures';
import type { CostStore } from './CostStore';

/**
 * Every tag value's figures for the organisation, shared by all users and groupings until the day turns, this
 * replica stores new cost, or five minutes pass (another replica's sync): cost changes a few times a day,
 * while summing a week of daily rows for 10,000 services took most of the overview's 400 ms.
 */
export class OrgCostFigures {
  private cached?: { day: string; version: number; at: number; figures: Promise<Map<string, CostFigures>> };

  constructor(private readonly store: CostStore, private readonly ttlMs = 5 * 60_000) {}

  get(today: string): Promise<Map<string, CostFigures>> {
    const now = Date.now();
    const c = this.cached;
    if (c && c.day === today && c.version === this.store.version && now - c.at < this.ttlMs) return c.figures;
    const figures = figuresByTag(this.store, today);
    this.cached = { day: today, version: this.store.version, at: now, figures };
    figures.catch(() => {
      if (this.cached?.figures === figures) this.cached = undefined;
    });
    return figures;
  }
}
