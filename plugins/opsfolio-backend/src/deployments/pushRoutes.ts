import type { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { describeProblems, pushBatchSchema, type PushedDeployment } from './pushSchema';
import type { DeploymentStore } from './store';

/**
 * `POST /deployments`: a batch of deployment events from any CI. Service tokens only; idempotent on
 * (source, externalId) where the source is the calling token's subject; all-or-nothing.
 */
export function deploymentPushRoutes(deps: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
  store: DeploymentStore;
}) {
  const router = Router();
  router.post('/deployments', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service'] });
    const parsed = pushBatchSchema.safeParse(req.body);
    if (!parsed.success) throw new InputError(`Invalid deployments batch: ${describeProblems(parsed.error).join('; ')}`);
    const events = parsed.data.deployments;

    const problems: string[] = [];
    const refs = events.map((event, i) => {
      try {
        return stringifyEntityRef(parseEntityRef(event.entityRef, { defaultKind: 'component', defaultNamespace: 'default' }));
      } catch (error) {
        problems.push(`deployments.${i}.entityRef: ${(error as Error).message}`);
        return undefined;
      }
    });
    const unique = [...new Set(refs.filter((r): r is string => !!r))];
    const found = await deps.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials: await deps.auth.getOwnServiceCredentials() },
    );
    const known = new Set(unique.filter((_, i) => found.items[i]));
    refs.forEach((ref, i) => {
      if (ref && !known.has(ref)) problems.push(`deployments.${i}.entityRef: no entity ${ref} in the catalog`);
    });
    const seen = new Map<string, number>();
    events.forEach((event, i) => {
      const first = seen.get(event.externalId);
      if (first !== undefined) problems.push(`deployments.${i}.externalId: repeats deployments.${first}.externalId`);
      else seen.set(event.externalId, i);
    });
    if (problems.length) throw new InputError(`Invalid deployments batch: ${problems.join('; ')}`);

    const source = `push:${credentials.principal.subject}`;
    const byEntity = new Map<string, PushedDeployment[]>();
    events.forEach((event, i) => byEntity.set(refs[i]!, [...(byEntity.get(refs[i]!) ?? []), event]));
    await deps.store.transaction(async trx => {
      for (const [entityRef, batch] of byEntity) await deps.store.upsert(source, entityRef, batch, trx);
    });
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
