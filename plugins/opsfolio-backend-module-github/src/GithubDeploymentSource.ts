import type { LoggerService } from '@backstage/backend-plugin-api';
import { DefaultGithubCredentialsProvider, type ScmIntegrations } from '@backstage/integration';
import { ANNOTATIONS, DAY_MS, type DeploymentStatus, productionEnvironmentsOf } from '@opsfolio/backstage-plugin-common';
import {
  mapWithConcurrency,
  sourceHostOf,
  type DeploymentRecord,
  type DeploymentSource,
  type DeploymentSyncContext,
  type SourceEntity,
  type SourceSyncResult,
} from '@opsfolio/backstage-plugin-node';
import { leadTimeCommits, type PendingLeadTime } from './leadTime';
import { toRecord, type GithubDeployment, type GithubDeploymentStatus } from './mapping';
import { createGithubClient, type GithubClient } from './octokit';

const FINAL = new Set<DeploymentStatus>(['success', 'failure', 'cancelled']);
const PER_PAGE = 100;
const STATUS_CONCURRENCY = 4;

export interface GithubSourceOptions {
  integrations: ScmIntegrations;
  logger: LoggerService;
  /** Environments whose deploys need commit times for lead time (the DORA production environments). */
  productionEnvironments: string[];
  maxCompareCallsPerRun: number;
  maxDeploymentsPerRepo: number;
  /** Lead time is read for production deploys of the last this many days (default 90). */
  leadTimeDays?: number;
  now?: () => Date;
}

/**
 * Deploy history from the GitHub Deployments API. Incremental: page 1 is asked for with the ETag of the
 * last complete read, so an unchanged repository costs one conditional request (a 304 does not count
 * against GitHub's rate limit); a changed one is read newest first until a page holds nothing new.
 */
export class GithubDeploymentSource implements DeploymentSource {
  readonly id = 'github';
  readonly vendor = 'github';
  readonly annotations = [ANNOTATIONS.githubProjectSlug];
  private readonly credentials: DefaultGithubCredentialsProvider;

  constructor(private readonly options: GithubSourceOptions) {
    this.credentials = DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  }

  async sync(context: DeploymentSyncContext): Promise<SourceSyncResult> {
    const clients = new Map<string, GithubClient>();
    const budget = { compareCalls: this.options.maxCompareCallsPerRun };
    const failures: string[] = [];
    let items = 0;
    let pending = 0;
    for (const [done, entity] of context.entities.entries()) {
      if (context.signal.aborted) throw new Error('GitHub sync aborted (timeout)');
      context.progress?.({ unit: 'repositories', done, total: context.entities.length });
      const slug = entity.annotations[ANNOTATIONS.githubProjectSlug]?.trim();
      if (!slug || !/^[^/\s]+\/[^/\s]+$/.test(slug)) {
        context.logger.warn(`${entity.entityRef}: ${ANNOTATIONS.githubProjectSlug} must be owner/repo, got '${slug}'`);
        continue;
      }
      try {
        const host = sourceHostOf(entity, h => Boolean(this.options.integrations.github.byHost(h)), 'github.com');
        if (!clients.has(host)) clients.set(host, await this.clientFor(host, slug));
        const repo = await this.syncRepo(context, clients.get(host)!, entity, slug, host, budget);
        items += repo.items;
        pending += repo.pending;
      } catch (error) {
        const { status, response } = error as { status?: number; response?: { headers?: Record<string, string> } };
        if (status === 403 && response?.headers?.['x-ratelimit-remaining'] === '0') {
          // Every further repository would fail the same way: stop, keep what is stored, resume next run.
          const reset = new Date(Number(response.headers['x-ratelimit-reset']) * 1000).toISOString();
          failures.push(`GitHub rate limit exhausted at ${slug}; it resets at ${reset} and the next run continues`);
          break;
        }
        if (status === 404) {
          // A wrong annotation or a repository the token cannot see: say so, but it is not an outage.
          context.logger.warn(`${entity.entityRef}: GitHub repository ${slug} not found or not visible to the token`);
          continue;
        }
        // One repository's failure never stops the others; the run is still reported as failed.
        const message = error instanceof Error ? error.message : String(error);
        failures.push(`${slug}: ${message}`);
        context.logger.warn(`GitHub deployments of ${slug} failed; stored data kept: ${message}`);
      }
    }
    if (failures.length > 0) {
      throw new Error(
        `GitHub sync failed for ${failures.length} of ${context.entities.length} repositories (${items} deployments stored): ${failures.slice(0, 3).join('; ')}`,
      );
    }
    return { items, details: { pending: { count: pending, description: 'deploys waiting for their lead time (compare budget)' } } };
  }

