import type { SimulatorContext } from '../context';
import { createRng } from '../random';
import { addDays, addMs, startOfUtcDay } from '../time';

export interface GithubRepo {
  component: string;
  id: number;
  nodeId: string;
  owner: string;
  ownerId: number;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  createdAt: Date;
  updatedAt: Date;
  pushedAt: Date;
}

/** Every GitHub repository named in the scenario, dated relative to the current UTC day. */
export function githubRepos({ scenario, now }: SimulatorContext): GithubRepo[] {
  const today = startOfUtcDay(now());
  const repos: GithubRepo[] = [];
  for (const [component, c] of Object.entries(scenario.components)) {
    const slug = c.repo.github;
    if (slug === undefined) continue;
    const [owner, name] = slug.split('/') as [string, string];
    const rng = createRng(scenario.seed, 'github-repo', slug.toLowerCase());
    const id = rng.int(100_000_000, 899_999_999);
    const createdAt = addMs(addDays(today, -(scenario.historyDays + rng.int(60, 1500))), rng.int(0, 86_399) * 1000);
    // A stale service's last push is as old as its last deploy; others pushed a few hours before today.
    // (Later, deploy generation can make this the newest deploy's commit time.)
    const lastDeployDaysAgo = c.deploys?.lastDeployDaysAgo ?? 0;
    const pushedAt = addMs(addDays(today, -lastDeployDaysAgo), -rng.int(1, 12 * 60) * 60_000);
    repos.push({
      component,
      id,
      // GitHub's legacy global node id: base64("010:Repository<id>")
      nodeId: Buffer.from(`010:Repository${id}`).toString('base64'),
      owner,
      ownerId: createRng(scenario.seed, 'github-owner', owner.toLowerCase()).int(1_000_000, 99_999_999),
      name,
      fullName: slug,
      private: true,
      defaultBranch: 'main',
      createdAt,
      updatedAt: pushedAt,
      pushedAt,
    });
  }
  return repos;
}

/** GitHub matches owner and repository names case-insensitively. */
export function findGithubRepo(ctx: SimulatorContext, owner: string, name: string): GithubRepo | undefined {
  const wanted = `${owner}/${name}`.toLowerCase();
  return githubRepos(ctx).find((r) => r.fullName.toLowerCase() === wanted);
}
