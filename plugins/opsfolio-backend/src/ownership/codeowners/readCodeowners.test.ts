import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import { parseAllDocuments } from 'yaml';
import { checkCodeowners } from './check';
import { ownerDirectory } from './matchGroups';
import { ScmIntegrations } from '@backstage/integration';
import { gitlabApiFileReader, type FileReader } from './gitlabFiles';
import { readCodeowners } from './readCodeowners';
import { codeownersUrls, repoLocationOf } from './sourceLocation';

const URLS = ['https://github.com/a/r/blob/main/.github/CODEOWNERS', 'https://github.com/a/r/blob/main/CODEOWNERS', 'https://github.com/a/r/blob/main/docs/CODEOWNERS'];

/** A reader over a map of url -> text | error, recording what it was asked. */
function fakeReader(files: Record<string, string | Error>, etag = '"v1"') {
  const calls: Array<{ url: string; etag?: string }> = [];
  const reader = {
    async readUrl(url: string, options?: { etag?: string }) {
      calls.push({ url, ...(options?.etag && { etag: options.etag }) });
      const file = files[url];
      if (file === undefined) throw new NotFoundError(`no ${url}`);
      if (file instanceof Error) throw file;
      if (options?.etag === etag) throw new NotModifiedError();
      return { buffer: async () => Buffer.from(file), etag };
    },
  } as unknown as UrlReaderService;
  return { reader, calls };
}

describe('readCodeowners with a fake reader', () => {
  it('returns the first file that exists, trying candidates in order', async () => {
    const { reader, calls } = fakeReader({ [URLS[1]!]: '* @a', [URLS[2]!]: '* @b' });
    expect(await readCodeowners(reader, URLS)).toEqual({ url: URLS[1], text: '* @a', etag: '"v1"' });
    expect(calls.map(c => c.url)).toEqual(URLS.slice(0, 2));
  });

  it('returns undefined when there is none, and throws other errors', async () => {
    expect(await readCodeowners(fakeReader({}).reader, URLS)).toBeUndefined();
    const failing = fakeReader({ [URLS[1]!]: new Error('403 rate limit exceeded'), [URLS[2]!]: '* @b' });
    await expect(readCodeowners(failing.reader, URLS)).rejects.toThrow('rate limit');
  });

  it('asks the previous URL with its ETag, after the candidates that take precedence', async () => {
    const { reader, calls } = fakeReader({ [URLS[1]!]: '* @a' });
    expect(await readCodeowners(reader, URLS, { previous: { url: URLS[1]!, etag: '"v1"' } })).toEqual({ url: URLS[1], etag: '"v1"', notModified: true });
    expect(calls).toEqual([{ url: URLS[0] }, { url: URLS[1], etag: '"v1"' }]);
    // A changed file comes back whole, with its new ETag.
    expect(await readCodeowners(reader, URLS, { previous: { url: URLS[1]!, etag: '"v0"' } })).toEqual({ url: URLS[1], text: '* @a', etag: '"v1"' });
  });
});

/** The demo's catalog, as examples/ holds it, with the owner directory CODEOWNERS are matched against. */
function demoCatalog() {
  const examples = fileURLToPath(new URL('../../../../../examples/', import.meta.url));
  const index = resolve(examples, 'catalog/index.yaml');
  const read = (file: string): Entity[] => parseAllDocuments(readFileSync(file, 'utf8')).map(d => d.toJS());
  const entities = (read(index)[0]!.spec!.targets as string[]).flatMap(t => read(resolve(dirname(index), t)));
  const component = (name: string) => entities.find(e => e.kind === 'Component' && e.metadata.name === name)!;
  return { examples, directory: ownerDirectory(entities), component };
}

