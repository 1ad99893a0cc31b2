import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { buildCostIndex, type CostIndex } from './costIndex';

const KINDS = ['component', 'resource', 'group', 'system', 'domain'];
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.domain',
  'spec.parent',
  'relations',
];

/**
 * The catalog as the cost pillar needs it, read with the plugin's own credentials and kept for a minute:
 * an overview maps every tag value, and reading thousands of entities on every page view would dominate
 * it. Who may see cost is decided by `opsfolio.cost.read`, not by catalog visibility.
 */
export class CostIndexLoader {
  private cached?: { at: number; index: Promise<CostIndex> };

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService; tagKey: string; ttlMs?: number; now?: () => number },
  ) {}

  get tagKey() {
    return this.deps.tagKey;
  }

  get(): Promise<CostIndex> {
    const now = this.deps.now?.() ?? Date.now();
    if (this.cached && now - this.cached.at < (this.deps.ttlMs ?? 60_000)) return this.cached.index;
    const index = this.load();
    this.cached = { at: now, index };
    index.catch(() => {
      if (this.cached?.index === index) this.cached = undefined;
    });
    return index;
  }

  private async load(): Promise<CostIndex> {
    const { items } = await this.deps.catalog.getEntities(
      { filter: KINDS.map(kind => ({ kind })), fields: FIELDS },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return buildCostIndex(items, this.deps.tagKey);
  }
}
