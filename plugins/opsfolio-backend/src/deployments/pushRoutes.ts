import type { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { checkBatch } from '../platform/push/checkBatch';
import { describeIssues } from '../platform/zodIssues';
import { pushBatchSchema } from './pushSchema';
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
    if (!parsed.success) throw new InputError(`Invalid deployments batch: ${describeIssues(parsed.error, { whole: 'body', dotted: true }).join('; ')}`);
    const events = parsed.data.deployments;
    const byEntity = await checkBatch({ kind: 'deployments', events, catalog: deps.catalog, auth: deps.auth });
    const source = `push:${credentials.principal.subject}`;
    await deps.store.transaction(async trx => {
      for (const [entityRef, batch] of byEntity) await deps.store.upsert(source, entityRef, batch, trx);
    });
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
