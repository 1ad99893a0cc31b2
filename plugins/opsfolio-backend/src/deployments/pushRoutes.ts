import type { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { readJsonBody } from '../platform/push/jsonBody';
import { audited } from '../platform/audit';
import { describeIssues } from '../platform/zodIssues';
import { pushBatchSchema } from './pushSchema';
import type { DeploymentsService } from './DeploymentsService';

/**
 * `POST /deployments`: a batch of deployment events from any CI. Service tokens only; idempotent on
 * (source, externalId) where the source is the calling token's subject; all-or-nothing.
 */
export function deploymentPushRoutes(deps: { httpAuth: HttpAuthService; auditor: AuditorService; deployments: DeploymentsService }) {
  const router = Router();
  router.post('/deployments', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service'] });
    const source = `push:${credentials.principal.subject}`;
    const events = await audited(
      deps.auditor,
      { eventId: 'deployments-push', severityLevel: 'medium', request: req, meta: { source } },
      async () => {
        const parsed = pushBatchSchema.safeParse(await readJsonBody(req, res));
        if (!parsed.success) throw new InputError(`Invalid deployments batch: ${describeIssues(parsed.error, { whole: 'body', dotted: true }).join('; ')}`);
        await deps.deployments.acceptPush(source, parsed.data.deployments);
        return parsed.data.deployments;
      },
      stored => ({ accepted: stored.length, entityRefs: [...new Set(stored.map(e => e.entityRef))] }),
    );
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