// End to end: Backstage's own GitHub UrlReader against the simulator serving the demo scenario.
describe('readCodeowners through the GitHub UrlReader against the simulator (demo data)', () => {
  const { examples, directory, component } = demoCatalog();

  let simulator: RunningSimulator;
  let reader: UrlReaderService;
  beforeAll(async () => {
    simulator = await startSimulator({ scenario: loadScenario(resolve(examples, 'scenario.yaml')) });
    const config = new ConfigReader({
      integrations: { github: [{ host: 'github.com', apiBaseUrl: `${simulator.url}/github`, token: 'demo-github-token' }] },
    });
    reader = UrlReaders.default({ config, logger: mockServices.logger.mock() });
  });
  afterAll(() => simulator?.close());
  beforeEach(() => simulator.clearRequests());

  const check = async (name: string) => {
    const entity = component(name);
    const location = repoLocationOf(entity)!;
    const file = await readCodeowners(reader, codeownersUrls(location));
    if (!file || 'notModified' in file) throw new Error(`no CODEOWNERS for ${name}`);
    return { file, result: checkCodeowners({ file, path: location.path, entityOwnerRef: entity.spec!.owner as string, directory }) };
  };

  it('reads payments-api through GET /repos/{owner}/{repo}/contents/{path}?ref=main, raw, and agrees', async () => {
    const { file, result } = await check('payments-api');
    expect(file.url).toBe('https://github.com/acme/payments-api/blob/main/.github/CODEOWNERS');
    expect(result).toMatchObject({ status: 'agrees', owners: [{ owner: '@acme/team-payments', entityRef: 'group:default/team-payments' }], problems: [] });
    const [request] = await simulator.requests('github');
    expect(request).toMatchObject({
      method: 'GET',
      path: '/repos/acme/payments-api/contents/.github/CODEOWNERS',
      query: { ref: 'main' },
      status: 200,
      headers: { accept: 'application/vnd.github.v3.raw' },
      auth: { present: true, scheme: 'Bearer' },
    });
  });

  it('reports the planted drift on storefront-web', async () => {
    const { result } = await check('storefront-web');
    expect(result).toMatchObject({
      status: 'drift',
      ownerRef: 'group:default/team-growth',
      owners: [{ owner: '@acme/team-checkout', kind: 'team', entityRef: 'group:default/team-checkout' }],
    });
  });

  it('falls back to the root CODEOWNERS (events-pipeline) after a 404, and revalidates with one 304', async () => {
    const { file, result } = await check('events-pipeline');
    expect(file.url).toBe('https://github.com/acme/events-pipeline/blob/main/CODEOWNERS');
    expect(result).toMatchObject({ status: 'agrees', rule: { line: 2, pattern: '*' } });
    expect((await simulator.requests('github')).map(r => r.status)).toEqual([404, 200]);

    await simulator.clearRequests();
    const urls = codeownersUrls(repoLocationOf(component('events-pipeline'))!);
    const again = await readCodeowners(reader, urls, { previous: { url: file.url, etag: file.etag } });
    expect(again).toEqual({ url: file.url, etag: file.etag, notModified: true });
    const requests = await simulator.requests('github');
    expect(requests.map(r => r.status)).toEqual([404, 304]);
    expect(requests[1]!.headers['if-none-match']).toBe(file.etag);
  });

  it('gives undefined for a repository without CODEOWNERS, and throws a server error for the caller', async () => {
    expect(await readCodeowners(reader, codeownersUrls({ provider: 'github', repoUrl: 'https://github.com/acme/nope', ref: 'main', path: '' }))).toBeUndefined();
    await simulator.addFault({ vendor: 'github', path: '/repos/acme/api-gateway/contents/**', status: 502 });
    const urls = codeownersUrls(repoLocationOf(component('api-gateway'))!);
    await expect(readCodeowners(reader, urls)).rejects.toThrow(/502/);
    await simulator.clearFaults();
  });
});

