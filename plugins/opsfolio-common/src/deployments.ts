/**
 * A deployment status, normalised across vendors: GitHub's `inactive` (superseded) is a `success`,
 * its `error` a `failure`; GitLab's `created`/`blocked` are `pending`, `running` is `in_progress`,
 * `canceled`/`skipped` are `cancelled`.
 * @public
 */
export type DeploymentStatus = 'pending' | 'in_progress' | 'success' | 'failure' | 'cancelled';

/**
 * Every deployment status, in the order of a deployment's life.
 * @internal
 */
export const DEPLOYMENT_STATUSES = [
  'pending',
  'in_progress',
  'success',
  'failure',
  'cancelled',
] as const satisfies readonly DeploymentStatus[];

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
  /** The deployed entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The environment deployed to, as the vendor names it, e.g. `production`. */
  environment: string;
  /** The version shipped: a tag or release name, else the commit sha. */
  version: string;
  /** The deployed commit, when known. */
  commitSha?: string;
  /** Where the deployment is in its life, or how it ended. */
  status: DeploymentStatus;
  /** ISO instant the deployment started. */
  startedAt: string;
  /** ISO instant it reached a final status; absent while running. */
  finishedAt?: string;
  /** The deployment's page at the vendor or CI. */
  url?: string;
  /** Who deployed: the vendor's login or user name. */
  actor?: string;
  /**
   * The incident this deploy was made for (its id at the on-call source): an unplanned deploy, counted by
   * DORA's deployment rework rate whatever its time.
   */
  incidentId?: string;
  /** Shipped a version that an earlier deploy to the same environment shipped, after a newer one. */
  rollback: boolean;
}
