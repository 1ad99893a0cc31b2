import type { AuthService, BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRefKey, refKey } from '@opsfolio/backstage-plugin-common';
import { requireCatalogAccess } from './catalogAccess';

/** The entity refs (as `refKey`) a caller may read; `undefined` when the caller may read every entity. */
export type ReadableRefs = ReadonlySet<string> | undefined;

/** Whether an entity is among those a caller may read. */
export const isReadable = (readable: ReadableRefs, entityRef: string): boolean => !readable || readable.has(refKey(entityRef));

const KEPT_MS = 30_000;
const KEPT_USERS = 500;
const PAGE = 1000;

/**
 * What a caller may read in the catalog, for the organisation-wide views (`/overview/*`), which Opsfolio builds
 * from its own snapshot: filtered by the same rules the catalog applies to the caller. A policy that allows
 * `catalog.entity.read` outright costs nothing; a conditional one (say, only what your teams own) costs one
 * paged catalog read as the user, kept 30 seconds per user.
 */
export class CatalogVisibility {
  private readonly kept = new Map<string, { at: number; refs: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly deps: { auth: AuthService; permissions: PermissionsService; catalog: CatalogService },
    private readonly now: () => number = Date.now,
  ) {}

  async readableBy(credentials: BackstageCredentials): Promise<ReadableRefs> {
    const { auth, permissions } = this.deps;
    // Services are not put to the permission policy: one that may reach the catalog reads all of it.
    if (auth.isPrincipal(credentials, 'service')) {
      await requireCatalogAccess(auth, credentials);
      return undefined;
    }
    const [decision] = await permissions.authorizeConditional([{ permission: catalogEntityReadPermission }], { credentials });
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return new Set();
    const key = auth.isPrincipal(credentials, 'user') ? credentials.principal.userEntityRef : 'anonymous';
    const hit = this.kept.get(key);
    if (hit && this.now() - hit.at < KEPT_MS) return hit.refs;
    const refs = this.listReadable(credentials);
    this.kept.delete(key);
    this.kept.set(key, { at: this.now(), refs });
    if (this.kept.size > KEPT_USERS) this.kept.delete(this.kept.keys().next().value!);
    refs.catch(() => this.kept.get(key)?.refs === refs && this.kept.delete(key));
    return refs;
  }

  /** Asks the catalog, as the caller, for every entity it lets them read; refs only. */
  private async listReadable(credentials: BackstageCredentials): Promise<ReadonlySet<string>> {
    const refs = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        { ...(cursor ? { cursor } : {}), fields: ['kind', 'metadata.namespace', 'metadata.name'], limit: PAGE },
        { credentials },
      );
      for (const entity of page.items) refs.add(entityRefKey(entity));
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }
}
