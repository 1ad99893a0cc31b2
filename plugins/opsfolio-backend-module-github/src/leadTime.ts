import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { shaOf, type GithubDeployment } from './mapping';
import type { GithubClient } from './octokit';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** A deploy still waiting for its lead time: the record and the commit of the deploy before it. */
export interface PendingLeadTime {
  record: DeploymentRecord;
  base: string;
}

/**
 * Adds commit times to successful production deploys: the commits between the previous successful production
 * deploy to the same environment and this one (GitHub's compare). One call per deploy, newest first, within the
 * run's budget. Deploys the budget leaves out are returned as `pending`, with the commit to compare from, and are
 * filled on later runs (before anything older than `since` drops out of the DORA windows).
 */
export async function leadTimeCommits(options: {
  client: GithubClient;
  owner: string;
  repo: string;
  fresh: DeploymentRecord[];
  walked: Array<{ deployment: GithubDeployment; status: DeploymentStatus }>;
  /** Left over by earlier runs. */
  pending: PendingLeadTime[];
  productionEnvironments: string[];
  budget: { compareCalls: number };
  /** Only deploys this recent get lead time: older ones are outside any DORA window people look at. */
  since: Date;
  logger: LoggerService;
}): Promise<{ records: DeploymentRecord[]; pending: PendingLeadTime[] }> {
  const production = new Set(options.productionEnvironments.map(lower));
  const successes = options.walked
    .filter(w => w.status === 'success' && production.has(lower(w.deployment.environment)))
    .map(w => w.deployment)
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  const recent = (r: DeploymentRecord) => Date.parse(r.startedAt) >= options.since.getTime();
  const candidates = new Map<string, PendingLeadTime>();
  for (const p of options.pending) if (recent(p.record)) candidates.set(p.record.externalId, p);
  for (const record of options.fresh) {
    if (record.status !== 'success' || !record.commitSha || !production.has(lower(record.environment)) || !recent(record)) continue;
    const position = successes.findIndex(d => String(d.id) === record.externalId);
    const previous = successes
      .slice(0, Math.max(position, 0))
      .reverse()
      .find(d => lower(d.environment) === lower(record.environment) && shaOf(d) !== record.commitSha);
    if (position >= 0 && previous) candidates.set(record.externalId, { record, base: shaOf(previous)! });
  }
  const newestFirst = [...candidates.values()].sort((a, b) => Date.parse(b.record.startedAt) - Date.parse(a.record.startedAt));

  const records: DeploymentRecord[] = [];
  const pending: PendingLeadTime[] = [];
  for (const candidate of newestFirst) {
    if (options.budget.compareCalls <= 0) {
      pending.push(candidate);
      continue;
    }
    options.budget.compareCalls--;
    const { data } = await options.client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      owner: options.owner,
      repo: options.repo,
      basehead: `${candidate.base}...${candidate.record.commitSha}`,
    });
    const times = data.commits
      .map(c => c.commit.committer?.date ?? c.commit.author?.date)
      .filter((t): t is string => Boolean(t));
    if (times.length > 0) records.push({ ...candidate.record, commitTimestamps: times });
  }
  if (pending.length > 0) {
    options.logger.info(
      `${options.owner}/${options.repo}: lead time of ${pending.length} older deploys waits for the next run (compare budget of this run used up)`,
    );
  }
  return { records, pending };
}
