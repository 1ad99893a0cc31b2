import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogSnapshotLoader } from './catalogSnapshot';

const component = (i: number): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: `svc-${i}` }, spec: {} });

/** A catalog that pages like the real one: cursors, at most `limit` items a page. */
function pagingCatalog(entities: Entity[]) {
  const calls: Array<{ cursor?: string; limit?: number }> = [];
  const catalog = {
    async queryEntities(request: { cursor?: string; limit?: number }) {
      calls.push({ cursor: request.cursor, limit: request.limit });
      const offset = request.cursor ? Number(request.cursor) : 0;
      const limit = request.limit ?? 20;
      const items = entities.slice(offset, offset + limit);
      return { items, totalItems: 0, pageInfo: offset + limit < entities.length ? { nextCursor: String(offset + limit) } : {} };
    },
  } as unknown as CatalogService;
  return { catalog, calls };
}

describe('catalog snapshot', () => {
  it('reads the whole catalog in pages of 500: requests grow with pages, not entities', async () => {
    const { catalog, calls } = pagingCatalog(Array.from({ length: 1_201 }, (_, i) => component(i)));
    const loader = new CatalogSnapshotLoader({ catalog, auth: mockServices.auth() });
    const snapshot = await loader.get();
    expect(snapshot.entities).toHaveLength(1_201);
    // 500 + 500 + 201.
    expect(snapshot.requests).toBe(3);
    expect(calls.map(c => c.cursor)).toEqual([undefined, '500', '1000']);
  });

  it('keeps one read for a minute, and reads again when told to', async () => {
    const { catalog, calls } = pagingCatalog([component(1)]);
    let now = 0;
    const loader = new CatalogSnapshotLoader({ catalog, auth: mockServices.auth(), now: () => now });
    await loader.get();
    now = 59_000;
    await loader.get();
    expect(calls).toHaveLength(1);
    now = 61_000;
    await loader.get();
    expect(calls).toHaveLength(2);
    loader.invalidate();
    await loader.get();
    expect(calls).toHaveLength(3);
  });
});
