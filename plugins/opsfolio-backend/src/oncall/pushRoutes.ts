import type { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { httpUrl, instant, oneLine, pushedEntityRef, timeOf } from '../platform/push/fields';
import { pushRoute } from '../platform/push/pushRoute';
import { INCIDENT_STATUSES, INCIDENT_URGENCIES } from './incidentValues';
import type { OnCallService } from './OnCallService';

/** One incident of `POST /incidents`. Bounds: `platform/push/fields.ts`. */
const pushedIncidentSchema = z
  .object({
    entityRef: pushedEntityRef,
    externalId: oneLine(255),
    title: oneLine(2000),
    status: z.enum(INCIDENT_STATUSES),
    urgency: z.enum(INCIDENT_URGENCIES).optional(),
    severity: oneLine(32).optional(),
    createdAt: instant,
    acknowledgedAt: instant.optional(),
    resolvedAt: instant.optional(),
    url: httpUrl.optional(),
  })
  .strict()
  .refine(e => e.status !== 'resolved' || e.resolvedAt, { message: 'a resolved incident needs resolvedAt', path: ['resolvedAt'] })
  .refine(e => e.status === 'resolved' || !e.resolvedAt, { message: 'an incident that is not resolved has no resolvedAt', path: ['resolvedAt'] })
  // A triggered incident may carry acknowledgedAt: PagerDuty re-triggers an acknowledged incident when the ack times out.
  // Compared only when both times are valid, so one bad time gives one error.
  .refine(e => !(timeOf(e.acknowledgedAt) < timeOf(e.createdAt)), { message: 'acknowledgedAt is before createdAt', path: ['acknowledgedAt'] })
  .refine(e => !(timeOf(e.resolvedAt) < timeOf(e.createdAt)), { message: 'resolvedAt is before createdAt', path: ['resolvedAt'] })
  .refine(e => !(timeOf(e.resolvedAt) < timeOf(e.acknowledgedAt)), { message: 'resolvedAt is before acknowledgedAt', path: ['resolvedAt'] });

const batchSchema = z.object({ incidents: z.array(pushedIncidentSchema).min(1).max(1000) }).strict();

/** `POST /incidents`: incidents from tools without a module. Service tokens only; idempotent; all-or-nothing. */
export function incidentPushRoutes(deps: { httpAuth: HttpAuthService; auditor: AuditorService; onCall: OnCallService }) {
  return pushRoute({ kind: 'incidents', schema: batchSchema, deps, accept: (source, events) => deps.onCall.acceptPush(source, events) });
}
