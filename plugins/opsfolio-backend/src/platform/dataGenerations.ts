import type { Knex } from 'knex';

const TABLE = 'opsfolio_data_generations';

/** Kinds of stored data whose derived figures replicas cache. */
export type DataKind = 'cost' | 'scorecards' | 'campaigns';

/**
 * How often a replica asks the database whether another one wrote. A cache is behind by at most this plus the
 * reload it then starts (about a second for the overview at 10,000 entities): within the 5 s the README states.
 * The question is one indexed read of a two-row table.
 */
const GENERATION_CHECK_MS = 2_000;

/** Counts a write of `kind`: call it inside the write's transaction, so the two commit together. */
export async function bumpGeneration(tx: Knex | Knex.Transaction, kind: DataKind): Promise<void> {
  await tx(TABLE)
    .insert({ kind, generation: 1 })
    .onConflict('kind')
    .merge({ generation: tx.raw(`${TABLE}.generation + 1`) });
}

/**
 * The generation of each kind of data, shared by every replica through the database. A cache built at one
 * generation is out of date once the generation moves; a replica reads it at most every `checkEveryMs`,
 * so another replica's write shows here within that bound, and this replica's own writes at once.
 */
export class DataGenerations {
  private read?: { at: number; generations: Promise<Map<string, number>> };

  constructor(
    private readonly db: Knex,
    private readonly options: { checkEveryMs?: number; now?: () => number } = {},
  ) {}

  /** Forgets the last read, so the next `current` asks the database: after this replica's own writes. */
  invalidate(): void {
    this.read = undefined;
  }

  async current(kind: DataKind): Promise<number> {
    const now = this.options.now?.() ?? Date.now();
    if (!this.read || now - this.read.at >= (this.options.checkEveryMs ?? GENERATION_CHECK_MS)) {
      const generations = this.db(TABLE)
        .select('kind', 'generation')
        .then((rows: Array<{ kind: string; generation: number | string }>) => new Map(rows.map(r => [r.kind, Number(r.generation)])));
      this.read = { at: now, generations };
      generations.catch(() => {
        if (this.read?.generations === generations) this.read = undefined;
      });
    }
    return (await this.read.generations).get(kind) ?? 0;
  }
}
