import { DEPLOYMENT_STATUSES } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';
import { httpUrl, instant, oneLine, pushedEntityRef, timeOf } from '../platform/push/fields';

/** One event of `POST /deployments`, as any CI can send it. Bounds: `platform/push/fields.ts`. */
const pushedDeploymentSchema = z
  .object({
    entityRef: pushedEntityRef,
    environment: oneLine(255),
    version: oneLine(255),
    commitSha: z.string().regex(/^[0-9a-f]{7,64}$/i, 'must be a hex commit sha').optional(),
    status: z.enum(DEPLOYMENT_STATUSES),
    startedAt: instant,
    finishedAt: instant.optional(),
    url: httpUrl.optional(),
    actor: oneLine(255).optional(),
    externalId: oneLine(255),
    incidentId: oneLine(255).optional(),
    commitTimestamps: z.array(instant).max(1000).optional(),
  })
  .strict()
  // Compared only when both times are valid, so one bad time gives one error.
  .refine(e => !(timeOf(e.finishedAt) < timeOf(e.startedAt)), { message: 'finishedAt is before startedAt', path: ['finishedAt'] })
  .refine(e => !e.finishedAt || (e.status !== 'pending' && e.status !== 'in_progress'), {
    message: 'a pending or in_progress deployment has no finishedAt',
    path: ['finishedAt'],
  });

export const pushBatchSchema = z
  .object({ deployments: z.array(pushedDeploymentSchema).min(1).max(1000) })
  .strict();
