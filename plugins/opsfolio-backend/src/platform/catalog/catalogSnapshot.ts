import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The kinds the org-wide views (cost roll-ups, ownership checks) read, and the fields they need. */
const KINDS = ['component', 'resource', 'system', 'domain', 'api', 'group', 'user'];
const FIELDS = ['kind', 'metadata', 'spec', 'relations'];
const PAGE = 500;

export interface CatalogSnapshot {
  entities: Entity[];
  /** Catalog requests the read took: grows with pages, not entities. */
  requests: number;
  readAt: number;
}

/**
 * The whole catalog as the plugin sees it, read page by page with the plugin's own credentials and kept
 * for a minute, so an overview over thousands of entities costs a few catalog requests, not one per entity.
 * Who may see the result is decided by each route's own permission.
 */
export class CatalogSnapshotLoader {
  private cached?: { at: number; snapshot: Promise<CatalogSnapshot> };
  private readonly kinds = new Set(KINDS);

  constructor(private readonly deps: { catalog: CatalogService; auth: AuthService; ttlMs?: number; now?: () => number }) {}

  /**
   * Reads these kinds too, from the next read on: a scorecard filtered to a kind the views do not need (a
   * Template, a Location) must still find its entities.
   */
  includeKinds(kinds: Iterable<string>): void {
    const before = this.kinds.size;
    for (const kind of kinds) this.kinds.add(kind.toLowerCase());
    if (this.kinds.size !== before) this.invalidate();
  }

  get(): Promise<CatalogSnapshot> {
    const now = this.deps.now?.() ?? Date.now();
    if (this.cached && now - this.cached.at < (this.deps.ttlMs ?? 60_000)) return this.cached.snapshot;
    const snapshot = this.read(now);
    this.cached = { at: now, snapshot };
    snapshot.catch(() => {
      if (this.cached?.snapshot === snapshot) this.cached = undefined;
    });
    return snapshot;
  }

  /** Drops the cached read: the next `get()` reads the catalog again. */
  invalidate() {
    this.cached = undefined;
  }

  private async read(readAt: number): Promise<CatalogSnapshot> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let requests = 0;
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor ? { cursor, limit: PAGE, fields: FIELDS } : { filter: { kind: [...this.kinds] }, fields: FIELDS, limit: PAGE, totalItems: 'exclude' },
        { credentials },
      );
      requests += 1;
      entities.push(...page.items);
      cursor = page.items.length > 0 ? page.pageInfo.nextCursor : undefined;
    } while (cursor);
    return { entities, requests, readAt };
  }
}