  private async clientFor(host: string, slug: string): Promise<GithubClient> {
    const integration = this.options.integrations.github.byHost(host);
    if (!integration) throw new Error(`No GitHub integration for ${host} in integrations.github`);
    const { token } = await this.credentials.getCredentials({ url: `https://${host}/${slug}` });
    return createGithubClient({ baseUrl: integration.config.apiBaseUrl!, token, logger: this.options.logger });
  }

  private async syncRepo(
    context: DeploymentSyncContext,
    client: GithubClient,
    entity: SourceEntity,
    slug: string,
    host: string,
    budget: { compareCalls: number },
  ): Promise<{ items: number; pending: number }> {
    const [owner, repo] = slug.split('/');
    const etagKey = `etag:${slug}`;
    const completeKey = `complete:${slug}`;
    const pendingKey = `leadTimePending:${slug}`;
    const etag = await context.state.get(etagKey);
    const complete = (await context.state.get(completeKey)) === 'true';
    const repoUrl = `https://${host}/${slug}`;

    const walked: Array<{ deployment: GithubDeployment; status: DeploymentStatus }> = [];
    const fresh: DeploymentRecord[] = [];
    let firstEtag: string | undefined;
    for (let page = 1; ; page++) {
      let response;
      try {
        response = await client.request('GET /repos/{owner}/{repo}/deployments', {
          owner,
          repo,
          per_page: PER_PAGE,
          page,
          headers: page === 1 && etag && complete ? { 'if-none-match': etag } : {},
        });
      } catch (error) {
        // Unchanged: nothing new to read, but deploys still waiting for their lead time are filled below.
        if ((error as { status?: number }).status === 304) break;
        throw error;
      }
      if (page === 1) firstEtag = response.headers.etag;
      const deployments = response.data as unknown as GithubDeployment[];
      const known = await context.known(entity.entityRef, deployments.map(d => String(d.id)));
      const unknown = deployments.filter(d => {
        const stored = known.get(String(d.id));
        return !stored || !FINAL.has(stored.status);
      });
      // A few statuses calls at a time: a first sync reads one per deployment.
      const statusesOf = await mapWithConcurrency(unknown, STATUS_CONCURRENCY, async deployment => {
        const { data } = await client.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          owner,
          repo,
          deployment_id: deployment.id,
          per_page: PER_PAGE,
        });
        return data as unknown as GithubDeploymentStatus[];
      });
      const records = unknown.map((deployment, i) => toRecord(deployment, statusesOf[i], repoUrl));
      for (const deployment of deployments) {
        const i = unknown.indexOf(deployment);
        const status = i >= 0 ? records[i].status : known.get(String(deployment.id))!.status;
        walked.push({ deployment, status });
      }
      // Saved page by page: a failure on a later page keeps what was read.
      await context.save(entity.entityRef, records);
      fresh.push(...records);
      const nothingNew = records.length === 0 && deployments.length > 0;
      const last = !/rel="next"/.test(response.headers.link ?? '') || deployments.length < PER_PAGE;
      if (last || walked.length >= this.options.maxDeploymentsPerRepo || (nothingNew && complete)) break;
    }

    const waiting = JSON.parse((await context.state.get(pendingKey)) ?? '[]') as PendingLeadTime[];
    const leadTime = await leadTimeCommits({
      client,
      owner,
      repo,
      fresh,
      walked,
      pending: waiting,
      productionEnvironments: productionEnvironmentsOf(entity.annotations, this.options.productionEnvironments),
      budget,
      since: new Date((this.options.now?.() ?? new Date()).getTime() - (this.options.leadTimeDays ?? 90) * DAY_MS),
      logger: context.logger,
    });
    await context.save(entity.entityRef, leadTime.records);
    if (waiting.length || leadTime.pending.length) await context.state.set(pendingKey, JSON.stringify(leadTime.pending));
    // Only a complete read earns the ETag; after a partial one the next run reads every page again.
    await context.state.set(completeKey, 'true');
    if (firstEtag) await context.state.set(etagKey, firstEtag);
    return { items: fresh.length, pending: leadTime.pending.length };
  }
}

