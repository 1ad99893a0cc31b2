import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ScmIntegrations } from '@backstage/integration';
import { ANNOTATIONS } from '@opsfolio/backstage-plugin-common';
import {
  createVendorClient,
  paginateCursor,
  sourceHostOf,
  type DeploymentSource,
  type DeploymentSyncContext,
  type SourceEntity,
  type VendorClient,
} from '@opsfolio/backstage-plugin-node';
import { gitlabDeploymentSchema, toRecord, type GitlabDeployment } from './mapping';

/**
 * Deploy history from GitLab's deployments API. Incremental by `updated_after`: pages come oldest update
 * first, and the mark moves after each saved page, so a failure part-way resumes where it stopped.
 */
export class GitlabDeploymentSource implements DeploymentSource {
  readonly id = 'gitlab';
  readonly vendor = 'gitlab';
  readonly annotations = [ANNOTATIONS.gitlabProjectSlug, ANNOTATIONS.gitlabProjectId];

  constructor(private readonly options: { integrations: ScmIntegrations; logger: LoggerService; perPage?: number }) {}

  async sync(context: DeploymentSyncContext): Promise<{ items: number }> {
    const clients = new Map<string, VendorClient>();
    const failures: string[] = [];
    let items = 0;
    const projects = context.entities.flatMap(entity => {
      const project =
        entity.annotations[ANNOTATIONS.gitlabProjectId]?.trim() || entity.annotations[ANNOTATIONS.gitlabProjectSlug]?.trim();
      return project ? [{ entity, project }] : [];
    });
    try {
      for (const [done, { entity, project }] of projects.entries()) {
        if (context.signal.aborted) throw new Error('GitLab sync aborted (timeout)');
        context.progress?.({ unit: 'projects', done, total: projects.length });
        try {
          const host = this.hostOf(entity);
          if (!clients.has(host)) clients.set(host, this.clientFor(host));
          items += await this.syncProject(context, clients.get(host)!, entity, project, host);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(`${project}: ${message}`);
          context.logger.warn(`GitLab deployments of ${project} failed; stored data kept: ${message}`);
        }
      }
    } finally {
      await Promise.all([...clients.values()].map(c => c.close()));
    }
    if (failures.length > 0) {
      throw new Error(
        `GitLab sync failed for ${failures.length} of ${context.entities.length} projects (${items} deployments stored): ${failures.slice(0, 3).join('; ')}`,
      );
    }
    return { items };
  }

  private hostOf(entity: SourceEntity): string {
    const first = this.options.integrations.gitlab.list()[0];
    if (!first) throw new Error('No GitLab integration in integrations.gitlab');
    return sourceHostOf(entity, h => Boolean(this.options.integrations.gitlab.byHost(h)), first.config.host);
  }

  private clientFor(host: string): VendorClient {
    const integration = this.options.integrations.gitlab.byHost(host);
    if (!integration) throw new Error(`No GitLab integration for ${host} in integrations.gitlab`);
    const { apiBaseUrl, token } = integration.config;
    return createVendorClient({
      vendor: 'gitlab',
      baseUrl: apiBaseUrl,
      headers: token ? { 'private-token': token } : {},
      logger: this.options.logger,
    });
  }

  private async syncProject(
    context: DeploymentSyncContext,
    client: VendorClient,
    entity: SourceEntity,
    project: string,
    host: string,
  ): Promise<number> {
    const markKey = `updated_after:${host}/${project}`;
    const mark = await context.state.get(markKey);
    const projectUrl = /^\d+$/.test(project) ? `https://${host}/projects/${project}` : `https://${host}/${project}`;
    let saved = 0;
    const pages = paginateCursor<GitlabDeployment>(client, `/projects/${encodeURIComponent(project)}/deployments`, {
      cursorParam: 'page',
      cursor: '1',
      nextCursor: (_body, headers) => headers['x-next-page'] || undefined,
      query: {
        order_by: 'updated_at',
        sort: 'asc',
        per_page: String(this.options.perPage ?? 100),
        ...(mark ? { updated_after: mark } : {}),
      },
      itemSchema: gitlabDeploymentSchema,
      signal: context.signal,
    });
    for await (const page of pages) {
      await context.save(entity.entityRef, page.items.map(d => toRecord(d, projectUrl)));
      saved += page.items.length;
      const newest = page.items.map(d => d.updated_at).sort().pop();
      if (newest) await context.state.set(markKey, newest);
    }
    return saved;
  }
}
