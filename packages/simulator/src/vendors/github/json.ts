import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { Commit, Deploy, DeployHistory, DeployState, Person } from '../../data/deployHistory';
import { parentOf } from '../../data/compareCommits';
import type { GithubRepo } from '../../data/githubRepos';
import { createRng } from '../../random';
import { isoSeconds } from '../../time';
import type { GithubApiVersion } from './middleware';

// GitHub's JSON shapes for deployments, deployment statuses, users and commits. URLs to API resources
// point at the simulator (the host the client called + /github), as a GitHub Enterprise host would.

export interface Urls {
  /** e.g. http://127.0.0.1:7081/github */
  api: string;
  seed: number;
}

export function urlsFor(req: Request, seed: number): Urls {
  return { api: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`, seed };
}

const legacyNodeId = (type: string, id: number) => Buffer.from(`${type}${id}`).toString('base64');

function userJson(urls: Urls, person: Person) {
  const login = person.githubLogin;
  const id = createRng(urls.seed, 'github-user', login.toLowerCase()).int(1_000_000, 150_000_000);
  return {
    login,
    id,
    node_id: legacyNodeId('04:User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${urls.api}/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

function deployDescription(deploy: Deploy): string {
  const short = deploy.sha.slice(0, 7);
  if (deploy.kind === 'rollback') return `Rollback ${deploy.environment} to ${short}`;
  if (deploy.kind === 'retry') return `Retry deploy of ${short} to ${deploy.environment}`;
  return `Deploy ${short} to ${deploy.environment}`;
}

export function deploymentJson(urls: Urls, repo: GithubRepo, deploy: Deploy, version: GithubApiVersion) {
  const repositoryUrl = `${urls.api}/repos/${repo.fullName}`;
  const url = `${repositoryUrl}/deployments/${deploy.id}`;
  // API version 2026-03-10 names the deployed commit `commit_sha` (see reference/oncall-deploys.md 2.3).
  const commit = version === '2026-03-10' ? { commit_sha: deploy.sha } : { sha: deploy.sha };
  return {
    url,
    id: deploy.id,
    node_id: legacyNodeId('010:Deployment', deploy.id),
    ...commit,
    ref: deploy.ref,
    task: 'deploy',
    payload: {},
    original_environment: deploy.environment,
    environment: deploy.environment,
    description: deployDescription(deploy),
    creator: userJson(urls, deploy.creator),
    created_at: isoSeconds(deploy.createdAt),
    updated_at: isoSeconds(deploy.updatedAt),
    statuses_url: `${url}/statuses`,
    repository_url: repositoryUrl,
    transient_environment: false,
    production_environment: deploy.production,
    performed_via_github_app: null,
  };
}

const STATUS_DESCRIPTIONS: Record<DeployState, string> = {
  queued: 'Deployment queued.',
  in_progress: 'Deployment in progress.',
  success: 'Deployment finished successfully.',
  failure: 'Deployment failed.',
  error: 'Deployment errored.',
  inactive: 'Superseded by a newer deployment.',
};

/** Status ids grow within a deployment: deployment id × 8 + the status's position. */
function statusId(deploy: Deploy, index: number): number {
  return deploy.id * 8 + index;
}

function environmentUrl(repo: GithubRepo, environment: string): string {
  const host = environment === 'production' ? repo.name : `${environment}.${repo.name}`;
  return `https://${host}.${repo.owner.toLowerCase()}.example`;
}

/** The deploy's statuses, newest first. */
export function statusesJson(urls: Urls, repo: GithubRepo, deploy: Deploy) {
  const repositoryUrl = `${urls.api}/repos/${repo.fullName}`;
  const deploymentUrl = `${repositoryUrl}/deployments/${deploy.id}`;
  const logUrl = `https://github.com/${repo.fullName}/actions/runs/${deploy.run.id}`;
  return deploy.statuses
    .map((status, index) => {
      const id = statusId(deploy, index);
      const live = status.state === 'success' || status.state === 'inactive';
      return {
        url: `${deploymentUrl}/statuses/${id}`,
        id,
        node_id: legacyNodeId('016:DeploymentStatus', id),
        state: status.state,
        creator: userJson(urls, deploy.creator),
        description: STATUS_DESCRIPTIONS[status.state],
        environment: deploy.environment,
        target_url: logUrl,
        created_at: isoSeconds(status.createdAt),
        updated_at: isoSeconds(status.createdAt),
        deployment_url: deploymentUrl,
        repository_url: repositoryUrl,
        environment_url: live ? environmentUrl(repo, deploy.environment) : '',
        log_url: logUrl,
        performed_via_github_app: null,
      };
    })
    .reverse();
}

function treeSha(commit: Commit): string {
  return createHash('sha1').update(`tree ${commit.sha}`).digest('hex');
}

/** A commit as the compare and commits endpoints show it. */
export function commitJson(urls: Urls, repo: GithubRepo, history: DeployHistory, commit: Commit) {
  const repositoryUrl = `${urls.api}/repos/${repo.fullName}`;
  const htmlBase = `https://github.com/${repo.fullName}`;
  const signature = { name: commit.author.name, email: commit.author.email, date: isoSeconds(commit.timestamp) };
  const parent = parentOf(history, commit);
  const tree = treeSha(commit);
  return {
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${repo.id}:${commit.sha}`).toString('base64'),
    commit: {
      author: signature,
      committer: signature,
      message: commit.message,
      tree: { sha: tree, url: `${repositoryUrl}/git/trees/${tree}` },
      url: `${repositoryUrl}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    url: `${repositoryUrl}/commits/${commit.sha}`,
    html_url: `${htmlBase}/commit/${commit.sha}`,
    comments_url: `${repositoryUrl}/commits/${commit.sha}/comments`,
    author: userJson(urls, commit.author),
    committer: userJson(urls, commit.author),
    parents: parent
      ? [{ sha: parent.sha, url: `${repositoryUrl}/commits/${parent.sha}`, html_url: `${htmlBase}/commit/${parent.sha}` }]
      : [],
  };
}
