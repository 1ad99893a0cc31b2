import type { AuthService, BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';

/** What a 403 says when a token may call Opsfolio but not the catalog. */
export const CATALOG_ACCESS_ADVICE =
  'this token may not read the catalog, and Opsfolio shows an entity only to callers that may read it there: ' +
  'add `- plugin: catalog` to the token\'s accessRestrictions (the CI gate and pushes need only `plugin: opsfolio`)';

/**
 * Throws 403 unless the caller may reach the catalog. A static or plugin token restricted to other plugins
 * cannot: Opsfolio never reads the catalog for it with its own credentials, so it sees no more through
 * Opsfolio than it would in the catalog. Users pass (the catalog's permission rules apply to them).
 */
export async function requireCatalogAccess(auth: AuthService, credentials: BackstageCredentials): Promise<void> {
  if (!auth.isPrincipal(credentials, 'service')) return;
  try {
    await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'catalog' });
  } catch (error) {
    if ((error as Error).name === 'NotAllowedError') throw new NotAllowedError(`Not allowed: ${CATALOG_ACCESS_ADVICE}`);
    throw error;
  }
}
