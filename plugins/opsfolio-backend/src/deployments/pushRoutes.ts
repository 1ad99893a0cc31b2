import type { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { pushRoute } from '../platform/push/pushRoute';
import type { DeploymentsService } from './DeploymentsService';
import { pushBatchSchema } from './pushSchema';

/**
 * `POST /deployments`: a batch of deployment events from any CI. Service tokens only; idempotent on
 * (source, externalId) where the source is the calling token's subject; all-or-nothing.
 */
export function deploymentPushRoutes(deps: { httpAuth: HttpAuthService; auditor: AuditorService; deployments: DeploymentsService }) {
  return pushRoute({ kind: 'deployments', schema: pushBatchSchema, deps, accept: (source, events) => deps.deployments.acceptPush(source, events) });
}
