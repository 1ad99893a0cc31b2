import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { buildCostIndex, type CostIndex } from './costIndex';

/** The cost index over the shared catalog snapshot, rebuilt when the snapshot is re-read. */
export class CostIndexLoader {
  private built?: { from: object; index: CostIndex };

  constructor(private readonly deps: { catalog: CatalogSnapshotLoader; tagKey: string }) {}

  get tagKey() {
    return this.deps.tagKey;
  }

  async get(): Promise<CostIndex> {
    const snapshot = await this.deps.catalog.get();
    if (this.built?.from !== snapshot) this.built = { from: snapshot, index: buildCostIndex(snapshot.entities, this.deps.tagKey) };
    return this.built.index;
  }
}
