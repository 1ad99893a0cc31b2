import type { Request } from 'express';
import type { GitlabDeployment, GitlabDeploymentStatus } from './json';

// The parameters of GET /projects/:id/deployments, checked as GitLab does: Grape's value checks first
// ({"error": "..."}), then DeploymentsFinder's rules against inefficient queries ("400 Bad request - ...").

const ORDER_BY = ['id', 'iid', 'created_at', 'updated_at', 'finished_at'] as const;
const SORT = ['asc', 'desc'] as const;
const STATUSES: GitlabDeploymentStatus[] = ['created', 'running', 'success', 'failed', 'canceled', 'skipped', 'blocked'];
const FINISHED: GitlabDeploymentStatus[] = ['success', 'failed', 'canceled'];

export interface DeploymentQuery {
  orderBy: (typeof ORDER_BY)[number];
  sort: (typeof SORT)[number];
  updatedAfter?: number;
  updatedBefore?: number;
  finishedAfter?: number;
  finishedBefore?: number;
  environment?: string;
  status?: GitlabDeploymentStatus;
}

export type ParsedQuery =
  | { ok: true; query: DeploymentQuery }
  | { ok: false; invalidParam: string }
  | { ok: false; badRequest: string };

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

export function parseDeploymentQuery(req: Request): ParsedQuery {
  const orderBy = single(req, 'order_by') ?? 'id';
  if (!(ORDER_BY as readonly string[]).includes(orderBy)) {
    return { ok: false, invalidParam: 'order_by does not have a valid value' };
  }
  const sort = single(req, 'sort') ?? 'asc';
  if (!(SORT as readonly string[]).includes(sort)) return { ok: false, invalidParam: 'sort does not have a valid value' };
  const status = single(req, 'status');
  if (status !== undefined && !(STATUSES as string[]).includes(status)) {
    return { ok: false, invalidParam: 'status does not have a valid value' };
  }
  const query: DeploymentQuery = {
    orderBy: orderBy as DeploymentQuery['orderBy'],
    sort: sort as DeploymentQuery['sort'],
    ...(status ? { status: status as GitlabDeploymentStatus } : {}),
  };
  const environment = single(req, 'environment');
  if (environment) query.environment = environment;
  for (const [param, key] of [
    ['updated_after', 'updatedAfter'],
    ['updated_before', 'updatedBefore'],
    ['finished_after', 'finishedAfter'],
    ['finished_before', 'finishedBefore'],
  ] as const) {
    const text = single(req, param);
    if (text === undefined || text === '') continue;
    const time = Date.parse(text);
    if (Number.isNaN(time)) return { ok: false, invalidParam: `${param} is invalid` };
    query[key] = time;
  }
  const problem = inefficiency(query);
  return problem ? { ok: false, badRequest: problem } : { ok: true, query };
}

/** DeploymentsFinder#validate! */
function inefficiency(q: DeploymentQuery): string | undefined {
  const byUpdated = q.updatedAfter !== undefined || q.updatedBefore !== undefined;
  const byFinished = q.finishedAfter !== undefined || q.finishedBefore !== undefined;
  const finishedStatus = q.status !== undefined && FINISHED.includes(q.status);
  if (byUpdated && byFinished) return 'Both `updated_at` filter and `finished_at` filter can not be specified';
  if (byUpdated && q.orderBy !== 'updated_at') return '`updated_at` filter requires `updated_at` sort';
  if (byFinished && q.orderBy !== 'finished_at') return '`finished_at` filter requires `finished_at` sort.';
  if (q.orderBy === 'finished_at' && !(byFinished || finishedStatus)) {
    return '`finished_at` sort requires `finished_at` filter or a filter with at least one of the finished statuses.';
  }
  if (byFinished && q.status !== 'success') return '`finished_at` filter must be combined with `success` status filter.';
  return undefined;
}

/** Filter and sort as the finder does: updated_* and finished_* bounds are inclusive; ties broken by id. */
export function applyDeploymentQuery(items: GitlabDeployment[], q: DeploymentQuery): GitlabDeployment[] {
  const within = (t: number | undefined, after?: number, before?: number) =>
    (after === undefined || (t !== undefined && t >= after)) && (before === undefined || (t !== undefined && t <= before));
  const filtered = items.filter(
    (d) =>
      (q.environment === undefined || d.deploy.environment === q.environment) &&
      (q.status === undefined || d.status === q.status) &&
      within(d.updatedAt.getTime(), q.updatedAfter, q.updatedBefore) &&
      (q.finishedAfter === undefined && q.finishedBefore === undefined
        ? true
        : within(d.finishedAt?.getTime(), q.finishedAfter, q.finishedBefore)),
  );
  const byUpdated = q.updatedAfter !== undefined || q.updatedBefore !== undefined;
  const column = byUpdated ? 'updated_at' : q.orderBy;
  const key = (d: GitlabDeployment): number =>
    column === 'updated_at'
      ? d.updatedAt.getTime()
      : column === 'finished_at'
        ? (d.finishedAt?.getTime() ?? Number.MAX_SAFE_INTEGER)
        : d.deploy.id;
  const direction = q.sort === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => direction * (key(a) - key(b) || a.deploy.id - b.deploy.id));
}
