import type { CostFigures } from '@opsfolio/backstage-plugin-common';
import { figuresByTag } from './figures';
import type { CostStore } from './CostStore';

/**
 * Every tag value's figures for the organisation, shared by all users and groupings until the day turns, any
 * replica stores new cost (the cost data generation moves), or five minutes pass: cost changes a few times a
 * day, while summing a week of daily rows for 10,000 services took most of the overview's 400 ms.
 */
export class OrgCostFigures {
  private cached?: { day: string; generation: number; at: number; figures: Promise<Map<string, CostFigures>> };

  constructor(
    private readonly store: CostStore,
    /** The cost data generation, shared by every replica. */
    private readonly generation: () => Promise<number>,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async get(today: string): Promise<Map<string, CostFigures>> {
    const generation = await this.generation();
    const now = Date.now();
    const c = this.cached;
    if (c && c.day === today && c.generation === generation && now - c.at < this.ttlMs) return c.figures;
    const figures = figuresByTag(this.store, today);
    this.cached = { day: today, generation, at: now, figures };
    figures.catch(() => {
      if (this.cached?.figures === figures) this.cached = undefined;
    });
    return figures;
  }
}
