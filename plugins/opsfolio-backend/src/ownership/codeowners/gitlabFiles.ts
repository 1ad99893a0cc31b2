import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { getGitLabRequestOptions, type ScmIntegrationRegistry } from '@backstage/integration';

/** What {@link readCodeowners} needs of a reader: a file by URL, conditionally on an ETag. */
export interface FileReader {
  readUrl(url: string, options?: { etag?: string; signal?: AbortSignal }): Promise<{ buffer(): Promise<Buffer>; etag?: string }>;
}

/**
 * Reads GitLab files (`<project>/-/blob/<ref>/<path>` URLs) through the integration's `apiBaseUrl`
 * (`GET /projects/:path/repository/files/:file/raw?ref=`), with its token. Backstage's GitLab UrlReader
 * builds its API URL on the web host instead, so a GitLab whose API lives elsewhere (a proxy, an API-only
 * host, the demo's simulator) could not be read. Other URLs go to `fallback`.
 */
export function gitlabApiFileReader(integrations: ScmIntegrationRegistry, fallback: FileReader): FileReader {
  return {
    async readUrl(url, options = {}) {
      const integration = integrations.gitlab.byUrl(url);
      const at = url.indexOf('/-/blob/');
      if (!integration || at < 0) return fallback.readUrl(url, options);
      const project = new URL(url.slice(0, at)).pathname.replace(/^\/+/, '');
      const [ref, ...file] = url.slice(at + '/-/blob/'.length).split('/');
      const api =
        `${integration.config.apiBaseUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(decodeURIComponent(project))}` +
        `/repository/files/${encodeURIComponent(decodeURIComponent(file.join('/')))}/raw?ref=${encodeURIComponent(decodeURIComponent(ref!))}`;
      const { headers } = getGitLabRequestOptions(integration.config);
      const response = await fetch(api, {
        headers: { ...headers, ...(options.etag && { 'If-None-Match': options.etag }) },
        signal: options.signal,
      });
      if (response.status === 304) throw new NotModifiedError();
      if (response.status === 404) throw new NotFoundError(`${url} does not exist`);
      if (!response.ok) throw new Error(`GitLab answered ${response.status} ${response.statusText} for ${url} (read as ${api})`);
      const buffer = Buffer.from(await response.arrayBuffer());
      const etag = response.headers.get('etag') ?? undefined;
      return { buffer: async () => buffer, ...(etag && { etag }) };
    },
  };
}
