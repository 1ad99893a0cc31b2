import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import { instant } from '../platform/push/instant';
import { describeIssues } from '../platform/zodIssues';
import { INCIDENT_STATUSES, INCIDENT_URGENCIES } from './incidentValues';
import type { OnCallService } from './OnCallService';

const pushedIncidentSchema = z
  .object({
    entityRef: z.string().min(1),
    externalId: z.string().min(1).max(255),
    title: z.string().min(1).max(2000),
    status: z.enum(INCIDENT_STATUSES),
    urgency: z.enum(INCIDENT_URGENCIES).optional(),
    severity: z.string().max(32).optional(),
    createdAt: instant,
    acknowledgedAt: instant.optional(),
    resolvedAt: instant.optional(),
    url: z.url().max(2000).optional(),
  })
  .strict()
  .refine(e => e.status !== 'resolved' || e.resolvedAt, { message: 'a resolved incident needs resolvedAt', path: ['resolvedAt'] })
  .refine(e => !e.acknowledgedAt || Date.parse(e.acknowledgedAt) >= Date.parse(e.createdAt), {
    message: 'acknowledgedAt is before createdAt',
    path: ['acknowledgedAt'],
  });

const batchSchema = z.object({ incidents: z.array(pushedIncidentSchema).min(1).max(1000) }).strict();

/** `POST /incidents`: incidents from tools without a module. Service tokens only; idempotent; all-or-nothing. */
export function incidentPushRoutes(deps: { httpAuth: HttpAuthService; onCall: OnCallService }) {
  const router = Router();
  router.post('/incidents', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service'] });
    const parsed = batchSchema.safeParse(req.body);
    if (!parsed.success) throw new InputError(`Invalid incidents batch: ${describeIssues(parsed.error, { whole: 'body', dotted: true }).join('; ')}`);
    const events = parsed.data.incidents;
    const source = `push:${credentials.principal.subject}`;
    await deps.onCall.acceptPush(source, events);
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
