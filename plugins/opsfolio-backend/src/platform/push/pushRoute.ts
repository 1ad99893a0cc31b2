import type { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import type { z } from 'zod';
import { audited } from '../audit';
import { describeIssues } from '../zodIssues';
import { readJsonBody } from './jsonBody';

/**
 * `POST /<kind>`: a batch of events from a CI or a tool without a module. Service tokens only; the source is
 * `push:<subject of the token>`, so two systems never overwrite each other's events; the body is checked whole
 * (a 400 lists every problem) and stored all-or-nothing; every attempt is audited.
 */
export function pushRoute<K extends 'deployments' | 'incidents', E extends { entityRef: string }>(options: {
  kind: K;
  schema: z.ZodType<Record<K, E[]>>;
  deps: { httpAuth: HttpAuthService; auditor: AuditorService };
  accept(source: string, events: E[]): Promise<void>;
}) {
  const { kind, schema, deps } = options;
  const router = Router();
  router.post(`/${kind}`, async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service'] });
    const source = `push:${credentials.principal.subject}`;
    const events = await audited(
      deps.auditor,
      { eventId: `${kind}-push`, severityLevel: 'medium', request: req, meta: { source } },
      async () => {
        const parsed = schema.safeParse(await readJsonBody(req, res));
        if (!parsed.success) throw new InputError(`Invalid ${kind} batch: ${describeIssues(parsed.error, { whole: 'body', dotted: true }).join('; ')}`);
        await options.accept(source, parsed.data[kind]);
        return parsed.data[kind];
      },
      stored => ({ accepted: stored.length, entityRefs: [...new Set(stored.map(e => e.entityRef))] }),
    );
    res.status(200).json({ accepted: events.length, source });
  });
  return router;
}
