import type { Person } from './people';

/**
 * A deploy's states, GitHub's vocabulary: queued -> in_progress -> success | failure | error; a successful
 * deploy to a non-production environment turns `inactive` when a newer one to the same environment succeeds.
 */
export type DeployState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

/** What started a deploy: a change (new commits), a retry of a failed one, or a rollback. */
export type DeployKind = 'change' | 'retry' | 'rollback';

export interface Commit {
  /** 40 hex characters, stable */
  sha: string;
  /** authored and committed at (lead time runs from here to the production deploy) */
  timestamp: Date;
  message: string;
  author: Person;
}

export interface DeployStatus {
  state: DeployState;
  createdAt: Date;
}

/** The CI run that performed a deploy (a GitHub Actions run, a GitLab pipeline). */
export interface DeployRun {
  id: number;
  createdAt: Date;
}

export interface Deploy {
  /** stable, unique across all components; grows with createdAt */
  id: number;
  environment: string;
  /** the environment is one of the component's production environments */
  production: boolean;
  sha: string;
  ref: string;
  createdAt: Date;
  /** oldest first; only what had happened by `now` */
  statuses: DeployStatus[];
  /** the newest status */
  finalState: DeployState;
  /** when the newest status was set */
  updatedAt: Date;
  /** when it reached success, failure or error (not set while queued or in progress) */
  finishedAt?: Date;
  creator: Person;
  kind: DeployKind;
  /** ships the sha of an earlier good deploy after a newer one (same sha deployed again) */
  isRollback: boolean;
  /** commits this deploy brings to its environment, since the previous successful deploy there; oldest first */
  commits: Commit[];
  run: DeployRun;
}

export interface DeployHistory {
  component: string;
  vendor: 'github' | 'gitlab';
  /** owner/repo or group/project */
  repo: string;
  environments: string[];
  productionEnvironments: string[];
  /** oldest first, created within historyDays before now */
  deploys: Deploy[];
  /** the default branch (main) as of now, oldest first; reaches back before the first deploy */
  commits: Commit[];
}
