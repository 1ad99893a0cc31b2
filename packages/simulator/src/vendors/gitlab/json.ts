import { createHash } from 'node:crypto';
import { parentOf, resolveCommit } from '../../data/compareCommits';
import type { Deploy, DeployHistory, DeployState, Person } from '../../data/deployHistory';
import type { GitlabProject } from '../../data/gitlabProjects';
import { createRng } from '../../random';
import { DAY_MS } from '../../time';
import { GITLAB_WEB } from './projects';

// GitLab's JSON for deployments (Entities::Deployment: the deployable is the CI job that deployed).
// GitLab has no `inactive`: a superseded deploy stays `success`, and `updated_at` ignores it.

export type GitlabDeploymentStatus = 'created' | 'running' | 'success' | 'failed' | 'canceled' | 'skipped' | 'blocked';

const DEPLOYMENT_STATUS: Record<DeployState, GitlabDeploymentStatus> = {
  queued: 'created',
  in_progress: 'running',
  success: 'success',
  inactive: 'success',
  failure: 'failed',
  error: 'failed',
};

const JOB_STATUS: Record<DeployState, string> = {
  queued: 'pending',
  in_progress: 'running',
  success: 'success',
  inactive: 'success',
  failure: 'failed',
  error: 'failed',
};

/** A deploy as GitLab sees it: its status, iid and timestamps. */
export interface GitlabDeployment {
  deploy: Deploy;
  iid: number;
  status: GitlabDeploymentStatus;
  updatedAt: Date;
  finishedAt?: Date;
}

/** iids are per project and stable as days pass: (UTC day since 2020-01-01) × 1000 + n-th deploy that day. */
const IID_EPOCH_DAY = Date.UTC(2020, 0, 1) / DAY_MS;

export function gitlabDeployments(history: DeployHistory): GitlabDeployment[] {
  let day = -1;
  let n = 0;
  return history.deploys.map((deploy) => {
    const deployDay = Math.floor(deploy.createdAt.getTime() / DAY_MS);
    n = deployDay === day ? n + 1 : 1;
    day = deployDay;
    const last = deploy.statuses.filter((s) => s.state !== 'inactive').at(-1)!;
    return {
      deploy,
      iid: (deployDay - IID_EPOCH_DAY) * 1000 + n,
      status: DEPLOYMENT_STATUS[last.state],
      updatedAt: last.createdAt,
      ...(deploy.finishedAt ? { finishedAt: deploy.finishedAt } : {}),
    };
  });
}

export interface JsonContext {
  seed: number;
  project: GitlabProject;
  history: DeployHistory;
}

function userJson(seed: number, person: Person) {
  const username = person.gitlabUsername;
  const gravatar = createHash('md5').update(person.email.toLowerCase()).digest('hex');
  return {
    id: createRng(seed, 'gitlab-user', username.toLowerCase()).int(10, 99_999),
    username,
    name: person.name,
    state: 'active',
    locked: false,
    avatar_url: `https://www.gravatar.com/avatar/${gravatar}?s=80&d=identicon`,
    web_url: `${GITLAB_WEB}/${username}`,
  };
}

function environmentJson(ctx: JsonContext, name: string) {
  const { project } = ctx;
  const host = name === 'production' ? project.path : `${name}.${project.path}`;
  return {
    id: createRng(ctx.seed, 'gitlab-environment', project.pathWithNamespace.toLowerCase(), name).int(1_000, 999_999),
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
    external_url: `https://${host}.${project.namespace.split('/')[0]!.toLowerCase()}.example`,
  };
}

function commitJson(ctx: JsonContext, sha: string) {
  const web = `${GITLAB_WEB}/${ctx.project.pathWithNamespace}`;
  const commit = resolveCommit(ctx.history, sha);
  if (!commit) return { id: sha, short_id: sha.slice(0, 8), web_url: `${web}/-/commit/${sha}` };
  const parent = parentOf(ctx.history, commit);
  const at = commit.timestamp.toISOString();
  return {
    id: commit.sha,
    short_id: commit.sha.slice(0, 8),
    created_at: at,
    parent_ids: parent ? [parent.sha] : [],
    title: commit.message.split('\n')[0],
    message: commit.message,
    author_name: commit.author.name,
    author_email: commit.author.email,
    authored_date: at,
    committer_name: commit.author.name,
    committer_email: commit.author.email,
    committed_date: at,
    trailers: {},
    extended_trailers: {},
    web_url: `${web}/-/commit/${commit.sha}`,
  };
}

/** The pipeline (the deploy's CI run) as of now: the state of its newest job. */
function pipelineJson(ctx: JsonContext, deploy: Deploy) {
  const jobs = ctx.history.deploys.filter((d) => d.run.id === deploy.run.id);
  const newest = jobs.at(-1) ?? deploy;
  return {
    id: deploy.run.id,
    project_id: ctx.project.id,
    sha: deploy.sha,
    ref: deploy.ref,
    status: JOB_STATUS[newest.finalState],
    source: 'push',
    created_at: deploy.run.createdAt.toISOString(),
    updated_at: newest.updatedAt.toISOString(),
    web_url: `${GITLAB_WEB}/${ctx.project.pathWithNamespace}/-/pipelines/${deploy.run.id}`,
  };
}

const seconds = (from?: Date, to?: Date) =>
  from && to ? Math.round((to.getTime() - from.getTime()) / 100) / 10 : null;

function jobJson(ctx: JsonContext, deploy: Deploy) {
  const jobId = deploy.id * 2 + 1;
  const startedAt = deploy.statuses.find((s) => s.state === 'in_progress')?.createdAt;
  const failed = deploy.finalState === 'failure' || deploy.finalState === 'error';
  return {
    id: jobId,
    status: JOB_STATUS[deploy.finalState],
    stage: 'deploy',
    name: `deploy:${deploy.environment}`,
    ref: deploy.ref,
    tag: false,
    coverage: null,
    allow_failure: false,
    created_at: deploy.createdAt.toISOString(),
    started_at: startedAt?.toISOString() ?? null,
    finished_at: deploy.finishedAt?.toISOString() ?? null,
    erased_at: null,
    duration: seconds(startedAt, deploy.finishedAt),
    queued_duration: seconds(deploy.createdAt, startedAt),
    user: userJson(ctx.seed, deploy.creator),
    commit: commitJson(ctx, deploy.sha),
    pipeline: pipelineJson(ctx, deploy),
    web_url: `${GITLAB_WEB}/${ctx.project.pathWithNamespace}/-/jobs/${jobId}`,
    project: { ci_job_token_scope_enabled: false },
    artifacts: [],
    runner: null,
    artifacts_expire_at: null,
    archived: false,
    tag_list: [],
    ...(failed ? { failure_reason: 'script_failure' } : {}),
  };
}

export function deploymentJson(ctx: JsonContext, view: GitlabDeployment) {
  const { deploy } = view;
  return {
    id: deploy.id,
    iid: view.iid,
    ref: deploy.ref,
    sha: deploy.sha,
    created_at: deploy.createdAt.toISOString(),
    updated_at: view.updatedAt.toISOString(),
    status: view.status,
    user: userJson(ctx.seed, deploy.creator),
    environment: environmentJson(ctx, deploy.environment),
    deployable: jobJson(ctx, deploy),
  };
}
