import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';

/** The fields Opsfolio reads of a GitHub deployment; `commit_sha` is what some API versions send. */
export interface GithubDeployment {
  id: number;
  sha?: string;
  commit_sha?: string;
  ref: string;
  environment: string;
  created_at: string;
  creator?: { login: string } | null;
  production_environment?: boolean;
}

export interface GithubDeploymentStatus {
  state: string;
  created_at: string;
  log_url?: string;
  target_url?: string;
  environment_url?: string;
}

/** GitHub's states in Opsfolio's terms: `inactive` is a success that a newer deploy superseded. */
function toStatus(state: string | undefined): DeploymentStatus {
  switch (state) {
    case 'success':
    case 'inactive':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    case 'in_progress':
      return 'in_progress';
    default:
      return 'pending';
  }
}

const FINAL = new Set<DeploymentStatus>(['success', 'failure', 'cancelled']);

export const shaOf = (d: GithubDeployment) => d.sha ?? d.commit_sha ?? '';

// A ref that looks like a release tag names the version better than a sha.
const looksLikeVersion = (ref: string) => /^v?\d+(\.\d+)*([-+.].*)?$/.test(ref);

/** One deployment and its statuses (newest first, as GitHub lists them) as a record to store. */
export function toRecord(deployment: GithubDeployment, statuses: GithubDeploymentStatus[], repoUrl: string): DeploymentRecord {
  const sha = shaOf(deployment);
  const latest = statuses[0];
  const status = toStatus(latest?.state);
  const firstActive = [...statuses].reverse().find(s => s.state === 'in_progress' || s.state === 'queued' || s.state === 'pending');
  return {
    externalId: String(deployment.id),
    environment: deployment.environment,
    version: looksLikeVersion(deployment.ref) ? deployment.ref : sha.slice(0, 12),
    commitSha: sha || undefined,
    status,
    startedAt: firstActive?.created_at ?? deployment.created_at,
    finishedAt: FINAL.has(status) ? latest?.created_at : undefined,
    url: latest?.log_url || latest?.target_url || latest?.environment_url || `${repoUrl}/deployments`,
    actor: deployment.creator?.login,
  };
}
