import { DEPLOYMENT_STATUSES } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';
import { instant } from '../platform/push/instant';

/** One event of `POST /deployments`, as any CI can send it. */
const pushedDeploymentSchema = z
  .object({
    entityRef: z.string().min(1),
    environment: z.string().min(1).max(255),
    version: z.string().min(1).max(255),
    commitSha: z.string().regex(/^[0-9a-f]{7,64}$/i, 'must be a hex commit sha').optional(),
    status: z.enum(DEPLOYMENT_STATUSES),
    startedAt: instant,
    finishedAt: instant.optional(),
    url: z.url().max(2000).optional(),
    actor: z.string().max(255).optional(),
    externalId: z.string().min(1).max(255),
    commitTimestamps: z.array(instant).max(1000).optional(),
  })
  .strict()
  .refine(e => !e.finishedAt || Date.parse(e.finishedAt) >= Date.parse(e.startedAt), {
    message: 'finishedAt is before startedAt',
    path: ['finishedAt'],
  });

export const pushBatchSchema = z
  .object({ deployments: z.array(pushedDeploymentSchema).min(1).max(1000) })
  .strict();
