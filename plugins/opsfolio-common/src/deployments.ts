/**
 * Deployment statuses, normalised across vendors: GitHub's `inactive` (superseded) is a `success`,
 * its `error` a `failure`; GitLab's `created`/`blocked` are `pending`, `running` is `in_progress`,
 * `canceled`/`skipped` are `cancelled`.
 * @public
 */
export const DEPLOYMENT_STATUSES = ['pending', 'in_progress', 'success', 'failure', 'cancelled'] as const;

/** @public */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * The production environments of an entity: its `opsfolio.io/production-environments` annotation (a comma
 * list), else the configured default.
 * @public
 */
export function productionEnvironmentsOf(annotations: Record<string, string> | undefined, fallback: string[]): string[] {
  const listed = annotations?.['opsfolio.io/production-environments']
    ?.split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return listed?.length ? listed : fallback;
}

/** One deployment of an entity to an environment, as stored. @public */
export interface Deployment {
  /** Where it came from: a source id such as `github`, or `push` for the push API. */
  source: string;
  /** The vendor's id, unique within the source. */
  externalId: string;
  entityRef: string;
  environment: string;
  /** The version shipped: a tag or release name, else the commit sha. */
  version: string;
  commitSha?: string;
  status: DeploymentStatus;
  startedAt: string;
  finishedAt?: string;
  url?: string;
  actor?: string;
  /** Shipped a version that an earlier deploy to the same environment shipped, after a newer one. */
  rollback: boolean;
}
