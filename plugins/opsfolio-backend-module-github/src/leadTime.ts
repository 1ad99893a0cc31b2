import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { shaOf, type GithubDeployment } from './mapping';
import type { GithubClient } from './octokit';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/**
 * Adds commit times to new successful production deploys: the commits between the previous successful
 * production deploy to the same environment and this one (GitHub's compare). One call per deploy, newest
 * first, within the run's budget; deploys left over simply have no lead time.
 */
export async function leadTimeCommits(options: {
  client: GithubClient;
  owner: string;
  repo: string;
  fresh: DeploymentRecord[];
  walked: Array<{ deployment: GithubDeployment; status: DeploymentStatus }>;
  productionEnvironments: string[];
  budget: { compareCalls: number };
  /** Only deploys this recent get lead time: older ones are outside any DORA window people look at. */
  since: Date;
  logger: LoggerService;
}): Promise<DeploymentRecord[]> {
  const production = new Set(options.productionEnvironments.map(lower));
  const successes = options.walked
    .filter(w => w.status === 'success' && production.has(lower(w.deployment.environment)))
    .map(w => w.deployment)
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  const needed = options.fresh
    .filter(r => r.status === 'success' && r.commitSha && production.has(lower(r.environment)))
    .filter(r => Date.parse(r.startedAt) >= options.since.getTime())
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));

  const result: DeploymentRecord[] = [];
  let skipped = 0;
  for (const record of needed) {
    const position = successes.findIndex(d => String(d.id) === record.externalId);
    const previous = successes
      .slice(0, Math.max(position, 0))
      .reverse()
      .find(d => lower(d.environment) === lower(record.environment) && shaOf(d) !== record.commitSha);
    if (position < 0 || !previous) continue;
    if (options.budget.compareCalls <= 0) {
      skipped++;
      continue;
    }
    options.budget.compareCalls--;
    const { data } = await options.client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      owner: options.owner,
      repo: options.repo,
      basehead: `${shaOf(previous)}...${record.commitSha}`,
    });
    const times = data.commits
      .map(c => c.commit.committer?.date ?? c.commit.author?.date)
      .filter((t): t is string => Boolean(t));
    if (times.length > 0) result.push({ ...record, commitTimestamps: times });
  }
  if (skipped > 0) {
    options.logger.info(
      `${options.owner}/${options.repo}: lead time left out for ${skipped} older deploys (compare budget of this run used up)`,
    );
  }
  return result;
}
