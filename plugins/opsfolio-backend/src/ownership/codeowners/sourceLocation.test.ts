import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { codeownersUrls, parseRepoUrl, providerOfUrl, repoLocationOf } from './sourceLocation';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec: {},
});

describe('parseRepoUrl', () => {
  it.each([
    ['https://github.com/acme/payments-api/tree/main/', 'https://github.com/acme/payments-api', 'main', ''],
    ['https://github.com/acme/mono/tree/main/services/payments', 'https://github.com/acme/mono', 'main', 'services/payments/'],
    ['https://github.com/acme/mono/blob/v2/services/x/catalog-info.yaml', 'https://github.com/acme/mono', 'v2', 'services/x/'],
    ['https://github.com/acme/repo', 'https://github.com/acme/repo', 'HEAD', ''],
    ['https://github.com/acme/repo.git', 'https://github.com/acme/repo', 'HEAD', ''],
    ['https://ghe.acme.example/acme/repo/tree/dev/a%20b/', 'https://ghe.acme.example/acme/repo', 'dev', 'a b/'],
    ['https://github.com/acme/repo/tree/main/x?plain=1#readme', 'https://github.com/acme/repo', 'main', 'x/'],
  ])('GitHub %s', (url, repoUrl, ref, path) => {
    expect(parseRepoUrl(url)).toEqual({ provider: 'github', repoUrl, ref, path });
  });

  it.each([
    ['https://gitlab.com/acme/payments/payouts-worker/-/tree/main/', 'https://gitlab.com/acme/payments/payouts-worker', 'main', ''],
    ['https://gitlab.com/acme/mono/-/blob/main/svc/a/catalog-info.yaml', 'https://gitlab.com/acme/mono', 'main', 'svc/a/'],
    ['https://gitlab.com/acme/web/marketing-site', 'https://gitlab.com/acme/web/marketing-site', 'HEAD', ''],
    ['https://git.acme.example/acme/mono/-/tree/main/svc', 'https://git.acme.example/acme/mono', 'main', 'svc/'],
  ])('GitLab %s', (url, repoUrl, ref, path) => {
    expect(parseRepoUrl(url)).toEqual({ provider: 'gitlab', repoUrl, ref, path });
  });

  it("reads a self-managed GitLab host of any name as GitLab when the app's integrations say so", () => {
    const providerOf = providerOfUrl(
      ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            gitlab: [{ host: 'code.acme.example', apiBaseUrl: 'https://code.acme.example/api/v4', token: 't' }],
            github: [{ host: 'gitlab-mirror.acme.example', apiBaseUrl: 'https://gitlab-mirror.acme.example/api/v3' }],
          },
        }),
      ),
    );
    // No `/-/` in the URL and no "gitlab" in the name: only the config can tell.
    expect(parseRepoUrl('https://code.acme.example/platform/infra/dns', undefined, providerOf)).toEqual({
      provider: 'gitlab',
      repoUrl: 'https://code.acme.example/platform/infra/dns',
      ref: 'HEAD',
      path: '',
    });
    // Without it, a guess: GitHub's shape, where a third path segment is not a repository URL at all.
    expect(parseRepoUrl('https://code.acme.example/platform/infra/dns')).toBeUndefined();
    // A GitHub Enterprise host with "gitlab" in its name stays GitHub.
    expect(parseRepoUrl('https://gitlab-mirror.acme.example/acme/repo', undefined, providerOf)?.provider).toBe('github');
    // gitlab.com is an integration by default.
    expect(parseRepoUrl('https://gitlab.com/acme/web/site', undefined, providerOf)?.provider).toBe('gitlab');
    expect(repoLocationOf(entity({ 'backstage.io/source-location': 'url:https://code.acme.example/g/p/-/tree/main/svc/' }), providerOf)).toMatchObject({
      provider: 'gitlab',
      path: 'svc/',
    });
  });

  it.each(['not a url', 'file:///tmp/catalog-info.yaml', 'https://github.com/acme', 'https://github.com/acme/repo/pulls', 'https://github.com/acme/repo/tree/', 'https://github.com/a/b/tree/%zz/'])(
    'rejects %s',
    url => expect(parseRepoUrl(url)).toBeUndefined(),
  );
});

describe('repoLocationOf', () => {
  it('prefers the source location', () => {
    const e = entity({
      'backstage.io/source-location': 'url:https://github.com/acme/mono/tree/main/services/payments/',
      'backstage.io/managed-by-location': 'url:https://github.com/acme/other/blob/main/catalog-info.yaml',
    });
    expect(repoLocationOf(e)).toEqual({
      provider: 'github',
      repoUrl: 'https://github.com/acme/mono',
      ref: 'main',
      path: 'services/payments/',
    });
  });

  it('falls back to the directory of the managed-by location, even written as a tree URL', () => {
    const blob = entity({ 'backstage.io/managed-by-location': 'url:https://github.com/acme/mono/blob/main/svc/x/catalog-info.yaml' });
    expect(repoLocationOf(blob)?.path).toBe('svc/x/');
    const tree = entity({ 'backstage.io/managed-by-location': 'url:https://github.com/acme/mono/tree/main/catalog-info.yaml' });
    expect(repoLocationOf(tree)?.path).toBe('');
  });

  it('gives undefined for file locations and no annotations', () => {
    expect(repoLocationOf(entity({ 'backstage.io/managed-by-location': 'file:/work/examples/catalog/index.yaml' }))).toBeUndefined();
    expect(repoLocationOf(entity({}))).toBeUndefined();
  });
});

describe('codeownersUrls', () => {
  it("lists GitHub's locations in GitHub's order, at the repository root whatever the sub-path", () => {
    expect(codeownersUrls(parseRepoUrl('https://github.com/acme/mono/tree/main/services/x/')!)).toEqual([
      'https://github.com/acme/mono/blob/main/.github/CODEOWNERS',
      'https://github.com/acme/mono/blob/main/CODEOWNERS',
      'https://github.com/acme/mono/blob/main/docs/CODEOWNERS',
    ]);
  });

  it("lists GitLab's locations in GitLab's order", () => {
    expect(codeownersUrls(parseRepoUrl('https://gitlab.com/acme/payments/payouts-worker/-/tree/main/')!)).toEqual([
      'https://gitlab.com/acme/payments/payouts-worker/-/blob/main/CODEOWNERS',
      'https://gitlab.com/acme/payments/payouts-worker/-/blob/main/docs/CODEOWNERS',
      'https://gitlab.com/acme/payments/payouts-worker/-/blob/main/.gitlab/CODEOWNERS',
    ]);
  });
});
