import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { z } from 'zod';

/** The fields Opsfolio reads of a GitLab deployment; the rest of GitLab's shape passes through. */
export const gitlabDeploymentSchema = z.object({
  id: z.number(),
  iid: z.number().optional(),
  ref: z.string(),
  sha: z.string(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  user: z.object({ username: z.string() }).partial().nullish(),
  environment: z.object({ name: z.string(), external_url: z.string().nullish() }),
  deployable: z
    .object({
      started_at: z.string().nullish(),
      finished_at: z.string().nullish(),
      tag: z.boolean().nullish(),
      web_url: z.string().nullish(),
      commit: z.object({ created_at: z.string().nullish() }).partial().nullish(),
      pipeline: z.object({ web_url: z.string().nullish() }).partial().nullish(),
    })
    .partial()
    .nullish(),
});

export type GitlabDeployment = z.infer<typeof gitlabDeploymentSchema>;

/** GitLab's deployment statuses (the top-level one, not the job's) in Opsfolio's terms. */
function toStatus(status: string): DeploymentStatus {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'running':
      return 'in_progress';
    case 'canceled':
    case 'skipped':
      return 'cancelled';
    default:
      return 'pending'; // created, blocked
  }
}

const FINAL = new Set<DeploymentStatus>(['success', 'failure', 'cancelled']);

/**
 * One GitLab deployment as a record. Lead time uses the deployed head commit's time: GitLab lists a
 * deployment's merge requests but not every commit, so this is the head commit → production duration.
 */
export function toRecord(d: GitlabDeployment, projectUrl: string): DeploymentRecord {
  const status = toStatus(d.status);
  const commitTime = d.deployable?.commit?.created_at;
  return {
    externalId: String(d.id),
    environment: d.environment.name,
    version: d.deployable?.tag ? d.ref : d.sha.slice(0, 12),
    commitSha: d.sha,
    status,
    startedAt: d.deployable?.started_at ?? d.created_at,
    finishedAt: FINAL.has(status) ? (d.deployable?.finished_at ?? d.updated_at) : undefined,
    url: d.deployable?.web_url ?? d.deployable?.pipeline?.web_url ?? `${projectUrl}/-/environments`,
    actor: d.user?.username,
    commitTimestamps: status === 'success' && commitTime ? [commitTime] : undefined,
  };
}