// GitLab, read through the integration's apiBaseUrl (the simulator), GitHub still through Backstage's reader.
describe('readCodeowners from GitLab through its API base URL against the simulator (demo data)', () => {
  const { examples, directory, component } = demoCatalog();

  let simulator: RunningSimulator;
  let reader: FileReader;
  beforeAll(async () => {
    simulator = await startSimulator({ scenario: loadScenario(resolve(examples, 'scenario.yaml')) });
    const config = new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl: `${simulator.url}/github`, token: 'demo-github-token' }],
        gitlab: [{ host: 'gitlab.com', apiBaseUrl: `${simulator.url}/gitlab/api/v4`, token: 'demo-gitlab-token' }],
      },
    });
    reader = gitlabApiFileReader(ScmIntegrations.fromConfig(config), UrlReaders.default({ config, logger: mockServices.logger.mock() }));
  });
  afterAll(() => simulator?.close());
  beforeEach(() => simulator.clearRequests());

  const urlsOf = (name: string) => codeownersUrls(repoLocationOf(component(name))!);
  const check = async (name: string) => {
    const file = await readCodeowners(reader, urlsOf(name));
    if (!file || 'notModified' in file) throw new Error(`no CODEOWNERS for ${name}`);
    return { file, result: checkCodeowners({ file, path: '', entityOwnerRef: component(name).spec!.owner as string, directory }) };
  };

  it('reads feature-flags at the root with GitLab sections and a nested group, and agrees', async () => {
    const { file, result } = await check('feature-flags');
    expect(file.url).toBe('https://gitlab.com/acme/platform/feature-flags/-/blob/main/CODEOWNERS');
    expect(result).toMatchObject({
      status: 'agrees',
      owners: [{ owner: '@acme/platform/team-devex', entityRef: 'group:default/team-devex' }],
      problems: [],
    });
    const [request] = await simulator.requests('gitlab');
    expect(request).toMatchObject({ method: 'GET', query: { ref: 'main' }, status: 200, auth: { present: true, scheme: 'Bearer' } });
    expect(decodeURIComponent(request!.path)).toBe('/projects/acme/platform/feature-flags/repository/files/CODEOWNERS/raw');
  });

  it('falls back to docs/ and .gitlab/ after 404s, and revalidates with one 304', async () => {
    const { file, result } = await check('reporting-service');
    expect(file.url).toBe('https://gitlab.com/acme/data/reporting-service/-/blob/main/docs/CODEOWNERS');
    expect(result).toMatchObject({ status: 'agrees', ownerRef: 'group:default/team-data' });
    expect((await simulator.requests('gitlab')).map(r => r.status)).toEqual([404, 200]);
    await simulator.clearRequests();
    const again = await readCodeowners(reader, urlsOf('reporting-service'), { previous: { url: file.url, etag: file.etag } });
    expect(again).toEqual({ url: file.url, etag: file.etag, notModified: true });
    expect((await simulator.requests('gitlab')).map(r => r.status)).toEqual([404, 304]);

    const payouts = await check('payouts-worker');
    expect(payouts.file.url).toBe('https://gitlab.com/acme/payments/payouts-worker/-/blob/main/.gitlab/CODEOWNERS');
    expect(payouts.result).toMatchObject({ status: 'agrees', ownerRef: 'group:default/team-payments' });
  });

  it('gives undefined for a GitLab project without CODEOWNERS, and still reads GitHub through the UrlReader', async () => {
    expect(await readCodeowners(reader, urlsOf('legacy-sso-bridge'))).toBeUndefined();
    expect((await simulator.requests('gitlab')).map(r => r.status)).toEqual([404, 404, 404]);
    const { result } = await check('payments-api');
    expect(result).toMatchObject({ status: 'agrees', ownerRef: 'group:default/team-payments' });
    expect(await simulator.requests('github')).toHaveLength(1);
  });

  it('says what GitLab answered when it fails', async () => {
    await simulator.addFault({ vendor: 'gitlab', path: '/projects/**', status: 502 });
    await expect(readCodeowners(reader, urlsOf('feature-flags'))).rejects.toThrow(/GitLab answered 502 .* for https:\/\/gitlab\.com\/acme\/platform\/feature-flags\/-\/blob\/main\/CODEOWNERS/);
    await simulator.clearFaults();
  });
});
