import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, type BasicPermission } from '@backstage/plugin-permission-common';
import { opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';

/** Throws 403 unless the permission policy allows the caller this permission. */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}

/**
 * The entities among `entityRefs` the caller may read cost of: `opsfolio.cost.read` is a resource permission on
 * catalog entities, so a policy may allow it only for some (the catalog evaluates its conditions). One batch.
 */
export async function costReadableRefs(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRefs: string[],
  /** The caller's {@link costReadableEverywhere}, when the route already asked. */
  known?: AuthorizeResult,
): Promise<Set<string>> {
  if (entityRefs.length === 0) return new Set();
  // An outright answer covers every entity: one small request instead of one item per entity.
  const everywhere = known ?? (await costReadableEverywhere(permissions, credentials));
  if (everywhere !== AuthorizeResult.CONDITIONAL) return new Set(everywhere === AuthorizeResult.ALLOW ? entityRefs : []);
  const allowed = new Set<string>();
  // The permission backend and the catalog's apply-conditions endpoint take JSON bodies of at most 100 kB.
  for (let i = 0; i < entityRefs.length; i += AUTHORIZE_BATCH) {
    const batch = entityRefs.slice(i, i + AUTHORIZE_BATCH);
    const decisions = await permissions.authorize(batch.map(resourceRef => ({ permission: opsfolioCostReadPermission, resourceRef })), { credentials });
    batch.forEach((ref, j) => decisions[j].result === AuthorizeResult.ALLOW && allowed.add(ref));
  }
  return allowed;
}

const AUTHORIZE_BATCH = 200;

/** Throws 403 unless the caller may read this entity's cost. */
export async function requireCostRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRef: string,
  known?: AuthorizeResult,
): Promise<void> {
  if (!(await costReadableRefs(permissions, credentials, [entityRef], known)).has(entityRef)) {
    throw new NotAllowedError(`Not allowed: ${opsfolioCostReadPermission.name}`);
  }
}

/** Whether the caller may read cost of every entity (`opsfolio.cost.read` allowed without conditions). */
export async function costReadableEverywhere(permissions: PermissionsService, credentials: BackstageCredentials): Promise<AuthorizeResult> {
  const [decision] = await permissions.authorizeConditional([{ permission: opsfolioCostReadPermission }], { credentials });
  return decision.result;
}
