import type { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { readJsonBody } from '../platform/push/jsonBody';
import { audited } from '../platform/audit';
import { z } from 'zod';
import { httpUrl, instant, oneLine, pushedEntityRef, timeOf } from '../platform/push/fields';
import { describeIssues } from '../platform/zodIssues';
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
  const router = Router();
  router.post('/incidents', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service'] });
    const source = `push:${credentials.principal.subject}`;
    const events = await audited(
      deps.auditor,
      { eventId: 'incidents-push', severityLevel: 'medium', request: req, meta: { source } },
      async () => {
        const parsed = batchSchema.safeParse(await readJsonBody(req, res));
        if (!parsed.success) throw new InputError(`Invalid incidents batch: ${describeIssues(parsed.error, { whole: 'body', dotted: true }).join('; ')}`);
        await deps.onCall.acceptPush(source, parsed.data.incidents);
        return parsed.data.incidents;
      },
      stored => ({ accepted: stored.length, entityRefs: [...new Set(stored.map(e => e.entityRef))] }),
    );
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
